// Text direction: a compact form of the Unicode Bidirectional Algorithm (UAX #9) for left-to-right paragraphs that
// hold right-to-left runs (Arabic, Hebrew), with isolates, so that the PDF shows each line in visual order.
//
// What it does and does not honour, on purpose:
// - isolates (LRI, RLI, FSI … PDI) are honoured: the report model wraps every piece of user text in FSI … PDI, so
//   nothing a user typed can move the app's own words around it;
// - embeddings and overrides (LRE, RLE, LRO, RLO, PDF) are ignored, as are unmatched isolate controls: an unclosed
//   right-to-left override in a title reorders nothing, and the characters after it keep their typed order;
// - weak types are resolved with W1–W7 (numbers, separators, terminators), neutrals with N1–N2, levels with I1–I2,
//   and lines are reordered with L2 and mirrored with L4 (brackets); the paragraph level is always left to right.

export type BidiClass = 'L' | 'R' | 'AL' | 'EN' | 'AN' | 'ES' | 'CS' | 'ET' | 'ON' | 'LRI' | 'RLI' | 'FSI' | 'PDI' | 'BN';

const RTL_LETTER = /[\p{Script=Hebrew}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Nko}]/u;
const AL_LETTER = /[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}]/u;
const ARABIC_DIGIT = /[\u0660-\u0669\u066b\u066c\u0600-\u0605\u08e2]/u;
const EURO_DIGIT = /[0-9\u00b2\u00b3\u00b9\u06f0-\u06f9\u2070-\u2079\u2080-\u2089\uff10-\uff19]/u;
const STRONG_L = /[\p{L}\p{N}\p{Mc}]/u;
const ES = /[+\-\u207a\u207b\u208a\u208b\u2212\ufb29\ufe62\ufe63\uff0b\uff0d]/u;
const CS = /[,./:\u00a0\u060c\u202f\u2044\ufe50\ufe52\ufe55\uff0c\uff0e\uff0f\uff1a]/u;
const ET =
  /[#$%\u00a2-\u00a5\u00b0\u00b1\u0609\u060a\u066a\u20a0-\u20cf\u2030-\u2034\u2212\ufe5f\ufe69\ufe6a\uff03-\uff05\uffe0\uffe1\uffe5\uffe6]/u;
const BN = /[\p{Cc}\p{Cf}]/u;

/** The bidi class of a cluster: its first character's (a mark takes its base's class, W1). */
export function bidiClass(cluster: string): BidiClass {
  const ch = String.fromCodePoint(cluster.codePointAt(0) ?? 0);
  switch (ch) {
    case '\u2066':
      return 'LRI';
    case '\u2067':
      return 'RLI';
    case '\u2068':
      return 'FSI';
    case '\u2069':
      return 'PDI';
    case '\u200e':
      return 'L';
    case '\u200f':
      return 'R';
    case '\u061c':
      return 'AL';
  }
  if (ARABIC_DIGIT.test(ch)) return 'AN';
  if (EURO_DIGIT.test(ch)) return 'EN';
  if (AL_LETTER.test(ch) && /\p{L}|\p{M}/u.test(ch)) return 'AL';
  if (RTL_LETTER.test(ch) && /\p{L}|\p{M}/u.test(ch)) return 'R';
  if (ES.test(ch)) return 'ES';
  if (ET.test(ch)) return 'ET';
  if (CS.test(ch)) return 'CS';
  if (BN.test(ch)) return 'BN';
  if (STRONG_L.test(ch)) return 'L';
  return 'ON';
}

/** Whether the text needs the algorithm at all: without right-to-left characters every level is 0. */
export const HAS_RTL =
  /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\u200f\u2067]/u;

const isStrongR = (c: BidiClass) => c === 'R' || c === 'AL';

/** The embedding level of each item, for a left-to-right paragraph. Isolate controls and BN get their run's level. */
export function bidiLevels(classes: readonly BidiClass[]): number[] {
  const n = classes.length;
  const cls = [...classes];
  // Match isolates; an unmatched initiator or PDI is ignored (treated as BN).
  const match = new Array<number>(n).fill(-1);
  const stack: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = cls[i];
    if (c === 'LRI' || c === 'RLI' || c === 'FSI') stack.push(i);
    else if (c === 'PDI') {
      const open = stack.pop();
      if (open === undefined) cls[i] = 'BN';
      else {
        match[open] = i;
        match[i] = open;
      }
    }
  }
  for (const open of stack) cls[open] = 'BN';
  const levels = new Array<number>(n).fill(0);
  resolve(cls, match, 0, n, 0, levels);
  return levels;
}

/** The first strong direction in [from, to), skipping nested isolates (for FSI). */
function firstStrong(cls: BidiClass[], match: number[], from: number, to: number): 'L' | 'R' {
  for (let i = from; i < to; i++) {
    const c = cls[i];
    if (c === 'L') return 'L';
    if (c === 'R' || c === 'AL') return 'R';
    const close = match[i] ?? -1;
    if ((c === 'LRI' || c === 'RLI' || c === 'FSI') && close > i) i = close;
  }
  return 'L';
}

