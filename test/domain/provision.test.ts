// Every route of the provision flow (flows.md §3): exceptions, domestic / EU / standard-system / consent-only
// foreign routes, opt-out bars, individual-related, pseudonymised and anonymised data, "unsure" and bad input.

import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/domain/evaluate';
import { provisionFlow } from '../../src/domain/flows/provision';
import { walk } from '../../src/domain/engine';
import type { Facts, Outcome } from '../../src/domain/types';
import { expectOutcome, runFlow, type Expected } from './flow-helpers';

const run = (facts: Facts) => runFlow('provision', facts);

const SHARED = { othersCanUse: 'yes' } as const;
const PD = { ...SHARED, dataKind: 'personal-data', exception27: 'none', improperUse: 'no' } as const;
const IR = { ...SHARED, dataKind: 'individual-related', exception27: 'none' } as const;

/** Where the recipient is, as facts (flows.md §3 rows 5–8). */
const DOMESTIC = { recipientAbroad: 'no' } as const;
const EU = { recipientAbroad: 'yes', country: 'eu-eea-uk' } as const;
const STANDARD = { recipientAbroad: 'yes', country: 'other', standardSystem: 'yes' } as const;
const ROUTE3 = { recipientAbroad: 'yes', country: 'other', standardSystem: 'no' } as const;

/** The bases open to a domestic (or equivalent) recipient, and the opt-out route's bars. */
const OPT_OUT_OK = {
  consent: 'no',
  includesSensitive: 'no',
  improperOrOptOutSourced: 'no',
  purposeIncludesProvision: 'yes',
  optOutComplete: 'yes',
};
const BASES: [name: string, facts: Facts, expected: Expected][] = [
  ['entrustment', { arrangement: 'entrustment' }, { outcome: 'permitted', grounds: ['appi-27-5-i'], duties: ['supervise-contractor'] }],
  ['succession', { arrangement: 'succession' }, { outcome: 'permitted', grounds: ['appi-27-5-ii'], duties: ['keep-original-purposes'] }],
  [
    'joint use, notified',
    { arrangement: 'joint-use', jointUseNotified: 'yes' },
    { outcome: 'permitted', grounds: ['appi-27-5-iii'], duties: ['maintain-joint-use-notice'] },
  ],
  [
    'joint use not notified, with consent',
    { arrangement: 'joint-use', jointUseNotified: 'no', consent: 'yes' },
    { outcome: 'permitted', grounds: ['consent'], duties: ['provision-record'], notes: ['recipient-must-confirm-and-record'] },
  ],
  [
    'own use, with consent',
    { arrangement: 'own-use', consent: 'yes' },
    { outcome: 'permitted', grounds: ['consent'], duties: ['provision-record'], notes: ['recipient-must-confirm-and-record'] },
  ],
  [
    'opt-out, complete',
    { arrangement: 'own-use', ...OPT_OUT_OK },
    { outcome: 'permitted', grounds: ['appi-27-2'], duties: ['provision-record', 'publish-opt-out-items'] },
  ],
];
// The duty obtain-consent-before-providing on consent-required outcomes is an addition to flows.md.
const refused = (reason: string): Expected => ({
  outcome: 'consent-required',
  reasons: [reason],
  duties: ['obtain-consent-before-providing'],
});
const BARS: [name: string, facts: Facts, expected: Expected][] = [
  ['sensitive data', { arrangement: 'own-use', ...OPT_OUT_OK, includesSensitive: 'yes' }, refused('sensitive-no-opt-out')],
  [
    'improperly or opt-out sourced',
    { arrangement: 'own-use', ...OPT_OUT_OK, improperOrOptOutSourced: 'yes' },
    refused('opt-out-source-barred'),
  ],
  [
    'purpose excludes provision',
    { arrangement: 'own-use', ...OPT_OUT_OK, purposeIncludesProvision: 'no' },
    refused('purpose-excludes-provision'),
  ],
  ['opt-out incomplete', { arrangement: 'own-use', ...OPT_OUT_OK, optOutComplete: 'no' }, refused('opt-out-incomplete')],
  [
    'joint use not notified, no consent, opt-out incomplete',
    { arrangement: 'joint-use', jointUseNotified: 'no', ...OPT_OUT_OK, optOutComplete: 'no' },
    refused('opt-out-incomplete'),
  ],
];

