// The flow registry: every decision flow of flows.md, by id.

import type { FlowDefinition } from '../interrogate';
import type { FlowId } from '../types';
import { leakFlow } from './leak';
import { personalInfoFlow } from './personal-info';
import { provisionFlow } from './provision';
import { sensitiveAcquisitionFlow } from './sensitive-acquisition';

const FLOWS: Record<FlowId, FlowDefinition> = {
  'personal-info': personalInfoFlow,
  'sensitive-acquisition': sensitiveAcquisitionFlow,
  provision: provisionFlow,
  leak: leakFlow,
};

export function flowDefinition(id: FlowId): FlowDefinition {
  return FLOWS[id];
}

/** Every flow, in the order of flows.md (the order the home page offers them). */
export function implementedFlows(): FlowDefinition[] {
  return Object.values(FLOWS);
}
