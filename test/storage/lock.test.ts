// The locked library in storage: locking seals every record, summary and case on disk and reads them back unchanged;
// a wrong passphrase changes nothing; unlocking and changing the passphrase; all-or-nothing recoding; and a tab that
// still holds the old (plain) codec is refused before it can write a row nobody else could read.

import { describe, expect, it } from 'vitest';
import { AssessmentRepository } from '../../src/storage/assessments';
import { CaseRepository } from '../../src/storage/cases';
import { isSealedRow, PLAIN, type RowCodec } from '../../src/storage/codec';
import { writeSummaries, type ShirubeDb } from '../../src/storage/db';
import type { Envelope } from '../../src/storage/envelope';
import { StorageError } from '../../src/storage/errors';
import { changePassphrase, codecFor, disableLock, enableLock, lockState } from '../../src/storage/lock';
import { writeRestore } from '../../src/storage/restore';
import { WrongPassphraseError } from '../../src/storage/vault';
import { caseBundle, envelope, freshDb } from './helpers';

// Tests derive keys with a small cost so they stay quick; the product default (600,000) is covered by vault.ts's constant.
const FAST = 1000;
const PASS = '会議室のノートPC 2026';
const now = new Date('2026-12-02T03:00:00Z');

/** Every row of every table as IndexedDB holds it (the lock's settings row included). */
async function rawDump(db: ShirubeDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of ['assessments', 'summaries', 'cases', 'settings']) out[t] = await db.table(t).toArray();
  return out;
}

/** Titles that must never appear in a sealed library's rows. */
const secretTitles = () => [envelope().title, caseBundle().case.title];

async function seeded() {
  const { db, reopen } = freshDb();
  const assessments = new AssessmentRepository(db);
  const cases = new CaseRepository(db);
  await assessments.save(envelope());
  await cases.importBundle(caseBundle());
  await db.settings.put({ key: 'lang', value: 'en' });
  return { db, reopen, assessments, cases };
}

/** What the repositories read, with a codec: every record, the library list and the cases. */
async function readEverything(db: ShirubeDb, codec: RowCodec) {
  const a = new AssessmentRepository(db, undefined, codec);
  const c = new CaseRepository(db, codec);
  const all = await a.all();
  const list = await a.list();
  return {
    records: all.records.sort((x, y) => x.id.localeCompare(y.id)),
    unreadable: all.unreadable,
    list: list.items,
    cases: await c.list(),
    bundle: await c.bundle(caseBundle().case.id),
  };
}

