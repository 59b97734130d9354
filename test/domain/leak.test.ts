// Every outcome, ground, duty, note and reason of the leak flow, its thresholds, unsure handling and deadlines.

import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/domain/evaluate';
import type { Facts, Outcome } from '../../src/domain/types';
import { LEAK_BASE, leakFacts, MY_NUMBER_NO_GROUND } from '../fixtures/leak-facts';

const base = LEAK_BASE;

/** Evaluates LEAK_BASE with overrides; with My Number data, its follow-ups give no ground unless overridden. */
function run(over: Record<string, unknown>, drop: string[] = []): Outcome & { path: string[] } {
  const r = evaluate('leak', leakFacts({ ...MY_NUMBER_NO_GROUND, ...over }, drop));
  if (!r.ok) throw new Error(`evaluation failed: ${JSON.stringify(r.error)}`);
  return { ...r.outcome, path: r.path };
}

const deadline = (o: Outcome, duty: string) => o.deadlines.find((d) => d.duty === duty);

describe('leak: no incident', () => {
  it('no event at all', () => {
    const o = run({ events: [] });
    expect(o.outcome).toBe('no-incident');
    expect(o.reasons).toEqual(['no-event']);
    expect(o.path).toEqual(['actor', 'events']);
    expect(o.duties).toEqual([]);
  });
  it('a leak recovered before anyone could see it', () => {
    const o = run({ recoveredUnseen: 'yes' });
    expect(o.outcome).toBe('no-incident');
    expect(o.reasons).toEqual(['recovered-unseen']);
    expect(o.notes).not.toContain('suspected-counts');
  });
  it('loss and damage with an identical copy', () => {
    const o = run({ events: ['loss', 'damage'], copyExists: 'yes' });
    expect(o.outcome).toBe('no-incident');
    expect(o.reasons).toEqual(['copy-exists']);
    expect(o.path).not.toContain('recoveredUnseen');
  });
  it('every event excluded gives both reasons', () => {
    const o = run({ events: ['leak', 'loss'], recoveredUnseen: 'yes', copyExists: 'yes' });
    expect(o.reasons).toEqual(['copy-exists', 'recovered-unseen']);
  });
  it('one event still remaining is an incident', () => {
    const o = run({ events: ['leak', 'loss'], recoveredUnseen: 'yes', copyExists: 'no', sensitive: 'yes' });
    expect(o.outcome).toBe('reportable');
    expect(o.reasons).toEqual([]);
  });
  it('"not sure" whether it was recovered counts as not recovered, and is provisional', () => {
    const o = run({ recoveredUnseen: 'unsure', sensitive: 'yes' });
    expect(o.outcome).toBe('reportable');
    expect(o.provisional).toBe(true);
    expect(o.openQuestions).toEqual(['recoveredUnseen']);
  });
});

describe('leak: out of scope', () => {
  it('pseudonymised information (APPI 41(9))', () => {
    const o = run({ dataKind: 'pseudonymised' });
    expect(o.outcome).toBe('out-of-scope');
    expect(o.reasons).toEqual(['pseudonymised']);
    expect(o.path).not.toContain('protected');
    expect(o.citations).toContain('APPI 41(9)');
  });
  it('information that is not personal data', () => {
    const o = run({ dataKind: 'other' });
    expect(o.outcome).toBe('out-of-scope');
    expect(o.reasons).toEqual(['not-personal-data']);
  });
});

describe('leak: not reportable', () => {
  it('protected by advanced encryption with the key safe', () => {
    const o = run({ protected: 'yes', sensitive: 'yes', wrongful: 'yes', persons: 5000 });
    expect(o.outcome).toBe('not-reportable');
    expect(o.reasons).toEqual(['protected']);
    expect(o.duties).toEqual(['record-internally']);
    expect(o.notes).toContain('voluntary-report-possible');
    expect(o.path).not.toContain('sensitive');
    expect(o.path).not.toContain('role');
  });
  it('no ground', () => {
    const o = run({});
    expect(o.outcome).toBe('not-reportable');
    expect(o.reasons).toEqual(['no-ground']);
    expect(o.grounds).toEqual([]);
    expect(o.duties).toEqual(['record-internally']);
    expect(o.notes).toEqual(['voluntary-report-possible']);
    expect(o.path).not.toContain('knownOn');
    expect(o.deadlines).toEqual([]);
  });
  it('"not sure" about encryption counts as not protected', () => {
    const o = run({ protected: 'unsure', financial: 'yes' });
    expect(o.outcome).toBe('reportable');
    expect(o.openQuestions).toEqual(['protected']);
  });
});

