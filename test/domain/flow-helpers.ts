// Shared by the flow tests: evaluate facts that must evaluate, and compare an outcome's lists whole.

import { expect } from 'vitest';
import { evaluate } from '../../src/domain/evaluate';
import type { FactValue, Facts, FlowId, Outcome, Question } from '../../src/domain/types';
import { countLimit } from '../../src/domain/validate';

export function runFlow(flow: FlowId, facts: Facts): Outcome & { path: string[] } {
  const r = evaluate(flow, facts);
  if (!r.ok) throw new Error(`evaluation failed: ${JSON.stringify(r.error)}`);
  return { ...r.outcome, path: r.path };
}

export interface Expected {
  outcome: string;
  grounds?: string[];
  tags?: string[];
  duties?: string[];
  notes?: string[];
  reasons?: string[];
}

/** Every list is compared whole (absent = empty; the outcome keeps lists sorted), so an extra or missing id fails. */
export function expectOutcome(o: Outcome, e: Expected): void {
  const sorted = (xs: string[] | undefined) => [...(xs ?? [])].sort();
  expect({ outcome: o.outcome, grounds: o.grounds, tags: o.tags, duties: o.duties, notes: o.notes, reasons: o.reasons }).toEqual({
    outcome: e.outcome,
    grounds: sorted(e.grounds),
    tags: sorted(e.tags),
    duties: sorted(e.duties),
    notes: sorted(e.notes),
    reasons: sorted(e.reasons),
  });
}

/**
 * Answers worth trying for a question: every tri value, every enum option, none and each option alone for a multi,
 * each count sample the other answers allow plus "unknown", the earliest date and a blank one.
 */
export function sampleAnswers(q: Question, { facts }: { facts?: Facts } = {}): FactValue[] {
  switch (q.type) {
    case 'tri':
      return ['yes', 'no', 'unsure'];
    case 'enum':
      return [...q.options];
    case 'multi':
      return [[], ...q.options.map((o) => [o])];
    case 'count': {
      const limit = countLimit(q, facts);
      return [...q.samples.filter((n) => limit === null || n <= limit), 'unknown'];
    }
    case 'date':
      return [q.min, null];
  }
}