describe('locking the library', () => {
  it('seals every row on disk (no title in clear) and reads everything back as it was', async () => {
    const { db } = await seeded();
    const before = await readEverything(db, PLAIN);
    const codec = await enableLock(db, PASS, now, FAST);
    expect(codec.sealed).toBe(true);

    const raw = await rawDump(db);
    const text = JSON.stringify({ a: raw.assessments, s: raw.summaries, c: raw.cases });
    for (const title of secretTitles()) expect(text).not.toContain(title);
    for (const t of ['assessments', 'summaries', 'cases'] as const) for (const row of raw[t]!) expect(isSealedRow(row)).toBe(true);
    // What stays in clear is only what IndexedDB indexes and the revision check reads.
    const first = raw.assessments![0] as Record<string, unknown>;
    expect(Object.keys(first).sort()).toEqual(['caseId', 'flow', 'id', 'rev', 'sealed', 'updatedAt']);
    // The language setting stays readable (the unlock screen is shown in it).
    expect(raw.settings).toContainEqual({ key: 'lang', value: 'en' });

    expect(await readEverything(db, codec)).toEqual(before);
    // A fresh tab: the state says locked, the passphrase gives a codec that reads the same.
    const state = await lockState(db);
    expect(state.locked).toBe(true);
    expect(await readEverything(db, await codecFor(state, PASS))).toEqual(before);
  });

  it('saves, conflicts and deletes through the sealed codec, keeping titles out of the rows', async () => {
    const { db, reopen } = await seeded();
    const codec = await enableLock(db, PASS, now, FAST);
    const a = new AssessmentRepository(db, undefined, codec);
    const inA = (await a.get(envelope().id))!;
    await a.save({ ...inA, title: '極秘：取引先名簿の紛失' });
    expect(JSON.stringify(await rawDump(db))).not.toContain('極秘');
    expect((await a.get(envelope().id))?.title).toBe('極秘：取引先名簿の紛失');

    // A second tab with the same key, on the stale revision: a conflict carrying the (decoded) stored record.
    const b = new AssessmentRepository(reopen(), undefined, await codecFor(await lockState(db), PASS));
    await expect(b.save(inA)).rejects.toMatchObject({ name: 'ConflictError', current: { title: '極秘：取引先名簿の紛失' } });
    // Forcing it over the newer revision re-encodes with the revision it gets.
    await b.save(inA, { force: true });
    expect((await a.get(envelope().id))?.rev).toBe(inA.rev + 2);

    await new CaseRepository(db, codec).remove(caseBundle().case.id);
    await a.remove(envelope().id);
    const raw = await rawDump(db);
    expect([raw.assessments, raw.summaries, raw.cases]).toEqual([[], [], []]);
  });

  it('refuses a wrong passphrase with WrongPassphraseError and changes nothing', async () => {
    const { db } = await seeded();
    await enableLock(db, PASS, now, FAST);
    const before = await rawDump(db);
    const state = await lockState(db);
    await expect(codecFor(state, `${PASS}x`)).rejects.toBeInstanceOf(WrongPassphraseError);
    await expect(disableLock(db, 'not the passphrase')).rejects.toBeInstanceOf(WrongPassphraseError);
    await expect(changePassphrase(db, 'not the passphrase', 'a new passphrase 1', now, FAST)).rejects.toBeInstanceOf(WrongPassphraseError);
    expect(await rawDump(db)).toEqual(before);
  });

  it('removing the lock writes every row plain again, exactly as before it was locked', async () => {
    const { db } = await seeded();
    const before = await rawDump(db);
    await enableLock(db, PASS, now, FAST);
    expect(await disableLock(db, PASS)).toBe(PLAIN);
    expect(await lockState(db)).toEqual({ locked: false });
    const after = await rawDump(db);
    const byId = (rows: unknown[]) => [...rows].sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
    for (const t of Object.keys(before)) expect(byId(after[t]!)).toEqual(byId(before[t]!));
  });

  it('a new passphrase: the old one no longer opens the library, the new one reads everything', async () => {
    const { db } = await seeded();
    const before = await readEverything(db, PLAIN);
    await enableLock(db, PASS, now, FAST);
    const codec = await changePassphrase(db, PASS, 'もうひとつの長い合言葉', now, FAST);
    const state = await lockState(db);
    await expect(codecFor(state, PASS)).rejects.toBeInstanceOf(WrongPassphraseError);
    expect(await readEverything(db, codec)).toEqual(before);
    expect(await readEverything(db, await codecFor(state, 'もうひとつの長い合言葉'))).toEqual(before);
  });

  it('all or nothing: a failure part-way through leaves the library exactly as it was', async () => {
    const { db } = await seeded();
    const before = await rawDump(db);
    // The cases are written last: by then every record and summary has been rewritten inside the transaction.
    const fail = () => {
      throw new Error('QuotaExceededError');
    };
    db.cases.hook('creating', fail);
    await expect(enableLock(db, PASS, now, FAST)).rejects.toBeInstanceOf(StorageError);
    db.cases.hook('creating').unsubscribe(fail);
    expect(await rawDump(db)).toEqual(before);
    expect(await lockState(db)).toEqual({ locked: false });

    // The same when removing a lock.
    await enableLock(db, PASS, now, FAST);
    const locked = await rawDump(db);
    db.cases.hook('creating', fail);
    await expect(disableLock(db, PASS)).rejects.toBeInstanceOf(StorageError);
    db.cases.hook('creating').unsubscribe(fail);
    expect(await rawDump(db)).toEqual(locked);
  });

  it('a schema upgrade that rewrites summaries leaves a locked library’s sealed summaries as they are', async () => {
    const { db } = await seeded();
    await enableLock(db, PASS, now, FAST);
    const before = await rawDump(db);
    await db.transaction('rw', db.assessments, db.summaries, (tx) => writeSummaries(tx));
    expect(await rawDump(db)).toEqual(before);
  });

  it('a tab still on the plain codec after another tab locked is refused (lock-changed) and writes nothing', async () => {
    const { db, reopen } = await seeded();
    const other = reopen();
    const stale = new AssessmentRepository(other);
    const staleCases = new CaseRepository(other);
    const env = (await stale.get(envelope().id))!;
    await enableLock(db, PASS, now, FAST);
    const before = await rawDump(db);

    const kind = (p: Promise<unknown>) =>
      p.then(
        () => 'written',
        (e: unknown) => (e instanceof StorageError ? e.kind : String(e)),
      );
    expect(await kind(stale.save({ ...env, title: '平文で書かれてはならない' } satisfies Envelope))).toBe('lock-changed');
    expect(await kind(stale.remove(env.id))).toBe('lock-changed');
    expect(await kind(staleCases.save({ ...caseBundle().case, title: '平文' }))).toBe('lock-changed');
    expect(await kind(staleCases.remove(caseBundle().case.id))).toBe('lock-changed');
    // A restore from the stale tab: refused the same way, nothing of it written.
    const restored = { ...env, id: '9a1b2c3d-0000-4000-8000-0000000000aa', title: '復元で平文' } satisfies Envelope;
    expect(await kind(writeRestore(other, { add: { cases: [], assessments: [restored] }, put: { cases: [], assessments: [] } }))).toBe(
      'lock-changed',
    );
    // Reading says the same rather than "corrupt".
    expect(await kind(stale.get(env.id))).toBe('lock-changed');
    expect(await rawDump(db)).toEqual(before);
  });
});
