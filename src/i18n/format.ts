// Language-aware formatting of dates (with weekday), instants and citations, from locale patterns.

import { citation } from '../domain/citations';
import { isKnownRevision } from '../domain/ruleset';
import { weekday } from '../domain/dates';
import type { Lang, TKey, Translate } from './index';

/** Q&A collections are cited by question number, not by article. */
const QA_LAWS: ReadonlySet<string> = new Set(['ppc-qa', 'mynumber-qa', 'ppc-faq-fin']);

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
      : QA_LAWS.has(c.law)
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
  // 枝番号 (e.g. 番号法第29条の4) is part of the article: "第29条の4" / "Art. 29-4".
  const art = c.branch
    ? t('citations:format.artBranch', { article: c.article, branch: c.branch })
    : t('citations:format.art', { article: c.article });
  return t(`citations:format.${pattern}`, { law, art, article: c.article, paragraph: c.paragraph, item });
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