describe('leak: grounds for a business (Rules 7)', () => {
  it.each([
    [{ sensitive: 'yes' }, ['rules-7-i']],
    [{ financial: 'yes' }, ['rules-7-ii']],
    [{ wrongful: 'yes' }, ['rules-7-iii']],
    [{ persons: 1001 }, ['rules-7-iv']],
    [{ sensitive: 'yes', financial: 'yes', wrongful: 'yes', persons: 2000 }, ['rules-7-i', 'rules-7-ii', 'rules-7-iii', 'rules-7-iv']],
  ])('%j → %j', (over, grounds) => {
    const o = run(over);
    expect(o.outcome).toBe('reportable');
    expect(o.grounds).toEqual(grounds);
    for (const g of grounds) expect(o.citations).toContain(`Rules 7(${g.split('-')[2]})`);
  });
  it('1,000 persons is not "more than 1,000"; 1,001 is', () => {
    expect(run({ persons: 1000 }).outcome).toBe('not-reportable');
    expect(run({ persons: 1001 }).grounds).toEqual(['rules-7-iv']);
  });
  it('an unknown count is above every threshold, and provisional', () => {
    const o = run({ persons: 'unknown' });
    expect(o.grounds).toEqual(['rules-7-iv']);
    expect(o.provisional).toBe(true);
    expect(o.openQuestions).toEqual(['persons']);
  });
  it('"not sure" on a ground question counts as yes', () => {
    expect(run({ sensitive: 'unsure' }).grounds).toEqual(['rules-7-i']);
    expect(run({ financial: 'unsure' }).grounds).toEqual(['rules-7-ii']);
    const o = run({ wrongful: 'unsure' });
    expect(o.grounds).toEqual(['rules-7-iii']);
    expect(deadline(o, 'report-final')?.days).toBe(60);
    // The conservative reading also opens the ransomware question.
    expect(o.path).toContain('ransomware');
  });
  it('information being acquired can only give item iii (the 2024 extension)', () => {
    const o = run({ dataKind: 'being-acquired', wrongful: 'yes', sensitive: 'yes', financial: 'yes', persons: 5000 });
    expect(o.grounds).toEqual(['rules-7-iii']);
    expect(o.path).not.toContain('sensitive');
    expect(o.path).not.toContain('financial');
    expect(o.path).not.toContain('persons');
    expect(run({ dataKind: 'being-acquired', wrongful: 'no' }).outcome).toBe('not-reportable');
  });
});

describe('leak: grounds for a public body (Rules 43)', () => {
  const pb = { actor: 'public-body', ordinanceSensitive: 'no' };
  it.each([
    [{ sensitive: 'yes' }, ['rules-43-i']],
    [{ financial: 'yes' }, ['rules-43-ii']],
    [{ wrongful: 'yes' }, ['rules-43-iii']],
    [{ persons: 101 }, ['rules-43-iv']],
    [{ ordinanceSensitive: 'yes' }, ['rules-43-v']],
  ])('%j → %j', (over, grounds) => {
    expect(run({ ...pb, ...over }).grounds).toEqual(grounds);
  });
  it('100 persons is not "more than 100"; 101 is', () => {
    expect(run({ ...pb, persons: 100 }).outcome).toBe('not-reportable');
    expect(run({ ...pb, persons: 101 }).outcome).toBe('reportable');
  });
  it('a public body is never asked about role, delegation or PrivacyMark, and cites Rules 44–45', () => {
    const o = run({ ...pb, persons: 101 }, ['role', 'delegatedSector', 'privacyMark']);
    expect(o.path).not.toContain('role');
    expect(o.path).not.toContain('delegatedSector');
    expect(o.path).not.toContain('privacyMark');
    expect(o.duties).toEqual(['notify-individuals', 'record-internally', 'report-final', 'report-preliminary']);
    expect(o.citations).toEqual(expect.arrayContaining(['APPI 68(1)', 'APPI 68(2)', 'Rules 43(iv)', 'Rules 44', 'Rules 45']));
  });
  it('the ordinance question is only for public bodies', () => {
    expect(run({ sensitive: 'yes' }).path).not.toContain('ordinanceSensitive');
  });
});

