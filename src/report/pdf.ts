// Lays out a ReportModel as an A4 PDF with a subset, embedded Japanese TrueType font and the re-importable envelope.

import { jsPDF } from 'jspdf';
import type { Font } from 'jspdf';
import { subsetFont } from './font-subset';
import type { SubsetFont } from './font-subset';
import { ENVELOPE_XMP_NAMESPACE, envelopeMetadataText, toBase64 } from './pdf-envelope';
import type { ReportModel } from './report-model';

export interface PdfAssets {
  /** BIZ UDPGothic Regular (TrueType). */
  regular: Uint8Array;
  /** BIZ UDPGothic Bold; without it bold text is drawn with the regular font, filled and stroked. */
  bold?: Uint8Array;
  /** harfbuzzjs's harfbuzz-subset.wasm. */
  harfbuzzWasm: Uint8Array | ArrayBuffer;
}

/** Thrown when the user's text holds characters the embedded font cannot draw; the UI shows `message`. */
export class MissingGlyphsError extends Error {
  /** Each missing character once, in order of first appearance. */
  readonly characters: string[];
  constructor(characters: string[]) {
    const list = characters.map((c) => `${c} (U+${c.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')})`);
    super(`The PDF font cannot display these characters: ${list.join(', ')}`);
    this.name = 'MissingGlyphsError';
    this.characters = characters;
  }
}

// --- Page geometry (mm) and type styles -------------------------------------------------------------------------

const PAGE_W = 210;
const PAGE_H = 297;
const MARGIN = 18;
/** Width available to text between the margins. */
export const TEXT_WIDTH_MM = PAGE_W - 2 * MARGIN;
const CONTENT_BOTTOM = PAGE_H - MARGIN;
const FOOTER_BASELINE = PAGE_H - 10;
const PT = 25.4 / 72;

type Rgb = readonly [number, number, number];
const INK: Rgb = [26, 26, 26];
const GREY: Rgb = [102, 102, 102];
const ACCENT: Rgb = [0, 23, 193]; // the app's theme colour
const STRONG: Rgb = [179, 38, 30]; // due dates must catch the eye of someone skimming for deadlines

interface Style {
  size: number; // pt
  bold: boolean;
  color: Rgb;
  /** Line box height as a multiple of the font size; generous for Japanese, which has no ascender/descender gaps. */
  leading: number;
}

const S = {
  heading: { size: 16, bold: true, color: INK, leading: 1.35 },
  title: { size: 12, bold: false, color: INK, leading: 1.45 },
  meta: { size: 8.5, bold: false, color: GREY, leading: 1.5 },
  bannerText: { size: 9.5, bold: true, color: [122, 74, 0], leading: 1.5 },
  verdictLabel: { size: 9, bold: false, color: ACCENT, leading: 1.5 },
  verdictText: { size: 13, bold: true, color: INK, leading: 1.45 },
  section: { size: 12, bold: true, color: ACCENT, leading: 1.4 },
  itemTitle: { size: 10, bold: true, color: INK, leading: 1.5 },
  body: { size: 9.5, bold: false, color: INK, leading: 1.6 },
  itemMeta: { size: 8, bold: false, color: GREY, leading: 1.5 },
  emphasis: { size: 10, bold: true, color: STRONG, leading: 1.5 },
  disclaimer: { size: 8, bold: false, color: GREY, leading: 1.55 },
  footer: { size: 8, bold: false, color: GREY, leading: 1 },
} satisfies Record<string, Style>;

interface Box {
  fill: Rgb;
  bar: Rgb;
  padding: number;
}
const VERDICT_BOX: Box = { fill: [232, 238, 252], bar: ACCENT, padding: 4 };
const BANNER_BOX: Box = { fill: [255, 243, 214], bar: [199, 119, 0], padding: 3 };
/** Width of the coloured bar on a box's left edge, mm. */
const BOX_BAR = 1.5;

// --- The plan: every string the document will show, with its style, before any font is known ------------------