const FOREIGN_ENV = ['understand-foreign-environment', 'disclose-foreign-country'];

describe('provision: not a provision, or not regulated', () => {
  it.each([
    ['no', ['security-measures']],
    ['yes', ['security-measures', ...FOREIGN_ENV]],
  ])('nobody else can use it, stored abroad = %s', (storedAbroad, duties) => {
    const o = run({ othersCanUse: 'no', storedAbroad, dataKind: 'personal-data', exception27: 'law' });
    expectOutcome(o, { outcome: 'not-provision', duties });
    expect(o.path).toEqual(['othersCanUse', 'storedAbroad']);
  });
  it('personal information not in a database: APPI 27 does not apply; check purpose limits', () => {
    const o = run({ ...SHARED, dataKind: 'personal-info-not-database', improperUse: 'no', storedAbroad: 'yes', exception27: 'law' });
    expectOutcome(o, { outcome: 'not-regulated', notes: ['check-purpose-limits'] });
    expect(o.path).toEqual(['othersCanUse', 'dataKind', 'improperUse']);
  });
});

const EXCEPTIONS_27 = [
  ['law', 'appi-27-1-i'],
  ['life', 'appi-27-1-ii'],
  ['public-health', 'appi-27-1-iii'],
  ['government', 'appi-27-1-iv'],
  ['academic-publication', 'appi-27-1-v'],
  ['academic-joint', 'appi-27-1-vi'],
  ['academic-recipient', 'appi-27-1-vii'],
] as const;

describe('provision: APPI 27(1) exceptions', () => {
  it('the enum lists none and then the exceptions in the order of 27(1) items i–vii', () => {
    const q = provisionFlow.questions.find((x) => x.id === 'exception27');
    expect(q?.type === 'enum' && q.options).toEqual(['none', ...EXCEPTIONS_27.map(([e]) => e)]);
  });
  it.each(EXCEPTIONS_27)('personal data, %s → %s, no record needed', (exception27, ground) => {
    // A foreign recipient with no basis would be prohibited: the exception settles it before that is asked.
    const o = run({ ...PD, ...ROUTE3, foreignConsent: 'no', exception27 });
    expectOutcome(o, { outcome: 'permitted', grounds: [ground], notes: ['no-record-needed'] });
    // APPI 19 is asked against every exception but "law" (flows.md row 4a).
    expect(o.path).toEqual(['othersCanUse', 'dataKind', 'exception27', ...(exception27 === 'law' ? [] : ['improperUse'])]);
  });
  it.each(EXCEPTIONS_27)('individual-related, %s → %s, no record needed', (exception27, ground) => {
    const o = run({ ...IR, recipientWillLink: 'yes', consentConfirmed: 'no', exception27 });
    expectOutcome(o, { outcome: 'permitted', grounds: [ground], notes: ['no-record-needed'] });
    expect(o.path).toEqual(['othersCanUse', 'dataKind', 'exception27']);
  });
});

describe('provision: personal data to a recipient in Japan', () => {
  it.each(BASES)('%s', (_name, facts, expected) => {
    expectOutcome(run({ ...PD, ...DOMESTIC, ...facts }), expected);
  });
  it.each(BARS)('%s', (_name, facts, expected) => {
    expectOutcome(run({ ...PD, ...DOMESTIC, ...facts }), expected);
  });
  it('a foreign company handling it in Japan as a domestic business counts as domestic: no foreign questions', () => {
    const o = run({ ...PD, ...DOMESTIC, country: 'other', standardSystem: 'no', foreignConsent: 'no', arrangement: 'entrustment' });
    expect(o.path).toEqual(['othersCanUse', 'dataKind', 'exception27', 'improperUse', 'recipientAbroad', 'arrangement']);
    expect(o.outcome).toBe('permitted');
  });
});

