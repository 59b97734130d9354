// Calendar export: one all-day entry per dated deadline, exclusive end dates, escaping and 75-octet folding.

import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/domain/evaluate';
import { buildIcs, deadlineEntries } from '../../src/report/ics';
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
