// Line breaking: greedy, width-based, for text with or without spaces, with Japanese line-breaking rules (kinsoku).

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
