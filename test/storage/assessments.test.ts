// The repository over a real (in-memory) IndexedDB: save (with its summary, in one transaction), resume, list the
// library's summaries, all readable records, delete; other tabs are told of each write; failures surface as classified
// StorageErrors without touching what was already saved.

import { describe, expect, it } from 'vitest';
import { AssessmentRepository, requestPersistence, type RecordChange } from '../../src/storage/assessments';
import { openDb } from '../../src/storage/db';
import type { Envelope } from '../../src/storage/envelope';
import { classify, ConflictError, StorageError } from '../../src/storage/errors';
import { SettingsRepository } from '../../src/storage/settings';
import { summarize } from '../../src/storage/summary';
import { envelope, freshDb } from './helpers';

const fresh = () => freshDb().db;
const v4 = () => envelope('envelope-v4.json');
/** The version-1 fixture, migrated: saved before the rules revision. */
const v1 = () => envelope('envelope-v1.json');
const broken = (id: string, over: Record<string, unknown> = {}) =>
  ({ id, updatedAt: '2026-03-01T00:00:00.000Z', ...over }) as unknown as Envelope;

describe('AssessmentRepository: save and get', () => {
  it('saves and reads back an envelope exactly, one revision on', async () => {
    const repo = new AssessmentRepository(fresh());
    await repo.save(v4());
    expect(await repo.get(v4().id)).toEqual({ ...v4(), rev: v4().rev + 1 });
    expect(await repo.exists(v4().id)).toBe(true);
    expect(await repo.get('missing')).toBeUndefined();
    expect(await repo.exists('missing')).toBe(false);
  });

  it('each save is one revision on, whatever revision the caller’s copy says', async () => {
    const db = fresh();
    const repo = new AssessmentRepository(db);
    const env = { ...v4(), rev: 0 };
    for (const n of [1, 2, 3]) {
      await repo.save({ ...env, title: `t${n}` });
      expect(await db.assessments.get(env.id)).toMatchObject({ title: `t${n}`, rev: n });
    }
  });

  it('keeps saves in order: the last answer wins', async () => {
    const repo = new AssessmentRepository(fresh());
    const a = v4();
    const saves = [1, 2, 3, 4, 5].map((n) => repo.save({ ...a, facts: { ...a.facts, persons: 200 + n } }));
    await Promise.all(saves);
    expect((await repo.get(a.id))?.facts.persons).toBe(205);
  });

  it('get refuses a corrupt row as "corrupt", and saving over it needs force (then it is whole again)', async () => {
    const db = fresh();
    const repo = new AssessmentRepository(db);
    await db.assessments.put(broken(v4().id));
    await expect(repo.get(v4().id)).rejects.toMatchObject({ name: 'StorageError', kind: 'corrupt' });
    // A row this tab could not have seen: a conflict with nothing readable to show.
    const e = await repo.save(v4()).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ConflictError);
    expect((e as ConflictError).current).toBeUndefined();
    await repo.save(v4(), { force: true });
    // A whole number: the row had no revision of its own to count on from.
    expect(await repo.get(v4().id)).toEqual({ ...v4(), rev: v4().rev + 1 });
  });
});

