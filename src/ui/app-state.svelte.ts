// App-wide reactive state: language (with a reactive translator), the repositories, the route, and the
// storage problem currently shown to the user.

import { isolateParams } from './isolate';
import type { i18n as I18n } from 'i18next';
import { ensureLanguage, isLang, NAMESPACES, tList, type Lang, type Namespace, type TKey, type Translate } from '../i18n';
import type { AssessmentRepository } from '../storage/assessments';
import type { RecordChannel } from '../storage/channel';
import type { SettingsRepository } from '../storage/settings';
import type { CaseRepository } from '../storage/cases';
import type { ShirubeDb } from '../storage/db';
import type { LibraryLock } from '../app/lock';
import { classify, StorageError } from '../storage/errors';
import { saveBytes } from '../report/save-file';

export type Route =
  | { name: 'home' }
  | { name: 'start'; flow: string; caseId?: string }
  | { name: 'assessment'; id: string }
  | { name: 'case'; id: string }
  | { name: 'library' }
  | { name: 'backup' }
  | { name: 'lock' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'new' && parts[1]) return { name: 'start', flow: parts[1] };
  if (parts[0] === 'a' && parts[1]) return { name: 'assessment', id: parts[1] };
  if (parts[0] === 'c' && parts[1] && parts[2] === 'new' && parts[3]) return { name: 'start', flow: parts[3], caseId: parts[1] };
  if (parts[0] === 'c' && parts[1]) return { name: 'case', id: parts[1] };
  if (parts[0] === 'library' && parts.length === 1) return { name: 'library' };
  if (parts[0] === 'backup' && parts.length === 1) return { name: 'backup' };
  if (parts[0] === 'lock' && parts.length === 1) return { name: 'lock' };
  return { name: 'home' };
}

export function routeHash(r: Route): string {
  const e = encodeURIComponent;
  if (r.name === 'start') return r.caseId ? `#/c/${e(r.caseId)}/new/${e(r.flow)}` : `#/new/${e(r.flow)}`;
  if (r.name === 'assessment') return `#/a/${e(r.id)}`;
  if (r.name === 'case') return `#/c/${e(r.id)}`;
  if (r.name === 'library') return '#/library';
  if (r.name === 'backup') return '#/backup';
  if (r.name === 'lock') return '#/lock';
  return '#/';
}

export class AppState {
  lang = $state<Lang>('ja');
  route = $state<Route>({ name: 'home' });
  storageError = $state<StorageError | null>(null);
  /** An open record has answers not on the device yet (a failed or refused save): updating or leaving would lose them. */
  unsaved = $state(false);
  /** Something failed that no screen handles (an unhandled rejection or error): the rescue screen shows it. */
  fatal = $state<{ error: unknown } | null>(null);
  /**
   * The database a restore writes to in one transaction (it spans cases, runs and summaries, which no one repository
   * does). Set by main.ts (and by the tests); null only before that.
   */
  db: ShirubeDb | null = null;
  /** The library is locked and this tab has no key yet: only the unlock screen is shown. */
  locked = $state(false);
  /** The library lock (main.ts sets it; null where the app runs without a database of its own, as in most tests). */
  lock: LibraryLock | null = null;
  /** Bumped when a locale namespace arrives, so texts from it re-render. */
  private bundles = $state(0);
  // Bookkeeping only (which namespaces to load for the other language); nothing renders from it.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private wanted = new Set<Namespace>(['common']);

  constructor(
    readonly i18n: I18n,
    readonly assessments: AssessmentRepository,
    readonly settings: SettingsRepository,
    lang: Lang,
    readonly cases: CaseRepository,
    /** Everything stored, as it is (storage/dump.ts), for the rescue screen's export. */
    private readonly dump: () => Promise<string> = () => Promise.reject(new Error('no database to export')),
    /** What other tabs save or delete (a session with that record open is told). */
    readonly otherTabs: RecordChannel = { post: () => undefined, listen: () => () => undefined },
  ) {
    this.lang = lang;
  }

  /** Saves a rescue copy of everything stored on this device as a JSON file. */
  async exportEverything(): Promise<void> {
    const text = await this.dump();
    // A timestamp for the file name, not state.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    const day = new Date().toISOString().slice(0, 10);
    saveBytes(text, `shirube-all-data-${day}.json`, 'application/json');
  }

  /** An error no screen handled: shown on the rescue screen rather than lost in the console. */
  fail(error: unknown): void {
    this.fatal = { error };
  }

  /** Reactive: markup calling t() re-renders when the language changes. */
  t: Translate = (key, options) => {
    void this.bundles;
    return String(this.i18n.t(key, { ...isolateParams(options ?? {}), lng: this.lang } as never));
  };

  /**
   * A translation whose result becomes data (a copy's title), not a sentence on screen: the user's text is interpolated
   * as typed, without the isolation marks t() adds for display.
   */
  tData: Translate = (key, options) => String(this.i18n.t(key, { ...(options ?? {}), lng: this.lang } as never));

  /** A text that may be absent by design (an option without a hint): empty then, never the key or an error. */
  optional = (key: TKey): string => {
    void this.bundles;
    return this.i18n.exists(key, { lng: this.lang }) ? this.t(key) : '';
  };

  list = (key: string): string[] => {
    void this.bundles;
    return tList(this.i18n, this.lang, key);
  };

  /** Load locale namespaces on demand (e.g. a flow's texts when it opens). */
  async need(namespaces: readonly string[]): Promise<void> {
    const nss = namespaces.filter((n): n is Namespace => (NAMESPACES as readonly string[]).includes(n));
    for (const n of nss) this.wanted.add(n);
    await ensureLanguage(this.i18n, this.lang, undefined, nss);
    this.bundles++;
  }

  async setLang(lang: Lang): Promise<void> {
    if (!isLang(lang)) return;
    await ensureLanguage(this.i18n, lang, undefined, [...this.wanted]);
    this.lang = lang;
    document.documentElement.lang = lang;
    try {
      await this.settings.set('lang', lang);
      this.storageRecovered();
    } catch (e) {
      this.reportStorage(e);
    }
  }

  go(route: Route): void {
    const hash = routeHash(route);
    if (location.hash !== hash) location.hash = hash;
    this.route = route;
  }

  /**
   * Another tab locked, unlocked or closed the library: this tab's codec no longer matches the stored rows. With
   * nothing unsaved it reloads (to the unlock screen when locked); otherwise the answers stay on screen with the alert.
   */
  lockChanged(reload: () => void = () => location.reload()): void {
    if (this.unsaved) this.storageError = new StorageError('lock-changed');
    else reload();
  }

  reportStorage(e: unknown): void {
    this.storageError = classify(e);
  }

  /** A write went through: a storage problem shown earlier no longer holds. */
  storageRecovered(): void {
    this.storageError = null;
  }
}
