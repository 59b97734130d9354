// Bidi isolation of the user's own words inside the app's sentences: a right-to-left override typed into a title must
// not mirror the app's words after it.

/** Interpolation values that are always the user's text (titles, reasons, names), never the app's. */
export const USER_TEXT_PARAMS: readonly string[] = ['title', 'note', 'name', 'assessor', 'reviewer', 'names'];

/**
 * The user's text wrapped in FSI … PDI. Isolate controls of its own are removed first so that an unmatched PDI cannot
 * close the isolate early; embeddings and overrides it holds end at the PDI (UAX #9, X6a), so they stay inside.
 */
export function isolate(text: string): string {
  const clean = text.replace(/[\u2066-\u2069]/g, '');
  return clean ? `\u2068${clean}\u2069` : '';
}

/** The library's stand-in for user text that a component places in an isolated element of its own (see Sentence). */
const PLACEHOLDER = '\u{E000}';

/** Interpolation options with each user-text value isolated; other values (counts, dates, the app's words) as given. */
export function isolateParams<T extends object>(options: T): T {
  const out = { ...options } as Record<string, unknown>;
  for (const k of USER_TEXT_PARAMS) {
    const v = out[k];
    if (typeof v === 'string' && !v.includes(PLACEHOLDER)) out[k] = isolate(v);
  }
  return out as T;
}
