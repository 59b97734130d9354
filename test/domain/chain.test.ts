// Which next check each personal-info result offers (chainOffers), with which carried facts, and that the
// carried facts are valid answers of the offered flow.

import { describe, expect, it } from 'vitest';
import { chainOffers } from '../../src/domain/flows/registry';
import { evaluate } from '../../src/domain/evaluate';
import { flowDefinition } from '../../src/domain/flows/registry';
import { walk } from '../../src/domain/engine';
import type { Facts, Outcome } from '../../src/domain/types';
import { PI_NOT_IDENTIFYING, PI_PLAIN } from '../fixtures/flow-facts';

const PI = PI_PLAIN;
const NOT_PI = PI_NOT_IDENTIFYING;

function outcomeOf(flow: string, facts: Facts): Outcome {
  const r = evaluate(flow, facts);
  if (!r.ok) throw new Error(`evaluation failed: ${JSON.stringify(r.error)}`);
  return r.outcome;
}
const offersFor = (facts: Facts) => chainOffers(outcomeOf('personal-info', facts));

const SENSITIVE_OFFER = { flow: 'sensitive-acquisition', facts: { sensitive: 'yes' }, because: 'sensitive' };
const provisionOffer = (dataKind: string, because: string) => ({ flow: 'provision', facts: { dataKind }, because });

describe('chainOffers: personal information', () => {
  it.each([
    ['plain personal information: nothing to check next', PI, []],
    ['sensitive, not in a database: the sensitive-acquisition check only', { ...PI, sensitiveCategories: ['race'] }, [SENSITIVE_OFFER]],
    [
      'personal data: the provision check, as personal data',
      { ...PI, inDatabase: 'yes', fullAuthority: 'no' },
      [provisionOffer('personal-data', 'personal-data')],
    ],
    [
      'retained personal data: the same provision check',
      { ...PI, inDatabase: 'yes', fullAuthority: 'yes' },
      [provisionOffer('personal-data', 'personal-data')],
    ],
    [
      'sensitive personal data: both, sensitive first',
      { ...PI, sensitiveCategories: ['medical-history'], inDatabase: 'yes', fullAuthority: 'no' },
      [SENSITIVE_OFFER, provisionOffer('personal-data', 'personal-data')],
    ],
    [
      'pseudonymised personal data: provided under the pseudonymised rules (APPI 41(6))',
      { ...PI, processing: 'pseudonymised', inDatabase: 'yes', fullAuthority: 'no' },
      [provisionOffer('pseudonymised', 'pseudonymised')],
    ],
    [
      'sensitive pseudonymised personal data: both',
      { ...PI, processing: 'pseudonymised', sensitiveCategories: ['disability'], inDatabase: 'yes', fullAuthority: 'no' },
      [SENSITIVE_OFFER, provisionOffer('pseudonymised', 'pseudonymised')],
    ],
    ['pseudonymised but not in a database: no provision check (no personal-data tag)', { ...PI, processing: 'pseudonymised' }, []],
    [
      'incompletely anonymised personal data is still personal data',
      { ...PI, processing: 'anonymised', inDatabase: 'yes', fullAuthority: 'no' },
      [provisionOffer('personal-data', 'personal-data')],
    ],
    ['My Number, not in a database: nothing', { ...PI, identifierCodes: ['my-number'] }, []],
  ] as [string, Facts, unknown[]][])('%s', (_name, facts, offers) => {
    expect(offersFor(facts)).toEqual(offers);
  });
});

describe('chainOffers: not personal information', () => {
  it.each([
    ['individual-related information', { ...NOT_PI, processing: 'none' }, [provisionOffer('individual-related', 'individual-related')]],
    ['pseudonymised information', { ...NOT_PI, processing: 'pseudonymised' }, [provisionOffer('pseudonymised', 'pseudonymised-info')]],
    ['anonymised information', { ...NOT_PI, processing: 'anonymised' }, [provisionOffer('anonymised', 'anonymised-info')]],
    ['about a company', { ...PI, aboutPerson: 'no' }, []],
    ['about a deceased person only', { ...PI, alive: 'no', aboutLivingRelative: 'no' }, []],
    ['statistical', { ...PI, statistical: 'yes' }, []],
  ] as [string, Facts, unknown[]][])('%s', (_name, facts, offers) => {
    expect(offersFor(facts)).toEqual(offers);
  });
});

