// The legal baseline every outcome, export and PDF is stamped with (spec/README.md).

export const RULESET = 'appi-2025-10';
/** The date the baseline describes: the Act as in force on this day. */
export const RULESET_BASELINE_DATE = '2025-10-01';
