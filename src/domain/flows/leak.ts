// The `leak` flow (flows.md §4, rulebook §D): is an incident reportable to the PPC, on which grounds, by when.

import { dayN, guidanceWindow, rolledDue } from '../deadlines';
import { HOLIDAY_RULES_LAST_YEAR } from '../holidays';
import { tri } from './question';
import { defineFlow, type Reader, type RuledDeadline, type Verdict } from '../engine';
import type { Question } from '../types';

export const LEAK_QUESTIONS: readonly Question[] = [
  {
    id: 'actor',
    type: 'enum',
    options: ['business', 'public-body'],
    // Who follows which regime: 行政機関等 (2(11)); 別表第二 corporations and public hospitals/universities (58, 125).
    citations: ['appi-26-1', 'appi-68-1', 'appi-2-11', 'appi-58-1', 'appi-58-2', 'appi-125-1'],
  },
  { id: 'events', type: 'multi', options: ['leak', 'loss', 'damage'], citations: ['appi-26-1', 'gl-3-5-1'] },
  { id: 'certainty', type: 'enum', options: ['confirmed', 'suspected'], citations: ['rules-7', 'gl-3-5-1'] },
  tri('recoveredUnseen', 'no', ['gl-3-5-1']),
  tri('copyExists', 'no', ['gl-3-5-1']),
  {
    id: 'dataKind',
    type: 'enum',
    options: ['personal-data', 'being-acquired', 'pseudonymised', 'other'],
    citations: ['appi-26-1', 'rules-7-iii', 'appi-41-9'],
  },
  tri('protected', 'no', ['rules-7-i', 'gl-3-5-3-1']),
  tri('sensitive', 'yes', ['rules-7-i', 'appi-2-3']),
  tri('financial', 'yes', ['rules-7-ii']),
  tri('wrongful', 'yes', ['rules-7-iii']),
  // Samples straddle both thresholds: more than 100 (public bodies) and more than 1,000 (businesses).
  { id: 'persons', type: 'count', samples: [1, 100, 101, 1000, 1001], citations: ['rules-7-iv', 'rules-43-iv'] },
  tri('ordinanceSensitive', 'yes', ['rules-43-v']),
  tri('myNumber', 'yes', ['mynumber-29-4-1', 'ppc-leak-form']),
  // "More than 100" persons' My Number data (report rules item 4); part of `persons`, so never more than it.
  {
    id: 'myNumberPersons',
    type: 'count',
    samples: [1, 100, 101],
    notMoreThan: 'persons',
    citations: ['mynumber-2-iv', 'mynumber-29-4-1'],
  },
  tri('myNumberPublished', 'yes', ['mynumber-2-iii', 'mynumber-qa-17-10']),
  tri('myNumberSystem', 'yes', ['mynumber-2-i']),
  { id: 'role', type: 'enum', options: ['controller', 'contractor'], citations: ['appi-26-1', 'rules-9'] },
  tri('canContactAll', 'no', ['appi-26-2', 'rules-10', 'gl-3-5-4']),
  tri('delegatedSector', 'no', ['appi-150-1', 'rules-8-3', 'ppc-faq-fin-4-8']),
  tri('atContractor', 'yes', ['appi-25', 'gl-3-5-3-2']),
  tri('ransomware', 'no', ['rules-8', 'ransomware-form']),
  tri('privacyMark', 'no', ['pmk500']),
  {
    id: 'knownOn',
    type: 'date',
    optional: true,
    notInFuture: true,
    // The reporting duty began on 2022-04-01 (2020 amendment); the holiday rules are implemented to 2099.
    min: '2022-04-01',
    // Latest date whose 60-day deadline, rolled forward, still falls inside the holiday rules' range.
    max: `${HOLIDAY_RULES_LAST_YEAR}-09-30`,
    citations: ['rules-8-2', 'gl-3-5-3-3', 'holidays-act-2'],
  },
];

export const LEAK_OUTCOMES = ['reportable', 'not-reportable', 'no-incident', 'out-of-scope'] as const;

const PRELIM = { minDays: 3, maxDays: 5 };
/** Without the date of knowing, deadlines are day counts; answering knownOn turns them into dates. */
const UNDATED = { undatedUntil: 'knownOn' };

/** "Promptly", shown as the guidance's day 3–5 window (never rolled: it is guidance, not a statutory period). */
function window(duty: string, knownOn: string | null): RuledDeadline {
  return knownOn
    ? { duty, ...PRELIM, ...guidanceWindow(knownOn), basis: { rule: duty } }
    : { duty, ...PRELIM, basis: { rule: duty, ...UNDATED } };
}

/** The final report: day 30 or 60, rolled past administrative holidays (Rules 8(2), holidays.md). */
function finalReport(days: number, knownOn: string | null): RuledDeadline {
  const rule = `report-final-${days}`;
  if (!knownOn) return { duty: 'report-final', days, basis: { rule, ...UNDATED } };
  const r = rolledDue(knownOn, days);
  return {
    duty: 'report-final',
    days,
    due: r.due,
    basis: { rule, ...(r.skipped.length ? { rolled: { dayN: r.dayN, skipped: r.skipped } } : {}) },
  };
}

