// Entry point: opens storage, picks the language, mounts the app, and registers the service worker.

import { mount } from 'svelte';
import flowCards from 'virtual:flow-cards';
import { registerSW } from 'virtual:pwa-register';
import { createI18n, DEFAULT_LANG, STARTUP_NAMESPACES, type Lang } from './i18n';
import { AssessmentRepository, requestPersistence } from './storage/assessments';
import { SettingsRepository } from './storage/settings';
import { CaseRepository } from './storage/cases';
import { openDb } from './storage/db';
import { recordChannel } from './storage/channel';
import { dumpDatabase } from './storage/dump';
import { StorageError } from './storage/errors';
import App from './ui/App.svelte';
import { AppState } from './ui/app-state.svelte';
import { PwaState } from './ui/pwa.svelte';
import './ui/styles.css';

async function boot() {
  const db = openDb();
  const channel = recordChannel();
  const assessments = new AssessmentRepository(db, (change) => channel.post(change));
  const settings = new SettingsRepository(db);
  let lang: Lang = DEFAULT_LANG;
  let startupError: unknown = null;
  try {
    lang = (await settings.get('lang')) ?? lang;
  } catch (e) {
    startupError = e;
  }
  document.documentElement.lang = lang;
  const i18n = await createI18n(lang, { namespaces: STARTUP_NAMESPACES, flowCards });
  const app = new AppState(i18n, assessments, settings, lang, new CaseRepository(db), () => dumpDatabase(db, new Date()), channel);
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
  target.replaceChildren();
  mount(App, { target, props: { app, pwa } });

  // Best effort: a refusal leaves data saved but evictable under storage pressure; nothing to show for it.
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
