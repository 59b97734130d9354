// Timezone-independent calendar arithmetic on ISO dates ("YYYY-MM-DD"), plus "today" in Japan time.

export type IsoDate = string;

const MIN_YEAR = 1900;
const MAX_YEAR = 2199;
const MS_PER_DAY = 86_400_000;
// Japan has used UTC+9 without daylight saving since 1951, so a fixed offset is exact.
const JST_OFFSET_MS = 9 * 3_600_000;
const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function parse(s: unknown): Ymd | null {
  if (typeof s !== 'string') return null;
  const match = ISO_RE.exec(s);
  if (!match) return null;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (y < MIN_YEAR || y > MAX_YEAR) return null;
  if (m < 1 || m > 12) return null;
  if (d < 1 || d > daysInMonth(y, m)) return null;
  return { y, m, d };
}

function parseOrThrow(iso: IsoDate): Ymd {
  const ymd = parse(iso);
  if (!ymd) throw new RangeError(`Not a valid ISO date (YYYY-MM-DD, ${MIN_YEAR}–${MAX_YEAR}): ${JSON.stringify(iso)}`);
  return ymd;
}

// Howard Hinnant's days_from_civil: proleptic Gregorian, integer-only, so no Date or timezone is involved.
function toEpochDay({ y, m, d }: Ymd): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function fromEpochDay(days: number): Ymd {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

function format({ y, m, d }: Ymd): IsoDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

// Every IsoDate this module hands out must itself pass isValidIsoDate, so callers can chain freely.
function formatInRange(ymd: Ymd): IsoDate {
  if (ymd.y < MIN_YEAR || ymd.y > MAX_YEAR) {
    throw new RangeError(`Date arithmetic left the supported range ${MIN_YEAR}–${MAX_YEAR}`);
  }
  return format(ymd);
}

export function isValidIsoDate(s: unknown): s is string {
  return parse(s) !== null;
}

export function addDays(iso: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`Day offset must be an integer: ${n}`);
  return formatInRange(fromEpochDay(toEpochDay(parseOrThrow(iso)) + n));
}

export function weekday(iso: IsoDate): 0 | 1 | 2 | 3 | 4 | 5 | 6 {
  // 1970-01-01 was a Thursday (4).
  const w = (((toEpochDay(parseOrThrow(iso)) + 4) % 7) + 7) % 7;
  return w as 0 | 1 | 2 | 3 | 4 | 5 | 6;
}

export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toEpochDay(parseOrThrow(b)) - toEpochDay(parseOrThrow(a));
}

export function todayInJapan(now: Date = new Date()): IsoDate {
  const ms = now.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('Invalid Date');
  return formatInRange(fromEpochDay(Math.floor((ms + JST_OFFSET_MS) / MS_PER_DAY)));
}
