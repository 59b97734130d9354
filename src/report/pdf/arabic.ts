// Arabic joining without a shaping engine: each letter becomes its contextual presentation form (isolated, final,
// initial, medial; Unicode's Arabic Presentation Forms), and lam + alef their ligature. Noto Sans Arabic maps these
// forms in its cmap, so the PDF draws connected Arabic from the cmap alone, like every other font here.

/** Letter → its isolated presentation form; the final, initial and medial forms follow it in that order. */
const FORMS = new Map<number, number>();
/** Right-joining letters (they join the letter before them only): two forms. */
const RIGHT = new Set([0x0622, 0x0623, 0x0624, 0x0625, 0x0627, 0x0629, 0x062f, 0x0630, 0x0631, 0x0632, 0x0648, 0x0649]);
{
  let form = 0xfe80;
  const letters = [...range(0x0621, 0x063a), ...range(0x0641, 0x064a)];
  for (const cp of letters) {
    FORMS.set(cp, form);
    form += cp === 0x0621 ? 1 : RIGHT.has(cp) ? 2 : 4;
  }
  // Persian and Urdu letters in the Presentation Forms-A block.
  for (const [cp, iso] of [
    [0x067e, 0xfb56],
    [0x0686, 0xfb7a],
    [0x06a9, 0xfb8e],
    [0x06af, 0xfb92],
    [0x06cc, 0xfbfc],
  ] as const)
    FORMS.set(cp, iso);
  for (const [cp, iso] of [
    [0x0698, 0xfb8a],
    [0x0671, 0xfb50],
  ] as const) {
    FORMS.set(cp, iso);
    RIGHT.add(cp);
  }
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** Lam-alef ligatures (isolated; the final form follows) by the alef. */
const LAM_ALEF = new Map([
  [0x0622, 0xfef5],
  [0x0623, 0xfef7],
  [0x0625, 0xfef9],
  [0x0627, 0xfefb],
]);
const LAM = 0x0644;
const TATWEEL = 0x0640;
const ZWJ = 0x200d;

type Joining = 'D' | 'R' | 'C' | 'U';

function joining(cluster: string): Joining {
  const cp = cluster.codePointAt(0) ?? 0;
  if (cp === TATWEEL || cp === ZWJ) return 'C';
  if (!FORMS.has(cp)) return 'U';
  if (cp === 0x0621) return 'U';
  return RIGHT.has(cp) ? 'R' : 'D';
}

export const HAS_ARABIC = /[\u0621-\u064a\u0671-\u06d3\ufb50-\ufdff\ufe70-\ufeff]/u;

/**
 * The clusters to draw for `text`'s clusters: an Arabic letter (with any marks on it) as its contextual form, and a
 * lam-alef pair as one ligature in the lam's place with nothing left in the alef's. `has` says whether the font
 * that will draw a cluster has the form; one it lacks keeps the plain letter.
 */
export function joinArabic(items: readonly string[], has: (cp: number, index: number) => boolean): string[] {
  const out = [...items];
  const types = items.map(joining);
  for (let i = 0; i < items.length; i++) {
    const cluster = items[i] as string;
    const cp = cluster.codePointAt(0) ?? 0;
    const iso = FORMS.get(cp);
    if (iso === undefined || cp === 0x0621) continue;
    const type = types[i] as Joining;
    const prev = types[i - 1];
    const joinsPrev = prev === 'D' || prev === 'C';
    const marks = cluster.slice(String.fromCodePoint(cp).length);
    const next = items[i + 1];
    const alef = next === undefined ? undefined : LAM_ALEF.get(next.codePointAt(0) ?? 0);
    if (cp === LAM && alef !== undefined && marks === '' && next?.length === 1) {
      const lig = alef + (joinsPrev ? 1 : 0);
      if (has(lig, i)) {
        out[i] = String.fromCodePoint(lig);
        out[i + 1] = '';
        i++;
        continue;
      }
    }
    const nextType = types[i + 1];
    const joinsNext = type === 'D' && (nextType === 'D' || nextType === 'R' || nextType === 'C');
    const form = iso + (type === 'R' ? (joinsPrev ? 1 : 0) : joinsPrev ? (joinsNext ? 3 : 1) : joinsNext ? 2 : 0);
    if (has(form, i)) out[i] = String.fromCodePoint(form) + marks;
  }
  return out;
}

/** The Arabic text a presentation form stands for (for the PDF's ToUnicode map, so copying gives real letters). */
export function formSource(): Map<number, string> {
  const source = new Map<number, string>();
  for (const [cp, iso] of FORMS) {
    const count = cp === 0x0621 ? 1 : RIGHT.has(cp) ? 2 : 4;
    for (let k = 0; k < count; k++) source.set(iso + k, String.fromCodePoint(cp));
  }
  for (const [alef, iso] of LAM_ALEF) {
    source.set(iso, String.fromCodePoint(LAM, alef));
    source.set(iso + 1, String.fromCodePoint(LAM, alef));
  }
  return source;
}

/** Every presentation form of the letters in `text` that could be drawn for it (for the subset request). */
export function formsFor(cps: Iterable<number>, into: Set<number>): void {
  for (const cp of cps) {
    const iso = FORMS.get(cp);
    if (iso === undefined) continue;
    const count = cp === 0x0621 ? 1 : RIGHT.has(cp) ? 2 : 4;
    for (let k = 0; k < count; k++) into.add(iso + k);
    if (cp === LAM) for (const lig of LAM_ALEF.values()) into.add(lig).add(lig + 1);
  }
}
