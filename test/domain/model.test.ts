// Model-based: xstate's graph utilities find a shortest answer path to every final state of each flow
// machine; the test fails if a final state is unreachable, and replays each path through evaluate().

import { getShortestPaths } from '@xstate/graph';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { evaluate } from '../../src/domain/evaluate';
import { implementedFlows } from '../../src/domain/flows/registry';
import { questionOf, type FlowDefinition } from '../../src/domain/interrogate';
import { createFlowMachine, type FlowMachine, type WizardEvent } from '../../src/domain/machine';
import type { SnapshotFrom } from 'xstate';
import { sampleAnswers } from './flow-helpers';

describe.each(implementedFlows().map((f) => [f.id, f] as [string, FlowDefinition]))('model-based paths: %s', (_id, def) => {
  const machine = createFlowMachine(def);
  const paths = getShortestPaths(machine, {
    input: {},
    events: (snapshot: SnapshotFrom<FlowMachine>) => {
      if (snapshot.value === 'review') return [{ type: 'CONFIRM' }];
      const id = snapshot.context.current;
      const q = id ? questionOf(def, id) : undefined;
      return q ? sampleAnswers(q).map((value): WizardEvent => ({ type: 'ANSWER', value })) : [];
    },
    // States differ by where the wizard is and by the answers' effective values: "unsure" is folded into the
    // answer it is evaluated as, since it leads to the same next questions and outcome (it only adds openness).
    // This keeps the graph small while still telling apart every answer that changes the path or the outcome.
    serializeState: (s: SnapshotFrom<FlowMachine>) =>
      JSON.stringify([
        s.value,
        s.context.current,
        Object.entries(s.context.facts)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([id, v]) => {
            const q = questionOf(def, id);
            return [id, q?.type === 'tri' && v === 'unsure' ? q.unsureMeans : v];
          }),
      ]),
  } as never);

  const finals = def.outcomes;
  it.each(finals.map((o) => [o]))('reaches final state "%s"', (outcome) => {
    const found = paths.filter((p) => p.state.status === 'done' && p.state.value === outcome);
    expect(found.length, `final state ${outcome} is unreachable`).toBeGreaterThan(0);
  });

  it('a path for each outcome and question sequence replays on a fresh actor and agrees with evaluate()', () => {
    const done = paths.filter((p) => p.state.status === 'done');
    expect(done.length).toBeGreaterThanOrEqual(finals.length);
    // Paths asking the same questions and ending in the same outcome differ only in answers the graph already
    // folded together; replaying one of each keeps the test quick on the larger flows.
    const shapes = new Map<string, (typeof done)[number]>();
    for (const p of done) shapes.set(JSON.stringify([p.state.value, Object.keys(p.state.context.facts).sort()]), p);
    expect(shapes.size).toBeGreaterThanOrEqual(finals.length);
    for (const p of shapes.values()) {
      const actor = createActor(machine, { input: {} }).start();
      for (const step of p.steps) actor.send(step.event as WizardEvent);
      const snap = actor.getSnapshot();
      expect(snap.status).toBe('done');
      const r = evaluate(def.id, snap.context.facts);
      expect(r.ok && r.outcome.outcome).toBe(snap.value);
    }
  });
});
