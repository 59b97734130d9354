// Tells the other tabs of this app, on this device, that a record was saved or deleted — so a tab with that record
// open learns of it at once, instead of finding out when its own save is refused.

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
