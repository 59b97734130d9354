// Every outcome, ground, tag, duty, note and reason of the personal-info flow (flows.md §1), its "unsure"
// conventions, asking order and bad-input errors, checked against the contract rather than the code.

import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/domain/evaluate';
import { personalInfoFlow } from '../../src/domain/flows/personal-info';
import { walk } from '../../src/domain/engine';
import type { Facts, Outcome } from '../../src/domain/types';
import { PI_NOT_IDENTIFYING, PI_PLAIN } from '../fixtures/flow-facts';
import { expectOutcome, runFlow } from './flow-helpers';

const BASE = PI_PLAIN;
const NOT_PI = PI_NOT_IDENTIFYING;

const run = (facts: Facts) => runFlow('personal-info', facts);

/** flows.md §1 step 6: the four duties every item of personal information carries (sorted, as outcomes are). */
const ALWAYS = ['no-improper-use', 'notify-purpose', 'proper-acquisition', 'specify-purpose'];
const DATABASE_DUTIES = ['leak-reporting-readiness', 'provision-rules', 'security-measures', 'supervise-contractors', 'supervise-staff'];
const sorted = (xs: string[]) => [...xs].sort();

/** The next question the wizard asks for these facts (null when the walk is complete). */
function next(facts: Facts): string | null {
  const w = walk(personalInfoFlow, facts, { mode: 'interactive' });
  if (w.kind === 'invalid') throw new Error(`invalid: ${w.factId}`);
  return w.kind === 'needs' ? w.next.id : null;
}

describe('personal-info: not personal information at all', () => {
  it('about a company, not a natural person', () => {
    const o = run({ ...BASE, aboutPerson: 'no' });
    expectOutcome(o, { outcome: 'not-personal', reasons: ['corporate'] });
    expect(o.path).toEqual(['aboutPerson']);
  });
  it('about a deceased person, revealing nothing about a living relative', () => {
    const o = run({ ...BASE, alive: 'no', aboutLivingRelative: 'no' });
    expectOutcome(o, { outcome: 'not-personal', reasons: ['deceased'] });
    expect(o.path).toEqual(['aboutPerson', 'alive', 'aboutLivingRelative']);
  });
  it('statistical figures with no link to any individual', () => {
    const o = run({ ...BASE, statistical: 'yes' });
    expectOutcome(o, { outcome: 'statistical', reasons: ['statistical'] });
    expect(o.path).toEqual(['aboutPerson', 'alive', 'statistical']);
  });
});

describe('personal-info: a deceased person with a living relative', () => {
  // Step 2 only stops when aboutLivingRelative = no; otherwise the flow continues, about the relative.
  it('continues as personal information about the relative, with a note saying so', () => {
    const o = run({ ...BASE, alive: 'no', aboutLivingRelative: 'yes' });
    expectOutcome(o, {
      outcome: 'personal-information',
      grounds: ['appi-2-1-i'],
      tags: ['personal-information'],
      duties: ALWAYS,
      notes: ['about-living-relative'],
    });
  });
  it('the note is kept when the information then turns out to be statistical', () => {
    const o = run({ ...BASE, alive: 'no', aboutLivingRelative: 'yes', statistical: 'yes' });
    expectOutcome(o, { outcome: 'statistical', reasons: ['statistical'], notes: ['about-living-relative'] });
  });
});

