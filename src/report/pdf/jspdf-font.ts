// Embeds a harfbuzz subset as a jsPDF font, leaning on jsPDF internals so that astral characters survive.

import type { Font, jsPDF } from 'jspdf';
import type { SubsetFont } from '../font-subset';
import { toBase64 } from '../pdf-envelope';
import { buildCharset } from './characters';
import type { Charset } from './characters';

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

export interface FontHandle {
  name: string;
  charset: Charset;
  cmap: Map<number, number>;
  /** Width of each code unit at 1 pt, in mm. */
  widths: Map<string, number>;
}

export function embedFont(doc: jsPDF, name: string, subset: SubsetFont, used: Set<number>): FontHandle {
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
