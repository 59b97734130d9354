// The fonts the writer is given, their subsets for one document, and the error for characters they cannot draw.

import { subsetFont } from '../font-subset';
import type { SubsetFont } from '../font-subset';
import { collect, coveredBy, missingCharacters } from './characters';
import { footerText } from './plan';
import type { Para } from './plan';

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

export interface Subsets {
  regular: SubsetFont;
  /** Every code point drawn with the regular font; the regular font's charset is built from it. */
  regularText: Set<number>;
  bold: SubsetFont | null;
}

/** Subsets the fonts to the planned paragraphs and the footer; throws MissingGlyphsError (see renderPdf). */
export async function subsetFonts(paras: Para[], footerTemplate: string, assets: PdfAssets): Promise<Subsets> {
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
  collect([footerText(footerTemplate, 0, 0), '0123456789 '], regularText);
  for (const para of paras) {
    if (!(para.style.bold && boldSubset && coveredBy(para.text, boldSubset.cmap))) collect([para.text], regularText);
  }
  const regularSubset = await subsetFont(assets.regular, assets.harfbuzzWasm, regularText);
  const missing = missingCharacters(regularText, regularSubset.cmap);
  if (missing.length > 0) throw new MissingGlyphsError(missing);
  return { regular: regularSubset, regularText, bold: boldSubset };
}
