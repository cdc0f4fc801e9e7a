// Every date and time-zone calculation of the widget lives here.
//
// Two kinds of values:
// - plain dates 'YYYY-MM-DD' and months 'YYYY-MM': calendar days of the location, with no zone.
//   They are computed and formatted in UTC so the visitor's own zone can never shift them.
// - instants: ISO strings with the location's offset, as the API gives them. They are shown in
//   the location's IANA zone (`tz`), never the visitor's.
import { TZDate } from '@date-fns/tz';
import { addDays, addMonths, getDaysInMonth } from 'date-fns';
import { toIntlLocale, weekStartFor } from './locale';

export { toIntlLocale, weekStartFor };
export { formatVisitorTime, offsetMinutes, visitorZone, zoneDiffers, zoneLabel, zoneName } from './zones';

export type PlainDate = string;
export type Month = string;
export type WeekStart = 0 | 1;
export type PartOfDay = 'morning' | 'day' | 'evening';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;
const DATETIME_RE =
  /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Writes an offset as `+HH:MM` (the API sometimes sends `-0500` or `+03`). */
export function normaliseOffset(iso: string): string {
  const m = DATETIME_RE.exec(iso.trim());
  if (!m) return iso;
  const [, day, time, offset] = m;
  if (!offset || /z/i.test(offset)) return `${day}T${time}${offset ? 'Z' : ''}`;
  const sign = offset[0];
  const digits = offset.slice(1).replace(':', '');
  return `${day}T${time}${sign}${digits.slice(0, 2)}:${digits.slice(2, 4) || '00'}`;
}

/**
 * The instant of an ISO date-time. Without an offset the wall time is read in `tz`; with neither
 * it throws, because guessing would use the visitor's zone.
 */
