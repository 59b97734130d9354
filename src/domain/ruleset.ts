// The legal baseline every outcome, export and PDF is stamped with (spec/README.md), and the revisions of this
// app's rules within it (a revision changes what is asked or decided; the baseline law stays the same).

export const RULESET = 'appi-2025-10';
/** The date the baseline describes: the Act as in force on this day. */
export const RULESET_BASELINE_DATE = '2025-10-01';

/**
 * Every revision of the rules this app has applied, oldest first: "2025-10" is the spec as first implemented,
 * "2026-12" the revision of spec/README.md (improper use, My Number Act reporting, incidents at a contractor…).
 */
export const RULES_REVISIONS = ['2025-10', '2026-12'] as const;
export type RulesRevision = (typeof RULES_REVISIONS)[number];
/** The revision this build applies. */
export const RULES_REVISION: RulesRevision = '2026-12';

export function isKnownRevision(x: string): x is RulesRevision {
  return (RULES_REVISIONS as readonly string[]).includes(x);
}
