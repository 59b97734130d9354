// The `provision` flow (flows.md §3, rulebook §C): may we give this data to someone else, on which basis, and
// what records, contracts and notices follow?

import { tri } from './question';
import { defineFlow, type Reader, type Verdict } from '../engine';
import type { Question } from '../types';

/** APPI 27(1) items, in the enum's order. */
const EXCEPTION_GROUNDS: Record<string, string> = {
  law: 'appi-27-1-i',
  life: 'appi-27-1-ii',
  'public-health': 'appi-27-1-iii',
  government: 'appi-27-1-iv',
  'academic-publication': 'appi-27-1-v',
  'academic-joint': 'appi-27-1-vi',
  'academic-recipient': 'appi-27-1-vii',
};

export const PROVISION_QUESTIONS: readonly Question[] = [
  tri('othersCanUse', 'yes', ['gl-2-17', 'gl-3-6-1', 'qa-7-53']),
  tri('storedAbroad', 'yes', ['qa-12-3', 'gl-10-7', 'mynumber-qa-16-4', 'qa-10-25']),
  {
    id: 'dataKind',
    type: 'enum',
    options: ['personal-data', 'individual-related', 'pseudonymised', 'anonymised', 'personal-info-not-database'],
    citations: ['appi-16-3', 'appi-2-7', 'appi-2-5', 'appi-2-6'],
  },
  { id: 'exception27', type: 'enum', options: ['none', ...Object.keys(EXCEPTION_GROUNDS)], citations: ['appi-27-1'] },
  tri('improperUse', 'yes', ['appi-19', 'gl-3-2']),
  tri('recipientAbroad', 'yes', ['appi-28-1', 'gl-off-2-2']),
  { id: 'country', type: 'enum', options: ['eu-eea-uk', 'other'], citations: ['rules-15', 'gl-off-3'] },
  tri('standardSystem', 'no', ['rules-16', 'appi-28-3', 'gl-off-4-3'], true),
  tri('foreignConsent', 'no', ['appi-28-1', 'rules-17', 'gl-off-5'], true),
  { id: 'arrangement', type: 'enum', options: ['entrustment', 'succession', 'joint-use', 'own-use'], citations: ['appi-27-5'] },
  tri('jointUseNotified', 'no', ['appi-27-5-iii', 'appi-27-6'], true),
  tri('consent', 'no', ['appi-27-1', 'gl-3-6-1']),
  tri('includesSensitive', 'yes', ['appi-27-2', 'appi-2-3']),
  tri('improperOrOptOutSourced', 'yes', ['appi-27-2', 'appi-20-1']),
  tri('purposeIncludesProvision', 'no', ['gl-3-6-2', 'appi-27-2']),
  tri('optOutComplete', 'no', ['appi-27-2', 'rules-11', 'rules-14'], true),
  tri('recipientWillLink', 'yes', ['appi-31-1', 'gl-3-7-1']),
  tri('consentConfirmed', 'no', ['appi-31-1', 'rules-26']),
  {
    id: 'pseudonymisedRoute',
    type: 'enum',
    options: ['law', 'entrustment', 'succession', 'joint-use-published', 'other'],
    citations: ['appi-41-6', 'appi-42-1'],
  },
];

export const PROVISION_OUTCOMES = ['permitted', 'consent-required', 'prohibited', 'not-provision', 'not-regulated'] as const;

const GROUND_CITATIONS: Record<string, string> = {
  'appi-28-1-consent': 'appi-28-1',
  consent: 'appi-27-1',
  'appi-31-not-engaged': 'appi-31-1',
  'appi-41-6-law': 'appi-41-6',
  'appi-41-6-27-5': 'appi-41-6',
};