/** The PrivacyMark body's report: day N, not rolled (the body's counting is UNVERIFIED; the earlier date is safe). */
function privacyMarkReport(days: number, knownOn: string | null): RuledDeadline {
  const duty = 'report-privacymark-body';
  return knownOn ? { duty, days, due: dayN(knownOn, days), basis: { rule: duty } } : { duty, days, basis: { rule: duty, ...UNDATED } };
}

export function decideLeak(r: Reader): Verdict {
  const actor = r.choice('actor');
  const business = actor === 'business';
  const events = r.many('events');
  if (events.length === 0) return { outcome: 'no-incident', reasons: ['no-event'], citations: ['appi-26-1', 'gl-3-5-1'] };

  const suspected = r.choice('certainty') === 'suspected';
  const excluded: string[] = [];
  let remains = false;
  if (events.includes('leak')) {
    if (r.yes('recoveredUnseen')) excluded.push('recovered-unseen');
    else remains = true;
  }
  if (events.includes('loss') || events.includes('damage')) {
    if (r.yes('copyExists')) excluded.push('copy-exists');
    else remains = true;
  }
  // Reasons explain a negative outcome; a partly excluded incident is still an incident.
  if (!remains) return { outcome: 'no-incident', reasons: excluded, citations: ['appi-26-1', 'gl-3-5-1'] };
  const reasons: string[] = [];

  const dataKind = r.choice('dataKind');
  const personalData = dataKind === 'personal-data';
  const inScope = personalData || dataKind === 'being-acquired';
  const isProtected = inScope && r.yes('protected');
  const exposed = inScope && !isProtected;

  // APPI grounds (Rules 7 / Rules 43), in the order the rules read the facts.
  const appiGrounds: string[] = [];
  const g = (item: string) => appiGrounds.push(business ? `rules-7-${item}` : `rules-43-${item}`);
  let wrongful = false;
  if (exposed && personalData) {
    if (r.yes('sensitive')) g('i');
    if (r.yes('financial')) g('ii');
  }
  if (exposed) {
    wrongful = r.yes('wrongful');
    if (wrongful) g('iii');
  }
  if (exposed && personalData) {
    // "More than 1,000" (千人を超える) / "more than 100": the threshold itself is not enough.
    if (r.count('persons') > (business ? 1000 : 100)) g('iv');
    if (!business && r.yes('ordinanceSensitive')) g('v');
  }

  // My Number Act 29-4 (flows.md §4 step 6a): its own grounds, reported to the PPC on the same form.
  const myNumber = r.yes('myNumber');
  const myNumberGrounds: string[] = [];
  if (myNumber && exposed && personalData) {
    // "More than 100" (report rules item 4, UNVERIFIED wording): 100 is not enough.
    const over100 = r.count('myNumberPersons') > 100;
    const published = r.yes('myNumberPublished');
    if (r.yes('myNumberSystem')) myNumberGrounds.push('mynumber-2-i');
    if (wrongful) myNumberGrounds.push('mynumber-2-ii');
    if (published) myNumberGrounds.push('mynumber-2-iii');
    if (over100) myNumberGrounds.push('mynumber-2-iv');
  }
  const grounds = [...appiGrounds, ...myNumberGrounds];
  // A My Number ground is "a ground" for role, contact and the date of knowing; only an APPI ground routes the
  // report to a delegated ministry.
  const hasGround = grounds.length > 0;

  const contractor = business && hasGround && r.choice('role') === 'contractor';
  const canContactAll = hasGround && !contractor ? r.yes('canContactAll') : true;
  const delegated = business && appiGrounds.length > 0 && !contractor && r.yes('delegatedSector');
  // Step 6b: the entruster's own supervision (APPI 25) is examined after an incident at its contractor.
  const atContractor = business && inScope && !contractor && r.yes('atContractor');
  const ransomware = wrongful && r.yes('ransomware');
  const privacyMark = business && r.yes('privacyMark');
  // The PrivacyMark body's 30/60-day count needs `wrongful` even where the Act did not ask it (protected or
  // pseudonymised data). Asked there only for the body's date: no ground, and "not sure" reads as no (the
  // earlier, safe date), still provisional (flows.md §4 row 10).
  const pmarkApplies = privacyMark && dataKind !== 'other';
  const pmarkWrongful = pmarkApplies && (exposed ? wrongful : r.tri('wrongful') === 'yes');
  const knownOn = hasGround || privacyMark ? r.date('knownOn') : null;

  const notes: string[] = [];
  if (delegated) notes.push('report-to-delegated-ministry');
  if (delegated && myNumberGrounds.length) notes.push('mynumber-report-to-ppc');
  if (myNumber) notes.push('my-number-act');
  if (atContractor) notes.push('review-contractor-supervision');
  if (ransomware) notes.push('ransomware-common-form');
  if (privacyMark) notes.push('privacymark-report');
  if (suspected) notes.push('suspected-counts');

  const duties: string[] = [];
  const deadlines: RuledDeadline[] = [];
  const citations: string[] = business ? ['appi-26-1', 'appi-26-2'] : ['appi-68-1', 'appi-68-2'];
  let outcome: string;

  if (!inScope) {
    outcome = 'out-of-scope';
    reasons.push(dataKind === 'pseudonymised' ? 'pseudonymised' : 'not-personal-data');
    citations.push(dataKind === 'pseudonymised' ? 'appi-41-9' : 'gl-3-5-1');
  } else if (!hasGround) {
    outcome = 'not-reportable';
    reasons.push(isProtected ? 'protected' : 'no-ground');
    duties.push('record-internally');
    notes.push('voluntary-report-possible');
    citations.push(business ? 'rules-7' : 'rules-43', 'gl-3-5-2');
  } else {
    outcome = 'reportable';
    citations.push(...grounds);
    duties.push('record-internally');
    if (contractor) {
      duties.push('notify-entruster');
      deadlines.push(window('notify-entruster', knownOn));
      notes.push('contractor-relieved-if-entruster-notified');
      citations.push('rules-9');
    } else {
      duties.push('report-preliminary', 'report-final', 'notify-individuals');
      if (!canContactAll) duties.push('alternative-measures');
      deadlines.push(window('report-preliminary', knownOn));
      // 60 days when either regime's wrongful-purpose ground applies (Rules 7(iii) / 43(iii), report rules 2(ii)).
      deadlines.push(finalReport(wrongful ? 60 : 30, knownOn));
      if (appiGrounds.length)
        // Rules 44–45 for public bodies are UNVERIFIED (rulebook §F.2): assumed to mirror Rules 8 and 10.
        citations.push(...(business ? ['rules-8-1', 'rules-8-2', 'rules-10', 'gl-3-5-4'] : ['rules-44', 'rules-45']));
      if (delegated) citations.push('appi-150-1');
      if (delegated && myNumberGrounds.length) citations.push('ppc-faq-fin-4-8');
    }
    if (myNumberGrounds.length) citations.push('mynumber-29-4-1', 'mynumber-29-4-2', 'mynumber-rules-deadlines');
    if (atContractor) {
      notes.push('joint-report-possible');
      citations.push('gl-3-5-3-2');
    }
  }
  if (atContractor) citations.push('appi-25');

  // PrivacyMark (flows.md §4.8): the examination body's own regime, beside the Act.
  if (pmarkApplies) {
    duties.push('report-privacymark-body');
    deadlines.push(privacyMarkReport(pmarkWrongful ? 60 : 30, knownOn));
    if (outcome === 'reportable') {
      duties.push('report-privacymark-preliminary');
      deadlines.push(window('report-privacymark-preliminary', knownOn));
    }
    citations.push('pmk500');
  }

  if (myNumber) citations.push('mynumber-29-4-1', 'ppc-leak-form');
  if (ransomware) citations.push('ransomware-form');
  return { outcome, grounds, duties, deadlines, notes, reasons, citations };
}