describe('AssessmentRepository: the summary is written with the record', () => {
  it('writes the record and its summary together, and the summary is summarize() of what was stored', async () => {
    const db = fresh();
    const repo = new AssessmentRepository(db);
    await repo.save(v4());
    const stored = await repo.get(v4().id);
    expect(await db.summaries.get(v4().id)).toEqual(summarize(stored!));
    await repo.save({ ...stored!, title: 'renamed', updatedAt: '2026-12-05T00:00:00.000Z' });
    expect(await db.summaries.get(v4().id)).toMatchObject({ title: 'renamed', updatedAt: '2026-12-05T00:00:00.000Z' });
  });

  it('a failed summary write writes neither: the record stays as it was', async () => {
    const db = fresh();
    const repo = new AssessmentRepository(db);
    await repo.save(v4());
    const before = [await db.assessments.get(v4().id), await db.summaries.get(v4().id)];
    const original = db.summaries.put.bind(db.summaries);
    db.summaries.put = (() => Promise.reject(new DOMException('full', 'QuotaExceededError'))) as unknown as typeof db.summaries.put;
    await expect(repo.save({ ...v4(), title: 'changed' })).rejects.toMatchObject({ name: 'StorageError', kind: 'quota' });
    expect([await db.assessments.get(v4().id), await db.summaries.get(v4().id)]).toEqual(before);
    // Nor for a record that was not there yet.
    await expect(repo.save({ ...v4(), id: 'new-one' })).rejects.toMatchObject({ kind: 'quota' });
    expect(await db.assessments.get('new-one')).toBeUndefined();
    db.summaries.put = original;
    // The queue is not poisoned, and the record's revision was not used up by the failure.
    await repo.save({ ...v4(), title: 'changed' });
    expect(await db.assessments.get(v4().id)).toMatchObject({ title: 'changed', rev: v4().rev + 2 });
  });

  it('a quota failure writing the record is reported as such, and the previously saved version is untouched', async () => {
    const db = fresh();
    const repo = new AssessmentRepository(db);
    await repo.save(v4());
    const original = db.assessments.put.bind(db.assessments);
    db.assessments.put = (() => Promise.reject(new DOMException('full', 'QuotaExceededError'))) as unknown as typeof db.assessments.put;
    const changed = { ...v4(), title: 'changed' };
    await expect(repo.save(changed)).rejects.toMatchObject({ name: 'StorageError', kind: 'quota' });
    db.assessments.put = original;
    expect((await repo.get(v4().id))?.title).toBe(v4().title);
    expect((await db.summaries.get(v4().id))?.title).toBe(v4().title);
    await repo.save(changed);
    expect((await repo.get(v4().id))?.title).toBe('changed');
  });

  it('remove deletes the record and its summary', async () => {
    const db = fresh();
    const repo = new AssessmentRepository(db);
    await repo.save(v4());
    await repo.save({ ...v4(), id: 'other' });
    await repo.remove(v4().id);
    expect(await db.assessments.toCollection().primaryKeys()).toEqual(['other']);
    expect(await db.summaries.toCollection().primaryKeys()).toEqual(['other']);
  });
});

describe('AssessmentRepository: other tabs are told of every write', () => {
  it('tells the callback of each save (with the new revision) and each delete, and of nothing that failed', async () => {
    const db = fresh();
    const told: RecordChange[] = [];
    const repo = new AssessmentRepository(db, (c) => told.push(c));
    await repo.save({ ...v4(), rev: 0 });
    await repo.save({ ...v4(), rev: 0, title: 'again' });
    await repo.remove(v4().id);
    expect(told).toEqual([
      { id: v4().id, rev: 1 },
      { id: v4().id, rev: 2 },
      { id: v4().id, rev: null },
    ]);
    // The tab that deleted it may save it again (an undo): that is its own choice, not a conflict.
    await repo.save(v4());
    expect(told.at(-1)).toEqual({ id: v4().id, rev: v4().rev + 1 });
  });

  it('tells nothing of a save refused as a conflict, or of a failed save', async () => {
    const db = fresh();
    const toldA: RecordChange[] = [];
    const toldB: RecordChange[] = [];
    const a = new AssessmentRepository(db, (c) => toldA.push(c));
    const b = new AssessmentRepository(db, (c) => toldB.push(c));
    await a.save(v4());
    const copy = (await b.get(v4().id))!;
    await a.save({ ...copy, title: 'A' });
    await expect(b.save({ ...copy, title: 'B' })).rejects.toBeInstanceOf(ConflictError);
    db.assessments.put = (() => Promise.reject(new DOMException('full', 'QuotaExceededError'))) as unknown as typeof db.assessments.put;
    await expect(b.save({ ...v4(), id: 'new' })).rejects.toMatchObject({ kind: 'quota' });
    expect(toldA).toHaveLength(2);
    expect(toldB).toEqual([]);
  });
});

