// Every outcome, ground, duty, note and reason of the sensitive-acquisition flow (flows.md §2): the first
// question that settles it wins, "unsure" never relies on an exception, and bad input names the fact.

import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/domain/evaluate';
import { sensitiveAcquisitionFlow } from '../../src/domain/flows/sensitive-acquisition';
import { walk } from '../../src/domain/engine';
import type { Facts, Outcome } from '../../src/domain/types';
import { expectOutcome, runFlow, type Expected } from './flow-helpers';

/** The exception questions of flows.md §2 rows 4–13, in the table's order, with the ground each gives. */
const EXCEPTIONS = [
  ['consent', 'consent'],
  ['viaConsentedProvision', 'provider-consent'],
  ['receivedAsEntrusted', 'order-9-ii'],
  ['visuallyObvious', 'order-9-i'],
  ['exLaw', 'appi-20-2-i'],
  ['exLife', 'appi-20-2-ii'],
  ['exPublicHealth', 'appi-20-2-iii'],
  ['exGovernment', 'appi-20-2-iv'],
  ['exAcademicAcquirer', 'appi-20-2-v'],
  ['exAcademicJoint', 'appi-20-2-vi'],
] as const;

/** Sensitive, recorded, properly obtained, no exception, not published: consent is required. */
const BASE: Facts = {
  sensitive: 'yes',
  recorded: 'yes',
  improperMeans: 'no',
  ...Object.fromEntries(EXCEPTIONS.map(([fact]) => [fact, 'no'])),
  publishedBy: 'not-public',
};

/** flows.md §2: on every outcome except not-sensitive. */
const SENSITIVE_NOTES = ['leak-of-one-is-reportable', 'no-opt-out-for-sensitive'];

const run = (facts: Facts) => runFlow('sensitive-acquisition', facts);

const CONSENT_REQUIRED: Expected = {
  outcome: 'consent-required',
  grounds: ['appi-20-2'],
  duties: ['obtain-consent-before-acquiring'],
  notes: SENSITIVE_NOTES,
  // no-exception is an addition to flows.md: the reason shown for the negative outcome.
  reasons: ['no-exception'],
};

describe('sensitive-acquisition: settled before the exceptions', () => {
  it('not sensitive: the ordinary rules apply instead', () => {
    const o = run({ ...BASE, sensitive: 'no' });
    // The reason and note are additions to flows.md; the two sensitive notes must not appear (§2).
    expectOutcome(o, { outcome: 'not-sensitive', reasons: ['not-sensitive'], notes: ['not-sensitive-other-rules'] });
    expect(o.path).toEqual(['sensitive']);
  });
  it('only viewed, not recorded: no acquisition', () => {
    const o = run({ ...BASE, recorded: 'no' });
    expectOutcome(o, { outcome: 'no-acquisition', reasons: ['not-recorded'], notes: SENSITIVE_NOTES });
    expect(o.path).toEqual(['sensitive', 'recorded']);
  });
  it('improper means: prohibited (APPI 20(1)), and no exception can save it', () => {
    const o = run({ ...BASE, improperMeans: 'yes', consent: 'yes', exLaw: 'yes', publishedBy: 'government' });
    expectOutcome(o, { outcome: 'prohibited', grounds: ['appi-20-1'], reasons: ['improper-means'], notes: SENSITIVE_NOTES });
    expect(o.path).toEqual(['sensitive', 'recorded', 'improperMeans']);
  });
});

