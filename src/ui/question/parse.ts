// Turns what a person typed into a fact value, forgivingly (full-width digits, thousands separators);
// whether the value is acceptable is decided by the domain's checkValue, not here.

import type { Count } from '../../domain/types';

/** "1,001", "１００１", " 1001 " → 1001; "-3" → -3; "" → undefined; anything else → NaN (reported as not a number). */
export function parseCount(text: string, unknown: boolean): Count | undefined {
  if (unknown) return 'unknown';
  const s = text
    .normalize('NFKC')
    .replace(/[,\s_]/g, '')
    .replace(/^−/, '-');
  if (s === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN;
}

/** The date input's value, or null when the person chose to leave it blank. */
export function parseDate(text: string, blank: boolean): string | null | undefined {
  if (blank) return null;
  const s = text.trim();
  return s === '' ? undefined : s;
}
