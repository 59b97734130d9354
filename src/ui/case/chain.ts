// Starting a run from another run's outcome: the next flow's envelope, with the carried facts marked as prefilled.

import type { ChainOffer } from '../../domain/chain';
import { flowDefinition } from '../../domain/flows/registry';
import { visibleQuestions } from '../../domain/machine';
import { newEnvelope, type Envelope } from '../../storage/envelope';

export function chainedRun(source: Envelope, offer: ChainOffer, id: string, now: Date): Envelope {
  const env = newEnvelope(offer.flow, id, source.title, now, {
    caseId: source.caseId,
    carried: { from: source.id, facts: offer.facts },
  });
  // Start at the first question, not the first unanswered one, so the user walks through the carried answers too.
  const { path, next } = visibleQuestions(flowDefinition(offer.flow), env.facts);
  const first = path[0] ?? next;
  return first ? { ...env, position: { screen: 'question', question: first } } : env;
}