/** The articles listed with each duty and note on the outcome. */
const CITED: Record<string, string[]> = {
  'security-measures': ['appi-23'],
  'understand-foreign-environment': ['gl-10-7'],
  'disclose-foreign-country': ['appi-32-1', 'order-10-i'],
  'provision-record': ['appi-29-1', 'rules-20', 'rules-21'],
  'supervise-contractor': ['appi-25', 'gl-3-4-4'],
  'foreign-continuous-measures': ['appi-28-3', 'rules-18'],
  'keep-original-purposes': ['appi-18-2'],
  'maintain-joint-use-notice': ['appi-27-5-iii', 'appi-27-6'],
  'publish-opt-out-items': ['appi-27-2', 'rules-11', 'rules-14'],
  'individual-related-record': ['appi-31-3', 'rules-27', 'rules-29'],
  'publish-joint-use-items': ['appi-41-6'],
  'publish-anonymised-items': ['appi-43-4', 'rules-37'],
  'state-anonymised-to-recipient': ['appi-43-4', 'rules-38'],
  'obtain-consent-before-providing': ['appi-27-1'],
  'check-purpose-limits': ['appi-18-1'],
  'no-record-needed': ['appi-29-1'],
  'designated-country': ['rules-15'],
  'recipient-must-confirm-and-record': ['appi-30-1', 'rules-22', 'rules-24'],
  'improper-use': ['appi-19', 'gl-3-2'],
};

interface Draft {
  outcome: string;
  grounds?: string[];
  duties?: string[];
  notes?: string[];
  reasons?: string[];
  citations?: string[];
}

/** Adds the citations of the grounds, duties, notes and reasons, so every outcome lists what it rests on. */
function finish(d: Draft): Verdict {
  const citations = [
    ...(d.citations ?? []),
    ...(d.grounds ?? []).map((g) => GROUND_CITATIONS[g] ?? g),
    ...[...(d.duties ?? []), ...(d.notes ?? []), ...(d.reasons ?? [])].flatMap((x) => CITED[x] ?? []),
  ];
  return { ...d, citations };
}

interface Destination {
  abroad: boolean;
  /** EU/EEA/UK: APPI 28 does not apply (Rules 15). */
  designated: boolean;
  /** A non-designated country whose recipient has a standard-compliant system (Rules 16). */
  standardSystem: boolean;
  /** Neither: only consent to a foreign provision (after the Rules 17 information) or a 27(1) exception helps. */
  route3: boolean;
}

function destination(r: Reader): Destination {
  if (!r.yes('recipientAbroad')) return { abroad: false, designated: false, standardSystem: false, route3: false };
  if (r.choice('country') === 'eu-eea-uk') return { abroad: true, designated: true, standardSystem: false, route3: false };
  const standardSystem = r.yes('standardSystem');
  return { abroad: true, designated: false, standardSystem, route3: !standardSystem };
}

const FOREIGN_CITATIONS = ['appi-28-1'];

/** Consent, or failing it the opt-out route and its bars (APPI 27(1)–(2)). */
function consentOrOptOut(r: Reader): Draft {
  if (r.yes('consent'))
    return { outcome: 'permitted', grounds: ['consent'], duties: ['provision-record'], notes: ['recipient-must-confirm-and-record'] };
  const refused = (reason: string): Draft => ({
    outcome: 'consent-required',
    reasons: [reason],
    duties: ['obtain-consent-before-providing'],
    citations: ['appi-27-2'],
  });
  if (r.yes('includesSensitive')) return refused('sensitive-no-opt-out');
  if (r.yes('improperOrOptOutSourced')) return refused('opt-out-source-barred');
  if (!r.yes('purposeIncludesProvision')) return { ...refused('purpose-excludes-provision'), citations: ['appi-27-2', 'gl-3-6-2'] };
  if (r.yes('optOutComplete'))
    return { outcome: 'permitted', grounds: ['appi-27-2'], duties: ['provision-record', 'publish-opt-out-items'] };
  return refused('opt-out-incomplete');
}

/**
 * APPI 19 (flows.md §3 row 4a, rulebook §C.1a): a provision that may foster or induce illegal or unjust acts is
 * barred whatever its basis, so it is asked before any "permitted"; once it is (effectively) yes, nothing more is.
 */
const IMPROPER_USE: Draft = { outcome: 'prohibited', reasons: ['improper-use'] };

