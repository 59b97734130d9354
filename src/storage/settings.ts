// Small settings kept on the device, by typed key: each key says what its value is, and a stored value that is not
// one (written by another version, or corrupted) reads as not set rather than as a wrong value.

import type { ShirubeDb } from './db';
import { classify } from './errors';

/** Every setting the app keeps, with a check of its stored value. */
const SETTINGS = {
  /** The interface language the user chose. */
  lang: (v: unknown): v is 'ja' | 'en' => v === 'ja' || v === 'en',
  /** When everything was last backed up to a file on this device (an ISO 8601 instant): the home page reminds after 30 days. */
  lastBackupAt: (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v)),
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = (typeof SETTINGS)[K] extends (v: unknown) => v is infer T ? T : never;

export class SettingsRepository {
  constructor(private readonly db: ShirubeDb) {}

  async get<K extends SettingKey>(key: K): Promise<SettingValue<K> | undefined> {
    let row: { value: unknown } | undefined;
    try {
      row = await this.db.settings.get(key);
    } catch (e) {
      throw classify(e);
    }
    const check = SETTINGS[key] as (v: unknown) => v is SettingValue<K>;
    return row && check(row.value) ? row.value : undefined;
  }

  async set<K extends SettingKey>(key: K, value: SettingValue<K>): Promise<void> {
    try {
      await this.db.settings.put({ key, value });
    } catch (e) {
      throw classify(e);
    }
  }
}
