// Every IndexedDB schema version the app has ever shipped, kept so Dexie can upgrade any older database.

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  /** What Dexie's upgrade step does to rows when opening an older database (the code is in db.ts). */
  upgradeNote?: string;
}

export const DB_NAME = 'shirube';

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      // One row per assessment: the envelope itself (see envelope.ts), indexed for the home-page list.
      assessments: 'id, flow, updatedAt',
      // Small key/value settings (language).
      settings: 'key',
    },
  },
  {
    version: 2,
    stores: {
      // Runs are listed per data use case (案件); stand-alone runs have caseId null, which is not indexed.
      assessments: 'id, flow, updatedAt, caseId',
      settings: 'key',
      // One row per case: its id, title and timestamps; the runs point to it.
      cases: 'id, updatedAt',
    },
    upgradeNote: 'every stored envelope is migrated 1 → 2 with MIGRATIONS[1] (no case, nothing carried over)',
  },
  {
    version: 3,
    // Same stores: only the rows change.
    stores: {
      assessments: 'id, flow, updatedAt, caseId',
      settings: 'key',
      cases: 'id, updatedAt',
    },
    upgradeNote:
      'every stored envelope is migrated 2 → 3 with MIGRATIONS[2] (made under the rules as first implemented, nothing replaced yet)',
  },
  {
    version: 4,
    stores: {
      assessments: 'id, flow, updatedAt, caseId',
      settings: 'key',
      cases: 'id, updatedAt',
      // The library's view of each record (summary.ts), written with it in the same transaction.
      summaries: 'id, updatedAt, caseId',
    },
    upgradeNote:
      'every stored envelope is migrated 3 → 4 with MIGRATIONS[3] (no reasons, people, sign-off or history yet, revision 0); ' +
      'every case gets archived = false; a summary is written for every readable record',
  },
];