describe('sensitive-acquisition: the exceptions, in the table order', () => {
  it.each(EXCEPTIONS.map(([fact, ground], i) => [fact, ground, i] as const))('%s = yes → permitted [%s]', (fact, ground, i) => {
    const o = run({ ...BASE, [fact]: 'yes' });
    expectOutcome(o, { outcome: 'permitted', grounds: [ground], duties: ['notify-purpose'], notes: SENSITIVE_NOTES });
    // Settled here: the later exceptions and publishedBy are not asked.
    expect(o.path).toEqual(['sensitive', 'recorded', 'improperMeans', ...EXCEPTIONS.slice(0, i + 1).map(([f]) => f)]);
  });

  it.each([
    ['person', true],
    ['government', true],
    ['academic', true],
    ['press-religious-political', true],
    ['foreign-equivalent', true],
    ['other', false],
    ['not-public', false],
  ] as const)('published by %s: permitted = %s', (publishedBy, permitted) => {
    const o = run({ ...BASE, publishedBy });
    if (permitted)
      expectOutcome(o, { outcome: 'permitted', grounds: ['appi-20-2-vii'], duties: ['notify-purpose'], notes: SENSITIVE_NOTES });
    else expectOutcome(o, CONSENT_REQUIRED);
    expect(o.path.at(-1)).toBe('publishedBy');
  });

  it('when several exceptions hold, the first in the table gives the ground', () => {
    expect(run({ ...BASE, exLaw: 'yes', exLife: 'yes' }).grounds).toEqual(['appi-20-2-i']);
    expect(run({ ...BASE, visuallyObvious: 'yes', consent: 'yes' }).grounds).toEqual(['consent']);
    expect(run({ ...BASE, exAcademicJoint: 'yes', publishedBy: 'person' }).grounds).toEqual(['appi-20-2-vi']);
  });
});

/** An outcome without its "unsure" bookkeeping, to compare an unsure run with a definite one. */
function strip(o: Outcome & { path?: string[] }) {
  const { openQuestions: _o, provisional: _p, path: _path, ...rest } = o;
  return rest;
}

describe('sensitive-acquisition: "not sure"', () => {
  it.each([
    ['sensitive', 'yes'],
    ['recorded', 'yes'],
  ] as const)('%s: unsure → %s, open and provisional', (fact, means) => {
    const unsure = run({ ...BASE, [fact]: 'unsure' });
    expect(strip(unsure)).toEqual(strip(run({ ...BASE, [fact]: means })));
    expect(strip(unsure)).not.toEqual(strip(run({ ...BASE, [fact]: 'no' })));
    expect(unsure.outcome).toBe('consent-required');
    expect(unsure.openQuestions).toEqual([fact]);
    expect(unsure.provisional).toBe(true);
  });

  it('improperMeans unsure: the exceptions are still walked, with a note to check the source', () => {
    const o = run({ ...BASE, improperMeans: 'unsure', consent: 'yes' });
    expectOutcome(o, {
      outcome: 'permitted',
      grounds: ['consent'],
      duties: ['notify-purpose'],
      notes: [...SENSITIVE_NOTES, 'check-source-legitimacy'].sort(),
    });
    expect(o.openQuestions).toEqual(['improperMeans']);
    expect(o.provisional).toBe(true);
  });
  it('improperMeans unsure with no exception: consent required, with the same note', () => {
    const o = run({ ...BASE, improperMeans: 'unsure' });
    expectOutcome(o, { ...CONSENT_REQUIRED, notes: [...SENSITIVE_NOTES, 'check-source-legitimacy'].sort() });
    expect(o.openQuestions).toEqual(['improperMeans']);
  });
  it('improperMeans no: no source note', () => {
    expect(run({ ...BASE, consent: 'yes' }).notes).toEqual(SENSITIVE_NOTES);
  });

  it.each(EXCEPTIONS.map(([fact]) => fact))('%s unsure: the exception is not relied on', (fact) => {
    const o = run({ ...BASE, [fact]: 'unsure' });
    expectOutcome(o, CONSENT_REQUIRED);
    expect(o.openQuestions).toEqual([fact]);
    expect(o.provisional).toBe(true);
    expect(o.path).toContain('publishedBy');
  });
  it('an unsure exception walks on to the next one', () => {
    const o = run({ ...BASE, exLaw: 'unsure', exLife: 'yes' });
    expectOutcome(o, { outcome: 'permitted', grounds: ['appi-20-2-ii'], duties: ['notify-purpose'], notes: SENSITIVE_NOTES });
    expect(o.openQuestions).toEqual(['exLaw']);
  });
  it('open questions list every unsure exception asked, sorted, and none after the one that settles it', () => {
    const all = run({ ...BASE, ...Object.fromEntries(EXCEPTIONS.map(([f]) => [f, 'unsure'])) });
    expect(all.openQuestions).toEqual(EXCEPTIONS.map(([f]) => f).sort());
    const settled = run({ ...BASE, consent: 'unsure', receivedAsEntrusted: 'yes', exLaw: 'unsure', exLife: 'unsure' });
    expect(settled.grounds).toEqual(['order-9-ii']);
    expect(settled.openQuestions).toEqual(['consent']);
  });
  it('no unsure answer on the path: not provisional', () => {
    const o = run({ ...BASE, recorded: 'no', improperMeans: 'unsure', consent: 'unsure' });
    expect(o.outcome).toBe('no-acquisition');
    expect(o.openQuestions).toEqual([]);
    expect(o.provisional).toBe(false);
  });
});

