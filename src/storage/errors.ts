// Storage failures, classified so the UI can explain them plainly (never swallowed).

import type { Envelope } from './envelope';

export type StorageFailure = 'unavailable' | 'quota' | 'blocked' | 'version' | 'corrupt' | 'conflict' | 'lock-changed' | 'unknown';

export class StorageError extends Error {
  constructor(
    readonly kind: StorageFailure,
    override readonly cause?: unknown,
  ) {
    super(`storage ${kind}${cause instanceof Error ? `: ${cause.message}` : ''}`);
    this.name = 'StorageError';
  }
}

/**
 * A save made from a stale copy of a record: someone (another tab) saved a newer version since this copy was read.
 * Nothing was written; `current` is the stored version, so the person can choose what to keep.
 */
export class ConflictError extends StorageError {
  constructor(readonly current: Envelope | undefined) {
    super('conflict');
    this.name = 'ConflictError';
  }
}

const names = (e: unknown): string[] => {
  const out: string[] = [];
  let cur: unknown = e;
  for (let i = 0; i < 4 && cur && typeof cur === 'object'; i++) {
    const name = (cur as { name?: unknown }).name;
    if (typeof name === 'string') out.push(name);
    cur = (cur as { inner?: unknown; cause?: unknown }).inner ?? (cur as { cause?: unknown }).cause;
  }
  return out;
};

/** Map Dexie/DOM exceptions (including Dexie's wrapped `inner` errors) to a StorageFailure. */
export function classify(e: unknown): StorageError {
  if (e instanceof StorageError) return e;
  const n = names(e);
  if (n.includes('QuotaExceededError')) return new StorageError('quota', e);
  if (n.includes('VersionError')) return new StorageError('version', e);
  // Root causes first: Dexie reports a database that never opened as DatabaseClosedError wrapping the reason.
  if (n.includes('MissingAPIError') || n.includes('InvalidStateError') || n.includes('SecurityError'))
    return new StorageError('unavailable', e);
  if (n.includes('BlockedError')) return new StorageError('blocked', e);
  if (n.includes('OpenFailedError') || n.includes('DatabaseClosedError')) return new StorageError('unavailable', e);
  if (n.includes('DataError') || n.includes('DataCloneError')) return new StorageError('corrupt', e);
  return new StorageError('unknown', e);
}
