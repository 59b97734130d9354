// Japanese national holidays (国民の祝日に関する法律) and administrative closure days (行政機関の休日に関する法律), computed by rule.

import { addDays, weekday, type IsoDate } from './dates';

export type HolidayId =
  | 'new-years-day'
  | 'coming-of-age-day'
  | 'national-foundation-day'
  | 'emperors-birthday'
  | 'vernal-equinox-day'
  | 'showa-day'
  | 'constitution-memorial-day'
  | 'greenery-day'
  | 'childrens-day'
  | 'marine-day'
  | 'mountain-day'
  | 'respect-for-the-aged-day'
  | 'autumnal-equinox-day'
  | 'sports-day'
  | 'culture-day'
  | 'labour-thanksgiving-day'
  | 'substitute-holiday'
  | 'citizens-holiday';

export interface Holiday {
  date: IsoDate;
  id: HolidayId;
}

export type ClosureReason = 'saturday' | 'sunday' | 'holiday' | 'year-end';

/**
 * Years the rules are trusted for. Earlier years had one-off changes the rules do not model (2019 enthronement,
 * 2020/2021 Olympic moves), and the equinox approximation is only valid up to 2099; outside this range the
 * functions throw RangeError rather than return a plausible but wrong calendar.
 */
export const HOLIDAY_RULES_FIRST_YEAR = 2022;
export const HOLIDAY_RULES_LAST_YEAR = 2099;

const FIXED: readonly (readonly [month: number, day: number, id: HolidayId])[] = [
  [1, 1, 'new-years-day'],
  [2, 11, 'national-foundation-day'],
  [2, 23, 'emperors-birthday'],
  [4, 29, 'showa-day'],
  [5, 3, 'constitution-memorial-day'],
  [5, 4, 'greenery-day'],
  [5, 5, 'childrens-day'],
  [8, 11, 'mountain-day'],
  [11, 3, 'culture-day'],
  [11, 23, 'labour-thanksgiving-day'],
];

// Happy Monday system: [month, which Monday, id].
const MONDAYS: readonly (readonly [month: number, nth: number, id: HolidayId])[] = [
  [1, 2, 'coming-of-age-day'],
  [7, 3, 'marine-day'],
  [9, 3, 'respect-for-the-aged-day'],
  [10, 2, 'sports-day'],
];

function iso(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function nthMonday(y: number, m: number, nth: number): IsoDate {
  const first = iso(y, m, 1);
  const offsetToMonday = (8 - weekday(first)) % 7;
  return addDays(first, offsetToMonday + 7 * (nth - 1));
}

// The official dates are announced each February for the next year; this approximation matches them for 1980–2099.
function equinoxDay(y: number, base: number): number {
  const t = y - 1980;
  return Math.floor(base + 0.242194 * t - Math.floor(t / 4));
}

function computeYear(year: number): readonly Holiday[] {
  // 国民の祝日 proper: substitute and citizens' holidays are defined relative to these only.
  const shukujitsu = new Map<IsoDate, HolidayId>();
  for (const [m, d, id] of FIXED) shukujitsu.set(iso(year, m, d), id);
  for (const [m, nth, id] of MONDAYS) shukujitsu.set(nthMonday(year, m, nth), id);
  shukujitsu.set(iso(year, 3, equinoxDay(year, 20.8431)), 'vernal-equinox-day');
  shukujitsu.set(iso(year, 9, equinoxDay(year, 23.2488)), 'autumnal-equinox-day');

  const all = new Map<IsoDate, HolidayId>(shukujitsu);

  // Art. 3(3): a day that is not a 祝日 but whose previous and next days both are.
  for (const date of shukujitsu.keys()) {
    const between = addDays(date, 1);
    if (!shukujitsu.has(between) && shukujitsu.has(addDays(date, 2))) all.set(between, 'citizens-holiday');
  }

  // Art. 3(2): a 祝日 on Sunday makes the nearest following non-祝日 day a holiday (May 3 Sun → May 6).
  for (const date of shukujitsu.keys()) {
    if (weekday(date) !== 0) continue;
    let next = addDays(date, 1);
    while (shukujitsu.has(next)) next = addDays(next, 1);
    all.set(next, 'substitute-holiday');
  }

  return Object.freeze(
    [...all]
      .filter(([date]) => date.startsWith(`${year}-`))
      .map(([date, id]) => Object.freeze({ date, id }))
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
  );
}

const byYear = new Map<number, { list: readonly Holiday[]; index: ReadonlyMap<IsoDate, HolidayId> }>();

function yearData(year: number): { list: readonly Holiday[]; index: ReadonlyMap<IsoDate, HolidayId> } {
  if (!Number.isInteger(year) || year < HOLIDAY_RULES_FIRST_YEAR || year > HOLIDAY_RULES_LAST_YEAR) {
    throw new RangeError(`Holiday rules cover ${HOLIDAY_RULES_FIRST_YEAR}–${HOLIDAY_RULES_LAST_YEAR} only; got ${year}`);
  }
  let data = byYear.get(year);
  if (!data) {
    const list = computeYear(year);
    data = { list, index: new Map(list.map((h) => [h.date, h.id])) };
    byYear.set(year, data);
  }
  return data;
}

/** Sorted by date. Throws RangeError outside HOLIDAY_RULES_FIRST_YEAR–HOLIDAY_RULES_LAST_YEAR. */
export function holidaysOfYear(year: number): Holiday[] {
  // A fresh array so a caller's sort/push cannot corrupt the memo; the entries themselves are frozen.
  return [...yearData(year).list];
}

export function holidayOn(date: IsoDate): HolidayId | null {
  weekday(date); // validates the string before its year prefix is trusted
  return yearData(Number(date.slice(0, 4))).index.get(date) ?? null;
}

export function administrativeClosure(date: IsoDate): { reason: ClosureReason; holiday?: HolidayId } | null {
  const holiday = holidayOn(date);
  if (holiday) return { reason: 'holiday', holiday };
  const md = date.slice(5);
  if (md >= '12-29' || md <= '01-03') return { reason: 'year-end' };
  const w = weekday(date);
  if (w === 6) return { reason: 'saturday' };
  if (w === 0) return { reason: 'sunday' };
  return null;
}
