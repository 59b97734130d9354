// The `sensitive-acquisition` flow (flows.md §2, rulebook §B): may we acquire this 要配慮個人情報, and on what basis?

import { tri } from './question';
import { defineFlow, type Reader, type Verdict } from '../engine';
import type { Question } from '../types';

/** The exceptions in the spec's order: the first that holds settles it (an "unsure" never relies on one). */
const EXCEPTIONS: readonly (readonly [fact: string, ground: string])[] = [
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
];

/** Publishers whose publication lets you acquire without consent (APPI 20(2)(vii), Rules 6). */
const QUALIFYING_PUBLISHERS = ['person', 'government', 'academic', 'press-religious-political', 'foreign-equivalent'];

export const SENSITIVE_QUESTIONS: readonly Question[] = [
  tri('sensitive', 'yes', ['appi-2-3', 'order-2', 'rules-5']),
  tri('recorded', 'yes', ['gl-3-3-2']),
  tri('improperMeans', 'no', ['appi-20-1']),
  tri('consent', 'no', ['appi-20-2', 'gl-3-3-2']),
  tri('viaConsentedProvision', 'no', ['gl-3-3-2', 'appi-27-1']),
  tri('receivedAsEntrusted', 'no', ['order-9-ii', 'appi-27-5']),
  tri('visuallyObvious', 'no', ['order-9-i']),
  tri('exLaw', 'no', ['appi-20-2-i']),
  tri('exLife', 'no', ['appi-20-2-ii']),
  tri('exPublicHealth', 'no', ['appi-20-2-iii']),
  tri('exGovernment', 'no', ['appi-20-2-iv']),
  tri('exAcademicAcquirer', 'no', ['appi-20-2-v', 'appi-16-8']),
  tri('exAcademicJoint', 'no', ['appi-20-2-vi', 'appi-16-8']),
  {
    id: 'publishedBy',
    type: 'enum',
    options: [...QUALIFYING_PUBLISHERS, 'other', 'not-public'],
    citations: ['appi-20-2-vii', 'appi-57-1', 'rules-6'],
  },
];

export const SENSITIVE_OUTCOMES = ['permitted', 'consent-required', 'prohibited', 'no-acquisition', 'not-sensitive'] as const;

const GROUND_CITATIONS: Record<string, string> = { consent: 'appi-20-2', 'provider-consent': 'gl-3-3-2' };

export function decideSensitiveAcquisition(r: Reader): Verdict {
  if (!r.yes('sensitive'))
    return {
      outcome: 'not-sensitive',
      reasons: ['not-sensitive'],
      notes: ['not-sensitive-other-rules'],
      citations: ['appi-2-3', 'appi-20-1', 'appi-21-1'],
    };

  // Whatever happens next, these two consequences of holding 要配慮 data follow it (flows.md §2).
  const notes = ['no-opt-out-for-sensitive', 'leak-of-one-is-reportable'];
  const always = ['appi-27-2', 'rules-7-i'];
  if (!r.yes('recorded')) return { outcome: 'no-acquisition', reasons: ['not-recorded'], notes, citations: ['gl-3-3-2', ...always] };

  const improper = r.tri('improperMeans');
  if (improper === 'yes')
    return { outcome: 'prohibited', grounds: ['appi-20-1'], reasons: ['improper-means'], notes, citations: ['appi-20-1', ...always] };
  // Unsure reads as "no" (the exceptions are still walked), but the source must be checked.
  if (improper === 'unsure') notes.push('check-source-legitimacy');

  for (const [fact, ground] of EXCEPTIONS)
    if (r.yes(fact))
      return {
        outcome: 'permitted',
        grounds: [ground],
        duties: ['notify-purpose'],
        notes,
        citations: [GROUND_CITATIONS[ground] ?? ground, 'appi-21-1', ...always],
      };

  if (QUALIFYING_PUBLISHERS.includes(r.choice('publishedBy')))
    return {
      outcome: 'permitted',
      grounds: ['appi-20-2-vii'],
      duties: ['notify-purpose'],
      notes,
      citations: ['appi-20-2-vii', 'rules-6', 'appi-21-1', ...always],
    };

  return {
    outcome: 'consent-required',
    grounds: ['appi-20-2'],
    reasons: ['no-exception'],
    duties: ['obtain-consent-before-acquiring'],
    notes,
    citations: ['appi-20-2', ...always],
  };
}

export const sensitiveAcquisitionFlow = defineFlow({
  id: 'sensitive-acquisition',
  questions: SENSITIVE_QUESTIONS,
  outcomes: SENSITIVE_OUTCOMES,
  tones: { permitted: 'clear', 'consent-required': 'caution', prohibited: 'act', 'not-sensitive': 'clear', 'no-acquisition': 'clear' },
  // flows.md §2, plus the additions marked (flows.md names no reasons: all four are additions).
  vocabulary: {
    grounds: [
      'consent',
      'provider-consent',
      'order-9-i',
      'order-9-ii',
      'appi-20-1',
      'appi-20-2',
      'appi-20-2-i',
      'appi-20-2-ii',
      'appi-20-2-iii',
      'appi-20-2-iv',
      'appi-20-2-v',
      'appi-20-2-vi',
      'appi-20-2-vii',
    ],
    tags: [],
    notes: [
      'no-opt-out-for-sensitive',
      'leak-of-one-is-reportable',
      'check-source-legitimacy',
      'not-sensitive-other-rules', // addition
    ],
    reasons: ['not-sensitive', 'not-recorded', 'improper-means', 'no-exception'],
  },
  dutyOrder: ['obtain-consent-before-acquiring', 'notify-purpose'],
  groundCitations: GROUND_CITATIONS,
  decide: decideSensitiveAcquisition,
});
