// Pins the rule-based holiday calendar against the Cabinet Office lists (内閣府「国民の祝日」) and the closure-day law.

import { describe, it, expect } from 'vitest';
import { administrativeClosure, holidayOn, holidaysOfYear, type Holiday } from '../../src/domain/holidays';

// Written by hand from the official calendar; weekdays checked by counting from Jan 1 (2025 Wed, 2026 Thu, 2027 Fri).
const OFFICIAL_2025: Holiday[] = [
  { date: '2025-01-01', id: 'new-years-day' },
  { date: '2025-01-13', id: 'coming-of-age-day' },
  { date: '2025-02-11', id: 'national-foundation-day' },
  { date: '2025-02-23', id: 'emperors-birthday' },
  { date: '2025-02-24', id: 'substitute-holiday' },
  { date: '2025-03-20', id: 'vernal-equinox-day' },
  { date: '2025-04-29', id: 'showa-day' },
  { date: '2025-05-03', id: 'constitution-memorial-day' },
  { date: '2025-05-04', id: 'greenery-day' },
  { date: '2025-05-05', id: 'childrens-day' },
  { date: '2025-05-06', id: 'substitute-holiday' },
  { date: '2025-07-21', id: 'marine-day' },
  { date: '2025-08-11', id: 'mountain-day' },
  { date: '2025-09-15', id: 'respect-for-the-aged-day' },
  { date: '2025-09-23', id: 'autumnal-equinox-day' },
  { date: '2025-10-13', id: 'sports-day' },
  { date: '2025-11-03', id: 'culture-day' },
  { date: '2025-11-23', id: 'labour-thanksgiving-day' },
  { date: '2025-11-24', id: 'substitute-holiday' },
];

const OFFICIAL_2026: Holiday[] = [
  { date: '2026-01-01', id: 'new-years-day' },
  { date: '2026-01-12', id: 'coming-of-age-day' },
  { date: '2026-02-11', id: 'national-foundation-day' },
  { date: '2026-02-23', id: 'emperors-birthday' },
  { date: '2026-03-20', id: 'vernal-equinox-day' },
  { date: '2026-04-29', id: 'showa-day' },
  { date: '2026-05-03', id: 'constitution-memorial-day' },
  { date: '2026-05-04', id: 'greenery-day' },
  { date: '2026-05-05', id: 'childrens-day' },
  { date: '2026-05-06', id: 'substitute-holiday' },
  { date: '2026-07-20', id: 'marine-day' },
  { date: '2026-08-11', id: 'mountain-day' },
  { date: '2026-09-21', id: 'respect-for-the-aged-day' },
  { date: '2026-09-22', id: 'citizens-holiday' },
  { date: '2026-09-23', id: 'autumnal-equinox-day' },
  { date: '2026-10-12', id: 'sports-day' },
  { date: '2026-11-03', id: 'culture-day' },
  { date: '2026-11-23', id: 'labour-thanksgiving-day' },
];

const OFFICIAL_2027: Holiday[] = [
  { date: '2027-01-01', id: 'new-years-day' },
  { date: '2027-01-11', id: 'coming-of-age-day' },
  { date: '2027-02-11', id: 'national-foundation-day' },
  { date: '2027-02-23', id: 'emperors-birthday' },
  { date: '2027-03-21', id: 'vernal-equinox-day' },
  { date: '2027-03-22', id: 'substitute-holiday' },
  { date: '2027-04-29', id: 'showa-day' },
  { date: '2027-05-03', id: 'constitution-memorial-day' },
  { date: '2027-05-04', id: 'greenery-day' },
  { date: '2027-05-05', id: 'childrens-day' },
  { date: '2027-07-19', id: 'marine-day' },
  { date: '2027-08-11', id: 'mountain-day' },
  { date: '2027-09-20', id: 'respect-for-the-aged-day' },
  { date: '2027-09-23', id: 'autumnal-equinox-day' },
  { date: '2027-10-11', id: 'sports-day' },
  { date: '2027-11-03', id: 'culture-day' },
  { date: '2027-11-23', id: 'labour-thanksgiving-day' },
];

describe('holidaysOfYear — official lists', () => {
  it('2025 (19 days: 16 holidays + 3 substitutes)', () => {
    expect(holidaysOfYear(2025)).toEqual(OFFICIAL_2025);
  });

  it('2026 (18 days: 16 holidays + 1 substitute + 1 citizens’ holiday)', () => {
    expect(holidaysOfYear(2026)).toEqual(OFFICIAL_2026);
  });

  it('2027 (17 days: 16 holidays + 1 substitute)', () => {
    expect(holidaysOfYear(2027)).toEqual(OFFICIAL_2027);
  });
});