describe('sensitive-acquisition: asking order', () => {
  const ORDER = [
    'sensitive',
    'recorded',
    'improperMeans',
    'consent',
    'viaConsentedProvision',
    'receivedAsEntrusted',
    'visuallyObvious',
    'exLaw',
    'exLife',
    'exPublicHealth',
    'exGovernment',
    'exAcademicAcquirer',
    'exAcademicJoint',
    'publishedBy',
  ];
  it('asks the table order, one question at a time', () => {
    const facts: Record<string, string> = {};
    for (const id of ORDER) {
      const w = walk(sensitiveAcquisitionFlow, facts, { mode: 'interactive' });
      expect(w.kind === 'needs' && w.next.id).toBe(id);
      facts[id] = id === 'publishedBy' ? 'other' : id === 'sensitive' || id === 'recorded' ? 'yes' : 'no';
    }
    const done = walk(sensitiveAcquisitionFlow, facts, { mode: 'interactive' });
    expect(done.kind).toBe('complete');
    expect(done.path).toEqual(ORDER);
  });
});

describe('sensitive-acquisition: bad input is an error naming the fact', () => {
  it.each([
    ['sensitive', {}],
    ['recorded', { sensitive: 'yes' }],
    ['improperMeans', { ...BASE, improperMeans: undefined }],
    ['exGovernment', { ...BASE, exGovernment: undefined }],
    ['publishedBy', { ...BASE, publishedBy: undefined }],
  ])('missing %s', (factId, facts) => {
    expect(evaluate('sensitive-acquisition', facts as Facts)).toEqual({
      ok: false,
      error: { code: 'missing-fact', flow: 'sensitive-acquisition', factId },
    });
  });
  it('names the first missing fact when several are missing', () => {
    const r = evaluate('sensitive-acquisition', { sensitive: 'yes', recorded: 'yes', improperMeans: 'no', exLaw: 'yes' });
    expect(r).toEqual({ ok: false, error: { code: 'missing-fact', flow: 'sensitive-acquisition', factId: 'consent' } });
  });
  it.each([
    ['consent', 'maybe', 'not-tri'],
    ['sensitive', true, 'not-tri'],
    ['publishedBy', 'newspaper', 'not-option'],
    ['publishedBy', ['person'], 'not-option'],
  ])('%s = %j is invalid (%s)', (factId, value, problem) => {
    expect(evaluate('sensitive-acquisition', { ...BASE, [factId]: value } as unknown as Facts)).toEqual({
      ok: false,
      error: { code: 'invalid-fact', flow: 'sensitive-acquisition', factId, problem },
    });
  });
  it('facts after the question that settles it are ignored, whatever their value', () => {
    const plain = run({ ...BASE, consent: 'yes' });
    const extra = run({ ...BASE, consent: 'yes', exLaw: 'maybe', publishedBy: 'nobody', viaConsentedProvision: 'unsure' } as Facts);
    expect(extra).toEqual(plain);
  });
});
