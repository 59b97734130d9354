// Bidi isolation of the user's own words inside the app's sentences: a right-to-left override typed into a title must
// not mirror the app's words after it. (The PDF has its own, userText in report/build-model.ts: its writer ignores
// every bidi control but isolates, so there the user's own controls are removed.)

import { USER } from './library/user-text';

/**
 * Interpolation values that are always the user's text (titles, reasons, who signed), never the app's. (`from`/`to`
 * are not: they are dates in other sentences; the history's user text is isolated where it is presented.)
 */
export const USER_TEXT_PARAMS: readonly string[] = ['title', 'note', 'by'];

/**
 * The user's text wrapped in FSI … PDI. Isolate controls of its own are removed first so that an unmatched PDI cannot
 * close the isolate early; embeddings and overrides it holds end at the PDI (UAX #9, X6a), so they stay inside.
 */
export function isolate(text: string): string {
  const clean = text.replace(/[\u2066-\u2069]/g, '');
  return clean ? `\u2068${clean}\u2069` : '';
}

/**
 * Interpolation options with each user-text value isolated (not USER, the stand-in for text a component isolates in an
 * element of its own: see library/Sentence.svelte); other values (counts, dates, the app's words) as given. */
export function isolateParams<T extends object>(options: T): T {
  const out = { ...options } as Record<string, unknown>;
  for (const k of USER_TEXT_PARAMS) {
    const v = out[k];
    if (typeof v === 'string' && !v.includes(USER)) out[k] = isolate(v);
  }
  return out as T;
}
