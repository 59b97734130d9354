// The screens that are not part of the first load: each loaded once with the texts it shows, and handed over at once
// (not as a promise) when already loaded, so a screen opened first — a start page — draws without a loading line.

import { FLOW_IDS } from '../domain/flows/ids';
import type { AppState } from './app-state.svelte';

type StartPage = (typeof import('./start/StartPage.svelte'))['default'];
type FlowScreens = typeof import('./flow-screens');

/**
 * The library, backup and lock screens (and the unlock screen, for a locked library only), with their `records` texts
 * and the `screens` texts their verdicts, answers and deadlines are worded with.
 */
const RECORD_SCREENS = {
  backup: () => import('./backup/Backup.svelte'),
  library: () => import('./library/Library.svelte'),
  lock: () => import('./lock/LockSettings.svelte'),
  unlock: () => import('./lock/Unlock.svelte'),
} as const;
export type RecordScreen = keyof typeof RECORD_SCREENS;
export const isRecordScreen = (name: string): name is RecordScreen => name !== 'unlock' && name in RECORD_SCREENS;

interface Loads {
  pending: Map<string, Promise<unknown>>;
  done: Map<string, unknown>;
}
// Per app: texts are loaded into an app's own i18n instance (tests mount several apps in one page).
const byApp = new WeakMap<AppState, Loads>();

/**
 * The loaded value, or the promise of it. A failed load (offline before the parts were cached) is tried again on the
 * next visit, not replayed.
 */
function once<T>(app: AppState, key: string, load: () => Promise<T>): T | Promise<T> {
  let loads = byApp.get(app);
  if (!loads) byApp.set(app, (loads = { pending: new Map(), done: new Map() }));
  const { pending, done } = loads;
  if (done.has(key)) return done.get(key) as T;
  let p = pending.get(key) as Promise<T> | undefined;
  if (!p) {
    p = load();
    pending.set(key, p);
    p.then(
      (v) => done.set(key, v),
      () => pending.delete(key),
    );
  }
  return p;
}

export const recordScreen = (app: AppState, name: RecordScreen) =>
  once(app, `records:${name}`, () => Promise.all([RECORD_SCREENS[name](), app.need(['records', 'screens'])]).then(([m]) => m.default));

/** A start page is often the first screen opened: its flow's texts come with the first load (virtual:flow-cards). */
export const startPage = (app: AppState, flow: string): StartPage | Promise<StartPage> =>
  once(app, `start:${flow}`, () => import('./start/StartPage.svelte').then((m) => m.default));

/** A record or a case may show any flow, its sources and its deadlines. */
export const flowScreens = (app: AppState): FlowScreens | Promise<FlowScreens> =>
  once(app, 'screens', () =>
    Promise.all([import('./flow-screens'), app.need(['screens', ...FLOW_IDS, 'citations', 'holidays'])]).then(([m]) => m),
  );
