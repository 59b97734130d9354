// Upgrading databases the app created at schema versions 1, 2 and 3 (each built with Dexie at that version's stores
// from SCHEMA_VERSIONS): rows migrated in place to envelope version 4, cases given their archived flag, a summary for
// every readable row and none for a corrupt one (which the list counts), and the shipped schema history.

import { Dexie } from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { AssessmentRepository } from '../../src/storage/assessments';
import { CaseRepository } from '../../src/storage/cases';
import { openDb, type ShirubeDb } from '../../src/storage/db';
import { dumpDatabase } from '../../src/storage/dump';
import { newEnvelope, readEnvelope, type Envelope } from '../../src/storage/envelope';
import { SCHEMA_VERSIONS } from '../../src/storage/schema';
import { summarize } from '../../src/storage/summary';
import { fixture, V4_FIELDS } from './helpers';

type Doc = Record<string, unknown>;
const v1 = () => fixture('envelope-v1.json');
const v2 = () => fixture('envelope-v2.json');
const v3 = () => fixture('envelope-v3.json');
const caseV3 = () => fixture('case-v3.json');
/** What version 3 adds to a row written before the legal revision 2026-12. */
const V3_FIELDS = { rulesRevision: '2025-10', priorOutcomes: [] };
// A row no version of the app could read (no format, half the fields): the upgrade must not touch or drop it.
const corrupt = () => ({ id: 'broken', flow: 'leak', updatedAt: '2026-03-03T00:00:00.000Z', note: 'half-written' });

/** A database exactly as version `version` of the app left it: that version's stores (and every earlier one), and rows. */
async function oldDb(version: 1 | 2 | 3, fill: (db: Dexie) => Promise<void>): Promise<{ name: string; factory: IDBFactory }> {
  const factory = new IDBFactory();
  const name = `m${version}-${Math.random()}`;
  const old = new Dexie(name, { indexedDB: factory, IDBKeyRange });
  for (const v of SCHEMA_VERSIONS.filter((s) => s.version <= version)) old.version(v.version).stores(v.stores);
  await old.open();
  expect(old.verno).toBe(version);
  await fill(old);
  old.close();
  return { name, factory };
}

/** The version-3 database: the leak record, the case-v3 fixture's case and runs, the corrupt row and a setting. */
const versionThreeDb = () =>
  oldDb(3, async (db) => {
    const b = caseV3();
    await db.table('cases').put(b.case);
    await db.table('assessments').bulkPut([v3(), ...(b.runs as Doc[]), corrupt()]);
    await db.table('settings').put({ key: 'lang', value: 'ja' });
  });

async function opened(at: { name: string; factory: IDBFactory }): Promise<ShirubeDb> {
  const db = openDb(at.name, at.factory);
  await db.open();
  return db;
}

/** After the upgrade: every readable row has exactly its summary, and nothing else has one. */
async function expectSummaries(db: ShirubeDb, readable: string[]) {
  const rows = (await db.assessments.bulkGet(readable)) as unknown[];
  const expected = rows.map((raw) => {
    const r = readEnvelope(raw);
    if (!r.ok) throw new Error('unreadable');
    return summarize(r.envelope);
  });
  expect((await db.summaries.toArray()).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
    expected.sort((a, b) => a.id.localeCompare(b.id)),
  );
}

