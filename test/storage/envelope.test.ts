// The versioned envelope: the version-1 and -2 fixtures still read (migrated to version 3), the version-3 fixture
// reads unchanged, a verdict made under earlier rules is kept as evidence when today's rules replace it, and every
// kind of bad input is refused.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/domain/evaluate';
import { RULES_REVISION } from '../../src/domain/ruleset';
import {
  advanceRun,
  CURRENT_SCHEMA_VERSION,
  MIGRATIONS,
  newEnvelope,
  readEnvelope,
  recheck,
  type Envelope,
} from '../../src/storage/envelope';

const load = (name: string) => JSON.parse(readFileSync(join(__dirname, `../fixtures/${name}`), 'utf8')) as Record<string, unknown>;
const v1 = () => load('envelope-v1.json');
const v2 = () => load('envelope-v2.json');
const v3 = () => load('envelope-v3.json');
const V3_FIELDS = { schemaVersion: 3, rulesRevision: '2025-10', priorOutcomes: [] };
const read = (raw: unknown): Envelope => {
  const r = readEnvelope(raw);
  if (!r.ok) throw new Error(`unreadable: ${JSON.stringify(r.problem)}`);
  return r.envelope;
};

describe('envelope', () => {
  it('the current schema version is 3, and each older version has a migration', () => {
    expect(CURRENT_SCHEMA_VERSION).toBe(3);
    expect(Object.keys(MIGRATIONS).map(Number)).toEqual([1, 2]);
  });

  it('reads the schema-version-1 fixture, migrated: a stand-alone run, made under the first rules', () => {
    const r = readEnvelope(v1());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.migratedFrom).toBe(1);
    expect(r.envelope).toEqual({ ...v1(), caseId: null, chainedFrom: null, prefilled: [], ...V3_FIELDS });
  });

  it('reads the schema-version-2 fixture, migrated: its case links kept, made under the first rules', () => {
    const r = readEnvelope(v2());
    expect(r).toEqual({ ok: true, envelope: { ...v2(), ...V3_FIELDS }, migratedFrom: 2 });
  });

  it.each([1, 2])('migration %i is pure: the input object is not changed', (from) => {
    const raw = from === 1 ? v1() : v2();
    const before = JSON.stringify(raw);
    MIGRATIONS[from]!(raw);
    expect(JSON.stringify(raw)).toBe(before);
  });

  it('reads the schema-version-3 fixture unchanged, with the verdict it replaced', () => {
    const r = readEnvelope(v3());
    expect(r).toEqual({ ok: true, envelope: v3() });
    if (!r.ok) return;
    expect(r.envelope.priorOutcomes.map((p) => [p.rulesRevision, p.outcome.outcome])).toEqual([['2025-10', 'not-reportable']]);
  });

  it('the v3 fixture outcome is what the current rules give', () => {
    expect(recheck(read(v3())).differs).toBe(false);
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
    const f = v3();
    (f.outcome as Record<string, unknown>).outcome = 'not-reportable';
    expect(recheck(read(f)).differs).toBe(true);
  });
  it.each([
    ['not an object', 'x', { code: 'not-an-assessment' }],
    ['wrong format', { ...v1(), format: 'other' }, { code: 'not-an-assessment' }],
    ['newer version', { ...v3(), schemaVersion: 4 }, { code: 'newer-version', version: 4 }],
    ['bad version', { ...v1(), schemaVersion: '1' }, { code: 'bad-version', version: '1' }],
    ['version 0', { ...v1(), schemaVersion: 0 }, { code: 'bad-version', version: 0 }],
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
  ])('refuses %s', (_name, raw, problem) => {
    expect(readEnvelope(raw)).toEqual({ ok: false, problem });
  });

  it('a new envelope is valid, stamped with the ruleset, and stands alone', () => {
    const env = newEnvelope('leak', 'id-1', '', new Date('2026-11-22T00:00:00Z'));
    expect(readEnvelope(env)).toEqual({ ok: true, envelope: env });
    expect(env).toMatchObject({
      ruleset: 'appi-2025-10',
      schemaVersion: 3,
      rulesRevision: RULES_REVISION,
      priorOutcomes: [],
      caseId: null,
      chainedFrom: null,
      prefilled: [],
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
    const cur = read(v3());
    const asIfOld = { ...cur, rulesRevision: '2025-10', priorOutcomes: [] };
    const next = advanceRun(asIfOld, { facts: cur.facts, position: { screen: 'review' }, outcome: null, prefilled: [] }, at);
    expect(next.priorOutcomes).toEqual([]);
    expect(next.rulesRevision).toBe(RULES_REVISION);
  });

  it('edits under the current rules are the person’s own: nothing is kept', () => {
    const cur = read(v3());
    const next = advanceRun(
      cur,
      { facts: { ...cur.facts, myNumberPersons: 50 }, position: { screen: 'outcome' }, outcome: null, prefilled: [] },
      at,
    );
    expect(next.priorOutcomes).toEqual(cur.priorOutcomes);
    expect(next.updatedAt).toBe(at.toISOString());
  });
});
