// Where a wizard session keeps its run: IndexedDB for real work, or memory for a quiz or a preview that must not
// write anything to the device.

import type { Envelope } from '../storage/envelope';

export interface RunStore {
  /** Refused (ConflictError) when the stored run is newer than this copy, unless `force` (the person chose this copy). */
  save(env: Envelope, opts?: { force?: boolean }): Promise<void>;
  /** This copy now holds `env` as stored (the person chose the stored version): later saves build on it. */
  adopt?(env: Envelope): void;
}

/** A store that keeps the latest version of each run in memory only (nothing reaches IndexedDB). */
export function memoryRunStore(): RunStore & { get(id: string): Envelope | undefined } {
  const runs = new Map<string, Envelope>();
  return {
    save: async (env) => {
      runs.set(env.id, structuredClone(env));
    },
    get: (id) => {
      const env = runs.get(id);
      return env && structuredClone(env);
    },
  };
}