describe('AssessmentRepository: list and all', () => {
  it('lists summaries newest first, and counts unreadable rows instead of hiding them', async () => {
    const db = fresh();
    const repo = new AssessmentRepository(db);
    await repo.save({ ...v4(), id: 'old', updatedAt: '2026-01-01T00:00:00.000Z' });
    await repo.save({ ...v4(), id: 'new', updatedAt: '2026-12-10T00:00:00.000Z' });
    await repo.save({ ...v4(), id: 'mid', updatedAt: '2026-06-01T00:00:00.000Z' });
    await db.assessments.put(broken('broken', { updatedAt: '2026-12-31T00:00:00.000Z' }));
    const { items, unreadable } = await repo.list();
    expect(items.map((i) => i.id)).toEqual(['new', 'mid', 'old']);
    expect(items[0]).toEqual(summarize({ ...v4(), id: 'new', updatedAt: '2026-12-10T00:00:00.000Z', rev: v4().rev + 1 }));
    expect(items[0]).toMatchObject({ flow: 'leak', verdict: 'reportable', provisional: false, status: 'done' });
    expect(unreadable).toBe(1);
    await expect(repo.get('broken')).rejects.toMatchObject({ kind: 'corrupt' });
  });

  it('an empty library lists nothing and counts nothing', async () => {
    expect(await new AssessmentRepository(fresh()).list()).toEqual({ items: [], unreadable: 0 });
  });

  it('all() returns every readable record, migrated, and the number of unreadable rows', async () => {
    const db = fresh();
    const repo = new AssessmentRepository(db);
    await repo.save(v4());
    // Rows as an older build or an import left them: a version-1 envelope still in the table, and a corrupt row.
    const raw1 = JSON.parse(JSON.stringify(v1())) as Envelope;
    await db.assessments.put({ ...raw1, id: 'older' });
    await db.assessments.put(broken('broken'));
    const { records, unreadable } = await repo.all();
    expect(records.sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [
        { ...v4(), rev: v4().rev + 1 },
        { ...v1(), id: 'older' },
      ].sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect(unreadable).toBe(1);
  });
});

describe('AssessmentRepository: failures', () => {
  it('no IndexedDB at all (private mode) is "unavailable"', async () => {
    const noDb = {
      open: () => {
        throw new DOMException('no', 'InvalidStateError');
      },
    } as unknown as IDBFactory;
    const repo = new AssessmentRepository(openDb('x', noDb));
    await expect(repo.list()).rejects.toBeInstanceOf(StorageError);
    await expect(repo.list()).rejects.toMatchObject({ kind: 'unavailable' });
    await expect(repo.all()).rejects.toMatchObject({ kind: 'unavailable' });
    await expect(repo.save(v4())).rejects.toMatchObject({ kind: 'unavailable' });
  });

  it('settings round-trip by typed key; a stored value that is not one of the key reads as not set', async () => {
    const db = fresh();
    const s = new SettingsRepository(db);
    expect(await s.get('lang')).toBeUndefined();
    await s.set('lang', 'en');
    expect(await s.get('lang')).toBe('en');
    await db.settings.put({ key: 'lang', value: 'klingon' });
    expect(await s.get('lang')).toBeUndefined();
  });
});

describe('classify', () => {
  it.each([
    ['QuotaExceededError', 'quota'],
    ['VersionError', 'version'],
    ['BlockedError', 'blocked'],
    ['MissingAPIError', 'unavailable'],
    ['DataCloneError', 'corrupt'],
    ['TypeError', 'unknown'],
  ])('%s → %s', (name, kind) => {
    const e = Object.assign(new Error('x'), { name });
    expect(classify(e).kind).toBe(kind);
    // Dexie wraps the DOM error in `inner`.
    expect(classify(Object.assign(new Error('wrapped'), { name: 'AbortError', inner: e })).kind).toBe(kind);
  });

  it('a ConflictError is kept as it is: a StorageError of kind "conflict" carrying the stored record', () => {
    const e = new ConflictError(v4());
    expect(classify(e)).toBe(e);
    expect(e).toBeInstanceOf(StorageError);
    expect(e).toMatchObject({ name: 'ConflictError', kind: 'conflict', current: v4() });
  });
});

describe('requestPersistence', () => {
  it('asks once when not yet persisted, and reports the answer', async () => {
    let asked = 0;
    const storage = { persisted: async () => false, persist: async () => (asked++, true) } as unknown as StorageManager;
    expect(await requestPersistence(storage)).toBe(true);
    expect(asked).toBe(1);
    expect(await requestPersistence(undefined)).toBeNull();
  });
});
