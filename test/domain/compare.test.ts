// Comparing a saved verdict with what the current rules give: more questions, a changed verdict (naming the parts a
// person acts on), or the same verdict when only notes, sources or open questions differ.

import { describe, expect, it } from 'vitest';
import { compareOutcomes } from '../../src/domain/compare';
import type { Outcome } from '../../src/domain/types';
import { runFlow } from './flow-helpers';
import { leakFacts } from '../fixtures/leak-facts';

const reportable = (): Outcome => runFlow('leak', leakFacts({ sensitive: 'yes' }));

describe('compareOutcomes', () => {
  it('no outcome under the current rules: they need more answers', () => {
    expect(compareOutcomes(reportable(), null)).toEqual({ kind: 'needs-answers' });
  });
  it('identical, or differing only in notes, citations and open questions: the same verdict', () => {
    const o = reportable();
    expect(compareOutcomes(o, o)).toEqual({ kind: 'same-verdict' });
    expect(compareOutcomes(o, { ...o, notes: ['my-number-act'], citations: [], openQuestions: ['x'], provisional: true })).toEqual({
      kind: 'same-verdict',
    });
  });
  it('names each part that changed, in reading order', () => {
    const before = runFlow('leak', leakFacts({}));
    const after = reportable();
    expect(compareOutcomes(before, after)).toEqual({ kind: 'changed', parts: ['outcome', 'grounds', 'reasons', 'duties', 'deadlines'] });
  });
  it('a moved due date alone is a change of deadlines', () => {
    const o = reportable();
    const moved = { ...o, deadlines: o.deadlines.map((d) => (d.duty === 'report-final' ? { ...d, due: '2026-04-01' } : d)) };
    expect(compareOutcomes(o, moved)).toEqual({ kind: 'changed', parts: ['deadlines'] });
  });
});
