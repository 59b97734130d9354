// Entry point: opens storage, picks the language, learns whether the library is locked, mounts the app, and registers
// the service worker.

import { mount } from 'svelte';
import flowCards from 'virtual:flow-cards';
import { registerSW } from 'virtual:pwa-register';
import { createI18n, DEFAULT_LANG, STARTUP_NAMESPACES, type Lang } from './i18n';
import { AssessmentRepository, requestPersistence } from './storage/assessments';
import { SettingsRepository } from './storage/settings';
import { CaseRepository } from './storage/cases';
import { openDb, prepareOpen } from './storage/db';
import { lockChannel, recordChannel } from './storage/channel';
import { LOCKED, PLAIN } from './storage/codec';
import { lockState } from './storage/lock';
import { LibraryLock } from './app/lock';
import { dumpDatabase } from './storage/dump';
import { StorageError } from './storage/errors';
import App from './ui/App.svelte';
import { AppState, parseRoute } from './ui/app-state.svelte';
import { startPage } from './ui/screen-loads';
import { PwaState } from './ui/pwa.svelte';
import './ui/styles.css';

async function boot() {
  // An upgrade of stored records needs their logic at hand (loaded only then: the first load does not carry it).
  await prepareOpen().catch(() => undefined); // a failure to load it shows as the storage error the upgrade then gives
  const db = openDb();
  const channel = recordChannel();
  const settings = new SettingsRepository(db);
  let lang: Lang = DEFAULT_LANG;
  let startupError: unknown = null;
  try {
    lang = (await settings.get('lang')) ?? lang;
  } catch (e) {
    startupError = e;
  }
  // Read before any repository exists: a locked library is opened only with its passphrase (the unlock screen).
  // A damaged lock keeps the library closed and is reported; storage that does not open at all is reported as before
  // (a plain codec could not read or write a sealed row there either: storage/lock.ts and codec.ts refuse it).
  let locked: boolean;
  try {
    locked = (await lockState(db)).locked;
  } catch (e) {
    locked = e instanceof StorageError && e.kind === 'corrupt';
    startupError ??= e;
  }
  const codec = locked ? LOCKED : PLAIN;
  const assessments = new AssessmentRepository(db, (change) => channel.post(change), codec);
  const cases = new CaseRepository(db, codec);
  document.documentElement.lang = lang;
  const i18n = await createI18n(lang, { namespaces: STARTUP_NAMESPACES, flowCards });
  // The rescue export opens what this tab's key opens; without a key the rows go out sealed, as stored.
  const dump = () => dumpDatabase(db, new Date(), assessments.codec);
  const app = new AppState(i18n, assessments, settings, lang, cases, dump, channel);
  // A restore writes cases, runs and summaries in one transaction, which no single repository spans.
  app.db = db;
  app.lock = new LibraryLock(db, { assessments, cases }, lockChannel());
  app.locked = locked;
  // Another tab locked, unlocked or closed the library: never go on writing with a codec that no longer matches.
  app.lock.listen(() => app.lockChanged());
  // Nothing fails silently: what no screen handled is shown on the rescue screen (reload, export everything).
  addEventListener('unhandledrejection', (e) => app.fail(e.reason));
  addEventListener('error', (e) => app.fail(e.error ?? e.message));
  if (startupError) app.reportStorage(startupError);
  // Another tab holds an older schema open, or a newer version of the app wants to upgrade the database.
  db.on('blocked', () => app.reportStorage(new StorageError('blocked')));
  db.on('versionchange', () => {
    db.close();
    app.reportStorage(new StorageError('version'));
  });

  const pwa = new PwaState(assessments);
  const target = document.getElementById('app');
  if (!target) throw new Error('#app element missing');
  // The screen the address asks for, and (for a start page) its code and texts before the app draws: the app then
  // replaces the prerendered first paint with the same screen, not with a loading line (no layout shift).
  app.route = parseRoute(location.hash);
  if (app.route.name === 'start') await Promise.resolve(startPage(app, app.route.flow)).catch(() => undefined); // shown by the app, which tries again
  target.replaceChildren();
  mount(App, { target, props: { app, pwa } });

  // Best effort at start: a refusal leaves data saved but evictable under storage pressure; the backup screen shows
  // whether it was granted and offers to ask again.
  void requestPersistence();

  if ('serviceWorker' in navigator) {
    const updateSW = registerSW({
      onNeedRefresh: () => (pwa.needRefresh = true),
      onOfflineReady: () => (pwa.offlineReady = true),
      onNeedReload: () => pwa.controlling(),
    });
    pwa.attach(updateSW);
  }
}

void boot();
