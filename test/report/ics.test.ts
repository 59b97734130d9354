// Calendar export: one all-day entry per dated deadline, exclusive end dates, escaping and 75-octet folding.

import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/domain/evaluate';
import { buildIcs, deadlineEntries, escapeText } from '../../src/report/ics';
import { leakFacts } from '../fixtures/leak-facts';

const facts = leakFacts({ sensitive: 'yes', persons: 3, knownOn: '2025-12-05' });

describe('ics', () => {
  const r = evaluate('leak', facts);
  if (!r.ok) throw new Error('evaluation failed');
  const entries = deadlineEntries('abc', r.outcome, (duty) => ({ summary: `期限, ${duty}; 確認`, description: 'line1\nline2' }));

  it('one entry per dated deadline: the rolled final due day and the preliminary window', () => {
    expect(entries.map((e) => [e.uid, e.start, e.end])).toEqual([
      ['abc-report-final@shirube', '2026-01-05', '2026-01-05'],
      ['abc-report-preliminary@shirube', '2025-12-07', '2025-12-09'],
    ]);
  });

  it('writes valid all-day VEVENTs with exclusive ends and escaped text', () => {
    const ics = buildIcs(entries, new Date('2026-11-22T10:00:00.000Z'));
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics).toContain('DTSTART;VALUE=DATE:20260105\r\nDTEND;VALUE=DATE:20260106');
    expect(ics).toContain('DTSTART;VALUE=DATE:20251207\r\nDTEND;VALUE=DATE:20251210');
    expect(ics).toContain('SUMMARY:期限\\, report-final\\; 確認');
    expect(ics).toContain('DESCRIPTION:line1\\nline2');
    expect(ics).toContain('DTSTAMP:20261122T100000Z');
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const long = deadlineEntries('x', r.outcome, () => ({ summary: '個'.repeat(60), description: '' }));
    const ics = buildIcs(long, new Date(0));
    const enc = new TextEncoder();
    for (const line of ics.split('\r\n')) expect(enc.encode(line).length).toBeLessThanOrEqual(75);
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain(`SUMMARY:${'個'.repeat(60)}`);
  });

  it('no dated deadline, no entry (knownOn left blank)', () => {
    const r2 = evaluate('leak', { ...facts, knownOn: null });
    if (!r2.ok) throw new Error('evaluation failed');
    expect(deadlineEntries('abc', r2.outcome, () => ({ summary: '', description: '' }))).toEqual([]);
  });
});

describe('ics text escaping (RFC 5545 §3.3.11)', () => {
  const r = evaluate('leak', facts);
  if (!r.ok) throw new Error('evaluation failed');
  const ics = (summary: string, description: string) =>
    buildIcs(
      deadlineEntries('abc', r.outcome, () => ({ summary, description })),
      new Date('2026-11-22T10:00:00.000Z'),
    );
  /** The content lines, unfolded: a raw CR or LF inside a value would show up as an extra line here. */
  const contentLines = (text: string) => text.replace(/\r\n /g, '').split('\r\n');

  it.each([
    ['a bare CR', 'one\rtwo'],
    ['a bare LF', 'one\ntwo'],
    ['CRLF', 'one\r\ntwo'],
    ['a line or paragraph separator', 'one\u2028two'],
  ])('writes %s in a title or description as \\n, never raw', (_, text) => {
    const out = ics(`件名 ${text}`, text);
    expect(out).toContain('SUMMARY:件名 one\\ntwo\r\n');
    expect(out).toContain('DESCRIPTION:one\\ntwo\r\n');
    // Every CR in the file is part of a CRLF line ending, and every LF ends one.
    expect(out.replace(/\r\n/g, '')).not.toMatch(/[\r\n\u2028]/);
    for (const line of contentLines(out)) expect(line).toMatch(/^([A-Z-]+[;:]|$)/);
  });

  it('cannot be made to start a property with a line break in a title', () => {
    const out = ics('x\rDTSTART:19700101\rATTACH:http://example.invalid/', 'd');
    expect(contentLines(out).filter((l) => l.startsWith('ATTACH'))).toEqual([]);
    expect(contentLines(out).filter((l) => l.startsWith('DTSTART:'))).toEqual([]);
    expect(out).toContain('SUMMARY:x\\nDTSTART:19700101\\nATTACH:http://example.invalid/');
  });

  it('escapes comma, semicolon and backslash, backslash first', () => {
    expect(escapeText('a,b;c\\d')).toBe('a\\,b\\;c\\\\d');
    expect(escapeText('\\n')).toBe('\\\\n'); // a typed backslash-n stays text, not a line break
    expect(escapeText('C:\\tmp;x,y\r\nz')).toBe('C:\\\\tmp\\;x\\,y\\nz');
  });

  it('drops other control characters, which TEXT may not hold, and keeps tabs', () => {
    expect(escapeText('a\u0000b\u0007c\u001bd\u007fe\tf')).toBe('abcde\tf');
  });

  it('folds after escaping, so unfolding gives the escaped value back', () => {
    const long = `${'、'.repeat(30)}\r${','.repeat(40)}`;
    const out = ics(long, '');
    const enc = new TextEncoder();
    for (const line of out.split('\r\n')) expect(enc.encode(line).length).toBeLessThanOrEqual(75);
    expect(out.replace(/\r\n /g, '')).toContain(`SUMMARY:${'、'.repeat(30)}\\n${'\\,'.repeat(40)}\r\n`);
  });
});
