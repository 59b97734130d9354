// Language-aware formatting of dates (with weekday), instants, revisions and sizes, from locale patterns.

import { isKnownRevision } from '../domain/ruleset';
import { weekday } from '../domain/dates';
import type { Lang, TKey, Translate } from './index';

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

/** The name of a rules revision ("2026年12月改訂"); a revision this build does not know is shown by its id. */
export function formatRevision(id: string, t: Translate): string {
  return isKnownRevision(id) ? t(`common:rulesRevision.${id}`) : id;
}

/** A storage size as a person reads it: megabytes, or gigabytes from 1 GB, one decimal, in the language's own form. */
export function formatBytes(bytes: number, lang: Lang): string {
  const gb = bytes >= 1e9;
  return new Intl.NumberFormat(lang, { style: 'unit', unit: gb ? 'gigabyte' : 'megabyte', maximumFractionDigits: 1 }).format(
    bytes / (gb ? 1e9 : 1e6),
  );
}
