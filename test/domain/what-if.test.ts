// What-if hints for provisional outcomes: each open question's other answers, re-evaluated by the same rules.

import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/domain/evaluate';
import { leakFlow } from '../../src/domain/flows/leak';
import type { Facts } from '../../src/domain/types';
import { whatIf } from '../../src/domain/what-if';
import { LEAK_BASE } from '../fixtures/leak-facts';

const base = LEAK_BASE;
const outcomeOf = (facts: Facts) => {
  const r = evaluate('leak', facts);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.outcome;
};

describe('whatIf', () => {
  it('an unsure ground: "no" would make it not reportable, "yes" changes nothing', () => {
    const facts = { ...base, sensitive: 'unsure' };
    const [effect] = whatIf(leakFlow, facts, outcomeOf(facts));
    expect(effect?.factId).toBe('sensitive');
    const byValue = Object.fromEntries(effect!.alternatives.map((a) => [String(a.value), a]));
    expect(byValue.yes?.changes).toBe(false);
    expect(byValue.no?.changes).toBe(true);
    expect(byValue.no?.result).toMatchObject({ kind: 'outcome', outcome: { outcome: 'not-reportable', provisional: false } });
  });

  it('an unknown count shows each side of the threshold once', () => {
    const facts = { ...base, persons: 'unknown' };
    const [effect] = whatIf(leakFlow, facts, outcomeOf(facts));
    const results = effect!.alternatives.map((a) => [a.value, a.result.kind === 'outcome' ? a.result.outcome.outcome : a.result.kind]);
    expect(results).toEqual([
      [1, 'not-reportable'],
      [1001, 'reportable'],
    ]);
  });

  it('an answer that opens further questions says so instead of guessing', () => {
    // "Not sure" it was recovered reads as "no" and the walk ends early (the loss has a copy, data is "other");
    // with "no" the same path follows, with "yes" every event is excluded.
    const facts = {
      actor: 'business',
      events: ['leak'],
      certainty: 'confirmed',
      recoveredUnseen: 'unsure',
      dataKind: 'other',
      myNumber: 'no',
      privacyMark: 'no',
    } as Facts;
    const [effect] = whatIf(leakFlow, facts, outcomeOf(facts));
    expect(effect?.alternatives.find((a) => a.value === 'yes')?.result).toMatchObject({
      kind: 'outcome',
      outcome: { outcome: 'no-incident' },
    });
    // From "other" data to personal data would open the ground questions: shown as "more questions".
    const partial = {
      actor: 'business',
      events: ['leak'],
      certainty: 'confirmed',
      recoveredUnseen: 'no',
      dataKind: 'personal-data',
      protected: 'unsure',
      sensitive: 'no',
      financial: 'no',
      wrongful: 'no',
      persons: 1,
      myNumber: 'no',
      atContractor: 'no',
      privacyMark: 'no',
    } as Facts;
    const [p] = whatIf(leakFlow, partial, outcomeOf(partial));
    const yes = p?.alternatives.find((a) => a.value === 'yes');
    expect(yes?.result).toMatchObject({ kind: 'outcome', outcome: { outcome: 'not-reportable', reasons: ['protected'] } });
  });

  it('nothing to show for a definite outcome', () => {
    expect(whatIf(leakFlow, base, outcomeOf(base))).toEqual([]);
  });
});