interface Para {
  text: string;
  style: Style;
  indent?: number;
  /** Space above, mm. */
  before?: number;
  /** A hairline under the paragraph (section headings). */
  rule?: boolean;
}

interface Block {
  paras: Para[];
  box?: Box;
  /** Leading lines that must share a page, so a heading or item title is never stranded at a page foot. */
  keep: number;
  after: number;
}

function plan(model: ReportModel): Block[] {
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
    section.items.forEach((item, i) => {
      const paras: Para[] = [];
      if (i === 0) paras.push({ text: section.heading, style: S.section, rule: true });
      paras.push({ text: item.title, style: S.itemTitle, before: i === 0 ? 3 : 0 });
      const indent = 3;
      // A due date reads first, straight under its duty; the rule that produced it follows, then the detail.
      if (item.emphasis) paras.push({ text: item.emphasis, style: S.emphasis, indent, before: 0.5 });
      if (item.meta) paras.push({ text: item.meta, style: S.itemMeta, indent });
      if (item.body) paras.push({ text: item.body, style: S.body, indent, before: 0.5 });
      blocks.push({ paras, keep: i === 0 ? 3 : 2, after: i === section.items.length - 1 ? 6 : 3 });
    });
  }
  if (model.disclaimer.trim()) blocks.push({ paras: [{ text: model.disclaimer, style: S.disclaimer }], keep: 2, after: 0 });
  return blocks;
}

function footerText(template: string, page: number, pages: number): string {
  return template.replaceAll('{page}', String(page)).replaceAll('{pages}', String(pages));
}

// --- Characters: what the fonts must hold, and how each string is made safe for jsPDF ----------------------------

/** Characters that may vanish or become a space rather than fail the export when the font lacks them. */
const WHITESPACE = /^[\s\p{Z}]$/u;
const INVISIBLE = /^[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]$/u;
/** First private-use code point handed out to stand in for characters beyond the BMP. */
const PUA_START = 0xe000;
const PUA_END = 0xf8ff;

interface Charset {
  /** Code point → the single UTF-16 unit jsPDF will be given for it (itself, or a private-use stand-in). */
  unit: Map<number, string>;
  /** Stand-in code unit → the real code point beyond the BMP. */
  astral: Map<number, number>;
}

/**
 * jsPDF's Identity-H path works in UTF-16 code units: it looks up each unit in the font's format-4 cmap,
 * silently drops any unit it cannot find, and writes a 4-hex-digit ToUnicode entry. A character beyond the
 * BMP (e.g. 𠮟 U+20B9F, which the font has) would be lost, so each gets a private-use stand-in whose glyph
 * id we patch into jsPDF's cmap, and whose ToUnicode entry we rewrite to the real surrogate pair.
 */
function buildCharset(used: Set<number>, cmap: Map<number, number>): Charset {
  const unit = new Map<number, string>();
  const astral = new Map<number, number>();
  let next = PUA_START;
  for (const cp of used) {
    if (!cmap.has(cp)) continue;
    if (cp <= 0xffff) {
      unit.set(cp, String.fromCharCode(cp));
      continue;
    }
    while (used.has(next) && next <= PUA_END) next++;
    if (next > PUA_END) throw new Error('Too many characters beyond the BMP for one PDF');
    unit.set(cp, String.fromCharCode(next));
    astral.set(next, cp);
    next++;
  }
  return { unit, astral };
}

function collect(texts: Iterable<string>, into: Set<number>): void {
  for (const text of texts) for (const ch of text) into.add(ch.codePointAt(0) ?? 0);
}

function missingCharacters(used: Set<number>, cmap: Map<number, number>): string[] {
  const missing: string[] = [];
  for (const cp of used) {
    if (cmap.has(cp)) continue;
    const ch = String.fromCodePoint(cp);
    if (ch === '\n' || WHITESPACE.test(ch) || INVISIBLE.test(ch)) continue;
    missing.push(ch);
  }
  return missing;
}

