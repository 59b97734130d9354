// Characters: what the fonts must hold, and how each string is made safe for jsPDF.

/** Characters that may vanish or become a space rather than fail the export when the font lacks them. */
const WHITESPACE = /^[\s\p{Z}]$/u;
const INVISIBLE = /^[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]$/u;
/** First private-use code point handed out to stand in for characters beyond the BMP. */
const PUA_START = 0xe000;
const PUA_END = 0xf8ff;

export interface Charset {
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
export function buildCharset(used: Set<number>, cmap: Map<number, number>): Charset {
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

export function collect(texts: Iterable<string>, into: Set<number>): void {
  for (const text of texts) for (const ch of text) into.add(ch.codePointAt(0) ?? 0);
}

export function missingCharacters(used: Set<number>, cmap: Map<number, number>): string[] {
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
export function coveredBy(text: string, cmap: Map<number, number>): boolean {
  for (const ch of text) {
    if (!cmap.has(ch.codePointAt(0) ?? 0) && ch !== '\n' && !WHITESPACE.test(ch) && !INVISIBLE.test(ch)) return false;
  }
  return true;
}

/** Rewrites `text` into code units the jsPDF font resolves: stand-ins for astral characters, spaces for odd whitespace. */
export function encode(text: string, charset: Charset): string {
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
