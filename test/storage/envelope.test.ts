// The versioned envelope: the version-1, -2 and -3 fixtures still read (migrated to version 4), the version-4 fixture
// reads unchanged, a verdict made under earlier rules is kept as evidence when today's rules replace it, answer changes
// go into the history (a reason goes with its answer), and every kind of bad input is refused.

import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/domain/evaluate';
import { RULES_REVISION } from '../../src/domain/ruleset';
import { fixture, V4_FIELDS } from './helpers';
import {
  advanceRun,
  CURRENT_SCHEMA_VERSION,
  MIGRATIONS,
  newEnvelope,
  readEnvelope,
  recheck,
  type Envelope,
} from '../../src/storage/envelope';

const v1 = () => fixture('envelope-v1.json');
const v2 = () => fixture('envelope-v2.json');
const v3 = () => fixture('envelope-v3.json');
const v4 = () => fixture('envelope-v4.json');
/** What version 3 adds to a record saved before the legal revision 2026-12. */
const V3_FIELDS = { rulesRevision: '2025-10', priorOutcomes: [] };
const read = (raw: unknown): Envelope => {
  const r = readEnvelope(raw);
  if (!r.ok) throw new Error(`unreadable: ${JSON.stringify(r.problem)}`);
  return r.envelope;
};