/** Whether `cmap` can draw `text`; whitespace and invisibles need no glyph of their own (see encode). */
function coveredBy(text: string, cmap: Map<number, number>): boolean {
  for (const ch of text) {
    if (!cmap.has(ch.codePointAt(0) ?? 0) && ch !== '\n' && !WHITESPACE.test(ch) && !INVISIBLE.test(ch)) return false;
  }
  return true;
}

/** Rewrites `text` into code units the jsPDF font resolves: stand-ins for astral characters, spaces for odd whitespace. */
function encode(text: string, charset: Charset): string {
  let out = '';
  for (const ch of text.replace(/\r\n?/g, '\n')) {
    const mapped = charset.unit.get(ch.codePointAt(0) ?? 0);
    if (mapped !== undefined && ch !== '\t') out += mapped;
    else if (ch === '\n') out += '\n';
    else if (WHITESPACE.test(ch)) out += ' ';
    // anything else here is invisible (controls, joiners, variation selectors) and was checked by missingCharacters
  }
  return out;
}

// --- Line breaking ---------------------------------------------------------------------------------------------

/** May not begin a line (行頭禁則): closing brackets, stops, small kana, prolonged sound mark. */
const NO_LINE_START = new Set(
  '、。，．,.:;：；!?！？‼⁇⁈⁉)]}）］｝〕〉》」』】〙〗〟’”｠»ヽヾゝゞ々〻ーァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅょゎゕゖㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ‐゠–〜～・…‥゛゜％%',
);
/** May not end a line (行末禁則): opening brackets. */
const NO_LINE_END = new Set('([{（［｛〔〈《「『【〘〖〝‘“｟«');
/**
 * Characters that break anywhere (CJK, including full-width punctuation); everything else that is not a space
 * forms unbreakable words, so Latin punctuation stays attached ("e.g.", "8(1)") and only kinsoku is checked.
 */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\u30fc\uff00-\uffef\ue000-\uf8ff]/u;

interface Atom {
  text: string;
  width: number;
  space: boolean;
  /** Split out of a word too long for a line: breakable anywhere. */
  loose?: boolean;
}

function atomize(paragraph: string, measure: (ch: string) => number): Atom[] {
  const atoms: Atom[] = [];
  let word: Atom | null = null;
  for (const ch of paragraph) {
    const width = measure(ch);
    if (ch === ' ' || ch === '\t') {
      word = null;
      atoms.push({ text: ch, width, space: true });
    } else if (CJK.test(ch)) {
      word = null;
      atoms.push({ text: ch, width, space: false });
    } else if (word) {
      word.text += ch;
      word.width += width;
    } else {
      word = { text: ch, width, space: false };
      atoms.push(word);
    }
  }
  return atoms;
}

function lastChar(s: string): string {
  return Array.from(s).at(-1) ?? '';
}

function canBreakBetween(prev: Atom, next: Atom): boolean {
  if (next.space || prev.space) return true;
  if (prev.loose && next.loose) return true;
  return !NO_LINE_START.has(Array.from(next.text)[0] ?? '') && !NO_LINE_END.has(lastChar(prev.text));
}

/**
 * Greedy width-based line breaking that works without spaces (Japanese) and with them (English), with basic
 * kinsoku: a character that may not start a line pulls the previous one down with it (追い出し) instead of
 * hanging past the margin, so no line is ever wider than `maxWidth`. `measure` gives one character's width.
 * jsPDF's splitTextToSize breaks only at spaces and chops longer runs by width, with no kinsoku.
 */
