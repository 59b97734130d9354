// The flow registry: the one list of decision flows. Flow ids, i18n namespaces and typed keys derive from it.

import type { ChainOffer, FlowDefinition } from '../engine';
import type { Outcome } from '../types';
import { leakFlow } from './leak';
import { personalInfoFlow } from './personal-info';
import { provisionFlow } from './provision';
import { sensitiveAcquisitionFlow } from './sensitive-acquisition';
import type { FlowId } from './ids';

/** Every flow, in the order the home page offers them (the order of flows.md). */
export const FLOWS = [personalInfoFlow, sensitiveAcquisitionFlow, provisionFlow, leakFlow] as const;

export { FLOW_IDS, isFlowId, type FlowId } from './ids';

export function flowDefinition(id: FlowId): FlowDefinition {
  const def = FLOWS.find((f) => f.id === id);
  if (!def) throw new Error(`unknown flow "${id}"`);
  return def as FlowDefinition;
}

/** Every flow, in the order of flows.md. */
export function implementedFlows(): readonly FlowDefinition[] {
  return FLOWS as readonly FlowDefinition[];
}

/** The next checks an outcome calls for (defined by its flow), with the facts it already answers. */
export function chainOffers(o: Outcome): ChainOffer[] {
  return flowDefinition(o.flow).chainOffers?.(o) ?? [];
}