describe('envelope', () => {
  it('the current schema version is 4, and each older version has a migration', () => {
    expect(CURRENT_SCHEMA_VERSION).toBe(4);
    expect(Object.keys(MIGRATIONS).map(Number)).toEqual([1, 2, 3]);
  });

  it('reads the schema-version-1 fixture, migrated: a stand-alone run, made under the first rules, with the v4 defaults', () => {
    const r = readEnvelope(v1());
    expect(r).toEqual({
      ok: true,
      envelope: { ...v1(), caseId: null, chainedFrom: null, prefilled: [], ...V3_FIELDS, ...V4_FIELDS },
      migratedFrom: 1,
    });
  });

  it('reads the schema-version-2 fixture, migrated: its case links kept, made under the first rules, with the v4 defaults', () => {
    expect(readEnvelope(v2())).toEqual({ ok: true, envelope: { ...v2(), ...V3_FIELDS, ...V4_FIELDS }, migratedFrom: 2 });
  });

  it('reads the schema-version-3 fixture, migrated: its rules revision and kept verdict as they were, with the v4 defaults', () => {
    const r = readEnvelope(v3());
    expect(r).toEqual({ ok: true, envelope: { ...v3(), ...V4_FIELDS }, migratedFrom: 3 });
    if (!r.ok) return;
    expect(r.envelope.priorOutcomes.map((p) => [p.rulesRevision, p.outcome.outcome])).toEqual([['2025-10', 'not-reportable']]);
  });

  it.each([1, 2, 3])('migration %i is pure: the input object is not changed', (from) => {
    const raw = [v1, v2, v3][from - 1]!();
    const before = JSON.stringify(raw);
    MIGRATIONS[from]!(raw);
    expect(JSON.stringify(raw)).toBe(before);
  });

  it('reads the schema-version-4 fixture unchanged: reasons, people, history and revision as written', () => {
    const r = readEnvelope(v4());
    expect(r).toEqual({ ok: true, envelope: v4() });
    if (!r.ok) return;
    const env = r.envelope;
    expect(Object.keys(env.answerNotes)).toEqual(['myNumberPersons', 'wrongful']);
    expect([env.assessor, env.reviewer, env.signedOffAt, env.archived, env.previousVersion]).toEqual([
      '佐藤 花子',
      '鈴木 一郎',
      null,
      false,
      null,
    ]);
    expect(env.history.map((h) => h.kind)).toEqual(['assessor', 'note', 'answer', 'note', 'reviewer']);
    expect(env.rev).toBe(5);
    expect(env.priorOutcomes.map((p) => [p.rulesRevision, p.outcome.outcome])).toEqual([['2025-10', 'not-reportable']]);
  });

  it.each([
    ['v3', v3],
    ['v4', v4],
  ])('the %s fixture outcome is what the current rules give', (_n, f) => {
    expect(recheck(read(f()))).toEqual({ outcome: read(f()).outcome, differs: false });
  });

  it.each([
    // The revision added atContractor (leak) and improperUse (provision): these records need an answer first.
    ['v1', v1, 'atContractor'],
    ['v2', v2, 'improperUse'],
  ])('records saved before the revision still open, and say what the revised rules need (%s: %s)', (_n, f, factId) => {
    const env = read(f());
    expect(env.outcome).not.toBeNull();
    expect(recheck(env)).toEqual({ outcome: null, differs: true });
    expect(evaluate(env.flow, env.facts)).toMatchObject({ ok: false, error: { code: 'missing-fact', factId } });
  });

  it('flags an outcome the current rules would not give', () => {
    const f = v4();
    (f.outcome as Record<string, unknown>).outcome = 'not-reportable';
    expect(recheck(read(f)).differs).toBe(true);
  });

  it.each([
    ['not an object', 'x', { code: 'not-an-assessment' }],
    ['wrong format', { ...v1(), format: 'other' }, { code: 'not-an-assessment' }],
    ['newer version', { ...v4(), schemaVersion: 5 }, { code: 'newer-version', version: 5 }],
    ['bad version', { ...v1(), schemaVersion: '1' }, { code: 'bad-version', version: '1' }],
    ['version 0', { ...v1(), schemaVersion: 0 }, { code: 'bad-version', version: 0 }],
    ['a fractional version', { ...v3(), schemaVersion: 3.5 }, { code: 'bad-version', version: 3.5 }],
    ['no id', { ...v1(), id: '' }, { code: 'bad-field', field: 'id' }],
    ['bad timestamp', { ...v1(), updatedAt: 'yesterday' }, { code: 'bad-field', field: 'updatedAt' }],
    ['unknown flow', { ...v1(), flow: 'marketing' }, { code: 'unknown-flow', flow: 'marketing' }],
    ['unknown fact', { ...v1(), facts: { actor: 'business', colour: 'red' } }, { code: 'unknown-fact', field: 'facts.colour' }],
    ['bad fact', { ...v1(), facts: { actor: 'business', persons: -1 } }, { code: 'bad-fact', field: 'facts.persons' }],
    ['bad position', { ...v1(), position: { screen: 'somewhere' } }, { code: 'bad-field', field: 'position' }],
    ['empty case id', { ...v2(), caseId: '' }, { code: 'bad-field', field: 'caseId' }],
    ['case id not a string', { ...v2(), caseId: 7 }, { code: 'bad-field', field: 'caseId' }],
    ['bad chainedFrom', { ...v2(), chainedFrom: {} }, { code: 'bad-field', field: 'chainedFrom' }],
    ['prefilled not a list', { ...v2(), prefilled: 'dataKind' }, { code: 'bad-field', field: 'prefilled' }],
    ['prefilled fact without an answer', { ...v2(), prefilled: ['includesSensitive'] }, { code: 'bad-field', field: 'prefilled' }],
    ['v2 without the case fields', (({ caseId: _c, ...rest }) => rest)(v2()), { code: 'bad-field', field: 'caseId' }],
    ['v3 without its rules revision', (({ rulesRevision: _r, ...rest }) => rest)(v3()), { code: 'bad-field', field: 'rulesRevision' }],
    ['v3 with an empty rules revision', { ...v3(), rulesRevision: '' }, { code: 'bad-field', field: 'rulesRevision' }],
    ['prior outcomes not a list', { ...v3(), priorOutcomes: {} }, { code: 'bad-field', field: 'priorOutcomes' }],
    [
      'a prior outcome without its date',
      { ...v3(), priorOutcomes: [{ ...(v3().priorOutcomes as object[])[0], savedAt: 'then' }] },
      { code: 'bad-field', field: 'priorOutcomes' },
    ],
    [
      'a prior outcome that is not an outcome',
      { ...v3(), priorOutcomes: [{ ...(v3().priorOutcomes as object[])[0], outcome: { grounds: [] } }] },
      { code: 'bad-field', field: 'priorOutcomes' },
    ],
    ['v4 without its history', (({ history: _h, ...rest }) => rest)(v4()), { code: 'bad-field', field: 'history' }],
    ['v4 without its revision', (({ rev: _r, ...rest }) => rest)(v4()), { code: 'bad-field', field: 'rev' }],
    ['a negative revision', { ...v4(), rev: -1 }, { code: 'bad-field', field: 'rev' }],
    ['a fractional revision', { ...v4(), rev: 1.5 }, { code: 'bad-field', field: 'rev' }],
    ['archived not a flag', { ...v4(), archived: 'no' }, { code: 'bad-field', field: 'archived' }],
    ['notes that are a list', { ...v4(), answerNotes: ['x'] }, { code: 'bad-field', field: 'answerNotes' }],
    ['an assessor name over 100 characters', { ...v4(), assessor: 'あ'.repeat(101) }, { code: 'bad-field', field: 'assessor' }],
    ['a sign-off that is no instant', { ...v4(), signedOffAt: 'today' }, { code: 'bad-field', field: 'signedOffAt' }],
    ['a previous version with a space', { ...v4(), previousVersion: 'a b' }, { code: 'bad-field', field: 'previousVersion' }],
    [
      'a history entry of an unknown kind',
      { ...v4(), history: [{ at: '2026-12-02T00:00:00.000Z', kind: 'x' }] },
      { code: 'bad-field', field: 'history' },
    ],
    [
      'a v4 outcome without its lists',
      { ...v4(), outcome: { flow: 'leak', outcome: 'reportable' } },
      { code: 'bad-field', field: 'outcome' },
    ],
  ])('refuses %s', (_name, raw, problem) => {
    expect(readEnvelope(raw)).toEqual({ ok: false, problem });
  });

  it('a new envelope is valid, stamped with the ruleset, stands alone, and has the v4 defaults', () => {
    const env = newEnvelope('leak', 'id-1', '', new Date('2026-11-22T00:00:00Z'));
    expect(readEnvelope(env)).toEqual({ ok: true, envelope: env });
    expect(env).toMatchObject({
      ruleset: 'appi-2025-10',
      rulesRevision: RULES_REVISION,
      priorOutcomes: [],
      caseId: null,
      chainedFrom: null,
      prefilled: [],
      ...V4_FIELDS,
    });
  });

  it('a new run in a case carries facts over and marks them as prefilled', () => {
    const env = newEnvelope('provision', 'id-2', 'x', new Date('2026-11-22T00:00:00Z'), {
      caseId: 'case-1',
      carried: { from: 'run-1', facts: { dataKind: 'personal-data' } },
    });
    expect(env).toMatchObject({ caseId: 'case-1', chainedFrom: 'run-1', prefilled: ['dataKind'], facts: { dataKind: 'personal-data' } });
    expect(readEnvelope(env).ok).toBe(true);
  });
});

