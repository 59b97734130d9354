// For a provisional outcome: what each open question's other answers would lead to, by re-running evaluation.

import { questionOf, walk, type FlowDefinition } from './engine';
import type { FactValue, Facts, Outcome } from './types';

export interface Alternative {
  value: FactValue;
  /** The outcome if the question were answered this way, or 'more-questions' when the path would go on. */
  result: { kind: 'outcome'; outcome: Outcome } | { kind: 'more-questions'; next: string };
  /** True when this answer leads to a different outcome id, grounds, duties or deadlines. */
  changes: boolean;
}

export interface OpenQuestionEffect {
  factId: string;
  alternatives: Alternative[];
}

function alternativesFor(flow: FlowDefinition, factId: string): FactValue[] {
  const q = questionOf(flow, factId);
  if (q?.type === 'tri') return ['yes', 'no'];
  if (q?.type === 'count') return [...q.samples];
  return [];
}

const signature = (o: Outcome) =>
  JSON.stringify([o.outcome, o.grounds, o.duties, o.reasons, o.deadlines.map((d) => [d.duty, d.days, d.due])]);

export function whatIf(flow: FlowDefinition, facts: Facts, current: Outcome): OpenQuestionEffect[] {
  return current.openQuestions.map((factId) => {
    const seen = new Set<string>();
    const alternatives: Alternative[] = [];
    for (const value of alternativesFor(flow, factId)) {
      const w = walk(flow, { ...facts, [factId]: value }, { mode: 'evaluate' });
      if (w.kind === 'invalid') continue;
      const alt: Alternative =
        w.kind === 'complete'
          ? { value, result: { kind: 'outcome', outcome: w.outcome }, changes: signature(w.outcome) !== signature(current) }
          : { value, result: { kind: 'more-questions', next: w.next.id }, changes: true };
      // Counts: keep only values that give distinct results, so the UI shows the thresholds, not five rows.
      const key = w.kind === 'complete' ? signature(w.outcome) : `needs:${w.next.id}`;
      if (questionOf(flow, factId)?.type === 'count' && seen.has(key)) continue;
      seen.add(key);
      alternatives.push(alt);
    }
    return { factId, alternatives };
  });
}
