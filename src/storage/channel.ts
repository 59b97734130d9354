// Tells the other tabs of this app, on this device, that a record was saved or deleted — so a tab with that record
// open learns of it at once, instead of finding out when its own save is refused — and that the library lock changed.

import type { RecordChange } from './assessments';

const NAME = 'shirube-records';

export interface RecordChannel {
  post(change: RecordChange): void;
  /** Calls `listener` for each change another tab posts; returns a function that stops listening. */
  listen(listener: (change: RecordChange) => void): () => void;
}

/** The channel between this app's tabs; where BroadcastChannel is missing, a channel that carries nothing. */
export function recordChannel(): RecordChannel {
  if (typeof BroadcastChannel === 'undefined') return { post: () => undefined, listen: () => () => undefined };
  const channel = new BroadcastChannel(NAME);
  return {
    post: (change) => channel.postMessage(change),
    listen(listener) {
      const onMessage = (e: MessageEvent<RecordChange>) => listener(e.data);
      channel.addEventListener('message', onMessage);
      return () => channel.removeEventListener('message', onMessage);
    },
  };
}

const LOCK_NAME = 'shirube-lock';

/**
 * Tells the other tabs that the library's lock changed (locked, unlocked, a new passphrase) or was closed ("lock
 * now"): their key, or their plain codec, no longer matches the stored rows, so they go back to the unlock screen
 * rather than write with it (storage/lock.ts refuses such a write anyway).
 */
export interface LockChannel {
  post(): void;
  listen(listener: () => void): () => void;
}

export function lockChannel(): LockChannel {
  if (typeof BroadcastChannel === 'undefined') return { post: () => undefined, listen: () => () => undefined };
  const channel = new BroadcastChannel(LOCK_NAME);
  return {
    post: () => channel.postMessage('lock-changed'),
    listen(listener) {
      const onMessage = () => listener();
      channel.addEventListener('message', onMessage);
      return () => channel.removeEventListener('message', onMessage);
    },
  };
}
