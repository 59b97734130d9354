// The versioned envelope: the version-1 fixture still reads, the stored outcome re-checks against today's
// rules, and every kind of bad input is refused with a specific problem.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, newEnvelope, readEnvelope, recheck } from '../../src/storage/envelope';

const fixture = () => JSON.parse(readFileSync(join(__dirname, '../fixtures/envelope-v1.json'), 'utf8')) as Record<string, unknown>;

describe('envelope', () => {
  it('reads the schema-version-1 fixture unchanged', () => {
    const r = readEnvelope(fixture());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.envelope).toEqual(fixture());
    expect(r.migratedFrom).toBeUndefined();
    expect(CURRENT_SCHEMA_VERSION).toBe(1);
  });

  it('the fixture outcome is what the current rules give', () => {
    const r = readEnvelope(fixture());
    if (!r.ok) throw new Error('fixture unreadable');
    expect(recheck(r.envelope).differs).toBe(false);
  });

  it('flags an outcome the current rules would not give', () => {
    const f = fixture();
    (f.outcome as Record<string, unknown>).outcome = 'not-reportable';
    const r = readEnvelope(f);
    if (!r.ok) throw new Error('unreadable');
    expect(recheck(r.envelope).differs).toBe(true);
  });

  it.each([
    ['not an object', 'x', { code: 'not-an-assessment' }],
    ['wrong format', { ...fixture(), format: 'other' }, { code: 'not-an-assessment' }],
    ['newer version', { ...fixture(), schemaVersion: 2 }, { code: 'newer-version', version: 2 }],
    ['bad version', { ...fixture(), schemaVersion: '1' }, { code: 'bad-version', version: '1' }],
    ['no id', { ...fixture(), id: '' }, { code: 'bad-field', field: 'id' }],
    ['bad timestamp', { ...fixture(), updatedAt: 'yesterday' }, { code: 'bad-field', field: 'updatedAt' }],
    ['unknown flow', { ...fixture(), flow: 'marketing' }, { code: 'unknown-flow', flow: 'marketing' }],
    ['unknown fact', { ...fixture(), facts: { actor: 'business', colour: 'red' } }, { code: 'unknown-fact', field: 'facts.colour' }],
    ['bad fact', { ...fixture(), facts: { actor: 'business', persons: -1 } }, { code: 'bad-fact', field: 'facts.persons' }],
    ['bad position', { ...fixture(), position: { screen: 'somewhere' } }, { code: 'bad-field', field: 'position' }],
  ])('refuses %s', (_name, raw, problem) => {
    expect(readEnvelope(raw)).toEqual({ ok: false, problem });
  });

  it('a new envelope is valid and stamped with the ruleset', () => {
    const env = newEnvelope('leak', 'id-1', '', new Date('2026-11-22T00:00:00Z'));
    expect(readEnvelope(env)).toEqual({ ok: true, envelope: env });
    expect(env.ruleset).toBe('appi-2025-10');
  });
});
