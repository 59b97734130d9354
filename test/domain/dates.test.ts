// Pins the timezone-free calendar arithmetic in src/domain/dates.ts against hand-checked dates.

import { describe, it, expect } from 'vitest';
import { addDays, daysBetween, isValidIsoDate, todayInJapan, weekday } from '../../src/domain/dates';

describe('isValidIsoDate', () => {
  it.each(['2026-01-01', '2028-02-29', '2000-02-29', '1900-01-01', '2199-12-31', '2026-12-31'])('accepts %s', (s) => {
    expect(isValidIsoDate(s)).toBe(true);
  });

  it.each([
    '2026-02-30',
    '2027-02-29', // not a leap year
    '2100-02-29', // century, not divisible by 400
    '1900-02-29',
    '2026-2-1',
    '2026-02-1',
    '2026-13-01',
    '2026-00-10',
    '2026-04-31',
    '2026-01-00',
    '',
    ' 2026-01-01',
    '2026-01-01 ',
    '2026-01-01\n',
    '2026/01/01',
    '20260101',
    '1899-12-31',
    '2200-01-01',
    '02026-01-01',
    '2026-01-01T00:00:00Z',
  ])('rejects %j', (s) => {
    expect(isValidIsoDate(s)).toBe(false);
  });

  it('rejects non-strings', () => {
    for (const v of [undefined, null, 20260101, new Date(Date.UTC(2026, 0, 1)), ['2026-01-01'], {}]) {
      expect(isValidIsoDate(v)).toBe(false);
    }
  });
});

describe('addDays', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-02-28', 2)).toBe('2028-03-01');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(addDays('2026-03-07', 0)).toBe('2026-03-07');
    expect(addDays('2025-12-05', 29)).toBe('2026-01-03');
    expect(addDays('2026-01-01', 365)).toBe('2027-01-01');
    expect(addDays('2028-01-01', 365)).toBe('2028-12-31');
  });

  it('throws on invalid input or a result outside 1900–2199', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2026-01-01', 1.5)).toThrow(RangeError);
    expect(() => addDays('2026-01-01', Number.NaN)).toThrow(RangeError);
    expect(() => addDays('2199-12-31', 1)).toThrow(RangeError);
    expect(() => addDays('1900-01-01', -1)).toThrow(RangeError);
  });
});

describe('weekday', () => {
  it.each([
    ['1970-01-01', 4],
    ['1900-01-01', 1],
    ['2000-01-01', 6],
    ['2025-12-05', 5],
    ['2026-01-01', 4],
    ['2026-01-03', 6],
    ['2026-01-04', 0],
    ['2026-05-03', 0],
    ['2027-03-21', 0],
    ['2028-02-29', 2],
    ['2024-09-22', 0],
  ] as const)('%s → %i', (iso, w) => {
    expect(weekday(iso)).toBe(w);
  });

  it('throws on an invalid date', () => {
    expect(() => weekday('2026-02-29')).toThrow(RangeError);
  });
});

describe('daysBetween', () => {
  it('is b − a in days, signed', () => {
    expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
    expect(daysBetween('2026-01-03', '2025-12-05')).toBe(-29);
    expect(daysBetween('2026-03-07', '2026-03-07')).toBe(0);
    expect(daysBetween('1970-01-01', '2000-01-01')).toBe(10957);
  });
});

describe('todayInJapan', () => {
  it('rolls over at 15:00 UTC (midnight JST)', () => {
    expect(todayInJapan(new Date('2026-11-22T15:30:00Z'))).toBe('2026-11-23');
    expect(todayInJapan(new Date('2026-11-22T14:59:59Z'))).toBe('2026-11-22');
    expect(todayInJapan(new Date('2026-11-22T15:00:00.000Z'))).toBe('2026-11-23');
    expect(todayInJapan(new Date('2026-11-22T14:59:59.999Z'))).toBe('2026-11-22');
  });

  it('handles the year boundary and instants given with other offsets', () => {
    expect(todayInJapan(new Date('2026-12-31T15:00:00Z'))).toBe('2027-01-01');
    expect(todayInJapan(new Date('2026-12-31T23:59:59-08:00'))).toBe('2027-01-01');
    expect(todayInJapan(new Date('2028-02-28T20:00:00Z'))).toBe('2028-02-29');
  });

  it('defaults to now and returns a valid date', () => {
    expect(isValidIsoDate(todayInJapan())).toBe(true);
  });

  it('throws on an invalid Date', () => {
    expect(() => todayInJapan(new Date('nope'))).toThrow(RangeError);
  });
});
