// The `personal-info` flow (flows.md §1, rulebook §A): is this personal information, and what kind?

import { tri } from './question';
import { defineFlow, type ChainOffer, type Reader, type Verdict } from '../engine';
import type { Outcome, Question } from '../types';

const BIOMETRIC = ['dna', 'face', 'iris', 'voice', 'gait', 'vein', 'fingerprint'];
const NUMBERS = [
  'passport',
  'foreign-passport',
  'pension',
  'drivers-licence',
  'resident-code',
  'my-number',
  'health-insurance',
  'elderly-insurance',
  'care-insurance',
  'residence-card',
  'special-permanent-resident',
  'employment-insurance',
  'mutual-aid',
  'seamen-insurance',
];

export const PERSONAL_INFO_QUESTIONS: readonly Question[] = [
  tri('aboutPerson', 'yes', ['appi-2-1', 'gl-2-1']),
  tri('alive', 'yes', ['appi-2-1', 'gl-2-1']),
  tri('aboutLivingRelative', 'yes', ['gl-2-1']),
  tri('statistical', 'no', ['gl-2-8']),
  {
    id: 'identifierCodes',
    type: 'multi',
    options: [...BIOMETRIC, ...NUMBERS],
    groups: [
      { id: 'biometric', options: BIOMETRIC },
      { id: 'numbers', options: NUMBERS },
    ],
    citations: ['appi-2-2', 'order-1', 'rules-2', 'rules-4'],
  },
  tri('identifies', 'yes', ['appi-2-1-i', 'gl-2-1']),
  tri('linkable', 'yes', ['appi-2-1-i', 'gl-2-1']),
  {
    id: 'processing',
    type: 'enum',
    options: ['none', 'pseudonymised', 'anonymised'],
    citations: ['appi-2-5', 'appi-2-6', 'rules-31', 'rules-34'],
  },
  {
    id: 'sensitiveCategories',
    type: 'multi',
    options: [
      'race',
      'creed',
      'social-status',
      'medical-history',
      'criminal-record',
      'crime-victim',
      'disability',
      'health-check',
      'medical-care',
      'criminal-procedure',
      'juvenile-procedure',
    ],
    citations: ['appi-2-3', 'order-2', 'rules-5', 'gl-2-3'],
  },
  tri('inDatabase', 'yes', ['appi-16-1', 'appi-16-3', 'order-4-1']),
  tri('fullAuthority', 'yes', ['appi-16-4', 'order-5']),
];

export const PERSONAL_INFO_OUTCOMES = [
  'personal-information',
  'individual-related',
  'pseudonymised-info',
  'anonymised-info',
  'statistical',
  'not-personal',
] as const;

/** The article behind each duty, listed with the outcome. */
const DUTY_CITATIONS: Record<string, string[]> = {
  'specify-purpose': ['appi-17-1'],
  'notify-purpose': ['appi-21-1'],
  'publish-purpose': ['appi-41-4'],
  'proper-acquisition': ['appi-20-1'],
  'no-improper-use': ['appi-19'],
  'consent-to-acquire-sensitive': ['appi-20-2'],
  'security-measures': ['appi-23'],
  'supervise-staff': ['appi-24'],
  'supervise-contractors': ['appi-25'],
  'leak-reporting-readiness': ['appi-26-1'],
  'provision-rules': ['appi-27-1', 'appi-28-1'],
  'data-subject-requests': ['appi-32-1', 'appi-33-1'],
  'check-individual-related-provision': ['appi-31-1'],
};