export const leakFlow = defineFlow({
  id: 'leak',
  questions: LEAK_QUESTIONS,
  outcomes: LEAK_OUTCOMES,
  tones: { reportable: 'act', 'not-reportable': 'clear', 'no-incident': 'clear', 'out-of-scope': 'neutral' },
  vocabulary: {
    grounds: [
      'rules-7-i',
      'rules-7-ii',
      'rules-7-iii',
      'rules-7-iv',
      'rules-43-i',
      'rules-43-ii',
      'rules-43-iii',
      'rules-43-iv',
      'rules-43-v',
      'mynumber-2-i',
      'mynumber-2-ii',
      'mynumber-2-iii',
      'mynumber-2-iv',
    ],
    tags: [],
    notes: [
      'suspected-counts',
      'voluntary-report-possible',
      'report-to-delegated-ministry',
      'mynumber-report-to-ppc',
      'my-number-act',
      'review-contractor-supervision',
      'joint-report-possible',
      'ransomware-common-form',
      'privacymark-report',
      'contractor-relieved-if-entruster-notified',
    ],
    reasons: ['no-event', 'recovered-unseen', 'copy-exists', 'pseudonymised', 'not-personal-data', 'protected', 'no-ground'],
    notices: ['public-body-unverified'],
  },
  // Most urgent first: the 3–5 day reports and notices, then the final reports, then the rest.
  dutyOrder: [
    'notify-entruster',
    'report-preliminary',
    'report-privacymark-preliminary',
    'report-final',
    'report-privacymark-body',
    'notify-individuals',
    'alternative-measures',
    'record-internally',
  ],
  decide: decideLeak,
  // Rules 44–45 (deadlines and notice for public bodies) are UNVERIFIED (rulebook §F.2): the result says so.
  notices: (facts, outcome) => (facts.actor === 'public-body' && outcome.outcome === 'reportable' ? ['public-body-unverified'] : []),
});
