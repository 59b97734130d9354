// Model-based: the walk is the model. Every answer combination the rules can ask is enumerated; one answer path
// per outcome and question sequence is replayed on the wizard machine, which must ask exactly those questions in
// that order, end in that outcome's final state, and agree with evaluate(). Every final state must be reached.

import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { evaluate } from '../../src/domain/evaluate';
import { implementedFlows } from '../../src/domain/flows/registry';
import { walk, type FlowDefinition } from '../../src/domain/interrogate';
import { createFlowMachine } from '../../src/domain/machine';
import type { FactValue } from '../../src/domain/types';
import { sampleAnswers } from './flow-helpers';

interface Shape {
  outcome: string;
  path: string[];
  facts: Record<string, FactValue>;
}

/**
 * One answer set per (outcome, question sequence). "Not sure" is left out: it is read as its conservative answer,
 * so it opens the same questions and outcome id (its conventions have their own tests per flow). The leak tree has
 * about half a million nodes, so this walks facts directly rather than through the machine.
 */
function shapes(def: FlowDefinition): Map<string, Shape> {
  const found = new Map<string, Shape>();
  const visit = (facts: Record<string, FactValue>) => {
    const w = walk(def, facts, { mode: 'interactive' });
    if (w.kind === 'invalid') throw new Error(`${def.id}: the walk refused ${w.factId} (${w.problem})`);
    if (w.kind === 'complete') {
      const key = JSON.stringify([w.outcome.outcome, w.path]);
      if (!found.has(key)) found.set(key, { outcome: w.outcome.outcome, path: w.path, facts });
      return;
    }
    for (const v of sampleAnswers(w.next, { facts })) if (v !== 'unsure') visit({ ...facts, [w.next.id]: v });
  };
  visit({});
  return found;
}

describe.each(implementedFlows().map((f) => [f.id, f] as [string, FlowDefinition]))('model-based paths: %s', (_id, def) => {
  const machine = createFlowMachine(def);
  const all = [...shapes(def).values()];

  it.each(def.outcomes.map((o) => [o]))('reaches final state "%s"', (outcome) => {
    expect(
      all.some((s) => s.outcome === outcome),
      `final state ${outcome} is unreachable`,
    ).toBe(true);
  });

  it('every path replays on a fresh wizard: the same questions in order, the same final state, as evaluate() says', () => {
    expect(all.length).toBeGreaterThanOrEqual(def.outcomes.length);
    for (const s of all) {
      const actor = createActor(machine, { input: {} }).start();
      const asked: string[] = [];
      for (const id of s.path) {
        const snap = actor.getSnapshot();
        asked.push(String(snap.context.current));
        actor.send({ type: 'ANSWER', value: s.facts[id] as FactValue });
      }
      expect(asked, `${s.outcome} via ${s.path.join(' → ')}`).toEqual(s.path);
      expect(actor.getSnapshot().value).toBe('review');
      actor.send({ type: 'CONFIRM' });
      const snap = actor.getSnapshot();
      expect(snap.status).toBe('done');
      expect(snap.value).toBe(s.outcome);
      const r = evaluate(def.id, snap.context.facts);
      expect(r.ok && r.outcome.outcome).toBe(s.outcome);
    }
  });
});