describe('provision: personal data to the EU, EEA or UK (Rules 15)', () => {
  // Same bases as in Japan; on permitted outcomes the designated-country note, and for entrustment abroad the
  // foreign-environment duties.
  const eu = (e: Expected): Expected => {
    if (e.outcome !== 'permitted') return e;
    const duties = [...(e.duties ?? []), ...(e.grounds?.includes('appi-27-5-i') ? FOREIGN_ENV : [])];
    return { ...e, duties, notes: [...(e.notes ?? []), 'designated-country'] };
  };
  it.each(BASES)('%s', (_name, facts, expected) => {
    const o = run({ ...PD, ...EU, ...facts });
    expectOutcome(o, eu(expected));
    expect(o.path).not.toContain('standardSystem');
  });
  it.each(BARS)('%s (no note on a refusal)', (_name, facts, expected) => {
    expectOutcome(run({ ...PD, ...EU, ...facts }), expected);
  });
  it('entrustment to an EU contractor, written out', () => {
    expectOutcome(run({ ...PD, ...EU, arrangement: 'entrustment' }), {
      outcome: 'permitted',
      grounds: ['appi-27-5-i'],
      duties: ['supervise-contractor', 'understand-foreign-environment', 'disclose-foreign-country'],
      notes: ['designated-country'],
    });
  });
});

describe('provision: personal data to a recipient with a standard-compliant system (Rules 16)', () => {
  const std = (e: Expected): Expected => {
    if (e.outcome !== 'permitted') return e;
    const duties = [...(e.duties ?? []), 'foreign-continuous-measures', ...(e.grounds?.includes('appi-27-5-i') ? FOREIGN_ENV : [])];
    return { ...e, duties };
  };
  it.each(BASES)('%s', (_name, facts, expected) => {
    const o = run({ ...PD, ...STANDARD, foreignConsent: 'no', ...facts });
    expectOutcome(o, std(expected));
    expect(o.path).not.toContain('foreignConsent');
  });
  it.each(BARS)('%s (no continuing measures on a refusal)', (_name, facts, expected) => {
    expectOutcome(run({ ...PD, ...STANDARD, ...facts }), expected);
  });
  it('entrustment to a standard-system contractor, written out', () => {
    expectOutcome(run({ ...PD, ...STANDARD, arrangement: 'entrustment' }), {
      outcome: 'permitted',
      grounds: ['appi-27-5-i'],
      duties: ['supervise-contractor', 'understand-foreign-environment', 'disclose-foreign-country', 'foreign-continuous-measures'],
    });
  });
});

describe('provision: personal data abroad with neither (route 3: consent to a foreign provision)', () => {
  it.each([
    ['own use', { arrangement: 'own-use' }, ['provision-record']],
    ['succession (27(5) is not a basis here)', { arrangement: 'succession' }, ['provision-record']],
    ['joint use (27(5) is not a basis here)', { arrangement: 'joint-use', jointUseNotified: 'yes' }, ['provision-record']],
    [
      'entrustment: supervision and foreign-environment duties still apply',
      { arrangement: 'entrustment' },
      ['provision-record', 'supervise-contractor', ...FOREIGN_ENV],
    ],
  ])('foreign consent, %s', (_name, facts, duties) => {
    expectOutcome(run({ ...PD, ...ROUTE3, foreignConsent: 'yes', ...facts } as Facts), {
      outcome: 'permitted',
      grounds: ['appi-28-1-consent'],
      duties,
    });
  });
  it('foreign consent: the opt-out and consent questions do not change it', () => {
    const o = run({ ...PD, ...ROUTE3, foreignConsent: 'yes', arrangement: 'own-use', consent: 'no', includesSensitive: 'yes' });
    expectOutcome(o, { outcome: 'permitted', grounds: ['appi-28-1-consent'], duties: ['provision-record'] });
  });
  it.each([
    ['entrustment', { arrangement: 'entrustment' }],
    ['notified joint use', { arrangement: 'joint-use', jointUseNotified: 'yes' }],
    ['complete opt-out', { arrangement: 'own-use', ...OPT_OUT_OK }],
    ['consent to ordinary provision', { arrangement: 'own-use', consent: 'yes' }],
  ])('no foreign consent: prohibited, %s is no basis', (_name, facts) => {
    const o = run({ ...PD, ...ROUTE3, foreignConsent: 'no', ...facts } as Facts);
    expectOutcome(o, { outcome: 'prohibited', reasons: ['foreign-no-basis'] });
    expect(o.path).toEqual([
      'othersCanUse',
      'dataKind',
      'exception27',
      'improperUse',
      'recipientAbroad',
      'country',
      'standardSystem',
      'foreignConsent',
    ]);
  });
});

