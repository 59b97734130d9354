// A wizard session needs only somewhere to save: with a memory store (a quiz, a preview) it runs the same wizard,
// saves each step, and writes nothing to IndexedDB.

import { describe, expect, it } from 'vitest';
import { memoryRunStore } from '../../src/app/run-store';
import { leakFlow } from '../../src/domain/flows/leak';
import { newEnvelope } from '../../src/storage/envelope';
import { AssessmentSession } from '../../src/ui/session.svelte';
import { leakFacts } from '../fixtures/leak-facts';

describe('a session on a memory store', () => {
  it('answers to the outcome, keeping every step in memory only', async () => {
    const store = memoryRunStore();
    const env = newEnvelope('leak', 'quiz-1', 'クイズ', new Date('2026-12-02T00:00:00Z'));
    const session = new AssessmentSession(leakFlow, env, store);
    const facts = leakFacts({ sensitive: 'yes' }, ['ransomware']);
    for (let i = 0; i < 40 && session.snapshot.value !== 'review'; i++) {
      const id = session.snapshot.context.current;
      if (!id) break;
      session.send({ type: 'ANSWER', value: facts[id] as never });
    }
    expect(session.snapshot.value).toBe('review');
    session.send({ type: 'CONFIRM' });
    expect(session.snapshot.status).toBe('done');
    expect(session.snapshot.output?.outcome).toBe('reportable');
    await Promise.resolve();
    expect(store.get('quiz-1')?.outcome?.outcome).toBe('reportable');
    expect(store.get('quiz-1')?.position).toEqual({ screen: 'outcome' });
    session.stop();
  });
});
