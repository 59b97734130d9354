// Grapheme clusters: what is measured, broken and drawn as one unit (an emoji sequence, a letter with its marks).

/**
 * Characters that can join a cluster with their neighbours: combining marks, joiners, variation selectors,
 * regional indicators, emoji modifiers and tags, Hangul jamo, CR LF. Text without them is one cluster per code point,
 * which spares the common case Intl.Segmenter's cost (~7 µs a character, most of a warm render for a long summary).
 */
const JOINING =
  // eslint-disable-next-line no-misleading-character-class -- single joining code points, each matched on its own on purpose
  /[\p{M}\u200c\u200d\ufe00-\ufe0f\u{1f1e6}-\u{1f1ff}\u{1f3fb}-\u{1f3ff}\u{e0020}-\u{e007f}\u{e0100}-\u{e01ef}\u1100-\u11ff\r]/u;

let segmenter: Intl.Segmenter | null = null;

export function clusters(text: string): string[] {
  if (!JOINING.test(text)) return Array.from(text);
  segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  return Array.from(segmenter.segment(text), (s) => s.segment);
}
