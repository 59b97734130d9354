// Starting runs: a new assessment from a flow's start page, and a chained one from another run's outcome in a case.

import type { ChainOffer } from '../domain/engine';
import { flowDefinition } from '../domain/flows/registry';
import { visibleQuestions } from '../domain/machine';
import type { FlowId } from '../domain/types';
import { newEnvelope, type Envelope } from '../storage/envelope';

/** A new run of `flow`, on its own or in a case, named by the user (blank means: named after its flow). */
export function startRun(flow: FlowId, id: string, title: string, now: Date, caseId: string | null = null): Envelope {
  return newEnvelope(flow, id, title.trim(), now, { caseId });
}

/** The next flow's run for an offer from `source`'s outcome, with the carried facts marked as prefilled. */
export function chainRun(source: Envelope, offer: ChainOffer, id: string, now: Date): Envelope {
  const env = newEnvelope(offer.flow, id, source.title, now, {
    caseId: source.caseId,
    carried: { from: source.id, facts: offer.facts },
  });
  // Start at the first question, not the first unanswered one, so the user walks through the carried answers too.
  const { path, next } = visibleQuestions(flowDefinition(offer.flow), env.facts);
  const first = path[0] ?? next;
  return first ? { ...env, position: { screen: 'question', question: first } } : env;
}
