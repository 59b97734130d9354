// Report deadline counting per rulebook §D.4: day 1 = the day of knowing, final deadlines rolled past closure days.

import { addDays, isValidIsoDate, type IsoDate } from './dates';
import { administrativeClosure, type ClosureReason, type HolidayId } from './holidays';

export interface RolledDue {
  dayN: IsoDate;
  due: IsoDate;
  skipped: { date: IsoDate; reason: ClosureReason; holiday?: HolidayId }[];
}

function requireDayCount(name: string, n: number): void {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`${name} must be an integer ≥ 1; got ${n}`);
}

function requireDate(knownOn: IsoDate): void {
  if (!isValidIsoDate(knownOn)) throw new RangeError(`knownOn is not a valid ISO date: ${JSON.stringify(knownOn)}`);
}

export function dayN(knownOn: IsoDate, n: number): IsoDate {
  requireDate(knownOn);
  requireDayCount('n', n);
  return addDays(knownOn, n - 1);
}

// 行政機関の休日に関する法律2条: a deadline on an administrative holiday moves to the first day that is not one.
export function rolledDue(knownOn: IsoDate, days: number): RolledDue {
  const nominal = dayN(knownOn, days);
  const skipped: RolledDue['skipped'] = [];
  let due = nominal;
  for (let closure = administrativeClosure(due); closure; closure = administrativeClosure(due)) {
    skipped.push({ date: due, ...closure });
    due = addDays(due, 1);
  }
  return { dayN: nominal, due, skipped };
}

// The 3–5 day preliminary-report figure is guidance ("promptly"), not a statutory period, so it is never rolled.
export function guidanceWindow(knownOn: IsoDate, from = 3, to = 5): { dueFrom: IsoDate; dueTo: IsoDate } {
  requireDayCount('from', from);
  requireDayCount('to', to);
  if (from > to) throw new RangeError(`from (${from}) must not exceed to (${to})`);
  return { dueFrom: dayN(knownOn, from), dueTo: dayN(knownOn, to) };
}