describe('leak: reportable duties and deadlines', () => {
  it('controller: preliminary window, final report day 30 and individual notice', () => {
    const o = run({ sensitive: 'yes' });
    expect(o.duties).toEqual(['notify-individuals', 'record-internally', 'report-final', 'report-preliminary']);
    expect(deadline(o, 'report-preliminary')).toEqual({
      duty: 'report-preliminary',
      minDays: 3,
      maxDays: 5,
      dueFrom: '2026-03-04',
      dueTo: '2026-03-06',
    });
    expect(deadline(o, 'report-final')).toEqual({ duty: 'report-final', days: 30, due: '2026-03-31' });
    expect(o.citations).toEqual(expect.arrayContaining(['APPI 26(1)', 'APPI 26(2)', 'Rules 8(1)', 'Rules 8(2)', 'Rules 10']));
  });
  it('a wrongful-purpose ground makes the final report 60 days, rolled past closed days', () => {
    // 2025-03-07 + 60 days = 2025-05-05 (Children's Day) → 05-06 substitute holiday → 2025-05-07.
    const o = run({ wrongful: 'yes', sensitive: 'yes', knownOn: '2025-03-07' });
    expect(deadline(o, 'report-final')).toEqual({ duty: 'report-final', days: 60, due: '2025-05-07' });
  });
  it('year-end closure rolls the 30-day deadline', () => {
    const o = run({ sensitive: 'yes', knownOn: '2025-12-05' });
    expect(deadline(o, 'report-final')?.due).toBe('2026-01-05');
  });
  it('without knownOn the deadlines are given in days only', () => {
    const o = run({ sensitive: 'yes' }, ['knownOn']);
    expect(deadline(o, 'report-final')).toEqual({ duty: 'report-final', days: 30 });
    expect(deadline(o, 'report-preliminary')).toEqual({ duty: 'report-preliminary', minDays: 3, maxDays: 5 });
    expect(run({ sensitive: 'yes', knownOn: null }).deadlines).toEqual(o.deadlines);
  });
  it('alternative measures when not everyone can be contacted ("not sure" counts as no)', () => {
    expect(run({ sensitive: 'yes', canContactAll: 'no' }).duties).toContain('alternative-measures');
    const o = run({ sensitive: 'yes', canContactAll: 'unsure' });
    expect(o.duties).toContain('alternative-measures');
    expect(o.openQuestions).toEqual(['canContactAll']);
    expect(run({ sensitive: 'yes' }).duties).not.toContain('alternative-measures');
  });
  it('contractor: notify the entruster within 3–5 days, no report or notice of its own', () => {
    const o = run({ sensitive: 'yes', role: 'contractor' }, ['canContactAll', 'delegatedSector']);
    expect(o.duties).toEqual(['notify-entruster', 'record-internally']);
    expect(o.notes).toContain('contractor-relieved-if-entruster-notified');
    expect(deadline(o, 'notify-entruster')).toEqual({
      duty: 'notify-entruster',
      minDays: 3,
      maxDays: 5,
      dueFrom: '2026-03-04',
      dueTo: '2026-03-06',
    });
    expect(o.path).not.toContain('canContactAll');
    expect(o.path).not.toContain('delegatedSector');
    expect(o.citations).toContain('Rules 9');
  });
});

