// Starting a run from another run's outcome: the next flow's envelope, with the carried facts marked as prefilled.

import type { ChainOffer } from '../../domain/chain';
import { newEnvelope, type Envelope } from '../../storage/envelope';

export function chainedRun(source: Envelope, offer: ChainOffer, id: string, now: Date): Envelope {
  return newEnvelope(offer.flow, id, source.title, now, {
    caseId: source.caseId,
    carried: { from: source.id, facts: offer.facts },
  });
}