export function breakLines(text: string, maxWidth: number, measure: (ch: string) => number): string[] {
  const lines: string[] = [];
  const EPSILON = 1e-6;
  for (const paragraph of text.split('\n')) {
    const atoms = atomize(paragraph, measure);
    let i = 0;
    let wrapped = false;
    if (atoms.length === 0) lines.push('');
    while (i < atoms.length) {
      if (wrapped) while (atoms[i]?.space) i++;
      if (i >= atoms.length) break;
      let width = 0;
      let end = i;
      for (let atom = atoms[end]; atom && width + atom.width <= maxWidth + EPSILON; atom = atoms[end]) {
        width += atom.width;
        end++;
      }
      if (end === i) {
        const word = atoms[i] as Atom;
        const pieces = Array.from(word.text, (ch) => ({ text: ch, width: measure(ch), space: false, loose: true }));
        if (pieces.length === 1) {
          end = i + 1; // a single character wider than the line: it has to overflow on a line of its own
        } else {
          // One word wider than the line (a URL, an id): split it into characters and try again.
          atoms.splice(i, 1, ...pieces);
          continue;
        }
      }
      if (end === atoms.length) {
        lines.push(join(atoms, i, end));
        break;
      }
      let cut = end;
      while (cut > i && !canBreakBetween(atoms[cut - 1] as Atom, atoms[cut] as Atom)) cut--;
      if (cut === i) cut = end; // no legal break fits (a long run of prohibited characters): break anyway
      lines.push(join(atoms, i, cut));
      i = cut;
      wrapped = true;
    }
  }
  return lines;
}

function join(atoms: Atom[], from: number, to: number): string {
  let s = '';
  for (let k = from; k < to; k++) s += (atoms[k] as Atom).text;
  return s.replace(/ +$/, '');
}

// --- jsPDF internals we lean on ----------------------------------------------------------------------------------

/** The parts of jsPDF's TTFFont that we patch; jsPDF exposes it only as `metadata: any`. */
interface TtfMetadata {
  cmap: { unicode: { codeMap: Record<number, number> } };
  subset: { encode: (glyphIds: number[], indexToLocFormat: number) => ArrayLike<number> };
}

interface PutFontArgs {
  font: Font;
  putStream: (options: { data: string } & Record<string, unknown>) => void;
}

/**
 * Makes jsPDF's ToUnicode CMap for `fontName` map each astral stand-in back to its real character, so search and
 * copy give 𠮟 rather than a private-use code. jsPDF builds that CMap inside its own putFont handler, so ours is
 * moved first in the subscriber list and wraps the putStream that handler will use.
 */
function rewriteAstralToUnicode(doc: jsPDF, fontName: string, astral: Map<number, number>): void {
  const hex = (n: number) => n.toString(16).padStart(4, '0');
  const surrogates = new Map<string, string>();
  for (const [unit, cp] of astral) {
    const ch = String.fromCodePoint(cp);
    surrogates.set(hex(unit), hex(ch.charCodeAt(0)) + hex(ch.charCodeAt(1)));
  }
  const events = doc.internal.events;
  const token = events.subscribe('putFont', (args: PutFontArgs) => {
    if (args.font.fontName !== fontName) return;
    const put = args.putStream;
    args.putStream = (options) => {
      const data = options.data.startsWith('/CIDInit')
        ? options.data.replace(/<([0-9a-f]{4})><([0-9a-f]{4})>/g, (all, gid: string, unit: string) => {
            const pair = surrogates.get(unit);
            return pair ? `<${gid}><${pair}>` : all;
          })
        : options.data;
      put({ ...options, data });
    };
  });
  const topics = events.getTopics();
  const subscribers = topics.putFont;
  const mine = subscribers?.[token];
  if (!subscribers || !mine) throw new Error('jsPDF event internals changed: cannot hook putFont');
  topics.putFont = { [token]: mine, ...subscribers };
}

interface FontHandle {
  name: string;
  charset: Charset;
  cmap: Map<number, number>;
  /** Width of each code unit at 1 pt, in mm. */
  widths: Map<string, number>;
}

