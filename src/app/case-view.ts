// A data use case (案件) as its screen shows it: each run presented once, where it was started from, and the next
// checks its outcomes call for that have not been started yet.

import { chainOffers } from '../domain/flows/registry';
import type { ChainOffer } from '../domain/engine';
import type { Lang, Translate } from '../i18n';
import type { CaseBundle } from '../storage/cases';
import type { Envelope } from '../storage/envelope';
import { presentEnvelope, type EnvelopeView, type ListText } from '../view/outcome';

export interface CaseRunView extends EnvelopeView {
  env: Envelope;
  /** The run whose outcome started this one (carried answers), when it is in the case. */
  from: Envelope | undefined;
}

export interface CaseView {
  runs: CaseRunView[];
  /** Per finished run, the checks its outcome calls for that were not started from it yet. */
  nextChecks: { env: Envelope; offers: ChainOffer[] }[];
}

export function caseView(bundle: CaseBundle, t: Translate, lang: Lang, list?: ListText): CaseView {
  const runs = bundle.runs.map((env) => ({
    env,
    ...presentEnvelope(env, t, lang, list),
    from: bundle.runs.find((r) => r.id === env.chainedFrom),
  }));
  const nextChecks = runs.flatMap(({ env, result }) => {
    if (!result) return [];
    // Checks already started from this run are listed as runs; only the ones still to do are offered.
    const taken = new Set(bundle.runs.filter((r) => r.chainedFrom === env.id).map((r) => r.flow));
    const offers = chainOffers(result.outcome).filter((o) => !taken.has(o.flow));
    return offers.length ? [{ env, offers }] : [];
  });
  return { runs, nextChecks };
}
