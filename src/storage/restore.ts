// Restoring records from a file: what this device holds of them (read before a plan is made), and writing the planned
// records — cases, runs, stand-alone assessments and their summaries — in one transaction, so a failure leaves nothing.

import { assertCodec } from './lock';
import { CLEAR, PLAIN, type RowCodec } from './codec';
import type { CaseRecord } from './cases';
import type { ShirubeDb } from './db';
import type { Envelope } from './envelope';
import { classify } from './errors';
import { summarize } from './summary';

/** What the device holds of a record the file also has: enough to tell identical from different, and signed off. */
export interface StoredAssessment {
  /** null when the stored row cannot be read (it counts as different, and is only replaced when asked). */
  rev: number | null;
  updatedAt: string | null;
  caseId: string | null;
  signedOff: boolean;
}

export interface StoredCase {
  title: string | null;
  updatedAt: string | null;
  archived: boolean | null;
}

export interface StoredVersions {
  assessments: Map<string, StoredAssessment>;
  cases: Map<string, StoredCase>;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Reads the stored versions of the given ids (only those present are in the maps); rows pass through `codec.decode`. */
export async function readStoredVersions(
  db: ShirubeDb,
  ids: { assessments: readonly string[]; cases: readonly string[] },
  codec: RowCodec = PLAIN,
): Promise<StoredVersions> {
  let rows: { assessments: unknown[]; cases: unknown[] };
  try {
    const [a, c] = await Promise.all([db.assessments.bulkGet([...ids.assessments]), db.cases.bulkGet([...ids.cases])]);
    rows = {
      assessments: await Promise.all(a.map((r) => (r === undefined ? r : codec.decode(r)))),
      cases: await Promise.all(c.map((r) => (r === undefined ? r : codec.decode(r)))),
    };
  } catch (e) {
    throw classify(e);
  }
  const out: StoredVersions = { assessments: new Map(), cases: new Map() };
  rows.assessments.forEach((raw, i) => {
    if (raw === undefined) return;
    // Read field by field, not validated whole: a row this build cannot read is still "on this device".
    const row = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    out.assessments.set(ids.assessments[i]!, {
      rev: Number.isSafeInteger(row.rev) ? (row.rev as number) : null,
      updatedAt: str(row.updatedAt),
      caseId: str(row.caseId),
      signedOff: typeof row.signedOffAt === 'string',
    });
  });
  rows.cases.forEach((raw, i) => {
    if (raw === undefined) return;
    const row = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    out.cases.set(ids.cases[i]!, {
      title: str(row.title),
      updatedAt: str(row.updatedAt),
      archived: typeof row.archived === 'boolean' ? row.archived : null,
    });
  });
  return out;
}

/** The records to write: `add` must not be on the device yet (a clash fails the whole write), `put` replaces. */
export interface RestoreWrite {
  add: { cases: CaseRecord[]; assessments: Envelope[] };
  put: { cases: CaseRecord[]; assessments: Envelope[] };
}

/**
 * Writes every planned record with its library summary in one readwrite transaction over cases, assessments and
 * summaries: all of it, or — on any failure, a full disk half-way included — nothing. Rows are encoded first, because
 * IndexedDB commits a transaction that waits on anything else (WebCrypto included).
 */
export async function writeRestore(db: ShirubeDb, write: RestoreWrite, codec: RowCodec = PLAIN): Promise<void> {
  const encodeAll = <T extends object>(rows: readonly T[], clear: readonly (keyof T & string)[]) =>
    Promise.all(rows.map((r) => codec.encode(structuredClone(r), clear)));
  const runs = [...write.add.assessments, ...write.put.assessments];
  const [addCases, putCases, addRuns, putRuns, summaries] = await Promise.all([
    encodeAll(write.add.cases, CLEAR.cases),
    encodeAll(write.put.cases, CLEAR.cases),
    encodeAll(write.add.assessments, CLEAR.assessments),
    encodeAll(write.put.assessments, CLEAR.assessments),
    encodeAll(runs.map(summarize), CLEAR.summaries),
  ]);
  try {
    await db.transaction('rw', db.cases, db.assessments, db.summaries, db.settings, async () => {
      // A tab that missed a lock change must not write rows the others cannot read (or plain rows into a locked library).
      await assertCodec(db, codec);
      // Encoded rows hold the clear fields plus the sealed box: typed as the table's rows only for Dexie's signature.
      await db.cases.bulkAdd(addCases as CaseRecord[]);
      await db.cases.bulkPut(putCases as CaseRecord[]);
      await db.assessments.bulkAdd(addRuns as Envelope[]);
      await db.assessments.bulkPut(putRuns as Envelope[]);
      await db.summaries.bulkPut(summaries as ReturnType<typeof summarize>[]);
    });
  } catch (e) {
    throw classify(e);
  }
}
