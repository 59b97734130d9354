// The repository over a real (in-memory) IndexedDB: save, resume, list, and failures that surface as
// classified StorageErrors without touching what was already saved.

import { IDBFactory } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AssessmentRepository, requestPersistence } from '../../src/storage/assessments';
import { SettingsRepository } from '../../src/storage/settings';
import { openDb } from '../../src/storage/db';
import { readEnvelope, type Envelope } from '../../src/storage/envelope';
import { classify, StorageError } from '../../src/storage/errors';

// The version-1 fixture after migration: what the repository stores and returns today.
const fixture = (): Envelope => {
  const r = readEnvelope(JSON.parse(readFileSync(join(__dirname, '../fixtures/envelope-v1.json'), 'utf8')));
  if (!r.ok) throw new Error('fixture unreadable');
  return r.envelope;
};
const fresh = () => openDb(`t-${Math.random()}`, new IDBFactory());

describe('AssessmentRepository', () => {
  it('saves and reads back an envelope exactly', async () => {
    const repo = new AssessmentRepository(fresh());
    await repo.save(fixture());
    expect(await repo.get(fixture().id)).toEqual(fixture());
    expect(await repo.exists(fixture().id)).toBe(true);
    expect(await repo.get('missing')).toBeUndefined();
  });

  it('keeps saves in order: the last answer wins', async () => {
    const repo = new AssessmentRepository(fresh());
    const a = fixture();
    const saves = [1, 2, 3, 4, 5].map((n) => repo.save({ ...a, facts: { ...a.facts, persons: n } }));
    await Promise.all(saves);
    expect((await repo.get(a.id))?.facts.persons).toBe(5);
  });

  it('lists newest first, and counts unreadable rows instead of hiding them', async () => {
    const db = fresh();
    const repo = new AssessmentRepository(db);
    await repo.save({ ...fixture(), id: 'old', updatedAt: '2026-01-01T00:00:00.000Z' });
    await repo.save({ ...fixture(), id: 'new', updatedAt: '2026-02-01T00:00:00.000Z' });
    await db.assessments.put({ id: 'broken', updatedAt: '2026-03-01T00:00:00.000Z' } as unknown as Envelope);
    const { items, unreadable } = await repo.list();
    expect(items.map((i) => i.id)).toEqual(['new', 'old']);
    expect(items[0]).toMatchObject({ flow: 'leak', outcome: 'reportable', provisional: false });
    expect(unreadable).toBe(1);
    await expect(repo.get('broken')).rejects.toMatchObject({ kind: 'corrupt' });
  });

  it('a quota failure is reported as such, and the previously saved version is untouched', async () => {
    const db = fresh();
    const repo = new AssessmentRepository(db);
    await repo.save(fixture());
    const original = db.assessments.put.bind(db.assessments);
    db.assessments.put = (() => Promise.reject(new DOMException('full', 'QuotaExceededError'))) as unknown as typeof db.assessments.put;
    const changed = { ...fixture(), title: 'changed' };
    await expect(repo.save(changed)).rejects.toMatchObject({ name: 'StorageError', kind: 'quota' });
    db.assessments.put = original;
    expect((await repo.get(fixture().id))?.title).toBe(fixture().title);
    // The queue is not poisoned by the failure: the next save goes through.
    await repo.save(changed);
    expect((await repo.get(fixture().id))?.title).toBe('changed');
  });

  it('no IndexedDB at all (private mode) is "unavailable"', async () => {
    const broken = {
      open: () => {
        throw new DOMException('no', 'InvalidStateError');
      },
    } as unknown as IDBFactory;
    const repo = new AssessmentRepository(openDb('x', broken));
    await expect(repo.list()).rejects.toBeInstanceOf(StorageError);
    await expect(repo.list()).rejects.toMatchObject({ kind: 'unavailable' });
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