export function decidePersonalInfo(r: Reader): Verdict {
  if (!r.yes('aboutPerson')) return { outcome: 'not-personal', reasons: ['corporate'], citations: ['gl-2-1'] };
  const notes: string[] = [];
  if (!r.yes('alive')) {
    if (!r.yes('aboutLivingRelative')) return { outcome: 'not-personal', reasons: ['deceased'], citations: ['appi-2-1', 'gl-2-1'] };
    notes.push('about-living-relative');
  }
  if (r.yes('statistical')) return { outcome: 'statistical', reasons: ['statistical'], notes, citations: ['gl-2-8'] };

  const codes = r.many('identifierCodes');
  const ground = codes.length > 0 ? 'appi-2-1-ii' : r.yes('identifies') ? 'appi-2-1-i' : r.yes('linkable') ? 'appi-2-1-i-collation' : null;
  const processing = r.choice('processing');

  if (!ground) {
    // Not personal information: what it is depends on how it was produced (rulebook §A.10, A-Q6).
    if (processing === 'pseudonymised')
      return {
        outcome: 'pseudonymised-info',
        grounds: ['appi-2-5'],
        notes: [...notes, 'pseudonymised-info-rules', 'run-provision-pseudonymised'],
        citations: ['appi-2-5', 'appi-42-1', 'appi-41-7', 'appi-41-8'],
      };
    if (processing === 'anonymised')
      return {
        outcome: 'anonymised-info',
        grounds: ['appi-2-6'],
        notes: [...notes, 'anonymised-info-rules', 'run-provision-anonymised'],
        citations: ['appi-2-6', 'appi-43-4', 'appi-43-5', 'appi-44'],
      };
    return {
      outcome: 'individual-related',
      grounds: ['appi-2-7'],
      duties: ['check-individual-related-provision'],
      notes: [...notes, 'run-provision-individual-related'],
      citations: ['appi-2-7', 'appi-31-1'],
    };
  }

  const sensitive = r.many('sensitiveCategories').length > 0;
  const personalData = r.yes('inDatabase');
  const retained = personalData && r.yes('fullAuthority');
  const pseudonymised = processing === 'pseudonymised';

  const tags = ['personal-information'];
  if (sensitive) tags.push('sensitive');
  if (personalData) tags.push('personal-data');
  if (retained) tags.push('retained-personal-data');
  if (codes.length) tags.push('identifier-code');
  if (pseudonymised) tags.push('pseudonymised');
  if (processing === 'anonymised') tags.push('anonymisation-incomplete');
  if (codes.includes('my-number')) {
    tags.push('my-number');
    notes.push('my-number-act');
  }

  let duties = ['specify-purpose', 'notify-purpose', 'proper-acquisition', 'no-improper-use'];
  if (sensitive) duties.push('consent-to-acquire-sensitive');
  if (personalData)
    duties.push('security-measures', 'supervise-staff', 'supervise-contractors', 'leak-reporting-readiness', 'provision-rules');
  if (retained) duties.push('data-subject-requests');
  if (pseudonymised) {
    // APPI 41(9) disapplies Art. 26 and Arts 32–39; 41(4) replaces notice of purposes with publication.
    duties = duties
      .filter((d) => d !== 'leak-reporting-readiness' && d !== 'data-subject-requests')
      .map((d) => (d === 'notify-purpose' ? 'publish-purpose' : d));
    notes.push('pseudonymised-rules');
  }
  if (sensitive) notes.push('run-sensitive-acquisition');
  if (personalData) notes.push('run-provision');

  const citations = [ground === 'appi-2-1-ii' ? 'appi-2-1-ii' : 'appi-2-1-i'];
  if (sensitive) citations.push('appi-2-3');
  if (personalData) citations.push('appi-16-3');
  if (retained) citations.push('appi-16-4');
  for (const d of duties) citations.push(...(DUTY_CITATIONS[d] ?? []));
  if (pseudonymised) citations.push('appi-41-3', 'appi-41-6', 'appi-41-7', 'appi-41-8', 'appi-41-9');
  if (processing === 'anonymised') citations.push('rules-34');

  return { outcome: 'personal-information', grounds: [ground], tags, duties, notes, citations };
}

/** What the provision flow's `dataKind` is, for each kind of data this flow can find (and why it is offered). */
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

/** In a data use case (案件): 要配慮 data calls for the sensitive-acquisition check, shareable data for provision. */
function chainOffers(o: Outcome): ChainOffer[] {
  const offers: ChainOffer[] = [];
  if (o.tags.includes('sensitive')) offers.push({ flow: 'sensitive-acquisition', facts: { sensitive: 'yes' }, because: 'sensitive' });
  const p = provisionKind(o);
  if (p) offers.push({ flow: 'provision', facts: { dataKind: p.kind }, because: p.because });
  return offers;
}

export const personalInfoFlow = defineFlow({
  id: 'personal-info',
  questions: PERSONAL_INFO_QUESTIONS,
  outcomes: PERSONAL_INFO_OUTCOMES,
  tones: {
    'personal-information': 'caution',
    'individual-related': 'neutral',
    'pseudonymised-info': 'neutral',
    'anonymised-info': 'neutral',
    statistical: 'clear',
    'not-personal': 'clear',
  },
  // flows.md §1, plus the additions marked.
  vocabulary: {
    grounds: ['appi-2-1-i', 'appi-2-1-i-collation', 'appi-2-1-ii', 'appi-2-5', 'appi-2-6', 'appi-2-7'],
    tags: [
      'personal-information',
      'sensitive',
      'personal-data',
      'retained-personal-data',
      'identifier-code',
      'pseudonymised',
      'anonymisation-incomplete',
      'my-number',
    ],
    notes: [
      'my-number-act',
      'pseudonymised-rules',
      'run-sensitive-acquisition',
      'run-provision',
      'about-living-relative', // addition
      'pseudonymised-info-rules', // addition
      'anonymised-info-rules', // addition
      'run-provision-individual-related', // addition
      'run-provision-pseudonymised', // addition
      'run-provision-anonymised', // addition
    ],
    reasons: ['corporate', 'deceased', 'statistical'],
    chainReasons: ['sensitive', 'personal-data', 'pseudonymised', 'individual-related', 'pseudonymised-info', 'anonymised-info'],
  },
  // The order a new data use is set up in: purpose first, then acquisition, safeguards, sharing, requests.
  dutyOrder: [
    'specify-purpose',
    'notify-purpose',
    'publish-purpose',
    'proper-acquisition',
    'consent-to-acquire-sensitive',
    'no-improper-use',
    'security-measures',
    'supervise-staff',
    'supervise-contractors',
    'leak-reporting-readiness',
    'provision-rules',
    'check-individual-related-provision',
    'data-subject-requests',
  ],
  groundCitations: { 'appi-2-1-i-collation': 'appi-2-1-i' },
  decide: decidePersonalInfo,
  chainOffers,
});
