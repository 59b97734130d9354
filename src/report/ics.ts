// iCalendar (RFC 5545) export of an outcome's dated deadlines, so they land in the user's own calendar.

import { addDays } from '../domain/dates';
import type { Outcome } from '../domain/types';

export interface CalendarEntry {
  uid: string;
  /** First day (inclusive) and last day (inclusive), "YYYY-MM-DD". */
  start: string;
  end: string;
  summary: string;
  description: string;
}

/** One all-day entry per deadline that has a calendar date (a due day or a guidance window). */
export function deadlineEntries(
  assessmentId: string,
  outcome: Outcome,
  text: (duty: string) => { summary: string; description: string },
): CalendarEntry[] {
  const out: CalendarEntry[] = [];
  for (const d of outcome.deadlines) {
    const range = d.due ? [d.due, d.due] : d.dueFrom && d.dueTo ? [d.dueFrom, d.dueTo] : null;
    if (!range) continue;
    const [start, end] = range as [string, string];
    out.push({ uid: `${assessmentId}-${d.duty}@shirube`, start, end, ...text(d.duty) });
  }
  return out;
}

/**
 * TEXT values per RFC 5545 §3.3.11: backslash, semicolon and comma escaped; every line break — CRLF, a bare LF, a
 * bare CR, and U+2028/U+2029 — written as \n, so none reaches the file raw (a bare CR would end the content line
 * for some readers and let a title inject properties); other control characters, which TEXT may not hold, dropped.
 */
export function escapeText(s: string): string {
  return (
    s
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|[\r\n\u2028\u2029]/g, '\\n')
      // eslint-disable-next-line no-control-regex -- control characters are what this strips
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
  );
}

const compact = (iso: string) => iso.replace(/-/g, '');

/** Fold lines at 75 octets (UTF-8), never splitting a character, as RFC 5545 §3.1 requires. */
function fold(line: string): string {
  const enc = new TextEncoder();
  const parts: string[] = [];
  let cur = '';
  let size = 0;
  for (const ch of line) {
    const n = enc.encode(ch).length;
    const limit = parts.length === 0 ? 75 : 74;
    if (size + n > limit) {
      parts.push(cur);
      cur = '';
      size = 0;
    }
    cur += ch;
    size += n;
  }
  parts.push(cur);
  return parts.join('\r\n ');
}

export function buildIcs(entries: CalendarEntry[], now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Shirube//APPI self-check guide//JA', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  for (const e of entries) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compact(e.start)}`,
      // DTEND of an all-day entry is exclusive: the day after the last day.
      `DTEND;VALUE=DATE:${compact(addDays(e.end, 1))}`,
      `SUMMARY:${escapeText(e.summary)}`,
      `DESCRIPTION:${escapeText(e.description)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}