describe('chainOffers: other flows offer nothing', () => {
  it.each([
    ['sensitive-acquisition', { sensitive: 'yes', recorded: 'no' }],
    ['provision', { othersCanUse: 'yes', dataKind: 'personal-data', exception27: 'law' }],
    ['leak', { actor: 'business', events: [] }],
  ] as [string, Facts][])('%s', (flow, facts) => {
    expect(chainOffers(outcomeOf(flow, facts))).toEqual([]);
  });
  it('even an outcome of another flow that carries personal-info-like tags', () => {
    const o = outcomeOf('provision', { othersCanUse: 'no', storedAbroad: 'no' });
    expect(chainOffers({ ...o, outcome: 'personal-information', tags: ['personal-data', 'sensitive'] })).toEqual([]);
  });
});

describe('chainOffers: the carried facts are valid answers of the offered flow', () => {
  const sources: [string, Facts][] = [
    ['sensitive personal data', { ...PI, sensitiveCategories: ['race'], inDatabase: 'yes', fullAuthority: 'yes' }],
    ['pseudonymised personal data', { ...PI, processing: 'pseudonymised', inDatabase: 'yes', fullAuthority: 'no' }],
    ['individual-related information', { ...NOT_PI, processing: 'none' }],
    ['pseudonymised information', { ...NOT_PI, processing: 'pseudonymised' }],
    ['anonymised information', { ...NOT_PI, processing: 'anonymised' }],
  ];
  it.each(sources)('%s: the offered flow starts and asks for the next fact', (_name, facts) => {
    const offers = offersFor(facts);
    expect(offers.length).toBeGreaterThan(0);
    for (const offer of offers) {
      const w = walk(flowDefinition(offer.flow), offer.facts, { mode: 'interactive' });
      expect(w.kind, `${offer.flow} ${JSON.stringify(offer.facts)}`).toBe('needs');
    }
  });

  // The provision flow asks othersCanUse before dataKind, so "needs" alone would not read the carried value:
  // answer othersCanUse and check the question the carried dataKind leads to (flows.md §3 "asked when").
  it.each([
    ['personal data', { ...PI, inDatabase: 'yes', fullAuthority: 'no' }, 'exception27'],
    // Pseudonymised data: APPI 19 (improper use) is asked right after dataKind, before the route.
    ['pseudonymised personal data', { ...PI, processing: 'pseudonymised', inDatabase: 'yes', fullAuthority: 'no' }, 'improperUse'],
    ['individual-related information', { ...NOT_PI, processing: 'none' }, 'exception27'],
    ['pseudonymised information', { ...NOT_PI, processing: 'pseudonymised' }, 'improperUse'],
  ] as [string, Facts, string][])('%s: provision reads the carried dataKind and asks %s', (_name, facts, nextId) => {
    const offer = offersFor(facts).find((x) => x.flow === 'provision');
    const w = walk(flowDefinition('provision'), { othersCanUse: 'yes', ...offer?.facts }, { mode: 'interactive' });
    expect(w.kind).toBe('needs');
    expect(w.kind === 'needs' && w.next.id).toBe(nextId);
    expect(w.path).toEqual(['othersCanUse', 'dataKind']);
  });
  it('anonymised information: the carried dataKind settles the provision flow once othersCanUse is answered', () => {
    const offer = offersFor({ ...NOT_PI, processing: 'anonymised' })[0];
    const r = evaluate('provision', { othersCanUse: 'yes', ...offer?.facts });
    expect(r.ok && r.outcome.grounds).toEqual(['appi-43-4']);
  });
  it('sensitive: the carried answer is read and the next question is recorded', () => {
    const offer = offersFor({ ...PI, sensitiveCategories: ['race'] })[0];
    const w = walk(flowDefinition('sensitive-acquisition'), offer?.facts ?? {}, { mode: 'interactive' });
    expect(w.kind === 'needs' && w.next.id).toBe('recorded');
    expect(w.path).toEqual(['sensitive']);
  });
});
