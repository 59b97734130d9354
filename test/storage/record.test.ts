// The steps a saved record takes besides answering (src/storage/record.ts): the reason beside an answer, its title and
// people, sign-off (read-only from then) and a new version of it, acceptance of the current rules' result, archiving and
// a duplicate. Each refuses what it must, keeps its change in the history, and gives a record that reads back.

import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/domain/evaluate';
import { RULES_REVISION } from '../../src/domain/ruleset';
import { NAME_MAX, NOTE_MAX, TITLE_MAX } from '../../src/domain/schema-parts';
import { readEnvelope, type Envelope } from '../../src/storage/envelope';
import {
  acceptCurrentRules,
  duplicate,
  newVersion,
  setAnswerNote,
  setArchived,
  setRecordText,
  signOff,
  type RecordStep,
} from '../../src/storage/record';
import { summarize } from '../../src/storage/summary';
import { envelope } from './helpers';

const v4 = () => envelope('envelope-v4.json');
const v1 = () => envelope('envelope-v1.json');
const now = new Date('2026-12-05T10:00:00.000Z');
const at = now.toISOString();

/** The record a step gave, after checking it reads back exactly (what the step writes, the app can read). */
function ok(step: RecordStep): Envelope {
  if (!step.ok) throw new Error(`refused: ${step.refusal}`);
  expect(readEnvelope(JSON.parse(JSON.stringify(step.envelope)))).toEqual({ ok: true, envelope: step.envelope });
  return step.envelope;
}
/** What a step added to the history. */
const added = (before: Envelope, after: Envelope) => after.history.slice(before.history.length);
const signed = () => ok(signOff(v4(), new Date('2026-12-04T00:00:00.000Z')));

describe('setAnswerNote', () => {
  it('sets a reason beside an answer, trimmed, with its time in the history', () => {
    const env = v4();
    const next = ok(setAnswerNote(env, 'recoveredUnseen', '  回収できなかった。 ', now));
    expect(next.answerNotes).toEqual({ ...env.answerNotes, recoveredUnseen: '回収できなかった。' });
    expect(added(env, next)).toEqual([{ at, kind: 'note', factId: 'recoveredUnseen', from: null, to: '回収できなかった。' }]);
    expect(next.updatedAt).toBe(at);
    expect(next.history.slice(0, env.history.length)).toEqual(env.history);
  });

  it('changes a reason, and clears one with an empty (or blank) text', () => {
    const env = v4();
    const changed = ok(setAnswerNote(env, 'wrongful', 'new reason', now));
    expect(added(env, changed)).toEqual([{ at, kind: 'note', factId: 'wrongful', from: env.answerNotes.wrongful, to: 'new reason' }]);
    const cleared = ok(setAnswerNote(changed, 'wrongful', ' \n ', now));
    expect(cleared.answerNotes).toEqual({ myNumberPersons: env.answerNotes.myNumberPersons });
    expect(added(changed, cleared)).toEqual([{ at, kind: 'note', factId: 'wrongful', from: 'new reason', to: null }]);
  });

  it('the same text, or clearing a reason that is not there, changes nothing (no history entry)', () => {
    const env = v4();
    expect(setAnswerNote(env, 'wrongful', ` ${env.answerNotes.wrongful} `, now)).toEqual({ ok: true, envelope: env });
    expect(setAnswerNote(env, 'privacyMark', '', now)).toEqual({ ok: true, envelope: env });
  });

  it('takes a reason of NOTE_MAX characters (spaces around it aside), and refuses a longer one', () => {
    expect(setAnswerNote(v4(), 'wrongful', ` ${'x'.repeat(NOTE_MAX)} `, now).ok).toBe(true);
    expect(setAnswerNote(v4(), 'wrongful', 'x'.repeat(NOTE_MAX + 1), now)).toEqual({ ok: false, refusal: 'too-long' });
  });

  it('refuses a reason for a fact not answered (or not a fact), and any change to a signed-off record', () => {
    expect(setAnswerNote(v4(), 'delegatedSector', 'x', now)).toEqual({ ok: false, refusal: 'no-such-answer' });
    expect(setAnswerNote(v4(), 'toString', 'x', now)).toEqual({ ok: false, refusal: 'no-such-answer' });
    expect(setAnswerNote(signed(), 'wrongful', 'x', now)).toEqual({ ok: false, refusal: 'signed-off' });
  });

  it('does not change the record it was given', () => {
    const env = v4();
    setAnswerNote(env, 'wrongful', 'other', now);
    expect(env).toEqual(v4());
  });
});