function embedFont(doc: jsPDF, name: string, subset: SubsetFont, used: Set<number>): FontHandle {
  const charset = buildCharset(used, subset.cmap);
  const file = `${name}.ttf`;
  doc.addFileToVFS(file, toBase64(subset.bytes));
  doc.addFont(file, name, 'normal', 'normal', 'Identity-H');
  doc.setFont(name, 'normal');
  const font = doc.getFont();
  const metadata = font.metadata as TtfMetadata;
  // jsPDF would re-subset the font to the glyphs drawn, concatenating arrays glyph by glyph (quadratic: ~25 ms
  // and heavy GC for a few hundred kanji). The harfbuzz subset already holds just the characters we draw.
  metadata.subset.encode = () => subset.bytes;
  for (const [unit, cp] of charset.astral) {
    const glyph = subset.cmap.get(cp);
    if (glyph !== undefined) metadata.cmap.unicode.codeMap[unit] = glyph;
  }
  if (charset.astral.size > 0) rewriteAstralToUnicode(doc, font.fontName, charset.astral);
  return { name, charset, cmap: subset.cmap, widths: new Map() };
}

// --- Rendering -------------------------------------------------------------------------------------------------

interface Line {
  text: string;
  style: Style;
  font: FontHandle;
  /** jsPDF has no synthetic bold, so without the bold font, bold is fill-and-stroke of the regular outlines. */
  fauxBold: boolean;
  x: number;
  height: number;
  before: number;
  rule: boolean;
}

class Layout {
  private y = MARGIN;

  constructor(
    private readonly doc: jsPDF,
    private readonly regular: FontHandle,
    private readonly bold: FontHandle | null,
  ) {}

  private measure(font: FontHandle, ch: string): number {
    let unit = font.widths.get(ch);
    if (unit === undefined) {
      this.doc.setFont(font.name, 'normal');
      unit = this.doc.getStringUnitWidth(ch) * PT;
      font.widths.set(ch, unit);
    }
    return unit;
  }

  /** The bold font is used only if it holds every character of the paragraph; otherwise faux bold. */
  private fontFor(text: string, style: Style): { font: FontHandle; fauxBold: boolean } {
    if (style.bold && this.bold && coveredBy(text, this.bold.cmap)) return { font: this.bold, fauxBold: false };
    return { font: this.regular, fauxBold: style.bold };
  }

  private lines(para: Para, width: number): Line[] {
    const { font, fauxBold } = this.fontFor(para.text, para.style);
    const text = encode(para.text, font.charset);
    const size = para.style.size;
    const indent = para.indent ?? 0;
    const broken = breakLines(text, width - indent, (ch) => this.measure(font, ch) * size);
    return broken.map((line, i) => ({
      text: line,
      style: para.style,
      font,
      fauxBold,
      x: MARGIN + indent,
      height: size * PT * para.style.leading,
      before: i === 0 ? (para.before ?? 0) : 0,
      rule: para.rule === true && i === broken.length - 1,
    }));
  }

  block(block: Block): void {
    const pad = block.box?.padding ?? 0;
    const inset = block.box ? pad + BOX_BAR : 0;
    const lines = block.paras.flatMap((p) => this.lines(p, TEXT_WIDTH_MM - inset - pad));
    const height = (l: Line) => l.before + l.height;
    let i = 0;
    while (i < lines.length) {
      const room = CONTENT_BOTTOM - this.y - 2 * pad;
      let used = 0;
      let end = i;
      for (let l = lines[end]; l && used + height(l) <= room; l = lines[end]) {
        used += height(l);
        end++;
      }
      const mustKeep = i === 0 ? Math.min(block.keep, lines.length) : 1;
      if (end < mustKeep && this.y > MARGIN) {
        this.newPage();
        continue;
      }
      if (end === i) {
        used = height(lines[i] as Line); // taller than a page: cannot happen with these sizes, but never loop
        end = i + 1;
      }
      if (block.box) this.drawBox(block.box, this.y, used + 2 * pad);
      let y = this.y + pad;
      for (let k = i; k < end; k++) {
        const line = lines[k] as Line;
        y += line.before;
        this.drawLine(line, line.x + inset, y);
        y += line.height;
      }
      this.y = y + pad;
      i = end;
      if (i < lines.length) this.newPage();
    }
    this.y += block.after;
  }

  private drawBox(box: Box, top: number, height: number): void {
    this.doc.setFillColor(...box.fill);
    this.doc.rect(MARGIN, top, TEXT_WIDTH_MM, height, 'F');
    this.doc.setFillColor(...box.bar);
    this.doc.rect(MARGIN, top, BOX_BAR, height, 'F');
  }

