// The flow registry: which decision flows exist, and which of them this build implements.

import type { FlowDefinition } from '../interrogate';
import type { FlowId } from '../types';
import { leakFlow } from './leak';
import { personalInfoFlow } from './personal-info';
import { provisionFlow } from './provision';
import { sensitiveAcquisitionFlow } from './sensitive-acquisition';

const IMPLEMENTED: Partial<Record<FlowId, FlowDefinition>> = {
  'personal-info': personalInfoFlow,
  'sensitive-acquisition': sensitiveAcquisitionFlow,
  provision: provisionFlow,
  leak: leakFlow,
};

export function flowDefinition(id: FlowId): FlowDefinition | undefined {
  return IMPLEMENTED[id];
}

export function implementedFlows(): FlowDefinition[] {
  return Object.values(IMPLEMENTED);
}
