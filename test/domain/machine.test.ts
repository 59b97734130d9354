// The wizard machine: one question at a time, back and change, pruning of answers that no longer apply,
// refused answers leaving facts untouched, review, and a final state per outcome.

import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { leakFlow } from '../../src/domain/flows/leak';
import { createFlowMachine } from '../../src/domain/machine';
import type { FactValue, Facts } from '../../src/domain/types';
import { leakFacts, leakFactsBefore } from '../fixtures/leak-facts';

const machine = createFlowMachine(leakFlow);
const start = (input: { facts?: Facts; at?: string; today?: string; reviewWhenAnswered?: boolean } = {}) => {
  const a = createActor(machine, { input });
  a.start();
  return a;
};
const answer = (a: ReturnType<typeof start>, value: FactValue) => a.send({ type: 'ANSWER', value });
const current = (a: ReturnType<typeof start>) => a.getSnapshot().context.current;

describe('leak wizard machine', () => {
  it('a run that was complete before (rules revised since) asks only what is missing, then reviews', () => {
    // Saved before the 2026-12 revision: everything but the new atContractor question is answered.
    const facts = leakFacts({ sensitive: 'yes' }, ['atContractor', 'ransomware']);
    const a = start({ facts, reviewWhenAnswered: true });
    expect(current(a)).toBe('atContractor');
    answer(a, 'no');
    expect(a.getSnapshot().value).toBe('review');
    // Without it, the wizard steps on through the questions after it, already answered.
    const b = start({ facts });
    answer(b, 'no');
    expect(current(b)).toBe('privacyMark');
  });

  it('asks the first question, then follows the rules to the next', () => {
    const a = start();
    expect(a.getSnapshot().value).toBe('asking');
    expect(current(a)).toBe('actor');
    answer(a, 'business');
    expect(current(a)).toBe('events');
    answer(a, ['loss']);
    expect(current(a)).toBe('certainty');
    answer(a, 'confirmed');
    expect(current(a)).toBe('copyExists');
  });

  it('refuses an invalid answer with the problem, and keeps the saved facts', () => {
    const a = start({ facts: { actor: 'business' } });
    answer(a, 'nonsense');
    const s = a.getSnapshot();
    expect(s.value).toBe('asking');
    expect(s.context.current).toBe('events');
    expect(s.context.error).toEqual({ factId: 'events', problem: 'not-list' });
    expect(s.context.facts).toEqual({ actor: 'business' });
    answer(a, []);
    expect(a.getSnapshot().context.error).toBeNull();
  });

  it('refuses a knownOn in the future when today is known', () => {
    const a = start({ facts: leakFacts({ sensitive: 'yes' }, ['knownOn', 'ransomware']), today: '2026-11-22' });
    expect(current(a)).toBe('knownOn');
    answer(a, '2026-11-23');
    expect(a.getSnapshot().context.error).toEqual({ factId: 'knownOn', problem: 'future-date' });
    expect(a.getSnapshot().context.facts.knownOn).toBeUndefined();
    answer(a, '2026-11-22');
    expect(a.getSnapshot().value).toBe('review');
  });

  it('back goes to the previous question on the path; re-answering moves forward in order', () => {
    const a = start();
    answer(a, 'business');
    answer(a, ['leak']);
    answer(a, 'confirmed');
    expect(current(a)).toBe('recoveredUnseen');
    a.send({ type: 'BACK' });
    expect(current(a)).toBe('certainty');
    a.send({ type: 'BACK' });
    expect(current(a)).toBe('events');
    answer(a, ['leak']);
    expect(current(a)).toBe('certainty');
  });

  it('back on the first question does nothing (the UI leaves the wizard)', () => {
    const a = start();
    a.send({ type: 'BACK' });
    expect(current(a)).toBe('actor');
  });

  it('changing an earlier answer drops later answers that no longer apply', () => {
    const a = start({ facts: leakFactsBefore('sensitive') });
    expect(current(a)).toBe('sensitive');
    a.send({ type: 'CHANGE', id: 'events' });
    expect(current(a)).toBe('events');
    answer(a, []);
    const s = a.getSnapshot();
    expect(s.value).toBe('review');
    expect(s.context.facts).toEqual({ actor: 'business', events: [] });
  });

  it('from review, change one answer and come straight back when nothing else is needed', () => {
    const a = start({ facts: { actor: 'business', events: ['leak'], certainty: 'confirmed', recoveredUnseen: 'yes' } });
    expect(a.getSnapshot().value).toBe('review');
    a.send({ type: 'CHANGE', id: 'certainty' });
    expect(a.getSnapshot().value).toBe('asking');
    answer(a, 'suspected');
    expect(a.getSnapshot().value).toBe('review');
    expect(a.getSnapshot().context.facts.certainty).toBe('suspected');
  });

  it('from review, a change that opens new questions asks them first', () => {
    const a = start({ facts: { actor: 'business', events: ['leak'], certainty: 'confirmed', recoveredUnseen: 'yes' } });
    a.send({ type: 'CHANGE', id: 'recoveredUnseen' });
    answer(a, 'no');
    expect(a.getSnapshot().value).toBe('asking');
    expect(current(a)).toBe('dataKind');
  });

  it('a change link for a question not on the path is ignored', () => {
    const a = start({ facts: { actor: 'business', events: [] } });
    a.send({ type: 'CHANGE', id: 'persons' });
    expect(a.getSnapshot().value).toBe('review');
  });

  it('confirming the review reaches the final state named after the outcome', () => {
    const a = start({ facts: { actor: 'business', events: ['leak'], certainty: 'confirmed', recoveredUnseen: 'yes' } });
    a.send({ type: 'CONFIRM' });
    expect(a.getSnapshot().status).toBe('done');
    expect(a.getSnapshot().value).toBe('no-incident');
  });

  it('opens on a given question (resume "exactly where they were")', () => {
    const a = start({ facts: { actor: 'business', events: ['leak'], certainty: 'confirmed' }, at: 'events' });
    expect(current(a)).toBe('events');
    expect(a.getSnapshot().context.facts).toEqual({ actor: 'business', events: ['leak'], certainty: 'confirmed' });
  });

  it('ignores stored facts that are off the path when restoring', () => {
    const a = start({ facts: { actor: 'business', events: [], persons: 5 } });
    expect(a.getSnapshot().context.facts).toEqual({ actor: 'business', events: [] });
  });
});
