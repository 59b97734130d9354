// The fonts the writer is given, which one draws each cluster of text, and their subsets for one document.

import { readCmap, subsetFont } from '../font-subset';
import type { SubsetFont } from '../font-subset';
import { formSource, formsFor, HAS_ARABIC, joinArabic } from './arabic';
import { HAS_RTL, mirror } from './bidi';
import { collect, visible } from './characters';
import { clusters } from './clusters';
import type { Rgb } from './page';
import { footerText } from './plan';
import type { Para } from './plan';

/** A font used for what the main font lacks (a script, emoji), in the order of preference. */
export interface FallbackFont {
  /** The PDF font name, e.g. "NotoEmoji". */
  name: string;
  /** TrueType bytes, or a loader called only when a document has text the main font cannot draw. */
  font: Uint8Array | (() => Promise<Uint8Array>);
}

/** A cluster no bundled font has, drawn by the device's own fonts (a browser canvas) as an image. */
export interface DeviceGlyph {
  /** PNG: a data URL or its bytes. */
  image: string | Uint8Array;
  /** Advance, image height, and the baseline's distance from the image top, in em. */
  width: number;
  height: number;
  baseline: number;
}

export interface DeviceGlyphs {
  /** Draws one grapheme cluster in `color`; null when the device cannot draw it either. */
  draw(cluster: string, color: Rgb): DeviceGlyph | null;
}

export interface PdfAssets {
  /** BIZ UDPGothic Regular (TrueType). */
  regular: Uint8Array;
  /** BIZ UDPGothic Bold; without it bold text is drawn with the regular font, filled and stroked. */
  bold?: Uint8Array;
  /** harfbuzzjs's harfbuzz-subset.wasm. */
  harfbuzzWasm: Uint8Array | ArrayBuffer;
  /** Fonts for what BIZ UDPGothic lacks (emoji, Arabic), tried in order. */
  fallbacks?: FallbackFont[];
  /**
   * The device's fonts (browser only), for clusters no font above has; without them (Node) such a cluster is a
   * visible placeholder box. Either way the character stays in the text layer, as invisible text.
   */
  device?: DeviceGlyphs;
}

/** Which font draws a cluster: MAIN, 1… for the fallbacks in order, or NONE (device image or placeholder). */
export const MAIN = 0;
export const NONE = -1;

/** A paragraph as clusters, each with the text drawn for it and the font that draws it. */
export interface Shaped {
  /** The clusters as typed (logical order). */
  items: string[];
  /** What is drawn for each: the cluster, or its Arabic presentation form ('' when a ligature drew it). */
  draw: string[];
  font: number[];
  /** Whether the paragraph needs the bidi algorithm. */
  rtl: boolean;
}

export interface DocFont {
  name: string;
  subset: SubsetFont;
  /** Every code point drawn with the font; its charset is built from it. */
  used: Set<number>;
  /** Code points that stand for other text in the ToUnicode map (presentation forms, invisible carriers). */
  sources: Map<number, string>;
}

export interface Subsets {
  /** Index MAIN is BIZ UDPGothic Regular; then each fallback font a paragraph uses (null where none does). */
  fonts: (DocFont | null)[];
  bold: SubsetFont | null;
  /** Texts of bold paragraphs the bold font draws entirely. */
  boldTexts: Set<string>;
  shaped: Map<string, Shaped>;
  /** Each cluster no font draws → the main-font code point carrying it as invisible text. */
  carriers: Map<string, number>;
}

const cmaps = new WeakMap<Uint8Array, Map<number, number>>();
/** The whole font's cmap (3–6 ms for BIZ UDPGothic), kept per font array: the loaders hand out the same arrays. */
function fullCmap(font: Uint8Array): Map<number, number> {
  let cmap = cmaps.get(font);
  if (!cmap) cmaps.set(font, (cmap = readCmap(font)));
  return cmap;
}

const covers = (cmap: Map<number, number>, cluster: string) => visible(cluster).every((cp) => cmap.has(cp));
const EMOJI_PRESENTATION = '\ufe0f';

const loaded = new WeakMap<() => Promise<Uint8Array>, Promise<Uint8Array>>();
function loadFallback(f: FallbackFont): Promise<Uint8Array> {
  if (f.font instanceof Uint8Array) return Promise.resolve(f.font);
  const load = f.font;
  let pending = loaded.get(load);
  if (!pending) {
    pending = load();
    loaded.set(load, pending);
    pending.catch(() => loaded.delete(load));
  }
  return pending;
}

/**
 * Decides which font draws each cluster of the planned paragraphs and the footer, and subsets each font to what it
 * draws. The main font draws what it can; a cluster asking for emoji presentation (U+FE0F) or one the main font lacks
 * goes to the first fallback font that has all of it; what none has is drawn by the device or as a placeholder.
 * Never throws for a character: every one is drawn somehow.
 */