export function parseDateTime(iso: string, tz?: string): Date {
  const normalised = normaliseOffset(iso);
  const m = DATETIME_RE.exec(normalised);
  if (!m) throw new RangeError(`Not an ISO date-time: ${iso}`);
  if (!m[3]) {
    if (!tz) throw new RangeError(`Date-time without an offset and no zone: ${iso}`);
    const [y, mo, d] = splitDate(m[1] ?? '');
    const [h = 0, mi = 0, s = 0] = (m[2] ?? '').split(':').map(Number);
    return new Date(new TZDate(y, mo - 1, d, h, mi, Math.floor(s), tz).getTime());
  }
  const date = new Date(normalised);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not an ISO date-time: ${iso}`);
  return date;
}

function instant(value: string | Date): Date {
  return typeof value === 'string' ? parseDateTime(value) : value;
}

function inZone(value: string | Date, tz: string): TZDate {
  return new TZDate(instant(value).getTime(), tz);
}

// date-fns' `format` brings every pattern and the English locale (~10 KB gzip) into the first
// chunk; these three fixed patterns are all the widget writes.
const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const ymd = (d: Date): PlainDate => `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const ym = (d: Date): Month => ymd(d).slice(0, 7);
const hm = (d: Date) => `${pad(d.getHours())}:${pad(d.getMinutes())}`;

/** The location-local calendar date of an instant. */
export function localDateOf(iso: string | Date, tz: string): PlainDate {
  return ymd(inZone(iso, tz));
}

/** The location-local wall time 'HH:mm' of an instant. */
export function localTimeOf(iso: string | Date, tz: string): string {
  return hm(inZone(iso, tz));
}

/** Today's date at the location. */
export function todayIn(tz: string, now: Date = new Date()): PlainDate {
  return localDateOf(now, tz);
}

function splitDate(date: PlainDate): [number, number, number] {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function splitMonth(month: Month): [number, number] {
  const m = MONTH_RE.exec(month.slice(0, 7));
  if (!m) throw new RangeError(`Not a YYYY-MM month: ${month}`);
  return [Number(m[1]), Number(m[2])];
}

/** A plain date as a UTC TZDate, so date-fns arithmetic never meets a DST change. */
function plain(date: PlainDate): TZDate {
  const [y, m, d] = splitDate(date);
  return new TZDate(y, m - 1, d, 'UTC');
}

/** A plain date as a Date at 00:00 UTC (what Intl needs with timeZone 'UTC'). */
export function plainDateToUtc(date: PlainDate): Date {
  return new Date(plain(date).getTime());
}

export function isPlainDate(value: string): boolean {
  return DATE_RE.test(value);
}

export function monthOf(date: PlainDate): Month {
  splitDate(date);
  return date.slice(0, 7);
}

export function addMonthsTo(month: Month, n: number): Month {
  const [y, m] = splitMonth(month);
  return ym(addMonths(new TZDate(y, m - 1, 1, 'UTC'), n));
}

export function addDaysTo(date: PlainDate, n: number): PlainDate {
  return ymd(addDays(plain(date), n));
}

/** The same day of the month `n` months away, clamped to the month's length (31 Jan + 1 → 28 Feb). */
export function addMonthsToDate(date: PlainDate, n: number): PlainDate {
  return ymd(addMonths(plain(date), n));
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekdayIndex(date: PlainDate): number {
  return plain(date).getDay() || 7;
}

/** Position of a date in a week row: 0 … 6. */
export function weekColumn(date: PlainDate, weekStartsOn: WeekStart): number {
  return (plain(date).getDay() - weekStartsOn + 7) % 7;
}

export function startOfWeekOf(date: PlainDate, weekStartsOn: WeekStart): PlainDate {
  return addDaysTo(date, -weekColumn(date, weekStartsOn));
}

export function endOfWeekOf(date: PlainDate, weekStartsOn: WeekStart): PlainDate {
  return addDaysTo(date, 6 - weekColumn(date, weekStartsOn));
}

/** The month's dates in week rows of 7, padded with null before the 1st and after the last day. */
export function monthGrid(month: Month, weekStartsOn: WeekStart): (PlainDate | null)[][] {
  const [y, m] = splitMonth(month);
  const first = new TZDate(y, m - 1, 1, 'UTC');
  const cells: (PlainDate | null)[] = Array.from(
    { length: (first.getDay() - weekStartsOn + 7) % 7 },
    () => null,
  );
  const days = getDaysInMonth(first);
  for (let d = 1; d <= days; d++) cells.push(`${month.slice(0, 7)}-${String(d).padStart(2, '0')}`);
  while (cells.length % 7) cells.push(null);
  const weeks: (PlainDate | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** Weekday names in display order; 2024-01-07 was a Sunday. */
export function weekdayNames(
  lang: string,
  weekStartsOn: WeekStart,
  width: 'narrow' | 'short' | 'long',
): string[] {
  const fmt = new Intl.DateTimeFormat(toIntlLocale(lang), { weekday: width, timeZone: 'UTC' });
  return Array.from({ length: 7 }, (_, i) =>
    fmt.format(new Date(Date.UTC(2024, 0, 7 + weekStartsOn + i))),
  );
}

/** Morning before 12:00, day before 17:00, evening after. */
export function partOfDay(time: string): PartOfDay {
  const [h = 0] = time.split(':').map(Number);
  if (h < 12) return 'morning';
  if (h < 17) return 'day';
  return 'evening';
}

/** "Tuesday, 4 March 2026" in the language; a plain date, so never shifted by any zone. */
export function formatDateLong(date: PlainDate, lang: string): string {
  return new Intl.DateTimeFormat(toIntlLocale(lang), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(plainDateToUtc(date));
}

/** "4 March" / "Tuesday, 4 March" without the year, for compact labels. */
export function formatDateShort(date: PlainDate, lang: string, withWeekday = false): string {
  return new Intl.DateTimeFormat(toIntlLocale(lang), {
    weekday: withWeekday ? 'long' : undefined,
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(plainDateToUtc(date));
}

/** "March 2026" in the language. */
export function formatMonthTitle(month: Month, lang: string): string {
  const [y, m] = splitMonth(month);
  return new Intl.DateTimeFormat(toIntlLocale(lang), {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** The wall time of an instant at the location in the language's style: "09:30", "9:30 AM". */
export function formatTime(iso: string | Date, tz: string, lang: string): string {
  return new Intl.DateTimeFormat(toIntlLocale(lang), { timeStyle: 'short', timeZone: tz }).format(
    instant(iso),
  );
}

/** "10:30, Tuesday 4 March" at the location: accessible names and summaries. */
export function formatSlotLong(iso: string | Date, tz: string, lang: string): string {
  const day = new Intl.DateTimeFormat(toIntlLocale(lang), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: tz,
  }).format(instant(iso));
  return `${formatTime(iso, tz, lang)}, ${day}`;
}