describe('provision: individual-related information (APPI 31)', () => {
  const CONFIRMED_NOTES = ['recipient-must-confirm-and-record'];
  it('the recipient will not acquire it as personal data: 31 not engaged', () => {
    const o = run({ ...IR, recipientWillLink: 'no', ...ROUTE3, consentConfirmed: 'no' });
    expectOutcome(o, { outcome: 'permitted', grounds: ['appi-31-not-engaged'] });
    expect(o.path).toEqual(['othersCanUse', 'dataKind', 'exception27', 'recipientWillLink']);
  });
  it.each([
    // recipient-must-confirm-and-record is an addition to flows.md, from rulebook C-OUT-31-OK (Rules 24(1)(iii)).
    ['in Japan', DOMESTIC, { outcome: 'permitted', grounds: ['appi-31-1'], duties: ['individual-related-record'], notes: CONFIRMED_NOTES }],
    [
      'in the EU/EEA/UK',
      EU,
      {
        outcome: 'permitted',
        grounds: ['appi-31-1'],
        duties: ['individual-related-record'],
        notes: [...CONFIRMED_NOTES, 'designated-country'],
      },
    ],
    [
      'abroad, standard-compliant system (31(2) applies 28(3))',
      STANDARD,
      {
        outcome: 'permitted',
        grounds: ['appi-31-1'],
        duties: ['individual-related-record', 'foreign-continuous-measures'],
        notes: CONFIRMED_NOTES,
      },
    ],
    [
      'abroad, neither (consent after the Rules 17 information)',
      ROUTE3,
      { outcome: 'permitted', grounds: ['appi-31-1'], duties: ['individual-related-record'], notes: CONFIRMED_NOTES },
    ],
  ] as [string, Facts, Expected][])('consent confirmed, recipient %s', (_name, dest, expected) => {
    const o = run({ ...IR, recipientWillLink: 'yes', ...dest, consentConfirmed: 'yes', foreignConsent: 'no', arrangement: 'entrustment' });
    expectOutcome(o, expected);
    expect(o.path).not.toContain('foreignConsent');
    expect(o.path).not.toContain('arrangement');
  });
  it.each([
    ['in Japan', DOMESTIC],
    ['in the EU/EEA/UK', EU],
    ['abroad, standard-compliant system', STANDARD],
    ['abroad, neither', ROUTE3],
  ] as [string, Facts][])('consent not confirmed, recipient %s: prohibited', (_name, dest) => {
    expectOutcome(run({ ...IR, recipientWillLink: 'yes', ...dest, consentConfirmed: 'no' }), {
      outcome: 'prohibited',
      reasons: ['consent-not-confirmed'],
    });
  });
});