describe('personal-info: what makes it personal information (step 4)', () => {
  it.each([
    ['an identification code', { identifierCodes: ['passport'], identifies: 'no', linkable: 'no' }, 'appi-2-1-ii'],
    ['a code wins even if the information also identifies', { identifierCodes: ['face'], identifies: 'yes' }, 'appi-2-1-ii'],
    ['the information itself identifies the person', { identifies: 'yes' }, 'appi-2-1-i'],
    ['it can be collated with other information held (容易照合性)', { identifies: 'no', linkable: 'yes' }, 'appi-2-1-i-collation'],
  ])('%s → %s', (_name, over, ground) => {
    const o = run({ ...BASE, ...over } as Facts);
    expect(o.outcome).toBe('personal-information');
    expect(o.grounds).toEqual([ground]);
  });
  it('with a code, "identifies" and "linkable" are not asked', () => {
    const o = run({ ...BASE, identifierCodes: ['passport'], identifies: 'no', linkable: 'no' });
    expect(o.path).not.toContain('identifies');
    expect(o.path).not.toContain('linkable');
  });
  it('"linkable" is only asked when the information does not identify by itself', () => {
    expect(run({ ...BASE, linkable: 'no' }).path).not.toContain('linkable');
    expect(run({ ...BASE, identifies: 'no', linkable: 'yes' }).path).toContain('linkable');
  });
});

describe('personal-info: not personal information, by how it was processed (step 5)', () => {
  it('no processing → individual-related information, with the provision check as a duty', () => {
    const o = run({ ...NOT_PI, processing: 'none' });
    // The run-provision-* notes are additions to flows.md (which lists run-provision for personal data): chain.ts
    // offers the provision flow for these outcomes too, and each note cites the article for that kind of data.
    expectOutcome(o, {
      outcome: 'individual-related',
      grounds: ['appi-2-7'],
      duties: ['check-individual-related-provision'],
      notes: ['run-provision-individual-related'],
    });
    expect(o.citations).toContain('APPI 31(1)');
  });
  it('pseudonymised to the Rules 31 standard → pseudonymised information (APPI 2(5))', () => {
    const o = run({ ...NOT_PI, processing: 'pseudonymised' });
    expectOutcome(o, {
      outcome: 'pseudonymised-info',
      grounds: ['appi-2-5'],
      notes: ['pseudonymised-info-rules', 'run-provision-pseudonymised'],
    });
    expect(o.citations).toContain('APPI 42(1)');
  });
  it('anonymised to the Rules 34 standard → anonymised information (APPI 2(6))', () => {
    const o = run({ ...NOT_PI, processing: 'anonymised' });
    expectOutcome(o, { outcome: 'anonymised-info', grounds: ['appi-2-6'], notes: ['anonymised-info-rules', 'run-provision-anonymised'] });
    expect(o.citations).toEqual(expect.arrayContaining(['APPI 43(4)', 'APPI 44']));
  });
  it('sensitive categories and database questions are only for personal information: not asked, extra answers ignored', () => {
    const o = run({ ...NOT_PI, sensitiveCategories: ['race'], inDatabase: 'yes', fullAuthority: 'yes' });
    expect(o.outcome).toBe('individual-related');
    expect(o.tags).toEqual([]);
    expect(o.path).toEqual(['aboutPerson', 'alive', 'statistical', 'identifierCodes', 'identifies', 'linkable', 'processing']);
  });
});

