// Characters: which need a glyph, and how each string is made safe for jsPDF (stand-ins and ToUnicode entries).

/** Characters drawn as a space (or as nothing) rather than looked up in a font. */
const WHITESPACE = /^[\s\p{Z}]$/u;
/** Characters with no glyph of their own: controls, format characters (joiners, bidi controls), variation selectors. */
const INVISIBLE = /^[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]$/u;
/** First private-use code point handed out to stand in for characters beyond the BMP. */
const PUA_START = 0xe000;
const PUA_END = 0xf8ff;

export function isWhitespace(ch: string): boolean {
  return WHITESPACE.test(ch);
}

export function isInvisible(ch: string): boolean {
  return ch !== '\n' && !WHITESPACE.test(ch) && INVISIBLE.test(ch);
}

/** The code points of `cluster` that need a glyph (not whitespace, not invisible). */
export function visible(cluster: string): number[] {
  const out: number[] = [];
  for (const ch of cluster) if (ch !== '\n' && !WHITESPACE.test(ch) && !INVISIBLE.test(ch)) out.push(ch.codePointAt(0) ?? 0);
  return out;
}

export interface Charset {
  /** Code point → the single UTF-16 unit jsPDF will be given for it (itself, or a private-use stand-in). */
  unit: Map<number, string>;
  /** Stand-in code unit → the real code point beyond the BMP, whose glyph it draws. */
  astral: Map<number, number>;
  /** Code unit → the text the PDF's ToUnicode map gives for it, where that is not the unit itself. */
  toUnicode: Map<number, string>;
}

/**
 * jsPDF's Identity-H path works in UTF-16 code units: it looks up each unit in the font's format-4 cmap,
 * silently drops any unit it cannot find, and writes a 4-hex-digit ToUnicode entry. A character beyond the
 * BMP (e.g. 𠮟 U+20B9F, which the font has) would be lost, so each gets a private-use stand-in whose glyph
 * id we patch into jsPDF's cmap, and whose ToUnicode entry we rewrite to the real surrogate pair.
 * `sources` gives the text a drawn code point stands for when it is not itself (an Arabic presentation form, a
 * glyph carrying an undrawable character as invisible text).
 */
export function buildCharset(used: Set<number>, cmap: Map<number, number>, sources: ReadonlyMap<number, string> = new Map()): Charset {
  const unit = new Map<number, string>();
  const astral = new Map<number, number>();
  const toUnicode = new Map<number, string>();
  let next = PUA_START;
  for (const cp of used) {
    if (!cmap.has(cp)) continue;
    let code = cp;
    if (cp > 0xffff) {
      while (used.has(next) && next <= PUA_END) next++;
      if (next > PUA_END) throw new Error('Too many characters beyond the BMP for one PDF');
      code = next++;
      astral.set(code, cp);
      toUnicode.set(code, String.fromCodePoint(cp));
    }
    unit.set(cp, String.fromCharCode(code));
    const source = sources.get(cp);
    if (source !== undefined) toUnicode.set(code, source);
  }
  return { unit, astral, toUnicode };
}

export function collect(texts: Iterable<string>, into: Set<number>): void {
  for (const text of texts) for (const ch of text) into.add(ch.codePointAt(0) ?? 0);
}

/** Rewrites `text` into code units the jsPDF font resolves: stand-ins for astral characters, spaces for odd whitespace. */
export function encode(text: string, charset: Charset): string {
  let out = '';
  for (const ch of text.replace(/\r\n?/g, '\n')) {
    const mapped = charset.unit.get(ch.codePointAt(0) ?? 0);
    if (mapped !== undefined && ch !== '\t') out += mapped;
    else if (ch === '\n') out += '\n';
    else if (WHITESPACE.test(ch)) out += ' ';
    // anything else is invisible (controls, joiners, variation selectors) or was given to another font
  }
  return out;
}
