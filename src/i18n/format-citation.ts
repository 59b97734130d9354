// Language-aware citations ("個人情報保護法第26条第1項"), apart from format.ts so the citation registry stays out of the first load.

import { citation } from '../domain/citations';
import type { Lang, Translate } from './index';

/** Q&A collections are cited by question number, not by article. */
const QA_LAWS: ReadonlySet<string> = new Set(['ppc-qa', 'mynumber-qa', 'ppc-faq-fin']);

const ROMAN: Record<string, string> = { i: '1', ii: '2', iii: '3', iv: '4', v: '5', vi: '6', vii: '7', viii: '8', ix: '9', x: '10' };

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
