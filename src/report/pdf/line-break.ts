// Line breaking: greedy, width-based, for text with or without spaces, with Japanese line-breaking rules (kinsoku).

import { clusters } from './clusters';

/** May not begin a line (行頭禁則): closing brackets, stops, small kana, prolonged sound mark. */
const NO_LINE_START = new Set(
  '、。，．,.:;：；!?！？‼⁇⁈⁉)]}）］｝〕〉》」』】〙〗〟’”｠»ヽヾゝゞ々〻ーァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅょゎゕゖㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ‐゠–〜～・…‥゛゜％%',
);
/** May not end a line (行末禁則): opening brackets. */
const NO_LINE_END = new Set('([{（［｛〔〈《「『【〘〖〝‘“｟«');
/**
 * Characters that break anywhere (CJK, including full-width punctuation, and emoji); everything else that is not a
 * space forms unbreakable words, so Latin punctuation stays attached ("e.g.", "8(1)") and only kinsoku is checked.
 */
const CJK =
  /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\u30fc\uff00-\uffef\ue000-\uf8ff\p{Extended_Pictographic}]/u;
/** A break opportunity that takes no room (zero width space). */
const ZWSP = '\u200b';

/** One unit of text that is never split: a grapheme cluster, with its width. */
export interface Item {
  text: string;
  width: number;
}

interface Atom {
  /** Items [from, to). */
  from: number;
  to: number;
  width: number;
  space: boolean;
  /** Split out of a word too long for a line: breakable anywhere. */
  loose?: boolean;
}

function atomize(items: readonly Item[], from: number, to: number): Atom[] {
  const atoms: Atom[] = [];
  let word: Atom | null = null;
  for (let i = from; i < to; i++) {
    const { text, width } = items[i] as Item;
    if (text === ' ' || text === '\t' || text === ZWSP) {
      word = null;
      atoms.push({ from: i, to: i + 1, width, space: true });
    } else if (CJK.test(text)) {
      word = null;
      atoms.push({ from: i, to: i + 1, width, space: false });
    } else if (word) {
      word.to = i + 1;
      word.width += width;
    } else {
      word = { from: i, to: i + 1, width, space: false };
      atoms.push(word);
    }
  }
  return atoms;
}

/**
 * Greedy width-based line breaking of `items` that works without spaces (Japanese) and with them (English), with
 * basic kinsoku: a character that may not start a line pulls the previous one down with it (追い出し) instead of
 * hanging past the margin, so no line is ever wider than `maxWidth` (unless one item alone is). A "\n" item ends a
 * line. Returns each line as a range [from, to) of items, spaces at the break excluded.
 */
export function breakItems(items: readonly Item[], maxWidth: number): [number, number][] {
  const lines: [number, number][] = [];
  let start = 0;
  for (let i = 0; i <= items.length; i++) {
    if (i < items.length && items[i]?.text !== '\n') continue;
    breakParagraph(items, start, i, maxWidth, lines);
    start = i + 1;
  }
  return lines;
}

function breakParagraph(items: readonly Item[], from: number, to: number, maxWidth: number, lines: [number, number][]): void {
  const EPSILON = 1e-6;
  const atoms = atomize(items, from, to);
  const text = (a: Atom) => (items[a.from] as Item).text;
  const last = (a: Atom) => (items[a.to - 1] as Item).text;
  const canBreakBetween = (prev: Atom, next: Atom) => {
    if (next.space || prev.space) return true;
    if (prev.loose && next.loose) return true;
    return !NO_LINE_START.has(Array.from(text(next))[0] ?? '') && !NO_LINE_END.has(Array.from(last(prev)).at(-1) ?? '');
  };
  const push = (a: number, b: number) => {
    let end = (atoms[b - 1] as Atom).to;
    const begin = (atoms[a] as Atom).from;
    while (end > begin && (items[end - 1] as Item).text === ' ') end--;
    lines.push([begin, end]);
  };
  if (atoms.length === 0) {
    lines.push([from, from]);
    return;
  }
  let i = 0;
  let wrapped = false;
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
      if (word.to - word.from === 1) {
        end = i + 1; // a single character wider than the line: it has to overflow on a line of its own
      } else {
        // One word wider than the line (a URL, an id): split it into characters and try again.
        const pieces: Atom[] = [];
        for (let k = word.from; k < word.to; k++)
          pieces.push({ from: k, to: k + 1, width: (items[k] as Item).width, space: false, loose: true });
        atoms.splice(i, 1, ...pieces);
        continue;
      }
    }
    if (end === atoms.length) {
      push(i, end);
      break;
    }
    let cut = end;
    while (cut > i && !canBreakBetween(atoms[cut - 1] as Atom, atoms[cut] as Atom)) cut--;
    if (cut === i) cut = end; // no legal break fits (a long run of prohibited characters): break anyway
    push(i, cut);
    i = cut;
    wrapped = true;
  }
}

/**
 * breakItems over a string: `measure` gives one grapheme cluster's width (usually one character).
 * jsPDF's splitTextToSize breaks only at spaces and chops longer runs by width, with no kinsoku.
 */
export function breakLines(text: string, maxWidth: number, measure: (ch: string) => number): string[] {
  const items: Item[] = clusters(text).map((c) => ({ text: c, width: c === '\n' ? 0 : measure(c) }));
  return breakItems(items, maxWidth).map(([a, b]) =>
    items
      .slice(a, b)
      .map((x) => x.text)
      .join(''),
  );
}
