// i18next setup: ja (primary) and en, one namespace per locale file (common, screens, records, one per flow of the
// registry, citations, holidays), loaded on demand so only the active language is in the first load.

import i18next, { type i18n as I18n, type TOptions } from 'i18next';
import { FLOW_IDS, type FlowId } from '../domain/flows/ids';
import type { Lang } from './languages';
import type { TKey } from './keys';

export type { TKey } from './keys';
export { DEFAULT_LANG, isLang, LANGUAGES, type Lang } from './languages';

/**
 * `common`: what the home and start pages need. `screens`: the question, review, outcome and case screens' own texts,
 * loaded with them. `records`: the library, backup and lock screens' texts, loaded when one of them opens.
 */
export type Namespace = 'common' | 'screens' | 'records' | FlowId | 'citations' | 'holidays';
export const NAMESPACES: readonly Namespace[] = ['common', 'screens', 'records', ...FLOW_IDS, 'citations', 'holidays'];

/** Each flow's name, one-line summary and description per language (virtual:flow-cards, from the flows' own locale files). */
export type FlowCards = Readonly<Record<string, Readonly<Record<string, { title: string; subtitle: string; description: string }>>>>;

type Bundle = Record<string, unknown>;
export type LocaleLoader = (lang: Lang, ns: Namespace) => Promise<Bundle>;

let viteLoaders: Record<string, () => Promise<{ default: Bundle }>> | undefined;

export const loadFromBundle: LocaleLoader = async (lang, ns) => {
  // Resolved on first use, not at import: Node tools (the bench) import this module with their own loader.
  viteLoaders ??= import.meta.glob<{ default: Bundle }>('../../locales/*/*.json');
  const load = viteLoaders[`../../locales/${lang}/${ns}.json`];
  if (!load) throw new Error(`missing locale file locales/${lang}/${ns}.json`);
  return (await load()).default;
};

/** The namespace the first screen needs; flow texts, citations and holiday names load when a flow opens. */
export const STARTUP_NAMESPACES: readonly Namespace[] = ['common'];

/** Which whole namespaces each instance has loaded per language (flow cards alone do not count). */
const loaded = new WeakMap<I18n, Set<string>>();

export interface I18nOptions {
  loader?: LocaleLoader;
  namespaces?: readonly Namespace[];
  /** Flow names for the first screen, before any flow's texts are loaded. */
  flowCards?: FlowCards;
  /**
   * Throw on a key with no text instead of showing the key (development and tests), so a missing text cannot ship
   * unnoticed.
   */
  strict?: boolean;
}

/** In development and tests a missing text throws; a production build shows the key rather than break a screen. */
const STRICT_DEFAULT = Boolean((import.meta as { env?: { DEV?: boolean } }).env?.DEV);

export async function createI18n(lang: Lang, options: I18nOptions | LocaleLoader = {}): Promise<I18n> {
  const opts: I18nOptions = typeof options === 'function' ? { loader: options } : options;
  const strict = opts.strict ?? STRICT_DEFAULT;
  const inst = i18next.createInstance();
  await inst.init({
    lng: lang,
    fallbackLng: false,
    ns: [...NAMESPACES],
    defaultNS: 'common',
    resources: {},
    interpolation: { escapeValue: false },
    returnNull: false,
    ...(strict
      ? {
          saveMissing: true,
          missingKeyHandler: (_lngs: readonly string[], ns: string, key: string) => {
            throw new Error(`missing text ${ns}:${key}`);
          },
        }
      : {}),
  });
  loaded.set(inst, new Set());
  for (const [l, flows] of Object.entries(opts.flowCards ?? {}))
    for (const [flow, card] of Object.entries(flows)) inst.addResources(l, flow, card);
  await ensureLanguage(inst, lang, opts.loader, opts.namespaces ?? NAMESPACES);
  return inst;
}

export async function ensureLanguage(
  inst: I18n,
  lang: Lang,
  loader: LocaleLoader = loadFromBundle,
  namespaces: readonly Namespace[] = NAMESPACES,
): Promise<void> {
  const done = loaded.get(inst) ?? new Set<string>();
  loaded.set(inst, done);
  await Promise.all(
    namespaces
      .filter((ns) => !done.has(`${lang}/${ns}`))
      .map(async (ns) => {
        inst.addResourceBundle(lang, ns, await loader(lang, ns), true, true);
        done.add(`${lang}/${ns}`);
      }),
  );
}

export type Translate = (key: TKey, options?: TOptions) => string;

/** A translator bound to one language (for PDF writing in a language other than the UI's, or tests). */
export function fixedT(inst: I18n, lang: Lang): Translate {
  const t = inst.getFixedT(lang);
  return (key, options) => String(t(key, options as never));
}

/** Arrays in locale files (e.g. examples). */
export function tList(inst: I18n, lang: Lang, key: string): string[] {
  // Lists are optional (a duty may have no steps): an absent one is empty, not a missing text.
  if (!inst.exists(key, { lng: lang })) return [];
  const v = inst.getFixedT(lang)(key, { returnObjects: true }) as unknown;
  return Array.isArray(v) ? v.map(String) : [];
}