function personalData(r: Reader): Draft {
  const exception = r.choice('exception27');
  // A provision "based on laws" (27(1)(i)) is the one basis APPI 19 is not asked against (flows.md row 4a).
  if (exception !== 'law' && r.yes('improperUse')) return IMPROPER_USE;
  if (exception !== 'none') return { outcome: 'permitted', grounds: [EXCEPTION_GROUNDS[exception]!], notes: ['no-record-needed'] };

  const dest = destination(r);
  if (dest.route3) {
    // APPI 28(1): "同条の規定は、適用しない" — entrustment, joint use and opt-out are not bases on this route.
    if (!r.yes('foreignConsent'))
      return { outcome: 'prohibited', reasons: ['foreign-no-basis'], citations: [...FOREIGN_CITATIONS, 'rules-17', 'gl-off-5'] };
    const duties = ['provision-record'];
    // The consent is the basis, but a foreign contractor still handles the data for you abroad.
    if (r.choice('arrangement') === 'entrustment')
      duties.push('supervise-contractor', 'understand-foreign-environment', 'disclose-foreign-country');
    return { outcome: 'permitted', grounds: ['appi-28-1-consent'], duties, citations: ['rules-17'] };
  }

  const arrangement = r.choice('arrangement');
  let d: Draft;
  if (arrangement === 'entrustment') d = { outcome: 'permitted', grounds: ['appi-27-5-i'], duties: ['supervise-contractor'] };
  else if (arrangement === 'succession') d = { outcome: 'permitted', grounds: ['appi-27-5-ii'], duties: ['keep-original-purposes'] };
  else if (arrangement === 'joint-use' && r.yes('jointUseNotified'))
    d = { outcome: 'permitted', grounds: ['appi-27-5-iii'], duties: ['maintain-joint-use-notice'] };
  else d = consentOrOptOut(r);

  if (d.outcome !== 'permitted') return d;
  const duties = [...(d.duties ?? [])];
  const notes = [...(d.notes ?? [])];
  const citations = [...(d.citations ?? [])];
  if (dest.standardSystem) {
    duties.push('foreign-continuous-measures');
    citations.push('rules-16');
  }
  if (dest.designated) notes.push('designated-country');
  if (dest.abroad && arrangement === 'entrustment') duties.push('understand-foreign-environment', 'disclose-foreign-country');
  return { ...d, duties, notes, citations };
}

function individualRelated(r: Reader): Draft {
  const exception = r.choice('exception27');
  if (exception !== 'none') return { outcome: 'permitted', grounds: [EXCEPTION_GROUNDS[exception]!], notes: ['no-record-needed'] };
  if (!r.yes('recipientWillLink')) return { outcome: 'permitted', grounds: ['appi-31-not-engaged'], citations: ['gl-3-7-1'] };
  const dest = destination(r);
  // For a foreign recipient without a standard-compliant system, "confirmed" includes the Rules 17 information.
  if (!r.yes('consentConfirmed'))
    return { outcome: 'prohibited', reasons: ['consent-not-confirmed'], citations: ['appi-31-1', ...(dest.route3 ? ['rules-17'] : [])] };
  const duties = ['individual-related-record'];
  const notes = ['recipient-must-confirm-and-record'];
  // APPI 31(2) applies 28(3) to a recipient with a standard-compliant system.
  if (dest.standardSystem) duties.push('foreign-continuous-measures');
  if (dest.designated) notes.push('designated-country');
  return { outcome: 'permitted', grounds: ['appi-31-1'], duties, notes, citations: ['rules-26', ...(dest.abroad ? ['appi-31-2'] : [])] };
}