describe('upgrading a version-1 database', () => {
  const versionOneDb = () =>
    oldDb(1, async (db) => {
      await db.table('assessments').bulkPut([v1(), corrupt()]);
      await db.table('settings').put({ key: 'lang', value: 'en' });
    });

  it('rewrites the version-1 row in place as a valid stand-alone version-4 envelope', async () => {
    const db = await opened(await versionOneDb());
    expect(db.verno).toBe(4);
    const raw: unknown = await db.assessments.get(v1().id as string);
    expect(raw).toEqual({ ...v1(), caseId: null, chainedFrom: null, prefilled: [], ...V3_FIELDS, ...V4_FIELDS });
    // Stored as the current version already: reading it needs no further migration.
    expect(readEnvelope(raw)).toEqual({ ok: true, envelope: raw });
    db.close();
  });

  it('writes a summary for the readable row and none for the corrupt one, which stays as it was and is counted', async () => {
    const db = await opened(await versionOneDb());
    expect(await db.assessments.get('broken')).toEqual(corrupt());
    await expectSummaries(db, [v1().id as string]);
    const { items, unreadable } = await new AssessmentRepository(db).list();
    expect(items.map((i) => i.id)).toEqual([v1().id]);
    // Saved before the revision: the current rules need an answer first, so the list shows no verdict for it.
    expect(items[0]).toMatchObject({ caseId: null, verdict: null, status: 'in-progress', outdated: true, savedDiffers: true });
    expect(unreadable).toBe(1);
    db.close();
  });

  it('keeps the settings', async () => {
    const db = await opened(await versionOneDb());
    expect(await db.settings.get('lang')).toEqual({ key: 'lang', value: 'en' });
    db.close();
  });

  it('adds the cases and summaries tables and the caseId indexes, which queries can use', async () => {
    const db = await opened(await versionOneDb());
    expect(db.tables.map((t) => t.name).sort()).toEqual(['assessments', 'cases', 'settings', 'summaries']);
    expect(await db.cases.count()).toBe(0);
    expect(db.assessments.schema.indexes.map((i) => i.name)).toContain('caseId');
    expect(db.summaries.schema.indexes.map((i) => i.name).sort()).toEqual(['caseId', 'updatedAt']);

    const run = newEnvelope('leak', 'run-in-case', '', new Date('2026-11-20T00:00:00Z'), { caseId: 'case-1' });
    await new AssessmentRepository(db).save(run);
    expect(await db.assessments.where('caseId').equals('case-1').primaryKeys()).toEqual(['run-in-case']);
    expect(await db.summaries.where('caseId').equals('case-1').primaryKeys()).toEqual(['run-in-case']);
    // null is not an indexable key, so the migrated stand-alone run and the corrupt row are not in the index at all.
    expect(await db.assessments.orderBy('caseId').primaryKeys()).toEqual(['run-in-case']);
    expect((await new CaseRepository(db).runs('case-1')).runs).toEqual([{ ...run, rev: 1 }]);
    db.close();
  });

  it('opening the upgraded database again changes nothing', async () => {
    const at = await versionOneDb();
    const first = await opened(at);
    const before = [await first.assessments.toArray(), await first.summaries.toArray()];
    first.close();
    const again = await opened(at);
    expect([await again.assessments.toArray(), await again.summaries.toArray()]).toEqual(before);
    again.close();
  });
});

describe('upgrading a version-2 database', () => {
  const caseRow = () => ({ id: v2().caseId, title: '案件', createdAt: '2026-11-20T03:00:00.000Z', updatedAt: '2026-11-20T03:00:00.000Z' });
  const versionTwoDb = () =>
    oldDb(2, async (db) => {
      await db.table('assessments').bulkPut([v2(), corrupt()]);
      await db.table('cases').put(caseRow());
    });

  it('rewrites the version-2 row in place: made under the first rules, with its verdict, nothing replaced, v4 defaults', async () => {
    const db = await opened(await versionTwoDb());
    expect(db.verno).toBe(4);
    const raw: unknown = await db.assessments.get(v2().id as string);
    expect(raw).toEqual({ ...v2(), ...V3_FIELDS, ...V4_FIELDS });
    expect(readEnvelope(raw)).toEqual({ ok: true, envelope: raw });
    db.close();
  });

  it('gives the case its archived flag (not archived), and lists it with its run', async () => {
    const db = await opened(await versionTwoDb());
    expect(await db.cases.toArray()).toEqual([{ ...caseRow(), archived: false }]);
    const cases = new CaseRepository(db);
    expect(await cases.get(v2().caseId as string)).toEqual({ ...caseRow(), archived: false });
    expect((await cases.list()).map((c) => [c.id, c.runs])).toEqual([[v2().caseId, 1]]);
    db.close();
  });

  it('writes a summary for the readable row and none for the corrupt one, which the list counts', async () => {
    const db = await opened(await versionTwoDb());
    await expectSummaries(db, [v2().id as string]);
    expect(await db.assessments.get('broken')).toEqual(corrupt());
    const { items, unreadable } = await new AssessmentRepository(db).list();
    expect(items.map((i) => [i.id, i.caseId])).toEqual([[v2().id, v2().caseId]]);
    expect(unreadable).toBe(1);
    db.close();
  });
});