describe('leak: notes', () => {
  it('delegated sector, My Number, ransomware (only after a wrongful act), suspected', () => {
    const o = run({ wrongful: 'yes', delegatedSector: 'yes', myNumber: 'yes', ransomware: 'yes', certainty: 'suspected' });
    // A wrongful act on My Number data is also the My Number report rules' item 2, which still goes to the PPC.
    expect(o.grounds).toEqual(['mynumber-2-ii', 'rules-7-iii']);
    expect(o.notes).toEqual([
      'my-number-act',
      'mynumber-report-to-ppc',
      'ransomware-common-form',
      'report-to-delegated-ministry',
      'suspected-counts',
    ]);
    expect(o.citations).toContain('APPI 150(1)');
    const noWrong = run({ sensitive: 'yes', ransomware: 'yes' });
    expect(noWrong.path).not.toContain('ransomware');
    expect(noWrong.notes).not.toContain('ransomware-common-form');
  });
  it('My Number and suspected notes also apply when the incident is not reportable', () => {
    const o = run({ myNumber: 'yes', certainty: 'suspected' });
    expect(o.outcome).toBe('not-reportable');
    expect(o.notes).toEqual(['my-number-act', 'suspected-counts', 'voluntary-report-possible']);
  });
  it('"not sure" about My Number counts as yes: its follow-up questions are asked', () => {
    const o = run({ myNumber: 'unsure' });
    expect(o.notes).toContain('my-number-act');
    expect(o.openQuestions).toEqual(['myNumber']);
    expect(o.path).toEqual(expect.arrayContaining(['myNumberPersons', 'myNumberPublished', 'myNumberSystem']));
  });
});

describe('leak: My Number Act reporting (番号法29条の4, flows.md §4 step 6a)', () => {
  const MN = { myNumber: 'yes' } as const;
  it.each([
    ['in the information-provision network or a 個人番号利用事務 system', { myNumberSystem: 'yes' }, ['mynumber-2-i']],
    ['viewable by an unspecified number of people', { myNumberPublished: 'yes' }, ['mynumber-2-iii']],
    ['more than 100 persons', { persons: 150, myNumberPersons: 101 }, ['mynumber-2-iv']],
  ])('%s alone makes the incident reportable, final report day 30', (_name, over, grounds) => {
    const o = run({ ...MN, ...over });
    expect(o.outcome).toBe('reportable');
    expect(o.grounds).toEqual(grounds);
    expect(o.duties).toEqual(['notify-individuals', 'record-internally', 'report-final', 'report-preliminary']);
    expect(deadline(o, 'report-final')).toEqual({ duty: 'report-final', days: 30, due: '2026-03-31' });
    expect(o.citations).toEqual(
      expect.arrayContaining(['My Number Act 29-4(1)', 'My Number Act 29-4(2)', 'My Number Report Rules (deadlines)']),
    );
    // Only the APPI's own grounds cite the APPI report rules.
    expect(o.citations).not.toContain('Rules 8(1)');
  });
  it('100 persons is not "more than 100"; 101 is', () => {
    expect(run({ ...MN, persons: 500, myNumberPersons: 100 }).outcome).toBe('not-reportable');
    expect(run({ ...MN, persons: 500, myNumberPersons: 101 }).grounds).toEqual(['mynumber-2-iv']);
  });
  it('a wrongful act adds item 2 beside Rules 7(iii); the final report is due on day 60', () => {
    const o = run({ ...MN, wrongful: 'yes' });
    expect(o.grounds).toEqual(['mynumber-2-ii', 'rules-7-iii']);
    expect(deadline(o, 'report-final')).toMatchObject({ days: 60 });
  });
  it('item 4 is cited as unverified (the rulebook has its wording from secondary sources only)', () => {
    const o = run({ ...MN, persons: 500, myNumberPersons: 'unknown' });
    expect(o.grounds).toEqual(['mynumber-2-iv']);
    expect(o.citations).toContain('My Number Report Rules 2(iv)');
    expect(o.openQuestions).toEqual(['myNumberPersons']);
  });
  it('"not sure" on published or system counts as yes, and is provisional', () => {
    const o = run({ ...MN, myNumberPublished: 'unsure', myNumberSystem: 'unsure' });
    expect(o.grounds).toEqual(['mynumber-2-i', 'mynumber-2-iii']);
    expect(o.openQuestions).toEqual(['myNumberPublished', 'myNumberSystem']);
  });
  it('the follow-ups are asked only for exposed personal data with My Numbers', () => {
    const followUps = ['myNumberPersons', 'myNumberPublished', 'myNumberSystem'];
    for (const over of [
      { myNumber: 'no' },
      { ...MN, protected: 'yes' },
      { ...MN, dataKind: 'being-acquired' },
      { ...MN, dataKind: 'other' },
    ]) {
      const o = run({ ...over, myNumberSystem: 'yes', myNumberPublished: 'yes' });
      for (const f of followUps) expect(o.path, JSON.stringify(over)).not.toContain(f);
      expect(o.grounds.filter((g) => g.startsWith('mynumber-'))).toEqual([]);
    }
  });
  it('a My Number ground alone asks role, contact and the date of knowing, but not the delegated sector', () => {
    const o = run({ ...MN, myNumberSystem: 'yes' });
    expect(o.path).toEqual(expect.arrayContaining(['role', 'canContactAll', 'knownOn']));
    expect(o.path).not.toContain('delegatedSector');
    expect(o.notes).not.toContain('mynumber-report-to-ppc');
  });
  it('in a delegated sector the My Number report still goes to the PPC', () => {
    const o = run({ ...MN, sensitive: 'yes', myNumberPublished: 'yes', delegatedSector: 'yes' });
    expect(o.notes).toEqual(expect.arrayContaining(['report-to-delegated-ministry', 'mynumber-report-to-ppc']));
    expect(o.citations).toContain('PPC financial-sector Q&A 4-8');
    const appiOnly = run({ ...MN, sensitive: 'yes', delegatedSector: 'yes' });
    expect(appiOnly.notes).toContain('report-to-delegated-ministry');
    expect(appiOnly.notes).not.toContain('mynumber-report-to-ppc');
  });
  it('a contractor notifies its entruster for a My Number ground too', () => {
    const o = run({ ...MN, myNumberPublished: 'yes', role: 'contractor' });
    expect(o.duties).toEqual(['notify-entruster', 'record-internally']);
  });
  it('a public body: My Number grounds beside Rules 43', () => {
    const o = run({ actor: 'public-body', ...MN, persons: 150, myNumberPersons: 101, ordinanceSensitive: 'no' });
    expect(o.grounds).toEqual(['mynumber-2-iv', 'rules-43-iv']);
    expect(o.path).not.toContain('role');
  });
  it('the My Number data cannot involve more persons than the incident', () => {
    const r = evaluate('leak', leakFacts({ ...MY_NUMBER_NO_GROUND, ...MN, persons: 50, myNumberPersons: 51 }));
    expect(r).toEqual({
      ok: false,
      error: { code: 'invalid-fact', flow: 'leak', factId: 'myNumberPersons', problem: 'count-above-limit' },
    });
    expect(run({ ...MN, persons: 50, myNumberPersons: 50 }).outcome).toBe('not-reportable');
    expect(run({ ...MN, persons: 'unknown', myNumberPersons: 5000 }).grounds).toEqual(['mynumber-2-iv', 'rules-7-iv']);
  });
});