function pseudonymised(r: Reader): Draft {
  switch (r.choice('pseudonymisedRoute')) {
    case 'law':
      return { outcome: 'permitted', grounds: ['appi-41-6-law'] };
    case 'entrustment':
      // SPEC GAP: flows.md lists no duty here. APPI 25 supervision still binds an entruster of personal data,
      // and the guideline asks you to tell the contractor it is 仮名加工情報 (rulebook §C.8): conservative reading.
      return { outcome: 'permitted', grounds: ['appi-41-6-27-5'], duties: ['supervise-contractor'], notes: ['pseudonymised-entrustment'] };
    case 'succession':
      return { outcome: 'permitted', grounds: ['appi-41-6-27-5'] };
    case 'joint-use-published':
      return { outcome: 'permitted', grounds: ['appi-41-6-27-5'], duties: ['publish-joint-use-items'] };
    default:
      return { outcome: 'prohibited', reasons: ['pseudonymised-no-provision'], citations: ['appi-41-6', 'appi-42-1'] };
  }
}

export function decideProvision(r: Reader): Verdict {
  if (!r.yes('othersCanUse')) {
    // Not a provision (GL 2-17; Q&A 7-53), but your own safeguards remain, and data kept abroad needs more.
    const duties = ['security-measures'];
    if (r.yes('storedAbroad')) duties.push('understand-foreign-environment', 'disclose-foreign-country');
    return finish({ outcome: 'not-provision', duties, citations: ['gl-2-17', 'qa-7-53', ...(duties.length > 1 ? ['qa-12-3'] : [])] });
  }
  const dataKind = r.choice('dataKind');
  if ((dataKind === 'personal-info-not-database' || dataKind === 'pseudonymised') && r.yes('improperUse')) return finish(IMPROPER_USE);
  switch (dataKind) {
    case 'personal-info-not-database':
      return finish({ outcome: 'not-regulated', notes: ['check-purpose-limits'], citations: ['appi-16-3'] });
    case 'anonymised':
      return finish({
        outcome: 'permitted',
        grounds: ['appi-43-4'],
        duties: ['publish-anonymised-items', 'state-anonymised-to-recipient'],
      });
    case 'pseudonymised':
      return finish(pseudonymised(r));
    case 'individual-related':
      return finish(individualRelated(r));
    default:
      return finish(personalData(r));
  }
}

export const provisionFlow = defineFlow({
  id: 'provision',
  questions: PROVISION_QUESTIONS,
  outcomes: PROVISION_OUTCOMES,
  tones: { permitted: 'clear', 'consent-required': 'caution', prohibited: 'act', 'not-provision': 'clear', 'not-regulated': 'neutral' },
  // flows.md §3, plus the additions marked.
  vocabulary: {
    grounds: [
      ...Object.values(EXCEPTION_GROUNDS),
      'appi-27-2',
      'appi-27-5-i',
      'appi-27-5-ii',
      'appi-27-5-iii',
      'appi-28-1-consent',
      'consent',
      'appi-31-1',
      'appi-31-not-engaged',
      'appi-41-6-law',
      'appi-41-6-27-5',
      'appi-43-4',
    ],
    tags: [],
    notes: [
      'check-purpose-limits',
      'no-record-needed',
      'designated-country',
      'recipient-must-confirm-and-record', // addition (rulebook C-OUT-31-OK)
      'pseudonymised-entrustment', // addition (SPEC GAP, see pseudonymised())
    ],
    reasons: [
      'improper-use',
      'foreign-no-basis',
      'sensitive-no-opt-out',
      'opt-out-source-barred',
      'purpose-excludes-provision',
      'opt-out-incomplete',
      'consent-not-confirmed',
      'pseudonymised-no-provision',
    ],
  },
  // Before the data moves (consent, notices, contracts), then with each provision (records), then ongoing.
  dutyOrder: [
    'obtain-consent-before-providing',
    'publish-opt-out-items',
    'publish-anonymised-items',
    'publish-joint-use-items',
    'state-anonymised-to-recipient',
    'supervise-contractor',
    'understand-foreign-environment',
    'disclose-foreign-country',
    'provision-record',
    'individual-related-record',
    'foreign-continuous-measures',
    'maintain-joint-use-notice',
    'keep-original-purposes',
    'security-measures',
  ],
  groundCitations: GROUND_CITATIONS,
  decide: decideProvision,
});
