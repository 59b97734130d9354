// i18next setup: ja (primary) and en, one namespace per locale file, loaded on demand so only the active
// language is in the first load.

import i18next, { type i18n as I18n, type TOptions } from 'i18next';
import type { TKey } from './keys';

export type { TKey } from './keys';

export const LANGUAGES = ['ja', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];
export const DEFAULT_LANG: Lang = 'ja';
export const NAMESPACES = ['common', 'personal-info', 'sensitive-acquisition', 'provision', 'leak', 'citations', 'holidays'] as const;
export type Namespace = (typeof NAMESPACES)[number];

export const isLang = (x: unknown): x is Lang => x === 'ja' || x === 'en';

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

export async function createI18n(
  lang: Lang,
  loader: LocaleLoader = loadFromBundle,
  namespaces: readonly Namespace[] = NAMESPACES,
): Promise<I18n> {
  const inst = i18next.createInstance();
  await inst.init({
    lng: lang,
    fallbackLng: false,
    ns: [...NAMESPACES],
    defaultNS: 'common',
    resources: {},
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  await ensureLanguage(inst, lang, loader, namespaces);
  return inst;
}

export async function ensureLanguage(
  inst: I18n,
  lang: Lang,
  loader: LocaleLoader = loadFromBundle,
  namespaces: readonly Namespace[] = NAMESPACES,
): Promise<void> {
  await Promise.all(
    namespaces
      .filter((ns) => !inst.hasResourceBundle(lang, ns))
      .map(async (ns) => {
        inst.addResourceBundle(lang, ns, await loader(lang, ns), true, true);
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
  const v = inst.getFixedT(lang)(key, { returnObjects: true }) as unknown;
  return Array.isArray(v) ? v.map(String) : [];
}