describe('provision: pseudonymised and anonymised information', () => {
  it.each([
    ['law', { outcome: 'permitted', grounds: ['appi-41-6-law'] }],
    // The duty and note on entrustment are additions to flows.md (APPI 25 supervision; rulebook §C.8).
    [
      'entrustment',
      { outcome: 'permitted', grounds: ['appi-41-6-27-5'], duties: ['supervise-contractor'], notes: ['pseudonymised-entrustment'] },
    ],
    ['succession', { outcome: 'permitted', grounds: ['appi-41-6-27-5'] }],
    ['joint-use-published', { outcome: 'permitted', grounds: ['appi-41-6-27-5'], duties: ['publish-joint-use-items'] }],
    ['other', { outcome: 'prohibited', reasons: ['pseudonymised-no-provision'] }],
  ] as [string, Expected][])('pseudonymised, route %s', (pseudonymisedRoute, expected) => {
    const o = run({ ...SHARED, dataKind: 'pseudonymised', improperUse: 'no', pseudonymisedRoute, exception27: 'law', consent: 'yes' });
    expectOutcome(o, expected);
    // Consent does not help, and the 27(1) exceptions are not asked; APPI 19 is asked first.
    expect(o.path).toEqual(['othersCanUse', 'dataKind', 'improperUse', 'pseudonymisedRoute']);
  });
  it('anonymised: publish the items and tell the recipient', () => {
    // Neither APPI 19 (anonymised information is not personal information) nor the 27(1) exceptions are asked.
    const o = run({ ...SHARED, dataKind: 'anonymised', exception27: 'none', improperUse: 'yes', recipientAbroad: 'yes' });
    expectOutcome(o, {
      outcome: 'permitted',
      grounds: ['appi-43-4'],
      duties: ['publish-anonymised-items', 'state-anonymised-to-recipient'],
    });
    expect(o.path).toEqual(['othersCanUse', 'dataKind']);
  });
});

describe('provision: improper use (APPI 19, flows.md row 4a) bars every basis', () => {
  const IMPROPER: Expected = { outcome: 'prohibited', reasons: ['improper-use'] };
  it.each(BASES)('personal data in Japan, %s: prohibited, and nothing after it is asked', (_name, facts) => {
    const o = run({ ...PD, ...DOMESTIC, ...facts, improperUse: 'yes' });
    expectOutcome(o, IMPROPER);
    expect(o.path).toEqual(['othersCanUse', 'dataKind', 'exception27', 'improperUse']);
    expect(o.citations).toEqual(expect.arrayContaining(['APPI 19', 'GL (General) 3-2']));
  });
  it.each(EXCEPTIONS_27.filter(([e]) => e !== 'law'))('a 27(1) exception other than law (%s) does not cure it', (exception27) => {
    const o = run({ ...PD, exception27, improperUse: 'yes' });
    expectOutcome(o, IMPROPER);
  });
  it('a provision based on laws (27(1)(i)) is not asked about it', () => {
    const o = run({ ...PD, exception27: 'law', improperUse: 'yes' });
    expectOutcome(o, { outcome: 'permitted', grounds: ['appi-27-1-i'], notes: ['no-record-needed'] });
    expect(o.path).not.toContain('improperUse');
  });
  it('foreign consent does not cure it', () => {
    expectOutcome(run({ ...PD, ...ROUTE3, foreignConsent: 'yes', arrangement: 'own-use', improperUse: 'yes' }), IMPROPER);
  });
  it.each(['law', 'entrustment', 'succession', 'joint-use-published'])('pseudonymised, route %s: prohibited', (pseudonymisedRoute) => {
    const o = run({ ...SHARED, dataKind: 'pseudonymised', improperUse: 'yes', pseudonymisedRoute });
    expectOutcome(o, IMPROPER);
    expect(o.path).toEqual(['othersCanUse', 'dataKind', 'improperUse']);
  });
  it('personal information outside a database: prohibited instead of "not regulated"', () => {
    expectOutcome(run({ ...SHARED, dataKind: 'personal-info-not-database', improperUse: 'yes' }), IMPROPER);
  });
  it('individual-related and anonymised information are not asked (not personal information for the provider)', () => {
    const ir = run({ ...IR, recipientWillLink: 'no', improperUse: 'yes' });
    expect(ir.path).not.toContain('improperUse');
    expect(ir.outcome).toBe('permitted');
    expect(run({ ...SHARED, dataKind: 'anonymised', improperUse: 'yes' }).path).not.toContain('improperUse');
  });
  it('not a provision: not asked', () => {
    expect(run({ othersCanUse: 'no', storedAbroad: 'no', improperUse: 'yes' }).path).not.toContain('improperUse');
  });
  it('"not sure" is read as yes: prohibited, provisional, and nothing more is asked', () => {
    const o = run({ ...PD, ...DOMESTIC, arrangement: 'own-use', consent: 'yes', improperUse: 'unsure' });
    expectOutcome(o, IMPROPER);
    expect(o.openQuestions).toEqual(['improperUse']);
    expect(o.path).toEqual(['othersCanUse', 'dataKind', 'exception27', 'improperUse']);
  });
});