describe('personal-info: tags, duties and notes of personal information (step 6)', () => {
  it('plain personal information: the four duties every use carries', () => {
    const o = run(BASE);
    expectOutcome(o, { outcome: 'personal-information', grounds: ['appi-2-1-i'], tags: ['personal-information'], duties: ALWAYS });
    expect(o.provisional).toBe(false);
    expect(o.openQuestions).toEqual([]);
  });
  it('sensitive: consent to acquire, and the sensitive-acquisition check', () => {
    const o = run({ ...BASE, sensitiveCategories: ['medical-history'] });
    expectOutcome(o, {
      outcome: 'personal-information',
      grounds: ['appi-2-1-i'],
      tags: ['personal-information', 'sensitive'],
      duties: sorted([...ALWAYS, 'consent-to-acquire-sensitive']),
      notes: ['run-sensitive-acquisition'],
    });
  });
  it('personal data without full authority: the safeguards and provision rules, not data-subject requests', () => {
    const o = run({ ...BASE, inDatabase: 'yes', fullAuthority: 'no' });
    expectOutcome(o, {
      outcome: 'personal-information',
      grounds: ['appi-2-1-i'],
      tags: ['personal-data', 'personal-information'],
      duties: sorted([...ALWAYS, ...DATABASE_DUTIES]),
      notes: ['run-provision'],
    });
  });
  it('retained personal data: data-subject requests as well', () => {
    const o = run({ ...BASE, inDatabase: 'yes', fullAuthority: 'yes' });
    expectOutcome(o, {
      outcome: 'personal-information',
      grounds: ['appi-2-1-i'],
      tags: ['personal-data', 'personal-information', 'retained-personal-data'],
      duties: sorted([...ALWAYS, ...DATABASE_DUTIES, 'data-subject-requests']),
      notes: ['run-provision'],
    });
  });
  it('not in a database: fullAuthority is not asked and an answer to it is ignored', () => {
    const o = run({ ...BASE, inDatabase: 'no', fullAuthority: 'yes' });
    expect(o.tags).toEqual(['personal-information']);
    expect(o.path).not.toContain('fullAuthority');
  });
  it('an identification code other than My Number', () => {
    const o = run({ ...BASE, identifierCodes: ['fingerprint'] });
    expectOutcome(o, {
      outcome: 'personal-information',
      grounds: ['appi-2-1-ii'],
      tags: ['identifier-code', 'personal-information'],
      duties: ALWAYS,
    });
  });
  it('My Number: its own tag and a pointer to the My Number Act', () => {
    const o = run({ ...BASE, identifierCodes: ['my-number'] });
    expectOutcome(o, {
      outcome: 'personal-information',
      grounds: ['appi-2-1-ii'],
      tags: ['identifier-code', 'my-number', 'personal-information'],
      duties: ALWAYS,
      notes: ['my-number-act'],
    });
  });
  it('pseudonymised personal data: purposes published, no leak reporting or data-subject requests (APPI 41(4), 41(9))', () => {
    const o = run({ ...BASE, processing: 'pseudonymised', inDatabase: 'yes', fullAuthority: 'yes' });
    expectOutcome(o, {
      outcome: 'personal-information',
      grounds: ['appi-2-1-i'],
      tags: ['personal-data', 'personal-information', 'pseudonymised', 'retained-personal-data'],
      duties: sorted([
        'specify-purpose',
        'publish-purpose',
        'proper-acquisition',
        'no-improper-use',
        'security-measures',
        'supervise-staff',
        'supervise-contractors',
        'provision-rules',
      ]),
      notes: ['pseudonymised-rules', 'run-provision'],
    });
  });
  it('pseudonymised personal information outside a database: publish instead of notify', () => {
    const o = run({ ...BASE, processing: 'pseudonymised' });
    expectOutcome(o, {
      outcome: 'personal-information',
      grounds: ['appi-2-1-i'],
      tags: ['personal-information', 'pseudonymised'],
      duties: ['no-improper-use', 'proper-acquisition', 'publish-purpose', 'specify-purpose'],
      notes: ['pseudonymised-rules'],
    });
  });
  it('"anonymised" but still identifiable: anonymisation incomplete, still personal information', () => {
    const o = run({ ...BASE, processing: 'anonymised' });
    expectOutcome(o, {
      outcome: 'personal-information',
      grounds: ['appi-2-1-i'],
      tags: ['anonymisation-incomplete', 'personal-information'],
      duties: ALWAYS,
    });
  });
  it('everything at once: sensitive retained personal data with My Number', () => {
    const o = run({
      ...BASE,
      identifierCodes: ['my-number', 'face'],
      sensitiveCategories: ['race', 'disability'],
      inDatabase: 'yes',
      fullAuthority: 'yes',
    });
    expectOutcome(o, {
      outcome: 'personal-information',
      grounds: ['appi-2-1-ii'],
      tags: ['identifier-code', 'my-number', 'personal-data', 'personal-information', 'retained-personal-data', 'sensitive'],
      duties: sorted([...ALWAYS, 'consent-to-acquire-sensitive', ...DATABASE_DUTIES, 'data-subject-requests']),
      notes: ['my-number-act', 'run-provision', 'run-sensitive-acquisition'],
    });
  });
});