describe('upgrading a version-3 database', () => {
  it('rewrites every version-3 row in place with the v4 defaults, keeping rules revisions and kept verdicts', async () => {
    const db = await opened(await versionThreeDb());
    expect(db.verno).toBe(4);
    const rows = [v3(), ...(caseV3().runs as Doc[])];
    for (const row of rows) {
      const raw: unknown = await db.assessments.get(row.id as string);
      expect(raw).toEqual({ ...row, ...V4_FIELDS });
      expect(readEnvelope(raw)).toEqual({ ok: true, envelope: raw });
    }
    expect(await db.assessments.get('broken')).toEqual(corrupt());
    db.close();
  });

  it('gives the case its archived flag, and keeps the settings', async () => {
    const db = await opened(await versionThreeDb());
    expect(await db.cases.toArray()).toEqual([{ ...(caseV3().case as Doc), archived: false }]);
    expect(await db.settings.get('lang')).toEqual({ key: 'lang', value: 'ja' });
    db.close();
  });

  it('writes a summary for every readable row and none for the corrupt one; the list counts it as unreadable', async () => {
    const db = await opened(await versionThreeDb());
    const readable = [v3().id as string, ...(caseV3().runs as Doc[]).map((r) => r.id as string)];
    await expectSummaries(db, readable);
    const { items, unreadable } = await new AssessmentRepository(db).list();
    expect(items.map((i) => i.id).sort()).toEqual([...readable].sort());
    expect(unreadable).toBe(1);
    // Newest first, by the summaries' index.
    const dates = items.map((i) => i.updatedAt);
    expect(dates).toEqual([...dates].sort().reverse());
    const leak = items.find((i) => i.id === v3().id);
    expect(leak).toMatchObject({ verdict: 'reportable', status: 'done', outdated: false, savedDiffers: false, archived: false });
    db.close();
  });

  it('a stored row the stricter version-4 reading refuses is migrated, has no summary, is counted, and stays in the rescue dump', async () => {
    const long = { ...v3(), id: 'long-title', title: 'あ'.repeat(201) };
    const at = await oldDb(3, async (db) => {
      await db.table('assessments').bulkPut([v3(), long]);
    });
    const db = await opened(at);
    expect(await db.assessments.get('long-title')).toEqual({ ...long, ...V4_FIELDS });
    expect(await db.summaries.get('long-title')).toBeUndefined();
    expect(await new AssessmentRepository(db).list()).toMatchObject({ items: [{ id: v3().id }], unreadable: 1 });
    const dump = JSON.parse(await dumpDatabase(db, new Date('2026-12-03T00:00:00Z'))) as { assessments: Envelope[] };
    expect(dump.assessments.find((r) => r.id === 'long-title')).toEqual({ ...long, ...V4_FIELDS });
    db.close();
  });

  it('the case and its runs read as before: the bundle is the case-v3 fixture migrated', async () => {
    const db = await opened(await versionThreeDb());
    const b = caseV3();
    const bundle = await new CaseRepository(db).bundle((b.case as Doc).id as string);
    expect(bundle).toEqual({
      ...b,
      schemaVersion: 4,
      case: { ...(b.case as Doc), archived: false },
      runs: (b.runs as Doc[]).map((r) => ({ ...r, ...V4_FIELDS })),
    });
    db.close();
  });
});

describe('SCHEMA_VERSIONS', () => {
  it('lists every version in increasing order, up to 4', () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect(versions).toEqual([1, 2, 3, 4]);
  });

  it('keeps version 1 exactly as it shipped, so Dexie can still recognise and upgrade such databases', () => {
    expect(SCHEMA_VERSIONS[0]).toMatchObject({ version: 1, stores: { assessments: 'id, flow, updatedAt', settings: 'key' } });
    expect(Object.keys(SCHEMA_VERSIONS[0]!.stores).sort()).toEqual(['assessments', 'settings']);
  });

  it('version 4 adds the summaries table, indexed for the library’s list and for cases', () => {
    expect(SCHEMA_VERSIONS[3]!.stores).toEqual({
      assessments: 'id, flow, updatedAt, caseId',
      settings: 'key',
      cases: 'id, updatedAt',
      summaries: 'id, updatedAt, caseId',
    });
  });
});