describe('leak: an incident at a contractor (flows.md §4 step 6b)', () => {
  it('reportable: supervision will be examined, and a joint report is possible; no duty is added', () => {
    const o = run({ sensitive: 'yes', atContractor: 'yes' });
    expect(o.notes).toEqual(['joint-report-possible', 'review-contractor-supervision']);
    expect(o.duties).toEqual(run({ sensitive: 'yes' }).duties);
    expect(o.citations).toEqual(expect.arrayContaining(['APPI 25', 'GL (General) 3-5-3-2']));
  });
  it('not reportable: only the supervision note', () => {
    expect(run({ atContractor: 'yes' }).notes).toEqual(['review-contractor-supervision', 'voluntary-report-possible']);
    const enc = run({ protected: 'yes', atContractor: 'yes' });
    expect(enc.notes).toEqual(['review-contractor-supervision', 'voluntary-report-possible']);
  });
  it('"not sure" counts as yes, and is provisional', () => {
    const o = run({ sensitive: 'yes', atContractor: 'unsure' });
    expect(o.notes).toContain('review-contractor-supervision');
    expect(o.openQuestions).toEqual(['atContractor']);
  });
  it('not asked of the contractor itself, of a public body, or for data outside the Act', () => {
    expect(run({ sensitive: 'yes', role: 'contractor', atContractor: 'yes' }).path).not.toContain('atContractor');
    expect(run({ actor: 'public-body', ordinanceSensitive: 'no', atContractor: 'yes' }).path).not.toContain('atContractor');
    for (const dataKind of ['pseudonymised', 'other']) expect(run({ dataKind, atContractor: 'yes' }).path).not.toContain('atContractor');
    expect(run({ dataKind: 'being-acquired', atContractor: 'yes' }).notes).toContain('review-contractor-supervision');
  });
});

