// Every IndexedDB schema version the app has ever shipped, kept so Dexie can upgrade any older database.

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  /** Pure data upgrade run by Dexie when opening an older database (none yet). */
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
];
