// How rows are written to and read from IndexedDB: as they are, or — in a locked library — sealed with the
// session's key, leaving in clear only the fields IndexedDB indexes and compares (ids, dates, revisions).

import { isSealedBox, open, seal, type SealedBox } from './vault';
import { StorageError } from './errors';

export interface RowCodec {
  /** Whether rows are sealed: a tab's codec must match the database's lock, or it would write rows the other cannot read. */
  readonly sealed: boolean;
  /** The row to store; `clear` are the fields kept readable for IndexedDB's indexes. */
  encode<T extends object>(row: T, clear: readonly (keyof T & string)[]): Promise<object>;
  /** The row as it was given to `encode`; a sealed row that does not open is reported as corrupt. */
  decode(row: unknown): Promise<unknown>;
}

/** A sealed row: the clear index fields and the whole row inside `sealed`. */
export interface SealedRow {
  sealed: SealedBox;
  [clear: string]: unknown;
}

export const isSealedRow = (row: unknown): row is SealedRow =>
  typeof row === 'object' && row !== null && isSealedBox((row as { sealed?: unknown }).sealed);

/** Rows as they are: a library without a lock. */
export const PLAIN: RowCodec = {
  sealed: false,
  encode: async (row) => row,
  async decode(row) {
    // A sealed row in a tab that thinks the library is open: another tab locked it since. Say so, not "corrupt".
    if (isSealedRow(row)) throw new StorageError('lock-changed');
    return row;
  },
};

/**
 * A locked library before the passphrase is given: nothing can be read or written. Repositories start with it, so a
 * screen that somehow ran before unlocking could never write a plain row into a sealed library.
 */
export const LOCKED: RowCodec = {
  sealed: true,
  encode: () => Promise.reject(new StorageError('lock-changed')),
  decode: () => Promise.reject(new StorageError('lock-changed')),
};

export function sealedCodec(key: CryptoKey): RowCodec {
  return {
    sealed: true,
    async encode(row, clear) {
      const out: Record<string, unknown> = {};
      for (const k of clear) out[k] = row[k];
      out.sealed = await seal(key, row);
      return out;
    },
    async decode(row) {
      if (!isSealedRow(row)) return row;
      try {
        return await open(key, row.sealed);
      } catch (e) {
        // GCM's tag failed: the row was altered on disk (or sealed under another lock). Never read altered data.
        throw new StorageError('corrupt', e);
      }
    },
  };
}

/** The clear fields of each table: exactly what its IndexedDB indexes (schema.ts) and the revision check need. */
export const CLEAR = {
  assessments: ['id', 'flow', 'updatedAt', 'caseId', 'rev'],
  summaries: ['id', 'updatedAt', 'caseId'],
  cases: ['id', 'updatedAt'],
} as const;

/**
 * Decode the rows of a list: a row that does not open (altered on disk) is counted as unreadable, like any row that
 * does not read; a lock that changed under this tab is not hidden.
 */
export async function decodeRows(codec: RowCodec, rows: readonly unknown[]): Promise<{ rows: unknown[]; unreadable: number }> {
  const out = await Promise.all(
    rows.map(async (row) => {
      try {
        return { ok: true as const, row: await codec.decode(row) };
      } catch (e) {
        if (e instanceof StorageError && e.kind === 'corrupt') return { ok: false as const };
        throw e;
      }
    }),
  );
  return { rows: out.flatMap((r) => (r.ok ? [r.row] : [])), unreadable: out.filter((r) => !r.ok).length };
}