describe('leak: asking order (flows.md §4)', () => {
  it('business controller: My Number follow-ups before role; atContractor after delegatedSector', () => {
    const o = run({ sensitive: 'yes', wrongful: 'yes', myNumber: 'yes', privacyMark: 'yes' });
    expect(o.path).toEqual([
      'actor',
      'events',
      'certainty',
      'recoveredUnseen',
      'dataKind',
      'protected',
      'sensitive',
      'financial',
      'wrongful',
      'persons',
      'myNumber',
      'myNumberPersons',
      'myNumberPublished',
      'myNumberSystem',
      'role',
      'canContactAll',
      'delegatedSector',
      'atContractor',
      'ransomware',
      'privacyMark',
      'knownOn',
    ]);
  });
});

describe('leak: PrivacyMark (rulebook §D.9)', () => {
  it('reportable: body report (not rolled) and preliminary report', () => {
    // knownOn 2025-12-05: day 30 is 2026-01-03 — the body's date is not rolled forward.
    const o = run({ sensitive: 'yes', privacyMark: 'yes', knownOn: '2025-12-05' });
    expect(o.duties).toEqual(expect.arrayContaining(['report-privacymark-body', 'report-privacymark-preliminary']));
    expect(deadline(o, 'report-privacymark-body')).toEqual({ duty: 'report-privacymark-body', days: 30, due: '2026-01-03' });
    expect(deadline(o, 'report-privacymark-preliminary')).toMatchObject({ dueFrom: '2025-12-07', dueTo: '2025-12-09' });
    expect(o.notes).toContain('privacymark-report');
  });
  it('60 days for the body when wrongful', () => {
    expect(deadline(run({ wrongful: 'yes', privacyMark: 'yes' }), 'report-privacymark-body')?.days).toBe(60);
  });
  it('not reportable under the Act (encrypted device): still reports to the body, with a date', () => {
    const o = run({ protected: 'yes', privacyMark: 'yes', knownOn: '2026-06-01' });
    expect(o.outcome).toBe('not-reportable');
    expect(o.duties).toEqual(['record-internally', 'report-privacymark-body']);
    expect(deadline(o, 'report-privacymark-body')).toEqual({ duty: 'report-privacymark-body', days: 30, due: '2026-06-30' });
  });
  it('below-threshold leak: knownOn is asked only because of PrivacyMark', () => {
    expect(run({ privacyMark: 'yes' }).path).toContain('knownOn');
    expect(run({ privacyMark: 'no' }).path).not.toContain('knownOn');
  });
  it('pseudonymised: out of scope but reported to the body; not-personal-data: not', () => {
    expect(run({ dataKind: 'pseudonymised', privacyMark: 'yes' }).duties).toEqual(['report-privacymark-body']);
    const other = run({ dataKind: 'other', privacyMark: 'yes' });
    expect(other.duties).toEqual([]);
    expect(other.notes).toContain('privacymark-report');
  });
  it('contractor holders report to the body too', () => {
    const o = run({ sensitive: 'yes', role: 'contractor', privacyMark: 'yes' });
    expect(o.duties).toEqual(['notify-entruster', 'record-internally', 'report-privacymark-body', 'report-privacymark-preliminary']);
  });
  it('never asked when there is no incident', () => {
    expect(run({ events: [] }).path).not.toContain('privacyMark');
  });
});

