// The decision flows' ids, in the order the home page offers them (the order of flows.md): apart from the definitions,
// so the first screens can name and link every flow without loading them (the registry test checks both agree).

export const FLOW_IDS = ['personal-info', 'sensitive-acquisition', 'provision', 'leak'] as const;

export type FlowId = (typeof FLOW_IDS)[number];

export function isFlowId(x: unknown): x is FlowId {
  return typeof x === 'string' && (FLOW_IDS as readonly string[]).includes(x);
}