export async function subsetFonts(paras: Para[], footerTemplate: string, assets: PdfAssets): Promise<Subsets> {
  const main = fullCmap(assets.regular);
  const shaped = new Map<string, Shaped>();
  let pending = false;
  for (const para of paras) {
    if (shaped.has(para.text)) continue;
    const text = para.text.replace(/\r\n?/g, '\n');
    const items = clusters(text);
    const font = items.map((c) => (c.includes(EMOJI_PRESENTATION) || !covers(main, c) ? NONE : MAIN));
    if (font.includes(NONE)) pending = true;
    shaped.set(para.text, { items, draw: items, font, rtl: HAS_RTL.test(text) });
  }

  // Fallback fonts are loaded only for a document that needs them.
  const fallbacks = assets.fallbacks ?? [];
  const fallbackBytes = pending ? await Promise.all(fallbacks.map(loadFallback)) : [];
  const fallbackCmaps = fallbackBytes.map(fullCmap);
  const cmapOf = (f: number) => (f === MAIN ? main : fallbackCmaps[f - 1]);
  for (const s of shaped.values()) {
    if (!s.font.includes(NONE)) continue;
    s.font = s.items.map((c, i) => {
      if (s.font[i] !== NONE) return s.font[i] as number;
      const k = fallbackCmaps.findIndex((cmap) => covers(cmap, c));
      if (k >= 0) return k + 1;
      return covers(main, c) ? MAIN : NONE; // emoji presentation asked for, but no emoji font has it
    });
    if (HAS_ARABIC.test(s.items.join('')))
      s.draw = joinArabic(s.items, (cp, i) => (s.font[i] ?? NONE) > MAIN && !!cmapOf(s.font[i] as number)?.has(cp));
  }

  const fonts: DocFont[] = [MAIN, ...fallbacks.map((_, k) => k + 1)].map((f) => {
    const name = f === MAIN ? 'BIZUDPGothic' : (fallbacks[f - 1] as FallbackFont).name;
    return { name, subset: null as unknown as SubsetFont, used: new Set<number>(), sources: new Map<number, string>() };
  });
  const mainFont = fonts[MAIN] as DocFont;
  collect([footerText(footerTemplate, 0, 0), '0123456789 '], mainFont.used);
  const uncovered = new Set<string>();
  for (const s of shaped.values()) {
    s.items.forEach((c, i) => {
      const f = s.font[i] as number;
      if (f === NONE) {
        uncovered.add(c);
        return;
      }
      const doc = fonts[f] as DocFont;
      collect([s.draw[i] as string], doc.used);
      // A bracket in right-to-left text is drawn mirrored: its partner must be in the subset too.
      if (s.rtl) collect([mirror(c)], doc.used);
    });
  }
  for (const doc of fonts.slice(MAIN + 1)) {
    // jsPDF reads only a BMP (format 4) cmap, which harfbuzz leaves out of a subset of emoji alone: a space keeps it.
    if (doc.used.size > 0) doc.used.add(0x20);
    const arabic = new Set<number>();
    formsFor(doc.used, arabic);
    if (arabic.size === 0) continue;
    const source = formSource();
    for (const cp of doc.used) {
      const text = source.get(cp);
      if (text !== undefined) doc.sources.set(cp, text);
    }
  }

  // Each undrawable cluster rides, invisibly, on a main-font glyph no text uses, whose ToUnicode entry names it.
  const carriers = new Map<string, number>();
  let candidate = 0x4e00;
  for (const c of uncovered) {
    while (!main.has(candidate) || mainFont.used.has(candidate)) candidate++;
    carriers.set(c, candidate);
    mainFont.used.add(candidate);
    mainFont.sources.set(candidate, c);
    candidate++;
  }

  let bold: SubsetFont | null = null;
  const boldTexts = new Set<string>();
  if (assets.bold) {
    const boldCmap = fullCmap(assets.bold);
    const boldUsed = new Set<number>();
    for (const para of paras) {
      const s = shaped.get(para.text);
      if (!para.style.bold || !s || s.font.some((f) => f !== MAIN) || !s.items.every((c) => covers(boldCmap, c))) continue;
      boldTexts.add(para.text);
      collect(s.items, boldUsed);
    }
    if (boldUsed.size > 0) bold = await subsetFont(assets.bold, assets.harfbuzzWasm, boldUsed);
  }

  const out: (DocFont | null)[] = [];
  for (const [f, doc] of fonts.entries()) {
    const source = f === MAIN ? assets.regular : fallbackBytes[f - 1];
    if (!source || (f !== MAIN && doc.used.size === 0)) {
      out.push(null);
      continue;
    }
    doc.subset = await subsetFont(source, assets.harfbuzzWasm, doc.used);
    out.push(doc);
  }
  return { fonts: out, bold, boldTexts, shaped, carriers };
}