/** An outcome without its "unsure" bookkeeping, to compare an unsure run with a definite one. */
function strip(o: Outcome & { path?: string[] }) {
  const { openQuestions: _o, provisional: _p, path: _path, ...rest } = o;
  return rest;
}

describe('provision: "not sure" is read as the answer with more duties', () => {
  // [fact, unsure→X from flows.md §3, facts where the fact is asked and its answer changes the outcome]
  const cases: [string, 'yes' | 'no', Facts][] = [
    ['othersCanUse', 'yes', { storedAbroad: 'no', ...PD, ...DOMESTIC, arrangement: 'entrustment' }],
    ['storedAbroad', 'yes', { othersCanUse: 'no' }],
    ['recipientAbroad', 'yes', { ...PD, ...EU, arrangement: 'succession' }],
    ['standardSystem', 'no', { ...PD, ...STANDARD, foreignConsent: 'no', arrangement: 'succession' }],
    ['foreignConsent', 'no', { ...PD, ...ROUTE3, arrangement: 'own-use' }],
    ['jointUseNotified', 'no', { ...PD, ...DOMESTIC, arrangement: 'joint-use', consent: 'no', includesSensitive: 'yes' }],
    ['consent', 'no', { ...PD, ...DOMESTIC, arrangement: 'own-use', includesSensitive: 'yes' }],
    ['includesSensitive', 'yes', { ...PD, ...DOMESTIC, arrangement: 'own-use', ...OPT_OUT_OK }],
    ['improperOrOptOutSourced', 'yes', { ...PD, ...DOMESTIC, arrangement: 'own-use', ...OPT_OUT_OK }],
    ['purposeIncludesProvision', 'no', { ...PD, ...DOMESTIC, arrangement: 'own-use', ...OPT_OUT_OK }],
    ['optOutComplete', 'no', { ...PD, ...DOMESTIC, arrangement: 'own-use', ...OPT_OUT_OK }],
    ['recipientWillLink', 'yes', { ...IR, ...DOMESTIC, consentConfirmed: 'no' }],
    ['consentConfirmed', 'no', { ...IR, recipientWillLink: 'yes', ...DOMESTIC }],
    ['improperUse', 'yes', { ...PD, ...DOMESTIC, arrangement: 'entrustment' }],
  ];
  it('covers every tri question of the flow', () => {
    const tris = provisionFlow.questions.filter((q) => q.type === 'tri').map((q) => q.id);
    expect(cases.map(([f]) => f).sort()).toEqual(tris.sort());
  });
  it.each(cases)('%s: unsure → %s, open and provisional', (fact, means, facts) => {
    const other = means === 'yes' ? 'no' : 'yes';
    const unsure = run({ ...facts, [fact]: 'unsure' });
    const definite = run({ ...facts, [fact]: means });
    // The scenario must be one where the answer matters, or the comparison proves nothing.
    expect(strip(run({ ...facts, [fact]: other }))).not.toEqual(strip(definite));
    expect(strip(unsure)).toEqual(strip(definite));
    expect(unsure.openQuestions).toEqual([fact]);
    expect(unsure.provisional).toBe(true);
    expect(definite.provisional).toBe(false);
  });
  it('open questions list exactly the unsure facts asked on the path, sorted', () => {
    const o = run({
      ...PD,
      recipientAbroad: 'unsure',
      country: 'other',
      standardSystem: 'unsure',
      foreignConsent: 'unsure',
      // Not asked: route 3 without foreign consent is settled before these.
      arrangement: 'joint-use',
      jointUseNotified: 'unsure',
      consent: 'unsure',
      recipientWillLink: 'unsure',
    });
    expectOutcome(o, { outcome: 'prohibited', reasons: ['foreign-no-basis'] });
    expect(o.openQuestions).toEqual(['foreignConsent', 'recipientAbroad', 'standardSystem']);
    expect(o.provisional).toBe(true);
  });
  it('unsure answers to questions not asked are ignored', () => {
    const o = run({
      ...PD,
      ...DOMESTIC,
      arrangement: 'entrustment',
      storedAbroad: 'unsure',
      jointUseNotified: 'unsure',
      consentConfirmed: 'unsure',
    });
    expect(o.openQuestions).toEqual([]);
    expect(o.provisional).toBe(false);
  });
});