describe('advanceRun: a verdict of earlier rules is kept as evidence when the current rules replace it', () => {
  const at = new Date('2026-12-02T09:00:00Z');
  const position = { screen: 'question', question: 'atContractor' } as const;

  it('replaced by a question the revision added: kept, with when it was saved and replaced', () => {
    const old = read(v1());
    const next = advanceRun(old, { facts: old.facts, position, outcome: null, prefilled: [] }, at);
    expect(next.outcome).toBeNull();
    expect(next.rulesRevision).toBe(RULES_REVISION);
    expect(next.priorOutcomes).toEqual([
      { outcome: old.outcome, rulesRevision: '2025-10', savedAt: old.updatedAt, replacedAt: at.toISOString() },
    ]);
    expect(readEnvelope(next)).toEqual({ ok: true, envelope: next });
    // Later steps under the current rules add nothing more.
    const later = advanceRun(
      next,
      { facts: { ...old.facts, atContractor: 'no' }, position: { screen: 'review' }, outcome: null, prefilled: [] },
      at,
    );
    expect(later.priorOutcomes).toEqual(next.priorOutcomes);
  });

  it('a verdict the current rules confirm is carried forward, not duplicated', () => {
    const cur = read(v4());
    const asIfOld = { ...cur, rulesRevision: '2025-10', priorOutcomes: [] };
    const next = advanceRun(asIfOld, { facts: cur.facts, position: { screen: 'review' }, outcome: null, prefilled: [] }, at);
    expect(next.priorOutcomes).toEqual([]);
    expect(next.rulesRevision).toBe(RULES_REVISION);
  });

  it('edits under the current rules are the person’s own: nothing is kept', () => {
    const cur = read(v4());
    const next = advanceRun(
      cur,
      { facts: { ...cur.facts, myNumberPersons: 50 }, position: { screen: 'outcome' }, outcome: null, prefilled: [] },
      at,
    );
    expect(next.priorOutcomes).toEqual(cur.priorOutcomes);
    expect(next.updatedAt).toBe(at.toISOString());
  });
});

