// Locking and unlocking the library: every stored record, summary and case sealed (or opened) in one transaction,
// so a failure part-way — quota, a tab closing — leaves the library exactly as it was.

import { CLEAR, PLAIN, sealedCodec, type RowCodec } from './codec';
import type { ShirubeDb } from './db';
import { classify, StorageError } from './errors';
import { createLock, DEFAULT_ITERATIONS, isLockMeta, unlock, type LockMeta } from './vault';

/** The settings row that holds the lock (its salt, cost and check value — never the passphrase or the key). */
export const LOCK_KEY = 'lock';

export type LockState = { locked: false } | { locked: true; meta: LockMeta };

/** Whether the library is locked. A lock row that is not a lock is reported, never read as "not locked". */
export async function lockState(db: ShirubeDb): Promise<LockState> {
  let row: { value: unknown } | undefined;
  try {
    row = await db.settings.get(LOCK_KEY);
  } catch (e) {
    throw classify(e);
  }
  if (row === undefined) return { locked: false };
  if (!isLockMeta(row.value)) throw new StorageError('corrupt', new Error('the lock record is damaged'));
  return { locked: true, meta: row.value };
}

/**
 * Inside a write transaction: refuse to write with a codec that does not match the database — another tab locked
 * or unlocked the library since this one opened it, and its rows would be unreadable to everyone else.
 */
export async function assertCodec(db: ShirubeDb, codec: RowCodec): Promise<void> {
  const locked = (await db.settings.get(LOCK_KEY)) !== undefined;
  if (locked !== codec.sealed) throw new StorageError('lock-changed');
}

/** The codec for a database: plain when not locked; otherwise the passphrase's (WrongPassphraseError if it is not). */
export async function codecFor(state: LockState, passphrase: string): Promise<RowCodec> {
  return state.locked ? sealedCodec(await unlock(state.meta, passphrase)) : PLAIN;
}

const TABLES = ['assessments', 'summaries', 'cases'] as const;
type Table = (typeof TABLES)[number];

/** What must not change between reading the rows and writing them back re-encoded: each row's key and revision. */
function fingerprint(rows: Record<Table, Record<string, unknown>[]>): string {
  return TABLES.map((t) =>
    rows[t]
      .map((r) => `${String(r.id)}|${String(r.rev ?? '')}|${String(r.updatedAt ?? '')}`)
      .sort()
      .join('\n'),
  ).join('\n--\n');
}

async function readAll(db: ShirubeDb): Promise<Record<Table, Record<string, unknown>[]>> {
  return db.transaction('r', db.assessments, db.summaries, db.cases, async () => ({
    assessments: (await db.assessments.toArray()) as unknown as Record<string, unknown>[],
    summaries: (await db.summaries.toArray()) as unknown as Record<string, unknown>[],
    cases: (await db.cases.toArray()) as unknown as Record<string, unknown>[],
  }));
}

class ChangedMeanwhile extends Error {}

/**
 * Re-encode every row from one codec to the other and set (or remove) the lock, all in one transaction. Web Crypto
 * cannot run inside an IndexedDB transaction (it would end it), so rows are read, re-encoded outside, and written
 * back only if nothing changed in between — otherwise it tries again.
 */
async function recode(db: ShirubeDb, from: RowCodec, to: RowCodec, meta: LockMeta | null): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const rows = await readAll(db);
    const print = fingerprint(rows);
    const out = {} as Record<Table, object[]>;
    for (const t of TABLES) {
      out[t] = await Promise.all(
        rows[t].map(async (raw) => to.encode((await from.decode(raw)) as Record<string, unknown>, CLEAR[t] as readonly string[])),
      );
    }
    try {
      await db.transaction('rw', [db.assessments, db.summaries, db.cases, db.settings], async () => {
        if (fingerprint(await readAll(db)) !== print) throw new ChangedMeanwhile();
        const locked = (await db.settings.get(LOCK_KEY)) !== undefined;
        if (locked !== from.sealed) throw new StorageError('lock-changed');
        for (const t of TABLES) {
          await db.table(t).clear();
          await db.table(t).bulkAdd(out[t]);
        }
        if (meta) await db.settings.put({ key: LOCK_KEY, value: meta });
        else await db.settings.delete(LOCK_KEY);
      });
      return;
    } catch (e) {
      if (e instanceof ChangedMeanwhile) continue;
      throw classify(e);
    }
  }
  // Another tab kept saving throughout: say so rather than lock a library that is still changing.
  throw new StorageError('conflict');
}

/** Lock the library with a passphrase; returns the codec the tab goes on with. */
export async function enableLock(db: ShirubeDb, passphrase: string, now: Date, iterations = DEFAULT_ITERATIONS): Promise<RowCodec> {
  const { key, meta } = await createLock(passphrase, now, iterations);
  const codec = sealedCodec(key);
  await recode(db, PLAIN, codec, meta);
  return codec;
}

/** Remove the lock; the passphrase is asked again, so an unattended unlocked tab cannot remove it. */
export async function disableLock(db: ShirubeDb, passphrase: string): Promise<RowCodec> {
  const state = await lockState(db);
  if (!state.locked) return PLAIN;
  const codec = sealedCodec(await unlock(state.meta, passphrase));
  await recode(db, codec, PLAIN, null);
  return PLAIN;
}

/** A new passphrase for a locked library: every row sealed again under the new key. */
export async function changePassphrase(
  db: ShirubeDb,
  current: string,
  next: string,
  now: Date,
  iterations = DEFAULT_ITERATIONS,
): Promise<RowCodec> {
  const state = await lockState(db);
  if (!state.locked) throw new StorageError('lock-changed');
  const old = sealedCodec(await unlock(state.meta, current));
  const { key, meta } = await createLock(next, now, iterations);
  const codec = sealedCodec(key);
  await recode(db, old, codec, meta);
  return codec;
}
