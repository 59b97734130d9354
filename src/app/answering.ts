// What an answer does to a run beyond its facts: the "carried over" (prefilled) mark, which belongs to an answer
// only while it is the one carried over from another run.

import type { FactValue, Facts } from '../domain/types';

/**
 * The prefilled fact ids after `factId` is answered with `value`: a carried-over answer stays marked while it is
 * kept; changing it makes it the user's own.
 */
export function prefilledAfterAnswer(prefilled: readonly string[], facts: Facts, factId: string, value: FactValue): string[] {
  const changed = JSON.stringify(value) !== JSON.stringify(facts[factId]);
  return changed ? prefilled.filter((id) => id !== factId) : [...prefilled];
}

/** A carried-over fact that is no longer among the run's answers (pruned from the path) is no longer prefilled. */
export function prefilledStillAnswered(prefilled: readonly string[], facts: Facts): string[] {
  return prefilled.filter((id) => id in facts);
}