describe('setRecordText', () => {
  it.each([
    ['title', TITLE_MAX],
    ['assessor', NAME_MAX],
    ['reviewer', NAME_MAX],
  ] as const)('sets the %s (trimmed) with its old and new value in the history; up to %i characters', (field, max) => {
    const env = v4();
    const next = ok(setRecordText(env, field, ' 新しい値 ', now));
    expect(next[field]).toBe('新しい値');
    expect(added(env, next)).toEqual([{ at, kind: field, from: env[field], to: '新しい値' }]);
    expect(next.updatedAt).toBe(at);
    expect(setRecordText(env, field, 'あ'.repeat(max), now).ok).toBe(true);
    expect(setRecordText(env, field, 'あ'.repeat(max + 1), now)).toEqual({ ok: false, refusal: 'too-long' });
  });

  it('the same value changes nothing; a signed-off record cannot be renamed or re-attributed', () => {
    const env = v4();
    expect(setRecordText(env, 'assessor', ` ${env.assessor}`, now)).toEqual({ ok: true, envelope: env });
    for (const field of ['title', 'assessor', 'reviewer'] as const)
      expect(setRecordText(signed(), field, 'x', now)).toEqual({ ok: false, refusal: 'signed-off' });
  });

  it('renames a record whose title a PDF could not show (𠮷, emoji) to one it can', () => {
    const env = { ...v4(), title: '𠮷野家😀' };
    expect(ok(setRecordText(env, 'title', '吉野家', now)).title).toBe('吉野家');
  });
});

describe('signOff', () => {
  it('signs off a finished record: the date, and who (the reviewer) in the history', () => {
    const env = v4();
    const next = ok(signOff(env, now));
    expect(next.signedOffAt).toBe(at);
    expect(next.updatedAt).toBe(at);
    expect(added(env, next)).toEqual([{ at, kind: 'signed-off', by: '鈴木 一郎' }]);
    expect(summarize(next).status).toBe('signed-off');
  });

  it('names the assessor when there is no reviewer, and no one when neither is named', () => {
    expect(added(v4(), ok(signOff({ ...v4(), reviewer: '' }, now)))).toEqual([{ at, kind: 'signed-off', by: '佐藤 花子' }]);
    expect(added(v4(), ok(signOff({ ...v4(), reviewer: '', assessor: '' }, now)))).toEqual([{ at, kind: 'signed-off', by: '' }]);
  });

  it('refuses a record without a verdict, one the current rules cannot decide, and one already signed off', () => {
    expect(signOff({ ...v4(), outcome: null }, now)).toEqual({ ok: false, refusal: 'not-complete' });
    // Saved before the revision added atContractor: its verdict is evidence, not a finished assessment.
    expect(signOff(v1(), now)).toEqual({ ok: false, refusal: 'not-complete' });
    expect(signOff(signed(), now)).toEqual({ ok: false, refusal: 'signed-off' });
  });

  it('a signed-off record is read-only: no reason, text or rules step changes it', () => {
    const s = signed();
    expect(setAnswerNote(s, 'wrongful', 'x', now)).toEqual({ ok: false, refusal: 'signed-off' });
    expect(setRecordText(s, 'reviewer', 'x', now)).toEqual({ ok: false, refusal: 'signed-off' });
    expect(acceptCurrentRules(s, now)).toEqual({ ok: false, refusal: 'signed-off' });
  });
});

describe('newVersion', () => {
  it('starts an editable version of a signed-off record, linked to it; the signed-off one is unchanged', () => {
    const s = signed();
    const before = structuredClone(s);
    const next = ok(newVersion(s, 'v2-id', now));
    expect(next).toEqual({
      ...s,
      id: 'v2-id',
      createdAt: at,
      updatedAt: at,
      signedOffAt: null,
      reviewer: '',
      archived: false,
      previousVersion: s.id,
      history: [...s.history, { at, kind: 'new-version', by: '佐藤 花子', ref: s.id }],
      rev: 0,
    });
    expect(s).toEqual(before);
    // Its answers, reasons and verdict go with it, and it can be changed.
    expect(ok(setAnswerNote(next, 'wrongful', 'revisited', now)).answerNotes.wrongful).toBe('revisited');
  });

  it('is in the everyday view even when the signed-off record was archived', () => {
    expect(ok(newVersion(setArchived(signed(), true), 'v2-id', now)).archived).toBe(false);
  });

  it('refuses a record that is not signed off (change it directly instead)', () => {
    expect(newVersion(v4(), 'v2-id', now)).toEqual({ ok: false, refusal: 'not-signed-off' });
  });
});