describe('advanceRun: every answer change goes into the history, and a reason goes with its answer', () => {
  const at = new Date('2026-12-04T09:00:00.000Z');
  const when = at.toISOString();
  const step = (env: Envelope, facts: Envelope['facts']) =>
    advanceRun(env, { facts, position: { screen: 'review' }, outcome: null, prefilled: env.prefilled }, at);

  it('records an answer given, changed and removed, each with its time, after the entries already there', () => {
    const cur = read(v4());
    const { privacyMark: _p, ...rest } = cur.facts;
    const next = step(cur, { ...rest, persons: 200, ransomware: 'no' });
    expect(next.history.slice(0, cur.history.length)).toEqual(cur.history);
    expect(next.history.slice(cur.history.length)).toEqual([
      { at: when, kind: 'answer', factId: 'persons', from: 185, to: 200 },
      { at: when, kind: 'answer', factId: 'privacyMark', from: 'no', to: null },
      { at: when, kind: 'answer', factId: 'ransomware', from: null, to: 'no' },
    ]);
    expect(readEnvelope(next)).toEqual({ ok: true, envelope: next });
  });

  it('records a changed list by its value, not its identity, and nothing when no answer changed', () => {
    const cur = read(v4());
    expect(step(cur, { ...cur.facts, events: ['leak'] }).history).toEqual(cur.history);
    expect(step(cur, { ...cur.facts, events: ['leak', 'loss'] }).history.at(-1)).toEqual({
      at: when,
      kind: 'answer',
      factId: 'events',
      from: ['leak'],
      to: ['leak', 'loss'],
    });
  });

  it('keeps the reason beside a changed answer', () => {
    const cur = read(v4());
    const next = step(cur, { ...cur.facts, myNumberPersons: 100 });
    expect(next.answerNotes).toEqual(cur.answerNotes);
    expect(next.history.slice(cur.history.length)).toEqual([{ at: when, kind: 'answer', factId: 'myNumberPersons', from: 180, to: 100 }]);
  });

  it('drops the reason with its answer (the question no longer applies), and says so in the history', () => {
    const cur = read(v4());
    const { wrongful: _w, ...rest } = cur.facts;
    const next = step(cur, rest);
    expect(next.answerNotes).toEqual({ myNumberPersons: cur.answerNotes.myNumberPersons });
    expect(next.history.slice(cur.history.length)).toEqual([
      { at: when, kind: 'answer', factId: 'wrongful', from: 'no', to: null },
      { at: when, kind: 'note', factId: 'wrongful', from: cur.answerNotes.wrongful, to: null },
    ]);
    // What it writes reads back: no reason is left without its answer.
    expect(readEnvelope(next)).toEqual({ ok: true, envelope: next });
  });

  it('does not change the record it was given', () => {
    const cur = read(v4());
    const before = structuredClone(cur);
    step(cur, { ...cur.facts, persons: 1 });
    expect(cur).toEqual(before);
  });
});