describe('personal-info: "not sure" is read as the answer with more duties', () => {
  // [fact, unsure→X from flows.md §1, facts where the fact is asked and its answer changes the outcome]
  it.each([
    ['aboutPerson', 'yes', BASE],
    ['alive', 'yes', { ...BASE, aboutLivingRelative: 'no' }],
    ['aboutLivingRelative', 'yes', { ...BASE, alive: 'no' }],
    ['statistical', 'no', BASE],
    ['identifies', 'yes', { ...BASE, linkable: 'no' }],
    ['linkable', 'yes', NOT_PI],
    ['inDatabase', 'yes', { ...BASE, fullAuthority: 'no' }],
    ['fullAuthority', 'yes', { ...BASE, inDatabase: 'yes' }],
  ] as const)('%s: unsure → %s, open and provisional', (fact, means, facts) => {
    const other = means === 'yes' ? 'no' : 'yes';
    const unsure = run({ ...facts, [fact]: 'unsure' });
    const definite = run({ ...facts, [fact]: means });
    const opposite = run({ ...facts, [fact]: other });
    // The scenario must be one where the answer matters, or the comparison proves nothing.
    expect(strip(opposite)).not.toEqual(strip(definite));
    expect(strip(unsure)).toEqual(strip(definite));
    expect(unsure.openQuestions).toEqual([fact]);
    expect(unsure.provisional).toBe(true);
    expect(definite.provisional).toBe(false);
  });

  it('open questions list exactly the unsure facts asked on the path, sorted', () => {
    const o = run({ ...BASE, aboutPerson: 'unsure', identifies: 'no', linkable: 'unsure', inDatabase: 'unsure', fullAuthority: 'unsure' });
    expect(o.openQuestions).toEqual(['aboutPerson', 'fullAuthority', 'inDatabase', 'linkable']);
    expect(o.grounds).toEqual(['appi-2-1-i-collation']);
    expect(o.tags).toEqual(['personal-data', 'personal-information', 'retained-personal-data']);
  });
  it('an unsure answer to a question that is not asked is ignored (not open, not provisional)', () => {
    // alive = unsure reads as yes, so aboutLivingRelative is not asked; identifies = yes skips linkable;
    // inDatabase = no skips fullAuthority.
    const o = run({ ...BASE, alive: 'unsure', aboutLivingRelative: 'unsure', linkable: 'unsure', fullAuthority: 'unsure' });
    expect(o.openQuestions).toEqual(['alive']);
    const p = run({ ...BASE, linkable: 'unsure', fullAuthority: 'unsure' });
    expect(p.openQuestions).toEqual([]);
    expect(p.provisional).toBe(false);
  });
});

/** An outcome without its "unsure" bookkeeping, to compare an unsure run with a definite one. */
function strip(o: Outcome & { path?: string[] }) {
  const { openQuestions: _o, provisional: _p, path: _path, ...rest } = o;
  return rest;
}