describe('holidaysOfYear — rules', () => {
  it('2024 autumnal equinox on Sunday Sep 22 gives substitute Sep 23', () => {
    const sep = holidaysOfYear(2024).filter((h) => h.date.startsWith('2024-09'));
    expect(sep).toEqual([
      { date: '2024-09-16', id: 'respect-for-the-aged-day' },
      { date: '2024-09-22', id: 'autumnal-equinox-day' },
      { date: '2024-09-23', id: 'substitute-holiday' },
    ]);
  });

  it('2032 silver week: Sep 21 is a citizens’ holiday between Sep 20 and the Sep 22 equinox', () => {
    const sep = holidaysOfYear(2032).filter((h) => h.date.startsWith('2032-09'));
    expect(sep).toEqual([
      { date: '2032-09-20', id: 'respect-for-the-aged-day' },
      { date: '2032-09-21', id: 'citizens-holiday' },
      { date: '2032-09-22', id: 'autumnal-equinox-day' },
    ]);
  });

  it('equinox formula spot checks', () => {
    expect(holidayOn('2030-03-20')).toBe('vernal-equinox-day');
    expect(holidayOn('2030-09-23')).toBe('autumnal-equinox-day');
    // 2092 and 2096 are the first years the vernal equinox falls on March 19.
    expect(holidayOn('2092-03-19')).toBe('vernal-equinox-day');
    expect(holidayOn('2096-03-19')).toBe('vernal-equinox-day');
    expect(holidayOn('2092-03-20')).toBeNull();
  });

  it('returns sorted lists for every supported year, each date within the year and unique', () => {
    for (let y = 2022; y <= 2099; y++) {
      const list = holidaysOfYear(y);
      const dates = list.map((h) => h.date);
      expect([...dates].sort()).toEqual(dates);
      expect(new Set(dates).size).toBe(dates.length);
      expect(dates.every((d) => d.startsWith(`${y}-`))).toBe(true);
      expect(list.length).toBeGreaterThanOrEqual(16);
    }
  });

  it('is memoised but not corruptible by callers', () => {
    const a = holidaysOfYear(2026);
    a.pop();
    a.push({ date: '2026-06-01', id: 'culture-day' });
    expect(holidaysOfYear(2026)).toEqual(OFFICIAL_2026);
    expect(holidayOn('2026-06-01')).toBeNull();
  });

  it('throws RangeError outside 2022–2099', () => {
    expect(() => holidaysOfYear(2021)).toThrow(RangeError);
    expect(() => holidaysOfYear(2100)).toThrow(RangeError);
    expect(() => holidaysOfYear(2026.5)).toThrow(RangeError);
    expect(() => holidayOn('2021-12-31')).toThrow(RangeError);
  });
});

describe('holidayOn', () => {
  it('finds holidays and non-holidays', () => {
    expect(holidayOn('2026-09-22')).toBe('citizens-holiday');
    expect(holidayOn('2026-05-06')).toBe('substitute-holiday');
    expect(holidayOn('2025-02-24')).toBe('substitute-holiday');
    expect(holidayOn('2027-03-22')).toBe('substitute-holiday');
    expect(holidayOn('2026-01-02')).toBeNull();
    expect(holidayOn('2026-09-24')).toBeNull();
  });

  it('throws on an invalid date', () => {
    expect(() => holidayOn('2026-02-30')).toThrow(RangeError);
    expect(() => holidayOn('2026-1-1')).toThrow(RangeError);
  });
});

describe('administrativeClosure', () => {
  it.each([
    ['2026-01-01', { reason: 'holiday', holiday: 'new-years-day' }], // Thu, also year-end
    ['2026-01-02', { reason: 'year-end' }], // Fri
    ['2026-01-03', { reason: 'year-end' }], // Sat
    ['2026-01-04', { reason: 'sunday' }],
    ['2026-01-05', null], // Mon
    ['2025-12-28', { reason: 'sunday' }],
    ['2026-12-28', null], // Mon, the last working day
    ['2026-12-29', { reason: 'year-end' }], // Tue
    ['2026-12-31', { reason: 'year-end' }],
    ['2026-03-07', { reason: 'saturday' }],
    ['2026-03-08', { reason: 'sunday' }],
    ['2026-05-03', { reason: 'holiday', holiday: 'constitution-memorial-day' }], // Sun
    ['2026-05-06', { reason: 'holiday', holiday: 'substitute-holiday' }],
    ['2026-09-22', { reason: 'holiday', holiday: 'citizens-holiday' }],
    ['2026-03-09', null],
  ] as const)('%s', (iso, expected) => {
    expect(administrativeClosure(iso)).toEqual(expected);
  });
});
