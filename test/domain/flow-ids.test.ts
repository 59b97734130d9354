// The flow ids the first screens know (flows/ids.ts) are exactly the registry's definitions, in the same order.

import { describe, expect, it } from 'vitest';
import { FLOW_IDS } from '../../src/domain/flows/ids';
import { FLOWS } from '../../src/domain/flows/registry';

describe('flow ids', () => {
  it('name every registered flow definition, in the order of flows.md, and nothing else', () => {
    expect(FLOWS.map((f) => f.id)).toEqual([...FLOW_IDS]);
  });
});
