// The Dexie database: opened with every schema version, and the low-level tables the repositories use.

import { Dexie, type EntityTable } from 'dexie';
import type { Envelope } from './envelope';
import { DB_NAME, SCHEMA_VERSIONS } from './schema';

export interface SettingRow {
  key: string;
  value: unknown;
}

export type ShirubeDb = Dexie & {
  assessments: EntityTable<Envelope, 'id'>;
  settings: EntityTable<SettingRow, 'key'>;
};

export function openDb(name = DB_NAME, indexedDB?: IDBFactory): ShirubeDb {
  const db = new Dexie(name, indexedDB ? { indexedDB, IDBKeyRange } : undefined) as ShirubeDb;
  for (const v of SCHEMA_VERSIONS) db.version(v.version).stores(v.stores);
  return db;
}