describe('leak: wrongful asked for the PrivacyMark body only (flows.md §4 row 10, second position)', () => {
  const enc = { protected: 'yes', privacyMark: 'yes', knownOn: '2027-04-19' } as const;
  it('protected data: asked right after privacyMark, before knownOn; yes gives the body 60 days and no ground', () => {
    const o = run({ ...enc, wrongful: 'yes', ransomware: 'yes' });
    expect(o.path.slice(-3)).toEqual(['privacyMark', 'wrongful', 'knownOn']);
    expect(o.outcome).toBe('not-reportable');
    expect(o.grounds).toEqual([]);
    expect(deadline(o, 'report-privacymark-body')).toEqual({ duty: 'report-privacymark-body', days: 60, due: '2027-06-17' });
    // The ransomware question belongs to the Act's wrongful ground: not asked on this reading.
    expect(o.path).not.toContain('ransomware');
    expect(o.notes).not.toContain('ransomware-common-form');
  });
  it('no gives 30 days', () => {
    expect(deadline(run({ ...enc, wrongful: 'no' }), 'report-privacymark-body')).toMatchObject({ days: 30, due: '2027-05-18' });
  });
  it('"not sure" reads as no here (the earlier, safe date), and is still provisional', () => {
    const o = run({ ...enc, wrongful: 'unsure' });
    expect(deadline(o, 'report-privacymark-body')).toMatchObject({ days: 30 });
    expect(o.openQuestions).toEqual(['wrongful']);
    expect(o.provisional).toBe(true);
  });
  it('pseudonymised data is asked too; data that is not personal data (no body duty) is not', () => {
    const p = run({ dataKind: 'pseudonymised', privacyMark: 'yes', wrongful: 'yes' });
    expect(p.path.slice(-3)).toEqual(['privacyMark', 'wrongful', 'knownOn']);
    expect(deadline(p, 'report-privacymark-body')?.days).toBe(60);
    expect(run({ dataKind: 'other', privacyMark: 'yes', wrongful: 'yes' }).path).not.toContain('wrongful');
  });
  it('asked once: where the Act asks it first, it is not asked again', () => {
    const o = run({ wrongful: 'yes', privacyMark: 'yes' });
    expect(o.path.filter((id) => id === 'wrongful')).toHaveLength(1);
    expect(o.path.indexOf('wrongful')).toBeLessThan(o.path.indexOf('privacyMark'));
  });
  it('not asked without PrivacyMark', () => {
    expect(run({ protected: 'yes', privacyMark: 'no', wrongful: 'yes' }).path).not.toContain('wrongful');
  });
});

describe('leak: bad input is an error naming the fact, never a default', () => {
  it('a needed fact that is missing', () => {
    const r = evaluate('leak', { actor: 'business', events: ['leak'] });
    expect(r).toEqual({ ok: false, error: { code: 'missing-fact', flow: 'leak', factId: 'certainty' } });
  });
  it.each([
    ['persons', -1, 'negative-count'],
    ['persons', 12.5, 'fractional-count'],
    ['persons', '12', 'not-count'],
    ['sensitive', 'maybe', 'not-tri'],
    ['events', ['leak', 'theft'], 'not-option'],
    ['events', 'leak', 'not-list'],
    ['knownOn', '2026-02-30', 'not-date'],
    ['knownOn', '2021-12-31', 'date-too-early'],
    ['actor', 'company', 'not-option'],
    ['atContractor', 'maybe', 'not-tri'],
  ])('%s = %j → %s', (factId, value, problem) => {
    const r = evaluate('leak', { ...base, sensitive: 'yes', [factId]: value } as Facts);
    expect(r).toEqual({ ok: false, error: { code: 'invalid-fact', flow: 'leak', factId, problem } });
  });
  it('facts for branches that were not asked are ignored', () => {
    const r = evaluate('leak', { actor: 'business', events: [], persons: -5 } as Facts);
    expect(r.ok && r.outcome.outcome).toBe('no-incident');
  });
  it('an unknown flow is an error naming it', () => {
    expect(evaluate('nope', {})).toEqual({ ok: false, error: { code: 'unknown-flow', flow: 'nope' } });
  });
  it('every outcome carries the ruleset and its citations', () => {
    for (const over of [{ events: [] }, { dataKind: 'other' }, {}, { sensitive: 'yes' }]) {
      const o = run(over);
      expect(o.ruleset).toBe('appi-2025-10');
      expect(o.citations.length).toBeGreaterThan(0);
    }
  });
});