/** Answers the questions in the given order, checking at each step that the walk asks exactly the next one. */
function expectAskingOrder(answers: [id: string, value: string][]) {
  const facts: Record<string, string> = {};
  for (const [id, value] of answers) {
    const w = walk(provisionFlow, facts, { mode: 'interactive' });
    expect(w.kind === 'needs' && w.next.id, `after ${Object.keys(facts).join(', ')}`).toBe(id);
    facts[id] = value;
  }
  const done = walk(provisionFlow, facts, { mode: 'interactive' });
  expect(done.kind).toBe('complete');
  expect(done.path).toEqual(answers.map(([id]) => id));
}

describe('provision: asking order', () => {
  it('personal data in Japan, down the opt-out route: the table order', () => {
    expectAskingOrder([
      ['othersCanUse', 'yes'],
      ['dataKind', 'personal-data'],
      ['exception27', 'none'],
      ['improperUse', 'no'],
      ['recipientAbroad', 'no'],
      ['arrangement', 'joint-use'],
      ['jointUseNotified', 'no'],
      ['consent', 'no'],
      ['includesSensitive', 'no'],
      ['improperOrOptOutSourced', 'no'],
      ['purposeIncludesProvision', 'yes'],
      ['optOutComplete', 'yes'],
    ]);
  });
  it('personal data abroad on route 3: country, standard system, foreign consent, then the arrangement', () => {
    expectAskingOrder([
      ['othersCanUse', 'yes'],
      ['dataKind', 'personal-data'],
      ['exception27', 'none'],
      ['improperUse', 'no'],
      ['recipientAbroad', 'yes'],
      ['country', 'other'],
      ['standardSystem', 'no'],
      ['foreignConsent', 'yes'],
      ['arrangement', 'entrustment'],
    ]);
  });
  it('personal data to the EU: no standard-system question', () => {
    expectAskingOrder([
      ['othersCanUse', 'yes'],
      ['dataKind', 'personal-data'],
      ['exception27', 'none'],
      ['improperUse', 'no'],
      ['recipientAbroad', 'yes'],
      ['country', 'eu-eea-uk'],
      ['arrangement', 'succession'],
    ]);
  });
  it('individual-related: exception27, recipientWillLink, recipientAbroad, country, standardSystem, consentConfirmed', () => {
    expectAskingOrder([
      ['othersCanUse', 'yes'],
      ['dataKind', 'individual-related'],
      ['exception27', 'none'],
      ['recipientWillLink', 'yes'],
      ['recipientAbroad', 'yes'],
      ['country', 'other'],
      ['standardSystem', 'no'],
      ['consentConfirmed', 'yes'],
    ]);
  });
  it('not a provision: only the storage question follows', () => {
    expectAskingOrder([
      ['othersCanUse', 'no'],
      ['storedAbroad', 'no'],
    ]);
  });
  it('pseudonymised: only the route is asked', () => {
    expectAskingOrder([
      ['othersCanUse', 'yes'],
      ['dataKind', 'pseudonymised'],
      ['improperUse', 'no'],
      ['pseudonymisedRoute', 'succession'],
    ]);
  });
  it('APPI 19 comes right after exception27 for personal data, and right after dataKind otherwise', () => {
    expectAskingOrder([
      ['othersCanUse', 'yes'],
      ['dataKind', 'personal-info-not-database'],
      ['improperUse', 'no'],
    ]);
    expectAskingOrder([
      ['othersCanUse', 'yes'],
      ['dataKind', 'personal-data'],
      ['exception27', 'life'],
      ['improperUse', 'no'],
    ]);
  });
});

