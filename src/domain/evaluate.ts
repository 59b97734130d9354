// evaluate(flow, facts): the one evaluation the machine, the UI, storage restore and the scenario runner share.

import { flowDefinition, isFlowId } from './flows/registry';
import { walk, type FlowDefinition } from './engine';
import type { Facts, FlowId, Outcome } from './types';
import type { ValueProblem } from './validate';

export type EvaluationError =
  | { code: 'unknown-flow'; flow: string }
  | { code: 'missing-fact'; flow: FlowId; factId: string }
  | { code: 'invalid-fact'; flow: FlowId; factId: string; problem: ValueProblem | 'unknown-question' };

export type Evaluation = { ok: true; outcome: Outcome; path: string[] } | { ok: false; error: EvaluationError };

export { isFlowId };

export function resolveFlow(flow: string): { ok: true; def: FlowDefinition } | { ok: false; error: EvaluationError } {
  if (!isFlowId(flow)) return { ok: false, error: { code: 'unknown-flow', flow } };
  return { ok: true, def: flowDefinition(flow) };
}

export function evaluate(flow: FlowId | string, facts: Facts): Evaluation {
  const r = resolveFlow(flow);
  if (!r.ok) return r;
  const w = walk(r.def, facts, { mode: 'evaluate' });
  switch (w.kind) {
    case 'complete':
      return { ok: true, outcome: w.outcome, path: w.path };
    case 'needs':
      return { ok: false, error: { code: 'missing-fact', flow: r.def.id, factId: w.next.id } };
    case 'invalid':
      return { ok: false, error: { code: 'invalid-fact', flow: r.def.id, factId: w.factId, problem: w.problem } };
  }
}

/** A plain-English description for logs and the command-line runner (the UI uses locale keys instead). */
export function describeError(e: EvaluationError): string {
  switch (e.code) {
    case 'unknown-flow':
      return `unknown flow "${e.flow}"`;
    case 'missing-fact':
      return `missing fact ${e.factId}`;
    case 'invalid-fact':
      return `invalid value for fact ${e.factId} (${e.problem})`;
  }
}
