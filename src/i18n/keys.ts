// Typed translation keys: every `common:`, `screens:` and `records:` key is checked against locales/ja at compile time;
// flow, citation and holiday keys are built from domain ids and checked by the locale tests instead.

import type common from '../../locales/ja/common.json';
import type records from '../../locales/ja/records.json';
import type screens from '../../locales/ja/screens.json';
import type { FlowId } from '../domain/flows/registry';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string | readonly unknown[] ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type CommonKey = `common:${Leaves<typeof common>}`;
export type RecordsKey = `records:${Leaves<typeof records>}`;
export type ScreensKey = `screens:${Leaves<typeof screens>}`;
/** Flow namespaces come from the registry, so a new flow's keys are typed without editing this file. */
export type TKey = CommonKey | ScreensKey | RecordsKey | `${FlowId | 'citations' | 'holidays'}:${string}`;
