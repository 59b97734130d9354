// Language-aware formatting of dates (with weekday), instants and citations, from locale patterns.

import { citation } from '../domain/citations';
import { weekday } from '../domain/dates';
import type { Lang, TKey, Translate } from './index';

const ROMAN: Record<string, string> = { i: '1', ii: '2', iii: '3', iv: '4', v: '5', vi: '6', vii: '7', viii: '8', ix: '9', x: '10' };

export function formatDate(iso: string, t: Translate): string {
  const [y, m, d] = iso.split('-').map(Number);
  return t('common:date.full', {
    year: y,
    month: m,
    day: d,
    // Month and weekday keys exist for 1–12 and 0–6 (checked by the locale tests).
    monthName: t(`common:date.months.${m}` as TKey),
    weekday: t(`common:date.weekdays.${weekday(iso)}`),
  });
}

export function formatInstant(isoInstant: string, lang: Lang): string {
  const d = new Date(isoInstant);
  return new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Tokyo',
  }).format(d);
}

export function formatCitation(id: string, t: Translate, lang: Lang): string {
  const c = citation(id);
  const law = t(`citations:laws.${c.law}`);
  const item = c.item ? (lang === 'ja' ? (ROMAN[c.item] ?? c.item) : c.item) : undefined;
  const pattern =
    c.article === '-'
      ? 'document'
      : c.law === 'ppc-qa'
        ? 'qa'
        : c.law.startsWith('gl-')
          ? 'section'
          : c.paragraph && item
            ? 'paragraphItem'
            : c.paragraph
              ? 'paragraph'
              : item
                ? 'item'
                : 'article';
  return t(`citations:format.${pattern}`, { law, article: c.article, paragraph: c.paragraph, item });
}
