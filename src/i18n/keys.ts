// Typed translation keys: every `common:` key is checked against locales/ja/common.json at compile time;
// flow, citation and holiday keys are built from domain ids and checked by the locale tests instead.

import type common from '../../locales/ja/common.json';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string | readonly unknown[] ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type CommonKey = `common:${Leaves<typeof common>}`;
export type TKey = CommonKey | `${'leak' | 'personal-info' | 'sensitive-acquisition' | 'provision' | 'citations' | 'holidays'}:${string}`;
