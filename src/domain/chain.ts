// Chaining flows inside a data use case (案件): which next check an outcome calls for, with which facts already
// answered by it. The carried facts are canonical fact ids of the next flow, so they are validated like any answer.

import type { FactValue, FlowId, Outcome } from './types';

export interface ChainOffer {
  flow: FlowId;
  /** Facts of `flow` that the outcome already answers. */
  facts: Record<string, FactValue>;
  /** Why it is offered: the tag or outcome id of the source run that calls for it. */
  because: string;
}

/** What the provision flow's `dataKind` is, for each kind of data the personal-info flow can find. */
function provisionKind(o: Outcome): { kind: string; because: string } | null {
  if (o.outcome === 'personal-information') {
    if (!o.tags.includes('personal-data')) return null;
    // 仮名加工情報 that is still personal data for you is provided under the pseudonymised rules (APPI 41(6)).
    return o.tags.includes('pseudonymised')
      ? { kind: 'pseudonymised', because: 'pseudonymised' }
      : { kind: 'personal-data', because: 'personal-data' };
  }
  if (o.outcome === 'individual-related') return { kind: 'individual-related', because: 'individual-related' };
  if (o.outcome === 'pseudonymised-info') return { kind: 'pseudonymised', because: 'pseudonymised-info' };
  if (o.outcome === 'anonymised-info') return { kind: 'anonymised', because: 'anonymised-info' };
  return null;
}

export function chainOffers(o: Outcome): ChainOffer[] {
  if (o.flow !== 'personal-info') return [];
  const offers: ChainOffer[] = [];
  if (o.tags.includes('sensitive')) offers.push({ flow: 'sensitive-acquisition', facts: { sensitive: 'yes' }, because: 'sensitive' });
  const p = provisionKind(o);
  if (p) offers.push({ flow: 'provision', facts: { dataKind: p.kind }, because: p.because });
  return offers;
}
