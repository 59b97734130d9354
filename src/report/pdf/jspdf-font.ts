// Embeds a harfbuzz subset as a jsPDF font, leaning on jsPDF internals so that astral characters survive and the
// text layer says what each glyph stands for.

import type { Font, jsPDF } from 'jspdf';
import type { SubsetFont } from '../font-subset';
import { toBase64 } from '../pdf-envelope';
import { buildCharset } from './characters';
import type { Charset } from './characters';

/** The parts of jsPDF's TTFFont that we patch or read; jsPDF exposes it only as `metadata: any`. */
interface TtfMetadata {
  cmap: { unicode: { codeMap: Record<number, number> } };
  subset: { encode: (glyphIds: number[], indexToLocFormat: number) => ArrayLike<number> };
  characterToGlyph(code: number): number;
  widthOfGlyph(glyph: number): number;
}

interface PutFontArgs {
  font: Font;
  putStream: (options: { data: string } & Record<string, unknown>) => void;
}

const hex = (n: number) => n.toString(16).padStart(4, '0');

/**
 * Rewrites jsPDF's ToUnicode CMap for `fontName` so that each code unit in `toUnicode` maps to its real text: an
 * astral stand-in to its surrogate pair (search and copy give 𠮟 rather than a private-use code), an Arabic
 * presentation form to its letter, an invisible carrier to the character drawn as an image. jsPDF builds that CMap
 * inside its own putFont handler, so ours is moved first in the subscriber list and wraps the putStream it will use.
 */
function rewriteToUnicode(doc: jsPDF, fontName: string, toUnicode: Map<number, string>): void {
  const targets = new Map<string, string>();
  for (const [unit, text] of toUnicode) {
    let target = '';
    for (let i = 0; i < text.length; i++) target += hex(text.charCodeAt(i));
    targets.set(hex(unit), target);
  }
  const events = doc.internal.events;
  const token = events.subscribe('putFont', (args: PutFontArgs) => {
    if (args.font.fontName !== fontName) return;
    const put = args.putStream;
    args.putStream = (options) => {
      const data = options.data.startsWith('/CIDInit')
        ? options.data.replace(/<([0-9a-f]{4})><([0-9a-f]{4})>/g, (all, gid: string, unit: string) => {
            const target = targets.get(unit);
            return target ? `<${gid}><${target}>` : all;
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

export interface FontHandle {
  name: string;
  charset: Charset;
  cmap: Map<number, number>;
  /** Width of each code unit at 1 pt, in mm. */
  widths: Map<string, number>;
  metadata: TtfMetadata;
}

export function embedFont(
  doc: jsPDF,
  name: string,
  subset: SubsetFont,
  used: Set<number>,
  sources?: ReadonlyMap<number, string>,
): FontHandle {
  const charset = buildCharset(used, subset.cmap, sources);
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
  if (charset.toUnicode.size > 0) rewriteToUnicode(doc, font.fontName, charset.toUnicode);
  return { name, charset, cmap: subset.cmap, widths: new Map(), metadata };
}

const PT = 25.4 / 72;

/** The advance of a code unit at 1 pt, in mm, as jsPDF will place it. */
export function unitWidth(font: FontHandle, unit: string): number {
  let width = font.widths.get(unit);
  if (width === undefined) {
    width = (font.metadata.widthOfGlyph(font.metadata.characterToGlyph(unit.charCodeAt(0))) / 1000) * PT;
    font.widths.set(unit, width);
  }
  return width;
}
