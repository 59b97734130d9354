// What changed between two outcomes of the same answers (e.g. a verdict saved under earlier rules and what this
// build's rules give): the parts a person acts on, named, so a screen can say "the verdict changed" or not.

import type { Outcome } from './types';

/** The parts of an outcome that change what a person must do, in the order a person reads them. */
export const VERDICT_PARTS = ['outcome', 'grounds', 'reasons', 'duties', 'deadlines', 'tags'] as const;
export type VerdictPart = (typeof VERDICT_PARTS)[number];

export type OutcomeChange =
  /** The later rules need answers to questions the earlier ones did not ask. */
  | { kind: 'needs-answers' }
  /** The verdict differs in these parts. */
  | { kind: 'changed'; parts: VerdictPart[] }
  /** Same verdict; only notes, sources or open questions differ (or nothing at all). */
  | { kind: 'same-verdict' };

const part = (o: Outcome, p: VerdictPart) =>
  JSON.stringify(p === 'deadlines' ? o.deadlines.map((d) => [d.duty, d.days, d.minDays, d.maxDays, d.due, d.dueFrom, d.dueTo]) : o[p]);

export function compareOutcomes(before: Outcome, after: Outcome | null): OutcomeChange {
  if (!after) return { kind: 'needs-answers' };
  const parts = VERDICT_PARTS.filter((p) => part(before, p) !== part(after, p));
  return parts.length ? { kind: 'changed', parts } : { kind: 'same-verdict' };
}
