// Upgrading databases the app created at schema versions 1 and 2: rows migrated in place, the new table and index,
// and the shipped schema history that makes the upgrade possible.

import { Dexie } from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AssessmentRepository } from '../../src/storage/assessments';
import { CaseRepository } from '../../src/storage/cases';
import { openDb } from '../../src/storage/db';
import { newEnvelope, readEnvelope } from '../../src/storage/envelope';
import { SCHEMA_VERSIONS } from '../../src/storage/schema';

const load = (name: string) => JSON.parse(readFileSync(join(__dirname, `../fixtures/${name}`), 'utf8')) as Record<string, unknown>;
const v1 = () => load('envelope-v1.json');
const v2 = () => load('envelope-v2.json');
/** What version 3 adds to a row written before the legal revision 2026-12. */
const V3_FIELDS = { schemaVersion: 3, rulesRevision: '2025-10', priorOutcomes: [] };
// A row no version of the app could read (no format, half the fields): the upgrade must not touch or drop it.
const corrupt = () => ({ id: 'broken', flow: 'leak', updatedAt: '2026-03-03T00:00:00.000Z', note: 'half-written' });

/** A database exactly as version 1 of the app left it: only the version-1 stores, one good row and one corrupt. */
async function versionOneDb(): Promise<{ name: string; factory: IDBFactory }> {
  const factory = new IDBFactory();
  const name = `m-${Math.random()}`;
  const old = new Dexie(name, { indexedDB: factory, IDBKeyRange });
  old.version(1).stores(SCHEMA_VERSIONS[0]!.stores);
  await old.table('assessments').bulkPut([v1(), corrupt()]);
  await old.table('settings').put({ key: 'lang', value: 'en' });
  old.close();
  return { name, factory };
}

describe('upgrading a version-1 database', () => {
  it('rewrites the version-1 row in place as a valid stand-alone version-3 envelope', async () => {
    const { name, factory } = await versionOneDb();
    const db = openDb(name, factory);
    await db.open();
    expect(db.verno).toBe(3);
    const raw: unknown = await db.assessments.get(v1().id as string);
    expect(raw).toEqual({ ...v1(), caseId: null, chainedFrom: null, prefilled: [], ...V3_FIELDS });
    // Stored as the current version already: reading it needs no further migration.
    expect(readEnvelope(raw)).toEqual({ ok: true, envelope: raw });
    db.close();
  });

  it('leaves the corrupt row exactly as it was, and the list counts it as unreadable', async () => {
    const { name, factory } = await versionOneDb();
    const db = openDb(name, factory);
    expect(await db.assessments.get('broken')).toEqual(corrupt());
    const { items, unreadable } = await new AssessmentRepository(db).list();
    expect(items.map((i) => i.id)).toEqual([v1().id]);
    expect(items[0]).toMatchObject({ caseId: null, outcome: 'reportable' });
    expect(unreadable).toBe(1);
    db.close();
  });

  it('keeps the settings', async () => {
    const { name, factory } = await versionOneDb();
    const db = openDb(name, factory);
    expect(await db.settings.get('lang')).toEqual({ key: 'lang', value: 'en' });
    db.close();
  });

  it('adds the empty cases table and the caseId index, which queries can use', async () => {
    const { name, factory } = await versionOneDb();
    const db = openDb(name, factory);
    await db.open();
    expect(db.tables.map((t) => t.name).sort()).toEqual(['assessments', 'cases', 'settings']);
    expect(await db.cases.count()).toBe(0);
    expect(db.assessments.schema.indexes.map((i) => i.name)).toContain('caseId');

    const run = newEnvelope('leak', 'run-in-case', '', new Date('2026-11-20T00:00:00Z'), { caseId: 'case-1' });
    await new AssessmentRepository(db).save(run);
    expect(await db.assessments.where('caseId').equals('case-1').primaryKeys()).toEqual(['run-in-case']);
    // null is not an indexable key, so the migrated stand-alone run and the corrupt row are not in the index at all.
    expect(await db.assessments.orderBy('caseId').primaryKeys()).toEqual(['run-in-case']);
    expect((await new CaseRepository(db).runs('case-1')).runs).toEqual([run]);
    db.close();
  });

  it('opening the upgraded database again changes nothing', async () => {
    const { name, factory } = await versionOneDb();
    const first = openDb(name, factory);
    const before = await first.assessments.toArray();
    first.close();
    const again = openDb(name, factory);
    expect(await again.assessments.toArray()).toEqual(before);
    again.close();
  });
});

describe('upgrading a version-2 database', () => {
  it('rewrites the version-2 row in place: made under the first rules, with its verdict, nothing replaced', async () => {
    const factory = new IDBFactory();
    const name = `m2-${Math.random()}`;
    const old = new Dexie(name, { indexedDB: factory, IDBKeyRange });
    old.version(1).stores(SCHEMA_VERSIONS[0]!.stores);
    old.version(2).stores(SCHEMA_VERSIONS[1]!.stores);
    await old.table('assessments').put(v2());
    await old
      .table('cases')
      .put({ id: v2().caseId, title: '案件', createdAt: '2026-11-20T03:00:00.000Z', updatedAt: '2026-11-20T03:00:00.000Z' });
    old.close();

    const db = openDb(name, factory);
    await db.open();
    expect(db.verno).toBe(3);
    const raw: unknown = await db.assessments.get(v2().id as string);
    expect(raw).toEqual({ ...v2(), ...V3_FIELDS });
    expect(readEnvelope(raw)).toEqual({ ok: true, envelope: raw });
    expect(await db.cases.count()).toBe(1);
    db.close();
  });
});

describe('SCHEMA_VERSIONS', () => {
  it('lists every version in increasing order', () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect(versions[0]).toBe(1);
    for (let i = 1; i < versions.length; i++) expect(versions[i]).toBeGreaterThan(versions[i - 1]!);
  });

  it('keeps version 1 exactly as it shipped, so Dexie can still recognise and upgrade such databases', () => {
    expect(SCHEMA_VERSIONS[0]).toMatchObject({ version: 1, stores: { assessments: 'id, flow, updatedAt', settings: 'key' } });
    expect(Object.keys(SCHEMA_VERSIONS[0]!.stores).sort()).toEqual(['assessments', 'settings']);
  });
});