  private drawLine(line: Line, x: number, top: number): void {
    const { doc } = this;
    const size = line.style.size;
    // Centre the em box in the line box; BIZ UDPGothic's baseline sits 0.88 em below the em box top.
    const baseline = top + (line.height - size * PT) / 2 + size * PT * 0.88;
    if (line.text) {
      doc.setFont(line.font.name, 'normal');
      doc.setFontSize(size);
      doc.setTextColor(...line.style.color);
      if (line.fauxBold) {
        doc.setDrawColor(...line.style.color);
        doc.setLineWidth(size * PT * 0.03);
        doc.text(line.text, x, baseline, { renderingMode: 'fillThenStroke' });
      } else {
        doc.text(line.text, x, baseline);
      }
    }
    if (line.rule) {
      doc.setDrawColor(...line.style.color);
      doc.setLineWidth(0.3);
      doc.line(MARGIN, top + line.height, MARGIN + TEXT_WIDTH_MM, top + line.height);
    }
  }

  private newPage(): void {
    this.doc.addPage('a4', 'portrait');
    this.y = MARGIN;
  }

  footers(template: string): void {
    if (!template.trim()) return;
    const pages = this.doc.getNumberOfPages();
    for (let page = 1; page <= pages; page++) {
      this.doc.setPage(page);
      const text = encode(footerText(template, page, pages), this.regular.charset);
      this.doc.setFont(this.regular.name, 'normal');
      this.doc.setFontSize(S.footer.size);
      this.doc.setTextColor(...S.footer.color);
      this.doc.text(text, PAGE_W / 2, FOOTER_BASELINE, { align: 'center' });
    }
  }
}

/**
 * Renders the report. Throws MissingGlyphsError when a visible character of the model is not in the font,
 * because jsPDF would otherwise drop it without a trace.
 */
export async function renderPdf(model: ReportModel, assets: PdfAssets): Promise<Uint8Array> {
  const blocks = plan(model);
  const paras = blocks.flatMap((b) => b.paras);

  let boldSubset: SubsetFont | null = null;
  if (assets.bold) {
    const boldText = new Set<number>();
    collect(
      paras.filter((p) => p.style.bold).map((p) => p.text),
      boldText,
    );
    if (boldText.size > 0) boldSubset = await subsetFont(assets.bold, assets.harfbuzzWasm, boldText);
  }
  // Everything not drawn with the bold font — including bold paragraphs the bold font cannot fully draw — needs
  // the regular font, which is therefore the one whose coverage decides what is missing.
  const regularText = new Set<number>();
  collect([footerText(model.footer, 0, 0), '0123456789 '], regularText);
  for (const para of paras) {
    if (!(para.style.bold && boldSubset && coveredBy(para.text, boldSubset.cmap))) collect([para.text], regularText);
  }
  const regularSubset = await subsetFont(assets.regular, assets.harfbuzzWasm, regularText);
  const missing = missingCharacters(regularText, regularSubset.cmap);
  if (missing.length > 0) throw new MissingGlyphsError(missing);

  const doc = new jsPDF({ unit: 'mm', format: 'a4', compress: true, putOnlyUsedFonts: true });
  const regular = embedFont(doc, 'BIZUDPGothic', regularSubset, regularText);
  const bold = boldSubset ? embedFont(doc, 'BIZUDPGothic-Bold', boldSubset, new Set(boldSubset.cmap.keys())) : null;

  doc.setDocumentProperties({ ...model.properties, creator: 'Shirube' });
  doc.setLanguage(model.lang === 'ja' ? 'ja' : 'en-US');
  doc.addMetadata(envelopeMetadataText(model.envelopeJson), ENVELOPE_XMP_NAMESPACE);

  const layout = new Layout(doc, regular, bold);
  for (const block of blocks) layout.block(block);
  layout.footers(model.footer);
  return new Uint8Array(doc.output('arraybuffer'));
}