describe('personal-info: asking order', () => {
  it('asks the table order, one question at a time, for retained personal data', () => {
    expect(next({})).toBe('aboutPerson');
    expect(next({ aboutPerson: 'yes' })).toBe('alive');
    expect(next({ aboutPerson: 'yes', alive: 'yes' })).toBe('statistical');
    expect(next({ aboutPerson: 'yes', alive: 'yes', statistical: 'no' })).toBe('identifierCodes');
    expect(next({ aboutPerson: 'yes', alive: 'yes', statistical: 'no', identifierCodes: [] })).toBe('identifies');
    const named = { aboutPerson: 'yes', alive: 'yes', statistical: 'no', identifierCodes: [], identifies: 'yes' };
    expect(next(named)).toBe('processing');
    expect(next({ ...named, processing: 'none' })).toBe('sensitiveCategories');
    expect(next({ ...named, processing: 'none', sensitiveCategories: [] })).toBe('inDatabase');
    expect(next({ ...named, processing: 'none', sensitiveCategories: [], inDatabase: 'yes' })).toBe('fullAuthority');
    expect(next({ ...named, processing: 'none', sensitiveCategories: [], inDatabase: 'yes', fullAuthority: 'no' })).toBeNull();
  });
  it('a deceased person: the living-relative question comes next', () => {
    expect(next({ aboutPerson: 'yes', alive: 'no' })).toBe('aboutLivingRelative');
    expect(next({ aboutPerson: 'yes', alive: 'no', aboutLivingRelative: 'yes' })).toBe('statistical');
  });
  it('an identification code skips "identifies" and "linkable": processing comes next', () => {
    expect(next({ aboutPerson: 'yes', alive: 'yes', statistical: 'no', identifierCodes: ['my-number'] })).toBe('processing');
  });
  it('not identifying: "linkable", then processing, on both branches', () => {
    const f = { aboutPerson: 'yes', alive: 'yes', statistical: 'no', identifierCodes: [], identifies: 'no' };
    expect(next(f)).toBe('linkable');
    expect(next({ ...f, linkable: 'no' })).toBe('processing');
    expect(next({ ...f, linkable: 'yes' })).toBe('processing');
    expect(next({ ...f, linkable: 'no', processing: 'none' })).toBeNull();
  });
});

describe('personal-info: bad input is an error naming the fact', () => {
  it.each([
    ['aboutPerson', {}],
    ['alive', { aboutPerson: 'yes' }],
    ['aboutLivingRelative', { aboutPerson: 'yes', alive: 'no', statistical: 'no' }],
    ['statistical', { aboutPerson: 'yes', alive: 'yes', identifierCodes: [] }],
    ['identifierCodes', { ...BASE, identifierCodes: undefined }],
    ['identifies', { ...BASE, identifies: undefined }],
    ['linkable', { ...BASE, identifies: 'no' }],
    ['processing', { ...BASE, processing: undefined }],
    ['sensitiveCategories', { ...BASE, sensitiveCategories: undefined }],
    ['inDatabase', { ...BASE, inDatabase: undefined }],
    ['fullAuthority', { ...BASE, inDatabase: 'yes' }],
  ])('missing %s', (factId, facts) => {
    expect(evaluate('personal-info', facts as Facts)).toEqual({
      ok: false,
      error: { code: 'missing-fact', flow: 'personal-info', factId },
    });
  });
  it('names the first missing fact when several are missing', () => {
    const r = evaluate('personal-info', { aboutPerson: 'yes', alive: 'yes' });
    expect(r).toEqual({ ok: false, error: { code: 'missing-fact', flow: 'personal-info', factId: 'statistical' } });
  });
  it.each([
    ['aboutPerson', 'maybe', 'not-tri'],
    ['processing', 'encrypted', 'not-option'],
    ['identifierCodes', 'passport', 'not-list'],
    ['identifierCodes', ['email-address'], 'not-option'],
    ['identifierCodes', ['face', 'face'], 'duplicate-option'],
    ['sensitiveCategories', ['religion'], 'not-option'],
    ['inDatabase', true, 'not-tri'],
  ])('%s = %j is invalid (%s)', (factId, value, problem) => {
    expect(evaluate('personal-info', { ...BASE, [factId]: value } as unknown as Facts)).toEqual({
      ok: false,
      error: { code: 'invalid-fact', flow: 'personal-info', factId, problem },
    });
  });
  it('facts of branches that are not asked are ignored, whatever their value', () => {
    const plain = run(BASE);
    const extra = run({ ...BASE, aboutLivingRelative: 'no', linkable: 'maybe', fullAuthority: 'unsure', leakSize: 3 } as Facts);
    expect(extra).toEqual(plain);
  });
});