describe('provision: bad input is an error naming the fact', () => {
  it.each([
    ['othersCanUse', {}],
    ['storedAbroad', { othersCanUse: 'no' }],
    ['dataKind', { othersCanUse: 'unsure' }],
    ['exception27', { ...SHARED, dataKind: 'individual-related' }],
    ['recipientWillLink', { ...IR }],
    ['improperUse', { ...SHARED, dataKind: 'personal-data', exception27: 'none' }],
    ['improperUse', { ...SHARED, dataKind: 'pseudonymised' }],
    ['recipientAbroad', { ...PD }],
    ['country', { ...PD, recipientAbroad: 'yes' }],
    ['standardSystem', { ...PD, recipientAbroad: 'yes', country: 'other' }],
    ['foreignConsent', { ...PD, ...ROUTE3, arrangement: 'own-use' }],
    ['arrangement', { ...PD, ...DOMESTIC }],
    ['jointUseNotified', { ...PD, ...DOMESTIC, arrangement: 'joint-use', consent: 'yes' }],
    ['consent', { ...PD, ...DOMESTIC, arrangement: 'own-use' }],
    ['optOutComplete', { ...PD, ...DOMESTIC, arrangement: 'own-use', ...OPT_OUT_OK, optOutComplete: undefined }],
    ['consentConfirmed', { ...IR, recipientWillLink: 'yes', ...DOMESTIC }],
    ['pseudonymisedRoute', { ...SHARED, dataKind: 'pseudonymised', improperUse: 'no' }],
  ])('missing %s', (factId, facts) => {
    expect(evaluate('provision', facts as Facts)).toEqual({ ok: false, error: { code: 'missing-fact', flow: 'provision', factId } });
  });
  it.each([
    ['othersCanUse', 'maybe', 'not-tri'],
    ['dataKind', 'health-data', 'not-option'],
    ['exception27', 'consent', 'not-option'],
    ['country', 'us', 'not-option'],
    ['arrangement', ['entrustment'], 'not-option'],
    ['consent', 'maybe', 'not-tri'],
    ['improperUse', true, 'not-tri'],
  ])('%s = %j is invalid (%s)', (factId, value, problem) => {
    const facts = { ...PD, ...EU, arrangement: 'own-use', consent: 'yes', [factId]: value } as unknown as Facts;
    expect(evaluate('provision', facts)).toEqual({ ok: false, error: { code: 'invalid-fact', flow: 'provision', factId, problem } });
  });
  it('facts of branches that are not asked are ignored, whatever their value', () => {
    const base = { ...PD, ...DOMESTIC, arrangement: 'succession' } as const;
    const plain = run(base);
    const extra = run({
      ...base,
      storedAbroad: 'yes',
      country: 'mars',
      foreignConsent: 'maybe',
      consent: 'unsure',
      pseudonymisedRoute: 'other',
    });
    expect(extra).toEqual(plain);
  });
});
