// @vitest-environment node
// The PDF writer end to end: real fonts and harfbuzz from node_modules, read back with pdf.js as a viewer would.

import { readFileSync } from 'node:fs';
import { jsPDF } from 'jspdf';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { loadNodePdfAssets, sampleReportModel } from '../../scripts/bench-pdf';
import { readCmap, subsetFont } from '../../src/report/font-subset';
import { breakLines, renderPdf, TEXT_WIDTH_MM } from '../../src/report/pdf';
import type { DeviceGlyphs } from '../../src/report/pdf';
import { envelopeMetadataText, findEnvelope, toBase64 } from '../../src/report/pdf-envelope';
import { envelopeJsonOf } from './envelope-json';
import type { ReportModel } from '../../src/report/report-model';

const assets = loadNodePdfAssets();
const PT_PER_MM = 72 / 25.4;

interface ReadBack {
  pages: number;
  /** Per page, the text of every item, each item on its own line. */
  pageTexts: string[];
  info: Record<string, unknown>;
  /** Every text item's horizontal extent, in mm from the left page edge. */
  extents: { str: string; left: number; right: number }[];
}

async function readBack(pdf: Uint8Array): Promise<ReadBack> {
  // pdf.js may transfer the buffer to its worker, so give it a copy.
  const doc = await getDocument({ data: pdf.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  const pageTexts: string[] = [];
  const extents: ReadBack['extents'] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const content = await page.getTextContent();
    const items = content.items.filter((item) => 'str' in item);
    pageTexts.push(items.map((item) => item.str).join('\n'));
    for (const item of items) {
      if (!item.str.trim()) continue;
      const left = (item.transform[4] as number) / PT_PER_MM;
      extents.push({ str: item.str, left, right: left + item.width / PT_PER_MM });
    }
  }
  const { info } = await doc.getMetadata();
  await doc.destroy();
  return { pages: doc.numPages, pageTexts, info: info as Record<string, unknown>, extents };
}

/** The operators of one page, as pdf.js reads them. */
async function operators(pdf: Uint8Array, pageNumber: number): Promise<number[]> {
  const doc = await getDocument({ data: pdf.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  const list = await (await doc.getPage(pageNumber)).getOperatorList();
  await doc.destroy();
  return list.fnArray;
}

/** A 1×1 PNG, standing in for a canvas drawing. */
const PNG_1X1 = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** Whitespace-free text, so wrapped lines and pdf.js's item splits do not matter. */
const squash = (s: string) => s.replace(/\s+/g, '');

function expectWithinMargins(extents: ReadBack['extents']): void {
  for (const e of extents) {
    expect(e.left, e.str).toBeGreaterThanOrEqual(18 - 0.01);
    expect(e.right, e.str).toBeLessThanOrEqual(210 - 18 + 0.01);
  }
}

describe('renderPdf', () => {
  it('writes the Japanese summary as real, searchable text in the embedded font', async () => {
    const model = sampleReportModel('ja');
    const pdf = await renderPdf(model, assets);
    console.log(`Japanese sample PDF: ${pdf.byteLength} bytes`);

    const back = await readBack(pdf);
    const all = squash(back.pageTexts.join(''));
    expect(all).toContain(squash('髙橋さんの鬱病診断書 誤送信'));
    expect(all).toContain('個人情報保護委員会への報告が必要です');
    expect(all).toContain('2026年3月31日（火）');
    expect(all).toContain(squash(model.verdict.provisional ?? ''));
    expect(back.pages).toBeGreaterThan(1);
    expect(back.pageTexts.at(-1)).toContain(`しるべ — ${back.pages} / ${back.pages} ページ`);
    expect(back.info.Title).toBe(model.properties.title);
    expect(back.info.Author).toBe('Shirube');
    expect(back.info.Language).toBe('ja');
    expectWithinMargins(back.extents);
    expect(new TextDecoder('latin1').decode(pdf)).toContain('/FontFile2');
  });

  it('writes the English summary with the same font', async () => {
    const model = sampleReportModel('en');
    const pdf = await renderPdf(model, assets);
    console.log(`English sample PDF: ${pdf.byteLength} bytes`);

    const back = await readBack(pdf);
    const all = squash(back.pageTexts.join(' '));
    expect(all).toContain(squash(model.title));
    expect(all).toContain(squash(model.verdict.text));
    expect(all).toContain(squash('Due: Tuesday 31 March 2026'));
    expect(back.info.Language).toBe('en-US');
    expect(back.pageTexts[0]).toContain(`Shirube — page 1 of ${back.pages}`);
    expectWithinMargins(back.extents);
  });

  it('flows a long model over several pages with numbered footers', async () => {
    const model = sampleReportModel('ja', 4);
    const back = await readBack(await renderPdf(model, assets));
    expect(back.pages).toBeGreaterThan(2);
    back.pageTexts.forEach((text, i) => expect(text).toContain(`しるべ — ${i + 1} / ${back.pages} ページ`));
    // Every answered question made it, in order, across the page breaks.
    const all = squash(back.pageTexts.join(''));
    const questions = model.sections.at(-1)?.items.map((item) => squash(item.title)) ?? [];
    let at = 0;
    for (const q of questions) {
      const found = all.indexOf(q, at);
      expect(found, q).toBeGreaterThanOrEqual(0);
      at = found + q.length;
    }
    expectWithinMargins(back.extents);
  });

  it('embeds the envelope JSON so that it can be recovered byte for byte', async () => {
    for (const lang of ['ja', 'en'] as const) {
      const model = sampleReportModel(lang);
      const pdf = await renderPdf(model, assets);
      expect(envelopeJsonOf(pdf)).toBe(model.envelopeJson);
    }
  });

  it('embeds and extracts characters beyond the BMP that the font has (𠮟 U+20B9F)', async () => {
    const model: ReportModel = { ...sampleReportModel('ja'), title: '𠮟責メールの誤送信（𠀋）' };
    for (const options of [{}, { bold: true }]) {
      const back = await readBack(await renderPdf(model, loadNodePdfAssets(options)));
      expect(squash(back.pageTexts.join(''))).toContain('𠮟責メールの誤送信（𠀋）');
    }
  });

  describe('characters BIZ UDPGothic lacks: drawn by a fallback, never refused, never dropped', () => {
    // 𠮷 (CJK Extension B) and a private-use character: no bundled font has them. An emoji (with a skin tone and as a
    // ZWJ sequence), Arabic letters (joined, right to left), an unclosed right-to-left override and zero-width characters.
    const title = '𠮷野家の件 😀👍🏽👨‍👩‍👧 مرحبا كتاب \u202Eabc判定 ゼロ\u200b幅\u200d結合 \u{10FFFD}';
    const model = (): ReportModel => ({ ...sampleReportModel('ja'), title });

    it('premise: BIZ UDPGothic has none of them', () => {
      const fontCmap = readCmap(assets.regular);
      for (const cp of [0x20bb7, 0x1f600, 0x0645, 0x10fffd]) expect(fontCmap.has(cp)).toBe(false);
    });

    it('writes the PDF with the emoji and Arabic as text in their fonts, and the rest of the title intact', async () => {
      const pdf = await renderPdf(model(), assets);
      const latin1 = new TextDecoder('latin1').decode(pdf);
      expect(latin1).toContain('/BaseFont /NotoEmoji');
      expect(latin1).toContain('/BaseFont /NotoSansArabic');
      const back = await readBack(pdf);
      const all = squash(back.pageTexts.join(''));
      expect(all).toContain('野家の件');
      expect(all).toContain('😀');
      // The Arabic words are there, letter for letter (pdf.js gives right-to-left runs in visual order).
      for (const word of ['مرحبا', 'كتاب'])
        expect(
          [word, [...word].reverse().join('')].some((w) => all.includes(w)),
          word,
        ).toBe(true);
      // The override reordered nothing: the text after it is in the order typed, and the zero-width characters are gone.
      expect(all).toContain('abc判定ゼロ幅結合');
      // The app's own text after the title is untouched.
      expect(all).toContain('作成日：2026年3月2日（月）');
      expect(envelopeJsonOf(pdf)).toBe(model().envelopeJson);
      expectWithinMargins(back.extents);
    });

    it('in Node draws what no font has as a placeholder box, and keeps the character in the text layer', async () => {
      const pdf = await renderPdf(model(), assets);
      const back = await readBack(pdf);
      const all = squash(back.pageTexts.join(''));
      expect(all).toContain('𠮷野家の件');
      expect(all).toContain('\u{10FFFD}');
      // The boxes: two more paths on page 1 than the same page without the two characters.
      const paths = (ops: number[]) => ops.filter((op) => op === OPS.constructPath).length;
      const without = await renderPdf({ ...model(), title: title.replace(/𠮷|\u{10FFFD}/gu, '') }, assets);
      expect(paths(await operators(pdf, 1))).toBeGreaterThanOrEqual(paths(await operators(without, 1)) + 2);
    });

    it('with a device (the browser canvas) draws what no font has as images, in the line', async () => {
      const drawn: string[] = [];
      const device: DeviceGlyphs = {
        draw: (cluster) => {
          drawn.push(cluster);
          return { image: PNG_1X1, width: 1, height: 1.25, baseline: 0.95 };
        },
      };
      const pdf = await renderPdf(model(), { ...assets, device });
      expect(drawn).toEqual(['𠮷', '\u{10FFFD}']);
      const ops = await operators(pdf, 1);
      expect(ops.filter((op) => op === OPS.paintImageXObject).length).toBe(2);
      const all = squash((await readBack(pdf)).pageTexts.join(''));
      expect(all).toContain('𠮷野家の件');
    });

    it('without fallback fonts (or a device) still writes every character: boxes for all of them', async () => {
      const pdf = await renderPdf(model(), loadNodePdfAssets({ fallbacks: false }));
      const all = squash((await readBack(pdf)).pageTexts.join(''));
      for (const ch of ['𠮷', '😀', 'م', '\u{10FFFD}']) expect(all).toContain(ch);
    });

    it('breaks lines of fallback text within the margins, measuring each run in its own font', async () => {
      const long = `${'😀مرحبا 𠮷 '.repeat(12)}${'👍🏽كتاب'.repeat(10)}`;
      const m: ReportModel = { ...sampleReportModel('ja'), title: long };
      m.sections[0]!.items[0]!.body = long;
      const back = await readBack(await renderPdf(m, assets));
      expectWithinMargins(back.extents);
      expect(back.extents.filter((e) => e.str.includes('😀')).length).toBeGreaterThan(3);
    });

    it('bold text with fallback runs is drawn in the fallback font too (faux bold)', async () => {
      const m: ReportModel = { ...sampleReportModel('ja'), heading: '判定結果 😀 مرحبا' };
      const back = await readBack(await renderPdf(m, loadNodePdfAssets({ bold: true })));
      expect(squash(back.pageTexts.join(''))).toContain('判定結果😀');
    });
  });

  it('tolerates whitespace and invisible characters the font lacks', async () => {
    const odd = 'A\u2028B\u200dC\ufe0fD\u0007E\tF\u00adG';
    const model: ReportModel = { ...sampleReportModel('en'), title: odd };
    const fontCmap = readCmap(assets.regular);
    expect([...odd].some((ch) => !fontCmap.has(ch.codePointAt(0) ?? 0))).toBe(true);
    const back = await readBack(await renderPdf(model, assets));
    expect(back.pageTexts.join('')).toMatch(/A\s*B\s*C\s*D\s*E\s*F\s*G/);
  });

  it('uses the bold font when given one, and reports the size', async () => {
    const model = sampleReportModel('ja');
    const pdf = await renderPdf(model, loadNodePdfAssets({ bold: true }));
    console.log(`Japanese sample PDF with embedded bold: ${pdf.byteLength} bytes`);
    const latin1 = new TextDecoder('latin1').decode(pdf);
    expect(latin1).toContain('/BaseFont /BIZUDPGothic-Bold');
    const back = await readBack(pdf);
    expect(squash(back.pageTexts.join(''))).toContain('個人情報保護委員会への報告が必要です');
    expect(envelopeJsonOf(pdf)).toBe(model.envelopeJson);
  });
});

describe('breakLines', () => {
  const NO_START = [...'、。，．）」』】〕！？ーっゃゅょッャュョ'];
  const NO_END = [...'（「『【〔'];

  // A deliberately long paragraph with no spaces, brackets and stops, as the answers and explanations have.
  const paragraph =
    '個人データの漏えい、滅失若しくは毀損（以下「漏えい等」という。）が発生し、又は発生したおそれがある事態であって、' +
    '個人の権利利益を害するおそれが大きいものとして個人情報保護委員会規則で定めるものが生じたときは、' +
    '個人情報取扱事業者は、当該事態が生じた旨を個人情報保護委員会に報告しなければならない。' +
    'ただし、当該個人情報取扱事業者が、他の個人情報取扱事業者又は行政機関等から当該個人データの取扱いの全部又は一部の委託を受けた場合であって、' +
    '当該事態が生じた旨を当該他の個人情報取扱事業者又は行政機関等に通知したときは、この限りでない。' +
    '（第二十六条第一項）「鬱」「髙」のような文字も、幅に応じて折り返されます。';

  it('wraps Japanese by width, within the text width, with kinsoku, losing nothing', async () => {
    const size = 9.5;
    const font = await subsetFont(assets.regular, assets.harfbuzzWasm, new Set([...paragraph].map((c) => c.codePointAt(0) ?? 0)));
    const doc = new jsPDF({ unit: 'mm', format: 'a4' });
    doc.addFileToVFS('test.ttf', toBase64(font.bytes));
    doc.addFont('test.ttf', 'Test', 'normal', 'normal', 'Identity-H');
    doc.setFont('Test', 'normal');
    doc.setFontSize(size);

    const lines = breakLines(paragraph, TEXT_WIDTH_MM, (ch) => doc.getTextWidth(ch));
    expect(lines.length).toBeGreaterThan(4);
    expect(lines.join('')).toBe(paragraph);
    for (const line of lines) {
      expect(doc.getTextWidth(line), line).toBeLessThanOrEqual(TEXT_WIDTH_MM + 1e-6);
      expect(NO_START, line).not.toContain(line[0]);
      expect(NO_END, line).not.toContain(line.at(-1));
    }
    // Greedy filling: every line but the last is nearly full (a kinsoku pull-back costs at most two characters).
    for (const line of lines.slice(0, -1)) expect(doc.getTextWidth(line)).toBeGreaterThan(TEXT_WIDTH_MM - 3 * size * 0.353);
  });

  const unit = () => 1;

  it('pulls the previous character down instead of starting a line with 。 or 、', () => {
    expect(breakLines('あいうえおかきくけこ。さしす', 10, unit)).toEqual(['あいうえおかきくけ', 'こ。さしす']);
    expect(breakLines('あいうえおかきくけこ、さしす', 10, unit)).toEqual(['あいうえおかきくけ', 'こ、さしす']);
    expect(breakLines('あいうえおかきくけこ」。さし', 10, unit)).toEqual(['あいうえおかきくけ', 'こ」。さし']);
  });

  it('does not end a line with an opening bracket', () => {
    expect(breakLines('あいうえおかきくけ「こ」さ', 10, unit)).toEqual(['あいうえおかきくけ', '「こ」さ']);
  });

  it('breaks English at spaces, keeps punctuation on its word, and splits only overlong words', () => {
    expect(breakLines('see Art. 8(1), e.g. here', 9, unit)).toEqual(['see Art.', '8(1),', 'e.g. here']);
    expect(breakLines('abcdefghijklmnop qr', 6, unit)).toEqual(['abcdef', 'ghijkl', 'mnop', 'qr']);
    expect(breakLines('one\n\ntwo', 10, unit)).toEqual(['one', '', 'two']);
  });
});

describe('findEnvelope', () => {
  it('none for a PDF without an envelope, found for one, damaged for one cut short', () => {
    expect(findEnvelope(new TextEncoder().encode('%PDF-1.3\n%%EOF'))).toEqual({ kind: 'none' });
    const wrapped = envelopeMetadataText('{"a":"漢字"}');
    expect(findEnvelope(new TextEncoder().encode(`%PDF ${wrapped} %%EOF`))).toEqual({
      kind: 'found',
      json: '{"a":"漢字"}',
      appended: false,
    });
    const truncated = wrapped.replace(/[A-Za-z0-9+/]{4}(?=[A-Za-z0-9+/=]*:SHIRUBE-ENVELOPE-END)/, '');
    expect(findEnvelope(new TextEncoder().encode(`%PDF ${truncated} %%EOF`))).toEqual({ kind: 'damaged' });
  });
});

describe('module boundaries', () => {
  it('keeps the PDF writer free of UI, i18n and storage imports, so it can stay a lazy chunk', () => {
    // The pdf/ folder itself is checked by pdf-modules.test.ts.
    for (const file of ['font-subset.ts', 'pdf-envelope.ts', 'pdf-assets.browser.ts']) {
      const source = readFileSync(new URL(`../../src/report/${file}`, import.meta.url), 'utf8');
      const imports = [...source.matchAll(/^import[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]);
      for (const spec of imports) expect(spec, `${file} imports ${spec}`).not.toMatch(/svelte|i18next|dexie|\/ui\/|\.\.\//);
    }
  });
});
