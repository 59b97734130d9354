// The app's own texts, read from locales/ for the browser tests: buttons, labels and options are found by what a person reads.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { ROOT } from './harness';

export type Lang = 'ja' | 'en';
interface Tree {
  [key: string]: Tree | string | string[];
}

const loaded = new Map<string, Tree>();
function namespace(lang: Lang, ns: string): Tree {
  const file = join(ROOT, 'locales', lang, `${ns}.json`);
  let tree = loaded.get(file);
  if (!tree) {
    tree = JSON.parse(readFileSync(file, 'utf8')) as Tree;
    loaded.set(file, tree);
  }
  return tree;
}

/** A key without a namespace is looked up in the app's shared texts: the first screens' (common), then the screens'. */
const SHARED = ['common', 'screens'] as const;

function lookup(lang: Lang, key: string): Tree | string | string[] | undefined {
  if (!key.includes(':')) {
    for (const ns of SHARED) {
      const found = lookupIn(lang, ns, key);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  const [ns, path] = key.split(':', 2);
  return lookupIn(lang, ns ?? 'common', path ?? '');
}

function lookupIn(lang: Lang, ns: string, path: string): Tree | string | string[] | undefined {
  let node: Tree | string | string[] | undefined = namespace(lang, ns);
  for (const part of path.split('.')) {
    if (node === undefined || typeof node === 'string' || Array.isArray(node)) return undefined;
    node = node[part];
  }
  return node;
}

/** The text of `key` ("ns:a.b.c"; common or screens without a namespace) with {{name}} filled in; throws when locales/ has no such text. */
export function tx(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
  const text = lookup(lang, key);
  if (typeof text !== 'string') throw new Error(`no text "${key}" in locales/${lang}`);
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? `{{${name}}}`));
}

/** Whether `key` names a text. */
export function hasText(lang: Lang, key: string): boolean {
  return typeof lookup(lang, key) === 'string';
}

/** The keys under `key` (e.g. the option ids of a question), or none. */
export function keysUnder(lang: Lang, key: string): string[] {
  const node = lookup(lang, key);
  return node && typeof node === 'object' && !Array.isArray(node) ? Object.keys(node) : [];
}

/** A flow's title as the home and case pages show it (one title per flow; older texts kept it under common:flows). */
export function flowTitle(lang: Lang, flow: string): string {
  return hasText(lang, `flows.${flow}.title`) ? tx(lang, `flows.${flow}.title`) : tx(lang, `${flow}:title`);
}

/** The language the page shows (its <html lang>). */
export async function pageLang(page: Page): Promise<Lang> {
  return (await page.locator('html').getAttribute('lang')) === 'en' ? 'en' : 'ja';
}

/** The texts of the language the page shows now: `const t = await textsOf(page); t('nav.continue')`. */
export async function textsOf(page: Page): Promise<(key: string, params?: Record<string, string | number>) => string> {
  const lang = await pageLang(page);
  return (key, params) => tx(lang, key, params);
}
