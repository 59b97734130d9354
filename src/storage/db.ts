// The Dexie database: opened with every schema version (and its row upgrade), and the tables the repositories use.

import { Dexie, type EntityTable, type Transaction } from 'dexie';
import type { CaseRecord } from './cases';
import { isSealedRow } from './codec';
import type { Envelope } from './envelope';
import { envelopeLogic, loadRecordLogic, recordLogic } from './record-logic';
import { DB_NAME, SCHEMA_VERSIONS } from './schema';
import type { RecordSummary } from './summary';

export interface SettingRow {
  key: string;
  value: unknown;
}

export type ShirubeDb = Dexie & {
  assessments: EntityTable<Envelope, 'id'>;
  settings: EntityTable<SettingRow, 'key'>;
  cases: EntityTable<CaseRecord, 'id'>;
  summaries: EntityTable<RecordSummary, 'id'>;
};

/** Migrate stored envelopes of `from` to the next version in place, with the same pure step as imports use. */
function migrateRows(from: number) {
  return (tx: Transaction) =>
    tx
      .table('assessments')
      .toCollection()
      .modify((row: Record<string, unknown>, ref: { value: unknown }) => {
        const { ENVELOPE_FORMAT, MIGRATIONS } = envelopeLogic();
        // A row that is not a version-`from` envelope is left as it is; reading it reports it as unreadable.
        if (row.format !== ENVELOPE_FORMAT || row.schemaVersion !== from) return;
        const step = MIGRATIONS[from];
        if (step) ref.value = step(row);
      });
}

/** Write the library's summary of every readable record (an unreadable one is counted by the list, not hidden). */
export async function writeSummaries(tx: Transaction): Promise<void> {
  const rows: unknown[] = await tx.table('assessments').toArray();
  // A locked library's rows open only with the passphrase, which an upgrade does not have: its sealed summaries stay.
  if (rows.some(isSealedRow)) return;
  const { readEnvelope, summarize } = recordLogic();
  const summaries = rows.flatMap((row) => {
    const r = readEnvelope(row);
    return r.ok ? [summarize(r.envelope)] : [];
  });
  await tx.table('summaries').clear();
  await tx.table('summaries').bulkPut(summaries);
}

/** Dexie upgrade functions by the version they upgrade to. */
const UPGRADES: Record<number, (tx: Transaction) => Promise<unknown>> = {
  2: migrateRows(1),
  3: migrateRows(2),
  4: async (tx) => {
    await migrateRows(3)(tx);
    await tx
      .table('cases')
      .toCollection()
      .modify((row: Record<string, unknown>) => {
        row.archived = false;
      });
    await writeSummaries(tx);
  },
};

export function openDb(name = DB_NAME, indexedDB?: IDBFactory): ShirubeDb {
  const db = new Dexie(name, indexedDB ? { indexedDB, IDBKeyRange } : undefined) as ShirubeDb;
  for (const v of SCHEMA_VERSIONS) {
    const version = db.version(v.version).stores(v.stores);
    const upgrade = UPGRADES[v.version];
    if (upgrade) version.upgrade(upgrade);
  }
  return db;
}

/**
 * Before the first use of the database: an upgrade migrates stored rows with the record logic, synchronously inside
 * its transaction, so when opening will upgrade (or the browser cannot say whether it will) the logic is loaded first.
 * A new database is created at the latest version and runs no upgrade. Dexie keeps version × 10 as the IndexedDB version.
 */
export async function prepareOpen(name = DB_NAME, factory: IDBFactory | undefined = globalThis.indexedDB): Promise<void> {
  const latest = Math.max(...SCHEMA_VERSIONS.map((v) => v.version));
  // Where the browser cannot list its databases, the logic is loaded whether or not it is needed.
  if (typeof factory?.databases === 'function') {
    try {
      const found = (await factory.databases()).find((d) => d.name === name);
      if (!found || (found.version ?? 0) >= latest * 10) return;
    } catch {
      // As when it cannot list them.
    }
  }
  await loadRecordLogic();
}