describe('acceptCurrentRules', () => {
  /** The leak record as it was before the revision: "not reportable", which the My Number grounds of 2026-12 replace. */
  const beforeRevision = (): Envelope => ({
    ...v4(),
    outcome: v4().priorOutcomes[0]!.outcome,
    rulesRevision: '2025-10',
    priorOutcomes: [],
  });

  it('takes the current rules’ verdict, keeping the earlier one as evidence, and says so in the history', () => {
    const env = beforeRevision();
    const current = evaluate(env.flow, env.facts);
    if (!current.ok) throw new Error('incomplete');
    const next = ok(acceptCurrentRules(env, now));
    expect(next.outcome).toEqual(current.outcome);
    expect(next.rulesRevision).toBe(RULES_REVISION);
    expect(next.position).toEqual({ screen: 'outcome' });
    expect(next.priorOutcomes).toEqual([{ outcome: env.outcome, rulesRevision: '2025-10', savedAt: env.updatedAt, replacedAt: at }]);
    expect(added(env, next)).toEqual([{ at, kind: 'rules', from: '2025-10', to: RULES_REVISION }]);
    expect(next.updatedAt).toBe(at);
    expect(next.outcome?.outcome).toBe('reportable');
    expect(env.outcome?.outcome).toBe('not-reportable');
    expect(summarize(next)).toMatchObject({ outdated: false, savedDiffers: false });
  });

  it('a record whose answers the revision did not touch moves to the current rules with its verdict', () => {
    // The version-1 record once the question the revision added is answered: the same verdict as before.
    const env = { ...v1(), facts: { ...v1().facts, atContractor: 'no' } };
    const next = ok(acceptCurrentRules(env, now));
    expect([next.outcome, next.priorOutcomes, next.rulesRevision]).toEqual([env.outcome, [], RULES_REVISION]);
  });

  it('a verdict the current rules confirm is not duplicated as evidence; the record moves to the current rules', () => {
    const env = { ...v4(), rulesRevision: '2025-10' };
    const next = ok(acceptCurrentRules(env, now));
    expect(next.outcome).toEqual(env.outcome);
    expect(next.priorOutcomes).toEqual(env.priorOutcomes);
    expect(next.rulesRevision).toBe(RULES_REVISION);
    expect(added(env, next)).toEqual([{ at, kind: 'rules', from: '2025-10', to: RULES_REVISION }]);
  });

  it('a record already at the current rules’ verdict is left as it is (no history entry)', () => {
    expect(acceptCurrentRules(v4(), now)).toEqual({ ok: true, envelope: v4() });
  });

  it('a saved verdict that is not what the current rules give (a tampered file) is replaced and kept as evidence', () => {
    const tampered = { ...v4(), outcome: { ...v4().outcome!, outcome: 'not-reportable' } };
    const next = ok(acceptCurrentRules(tampered, now));
    expect(next.outcome).toEqual(v4().outcome);
    expect(next.priorOutcomes.at(-1)).toEqual({
      outcome: tampered.outcome,
      rulesRevision: RULES_REVISION,
      savedAt: v4().updatedAt,
      replacedAt: at,
    });
  });

  it('refuses while the current rules need more answers, and for a signed-off record', () => {
    expect(acceptCurrentRules(v1(), now)).toEqual({ ok: false, refusal: 'not-complete' });
    expect(acceptCurrentRules(signed(), now)).toEqual({ ok: false, refusal: 'signed-off' });
  });
});

describe('setArchived', () => {
  it('archives and restores, changing nothing else (not even the date), also for a signed-off record', () => {
    const env = v4();
    const archived = setArchived(env, true);
    expect(archived).toEqual({ ...env, archived: true });
    expect(setArchived(archived, false)).toEqual(env);
    expect(setArchived(signed(), true)).toEqual({ ...signed(), archived: true });
    expect(readEnvelope(archived)).toEqual({ ok: true, envelope: archived });
  });
});

describe('duplicate', () => {
  it('copies the answers, reasons and verdict under a new id and title, with no history, sign-off or links', () => {
    const s = setArchived(signed(), true);
    const copy = duplicate(s, 'copy-id', 'コピー', now);
    expect(copy).toEqual({
      ...s,
      id: 'copy-id',
      title: 'コピー',
      createdAt: at,
      updatedAt: at,
      signedOffAt: null,
      reviewer: '',
      archived: false,
      previousVersion: null,
      history: [],
      rev: 0,
    });
    expect(readEnvelope(copy)).toEqual({ ok: true, envelope: copy });
    expect(s).toEqual(setArchived(signed(), true));
  });

  it('cuts a long title to TITLE_MAX, never in the middle of a surrogate pair', () => {
    expect(duplicate(v4(), 'c', 'あ'.repeat(TITLE_MAX + 50), now).title).toBe('あ'.repeat(TITLE_MAX));
    // 𠮷 is two UTF-16 units: one that would be cut in half is left out.
    const title = duplicate(v4(), 'c', `${'a'.repeat(TITLE_MAX - 1)}𠮷`, now).title;
    expect(title).toBe('a'.repeat(TITLE_MAX - 1));
    expect(title.isWellFormed()).toBe(true);
    expect(duplicate(v4(), 'c', `${'a'.repeat(TITLE_MAX - 2)}𠮷`, now).title).toBe(`${'a'.repeat(TITLE_MAX - 2)}𠮷`);
  });
});
