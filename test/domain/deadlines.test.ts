// Pins deadline counting (rulebook §D.4): day 1 = knownOn, final deadlines rolled past administrative closure days.

import { describe, it, expect } from 'vitest';
import { dayN, guidanceWindow, rolledDue } from '../../src/domain/deadlines';

describe('dayN', () => {
  it('counts knownOn as day 1', () => {
    expect(dayN('2026-03-07', 1)).toBe('2026-03-07');
    expect(dayN('2026-03-07', 2)).toBe('2026-03-08');
    expect(dayN('2025-12-05', 30)).toBe('2026-01-03');
    expect(dayN('2025-03-07', 60)).toBe('2025-05-05');
    expect(dayN('2026-12-15', 30)).toBe('2027-01-13');
  });

  it('handles leap years', () => {
    expect(dayN('2028-02-01', 29)).toBe('2028-02-29');
    expect(dayN('2028-02-01', 30)).toBe('2028-03-01');
    expect(dayN('2027-02-01', 30)).toBe('2027-03-02');
  });

  it('throws RangeError on bad n or date', () => {
    expect(() => dayN('2026-03-07', 0)).toThrow(RangeError);
    expect(() => dayN('2026-03-07', -3)).toThrow(RangeError);
    expect(() => dayN('2026-03-07', 2.5)).toThrow(RangeError);
    expect(() => dayN('2026-03-07', Number.NaN)).toThrow(RangeError);
    expect(() => dayN('2026-02-30', 30)).toThrow(RangeError);
    expect(() => dayN('', 30)).toThrow(RangeError);
  });
});

describe('rolledDue — worked checks from holidays.md', () => {
  it('2025-12-05 + 30: year-end closure then Sunday → 2026-01-05', () => {
    expect(rolledDue('2025-12-05', 30)).toEqual({
      dayN: '2026-01-03',
      due: '2026-01-05',
      skipped: [
        { date: '2026-01-03', reason: 'year-end' },
        { date: '2026-01-04', reason: 'sunday' },
      ],
    });
  });

  it('2025-03-07 + 60: Children’s Day then substitute holiday → 2025-05-07', () => {
    expect(rolledDue('2025-03-07', 60)).toEqual({
      dayN: '2025-05-05',
      due: '2025-05-07',
      skipped: [
        { date: '2025-05-05', reason: 'holiday', holiday: 'childrens-day' },
        { date: '2025-05-06', reason: 'holiday', holiday: 'substitute-holiday' },
      ],
    });
  });
});

describe('rolledDue — boundaries', () => {
  it('a plain weekday stays', () => {
    expect(rolledDue('2026-03-02', 30)).toEqual({ dayN: '2026-03-31', due: '2026-03-31', skipped: [] });
  });

  it('Saturday → Monday', () => {
    expect(rolledDue('2026-03-06', 30)).toEqual({
      dayN: '2026-04-04',
      due: '2026-04-06',
      skipped: [
        { date: '2026-04-04', reason: 'saturday' },
        { date: '2026-04-05', reason: 'sunday' },
      ],
    });
  });

  it('runs through Golden Week 2026', () => {
    expect(rolledDue('2026-04-03', 30)).toEqual({
      dayN: '2026-05-02',
      due: '2026-05-07',
      skipped: [
        { date: '2026-05-02', reason: 'saturday' },
        { date: '2026-05-03', reason: 'holiday', holiday: 'constitution-memorial-day' },
        { date: '2026-05-04', reason: 'holiday', holiday: 'greenery-day' },
        { date: '2026-05-05', reason: 'holiday', holiday: 'childrens-day' },
        { date: '2026-05-06', reason: 'holiday', holiday: 'substitute-holiday' },
      ],
    });
  });

  it('runs through Silver Week 2026 including the citizens’ holiday', () => {
    expect(rolledDue('2026-08-21', 30)).toEqual({
      dayN: '2026-09-19',
      due: '2026-09-24',
      skipped: [
        { date: '2026-09-19', reason: 'saturday' },
        { date: '2026-09-20', reason: 'sunday' },
        { date: '2026-09-21', reason: 'holiday', holiday: 'respect-for-the-aged-day' },
        { date: '2026-09-22', reason: 'holiday', holiday: 'citizens-holiday' },
        { date: '2026-09-23', reason: 'holiday', holiday: 'autumnal-equinox-day' },
      ],
    });
  });

  it('Dec 28 is a working day', () => {
    expect(rolledDue('2026-11-29', 30)).toEqual({ dayN: '2026-12-28', due: '2026-12-28', skipped: [] });
  });

  it('Dec 29 rolls across the year boundary to the first working day of January', () => {
    expect(rolledDue('2026-11-30', 30)).toEqual({
      dayN: '2026-12-29',
      due: '2027-01-04',
      skipped: [
        { date: '2026-12-29', reason: 'year-end' },
        { date: '2026-12-30', reason: 'year-end' },
        { date: '2026-12-31', reason: 'year-end' },
        { date: '2027-01-01', reason: 'holiday', holiday: 'new-years-day' },
        { date: '2027-01-02', reason: 'year-end' },
        { date: '2027-01-03', reason: 'year-end' },
      ],
    });
  });

  it('a Monday holiday after a weekend', () => {
    expect(rolledDue('2026-12-12', 30)).toEqual({
      dayN: '2027-01-10',
      due: '2027-01-12',
      skipped: [
        { date: '2027-01-10', reason: 'sunday' },
        { date: '2027-01-11', reason: 'holiday', holiday: 'coming-of-age-day' },
      ],
    });
  });

  it('leap day as day 30 of a February count', () => {
    expect(rolledDue('2028-01-31', 30)).toEqual({ dayN: '2028-02-29', due: '2028-02-29', skipped: [] });
    expect(rolledDue('2028-02-01', 30)).toEqual({ dayN: '2028-03-01', due: '2028-03-01', skipped: [] });
  });

  it('rejects bad input', () => {
    expect(() => rolledDue('2026-03-07', 0)).toThrow(RangeError);
    expect(() => rolledDue('2026-3-7', 30)).toThrow(RangeError);
  });
});

describe('guidanceWindow', () => {
  it('is day 3 … day 5 and not rolled (2026-03-07 is a Saturday)', () => {
    expect(guidanceWindow('2026-03-07')).toEqual({ dueFrom: '2026-03-09', dueTo: '2026-03-11' });
  });

  it('is not rolled even when it lands on closure days', () => {
    expect(guidanceWindow('2026-04-30')).toEqual({ dueFrom: '2026-05-02', dueTo: '2026-05-04' });
    expect(guidanceWindow('2025-12-28')).toEqual({ dueFrom: '2025-12-30', dueTo: '2026-01-01' });
  });

  it('accepts custom bounds and rejects bad ones', () => {
    expect(guidanceWindow('2026-03-07', 1, 1)).toEqual({ dueFrom: '2026-03-07', dueTo: '2026-03-07' });
    expect(() => guidanceWindow('2026-03-07', 5, 3)).toThrow(RangeError);
    expect(() => guidanceWindow('2026-03-07', 0, 3)).toThrow(RangeError);
    expect(() => guidanceWindow('2026-02-30')).toThrow(RangeError);
  });
});