/** Resolves the isolating run sequence [from, to) at `level`, recursing into the isolates it holds. */
function resolve(cls: BidiClass[], match: number[], from: number, to: number, level: number, levels: number[]): void {
  const seq: number[] = [];
  for (let i = from; i < to; i++) {
    seq.push(i);
    const c = cls[i];
    if ((c === 'LRI' || c === 'RLI' || c === 'FSI') && (match[i] ?? -1) > i) {
      const close = match[i] as number;
      const rtl = c === 'RLI' || (c === 'FSI' && firstStrong(cls, match, i + 1, close) === 'R');
      const inner = rtl ? (level % 2 ? level + 2 : level + 1) : level % 2 ? level + 1 : level + 2;
      resolve(cls, match, i + 1, close, inner, levels);
      seq.push(close);
      i = close;
    }
  }
  const dir = level % 2 ? 'R' : 'L';
  // Work on a copy of the classes in sequence order, without BN (they take a neighbour's level at the end).
  const idx = seq.filter((i) => cls[i] !== 'BN');
  const t = idx.map((i) => {
    const c = cls[i] as BidiClass;
    return c === 'LRI' || c === 'RLI' || c === 'FSI' || c === 'PDI' ? 'ON' : c;
  });
  // W2: EN after AL is AN. W3: AL is R.
  let strong: BidiClass = dir;
  for (let k = 0; k < t.length; k++) {
    const c = t[k] as BidiClass;
    if (c === 'L' || c === 'R' || c === 'AL') strong = c;
    else if (c === 'EN' && strong === 'AL') t[k] = 'AN';
  }
  for (let k = 0; k < t.length; k++) if (t[k] === 'AL') t[k] = 'R';
  // W4: a single separator between two numbers of one kind joins them.
  for (let k = 1; k < t.length - 1; k++) {
    const [a, c, b] = [t[k - 1], t[k], t[k + 1]];
    if (c === 'ES' && a === 'EN' && b === 'EN') t[k] = 'EN';
    else if (c === 'CS' && a === b && (a === 'EN' || a === 'AN')) t[k] = a;
  }
  // W5: terminators next to a European number belong to it.
  for (let k = 0; k < t.length; k++) {
    if (t[k] !== 'ET') continue;
    let e = k;
    while (e < t.length && t[e] === 'ET') e++;
    if (t[k - 1] === 'EN' || t[e] === 'EN') for (let m = k; m < e; m++) t[m] = 'EN';
    k = e - 1;
  }
  // W6: other separators and terminators are neutral. W7: EN after L (or at the start of an L sequence) is L.
  strong = dir;
  for (let k = 0; k < t.length; k++) {
    const c = t[k] as BidiClass;
    if (c === 'ES' || c === 'CS' || c === 'ET') t[k] = 'ON';
    else if (c === 'L' || c === 'R') strong = c;
    else if (c === 'EN' && strong === 'L') t[k] = 'L';
  }
  // N1/N2: neutrals between two strong types of one direction take it (numbers count as R); otherwise the embedding's.
  const side = (c: BidiClass | undefined): 'L' | 'R' | null => (c === 'L' ? 'L' : c === 'R' || c === 'EN' || c === 'AN' ? 'R' : null);
  for (let k = 0; k < t.length; k++) {
    if (side(t[k]) !== null) continue;
    let e = k;
    while (e < t.length && side(t[e]) === null) e++;
    const before = k > 0 ? side(t[k - 1]) : dir;
    const after = e < t.length ? side(t[e]) : dir;
    const resolved = before === after ? before : dir;
    for (let m = k; m < e; m++) t[m] = resolved ?? dir;
    k = e - 1;
  }
  // I1/I2.
  idx.forEach((i, k) => {
    const c = t[k];
    if (level % 2 === 0) levels[i] = level + (isStrongR(c as BidiClass) ? 1 : c === 'EN' || c === 'AN' ? 2 : 0);
    else levels[i] = level + (c === 'L' || c === 'EN' || c === 'AN' ? 1 : 0);
  });
  // BN take the level of what precedes them in the sequence (they draw nothing).
  let prev = level;
  for (const i of seq) {
    if (cls[i] === 'BN') levels[i] = prev;
    else prev = levels[i] as number;
  }
}

/** L2: the visual order of a line's items, given their levels (indices into the line). */
export function visualOrder(levels: readonly number[]): number[] {
  const order = levels.map((_, i) => i);
  const max = Math.max(0, ...levels);
  let minOdd = Infinity;
  for (const l of levels) if (l % 2 && l < minOdd) minOdd = l;
  for (let level = max; level >= minOdd && level > 0; level--) {
    for (let i = 0; i < order.length; i++) {
      if ((levels[order[i] as number] as number) < level) continue;
      let e = i;
      while (e < order.length && (levels[order[e] as number] as number) >= level) e++;
      const run = order.slice(i, e).reverse();
      order.splice(i, e - i, ...run);
      i = e - 1;
    }
  }
  return order;
}

const MIRRORED = new Map<string, string>();
for (const pair of ['()', '[]', '{}', '<>', '«»', '‹›', '（）', '［］', '｛｝', '＜＞', '「」', '『』', '【】', '〔〕', '〈〉', '《》']) {
  const [a, b] = [...pair] as [string, string];
  MIRRORED.set(a, b);
  MIRRORED.set(b, a);
}

/** L4: a bracket in right-to-left text is drawn as its mirror image. */
export function mirror(cluster: string): string {
  return MIRRORED.get(cluster) ?? cluster;
}

/** Bidi controls: user text loses them before it is isolated (they have no glyph and could reorder other text). */
export const BIDI_CONTROLS = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/gu;
