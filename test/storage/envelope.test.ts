// The versioned envelope: the version-1 fixture still reads (migrated to version 2), the version-2 fixture reads
// unchanged, the stored outcome re-checks against today's rules, and every kind of bad input is refused.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, MIGRATIONS, newEnvelope, readEnvelope, recheck } from '../../src/storage/envelope';

const load = (name: string) => JSON.parse(readFileSync(join(__dirname, `../fixtures/${name}`), 'utf8')) as Record<string, unknown>;
const v1 = () => load('envelope-v1.json');
const v2 = () => load('envelope-v2.json');

describe('envelope', () => {
  it('the current schema version is 2, and each older version has a migration', () => {
    expect(CURRENT_SCHEMA_VERSION).toBe(2);
    expect(Object.keys(MIGRATIONS).map(Number)).toEqual([1]);
  });

  it('reads the schema-version-1 fixture, migrated: a stand-alone run with nothing carried over', () => {
    const r = readEnvelope(v1());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.migratedFrom).toBe(1);
    expect(r.envelope).toEqual({ ...v1(), schemaVersion: 2, caseId: null, chainedFrom: null, prefilled: [] });
  });

  it('the migration is pure: the input object is not changed', () => {
    const raw = v1();
    const before = JSON.stringify(raw);
    MIGRATIONS[1]!(raw);
    expect(JSON.stringify(raw)).toBe(before);
  });

  it('reads the schema-version-2 fixture unchanged', () => {
    const r = readEnvelope(v2());
    expect(r).toEqual({ ok: true, envelope: v2() });
  });

  it.each([
    ['v1', v1],
    ['v2', v2],
  ])('the %s fixture outcome is what the current rules give', (_n, f) => {
    const r = readEnvelope(f());
    if (!r.ok) throw new Error('fixture unreadable');
    expect(recheck(r.envelope).differs).toBe(false);
  });

  it('flags an outcome the current rules would not give', () => {
    const f = v1();
    (f.outcome as Record<string, unknown>).outcome = 'not-reportable';
    const r = readEnvelope(f);
    if (!r.ok) throw new Error('unreadable');
    expect(recheck(r.envelope).differs).toBe(true);
  });

  it.each([
    ['not an object', 'x', { code: 'not-an-assessment' }],
    ['wrong format', { ...v1(), format: 'other' }, { code: 'not-an-assessment' }],
    ['newer version', { ...v2(), schemaVersion: 3 }, { code: 'newer-version', version: 3 }],
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
  ])('refuses %s', (_name, raw, problem) => {
    expect(readEnvelope(raw)).toEqual({ ok: false, problem });
  });

  it('a new envelope is valid, stamped with the ruleset, and stands alone', () => {
    const env = newEnvelope('leak', 'id-1', '', new Date('2026-11-22T00:00:00Z'));
    expect(readEnvelope(env)).toEqual({ ok: true, envelope: env });
    expect(env).toMatchObject({ ruleset: 'appi-2025-10', schemaVersion: 2, caseId: null, chainedFrom: null, prefilled: [] });
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
