// The plan: every string the document will show, with its style, before any font is known.

import type { ReportModel, ReportSection } from '../report-model';
import { BANNER_BOX, S, VERDICT_BOX } from './page';
import type { Box, Style } from './page';

export interface Para {
  text: string;
  style: Style;
  indent?: number;
  /** Space above, mm. */
  before?: number;
  /** A hairline under the paragraph (section headings). */
  rule?: boolean;
}

export interface Block {
  paras: Para[];
  box?: Box;
  /** Leading lines that must share a page, so a heading or item title is never stranded at a page foot. */
  keep: number;
  after: number;
}

export function plan(model: ReportModel): Block[] {
  const blocks: Block[] = [];
  const sep = model.lang === 'ja' ? '：' : ': ';
  blocks.push({
    paras: [
      { text: model.heading, style: S.heading },
      ...(model.title.trim() ? [{ text: model.title, style: S.title, before: 1.5 }] : []),
      ...model.meta.map((m, i) => ({ text: `${m.label}${sep}${m.value}`, style: S.meta, before: i === 0 ? 2 : 0 })),
    ],
    keep: 2,
    after: 6,
  });
  if (model.verdict.provisional) {
    blocks.push({ paras: [{ text: model.verdict.provisional, style: S.bannerText }], box: BANNER_BOX, keep: 2, after: 3 });
  }
  blocks.push({
    paras: [
      { text: model.verdict.label, style: S.verdictLabel },
      { text: model.verdict.text, style: S.verdictText, before: 0.5 },
    ],
    box: VERDICT_BOX,
    keep: 3,
    after: 7,
  });
  for (const section of model.sections) {
    if (section.items.length === 0) continue;
    if (section.compact) {
      blocks.push(...logBlocks(section));
      continue;
    }
    section.items.forEach((item, i) => {
      const paras: Para[] = [];
      if (i === 0) paras.push({ text: section.heading, style: S.section, rule: true });
      if (i === 0 && section.lead) paras.push({ text: section.lead, style: S.itemMeta, before: 2 });
      paras.push({ text: item.title, style: S.itemTitle, before: i === 0 ? 3 : 0 });
      const indent = 3;
      // A due date reads first, straight under its duty; the rule that produced it follows, then the detail.
      if (item.emphasis) paras.push({ text: item.emphasis, style: S.emphasis, indent, before: 0.5 });
      if (item.meta) paras.push({ text: item.meta, style: S.itemMeta, indent });
      if (item.body) paras.push({ text: item.body, style: S.body, indent, before: 0.5 });
      if (item.note) paras.push({ text: item.note, style: S.note, indent: indent + 3, before: 0.5 });
      blocks.push({ paras, keep: i === 0 ? 3 : 2, after: i === section.items.length - 1 ? 6 : 3 });
    });
  }
  if (model.disclaimer.trim()) blocks.push({ paras: [{ text: model.disclaimer, style: S.disclaimer }], keep: 2, after: 0 });
  return blocks;
}

/** A log section: the heading with its lead and first entry, then one block per entry (time, then what changed). */
function logBlocks(section: ReportSection): Block[] {
  const sep = '\u3000';
  return section.items.map((item, i) => {
    const paras: Para[] = [];
    if (i === 0) {
      paras.push({ text: section.heading, style: S.section, rule: true });
      if (section.lead) paras.push({ text: section.lead, style: S.itemMeta, before: 2 });
    }
    const text = item.body ? `${item.title}${sep}${item.body}` : item.title;
    paras.push({ text, style: S.log, before: i === 0 ? 2 : 0 });
    return { paras, keep: i === 0 ? paras.length : 1, after: i === section.items.length - 1 ? 6 : 0.8 };
  });
}

export function footerText(template: string, page: number, pages: number): string {
  return template.replaceAll('{page}', String(page)).replaceAll('{pages}', String(pages));
}
