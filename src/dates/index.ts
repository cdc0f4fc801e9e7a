// Every date and time-zone calculation of the widget lives here.
//
// Two kinds of values:
// - plain dates 'YYYY-MM-DD' and months 'YYYY-MM': calendar days of the location, with no zone.
//   They are computed and formatted in UTC so the visitor's own zone can never shift them.
// - instants: ISO strings with the location's offset, as the API gives them. They are shown in
//   the location's IANA zone (`tz`), never the visitor's.
// This file holds what the first step needs (Intl does the zone work there, at no bytes);
// ./names.ts (dates and times as the later steps write them), ./zones.ts (zone offsets and names,
// parsing wall times) and ./calendar.ts (the month grid, day arithmetic and which day weeks start on) load with the later
// steps, which import them directly.
import { toIntlLocale } from './locale';

export { toIntlLocale };

export type PlainDate = string;
export type Month = string;
export type WeekStart = 0 | 1;
export type PartOfDay = 'morning' | 'day' | 'evening';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;
export const DATETIME_RE =
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
 * The instant of a date-time that carries its offset (every one the API sends does). Kept apart
 * from parseDateTime so that showing a time needs no zone rules: Intl brings them.
 */
export function instant(value: string | Date): Date {
  if (typeof value !== 'string') return value;
  const date = new Date(normaliseOffset(value));
  if (Number.isNaN(date.getTime()) || !/(Z|[+-]\d{2}:\d{2})$/i.test(normaliseOffset(value))) {
    throw new RangeError(`Not an ISO date-time with an offset: ${value}`);
  }
  return date;
}

/** Wall-clock parts of an instant in a zone, through Intl (one formatter per zone). */
const wallFormats = new Map<string, Intl.DateTimeFormat>();
function wallParts(value: string | Date, tz: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute', string> {
  let fmt = wallFormats.get(tz);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    });
    wallFormats.set(tz, fmt);
  }
  const parts = Object.fromEntries(fmt.formatToParts(instant(value)).map((p) => [p.type, p.value]));
  return parts as Record<'year' | 'month' | 'day' | 'hour' | 'minute', string>;
}

export const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The location-local calendar date of an instant. */
export function localDateOf(iso: string | Date, tz: string): PlainDate {
  const p = wallParts(iso, tz);
  return `${p.year.padStart(4, '0')}-${p.month}-${p.day}`;
}

/** The location-local wall time 'HH:mm' of an instant. */
export function localTimeOf(iso: string | Date, tz: string): string {
  const p = wallParts(iso, tz);
  return `${p.hour}:${p.minute}`;
}

/** Today's date at the location. */
export function todayIn(tz: string, now: Date = new Date()): PlainDate {
  return localDateOf(now, tz);
}

export function splitDate(date: PlainDate): [number, number, number] {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

export function splitMonth(month: Month): [number, number] {
  const m = MONTH_RE.exec(month.slice(0, 7));
  if (!m) throw new RangeError(`Not a YYYY-MM month: ${month}`);
  return [Number(m[1]), Number(m[2])];
}

/** A plain date as a Date at 00:00 UTC (what Intl needs with timeZone 'UTC'). */
export function plainDateToUtc(date: PlainDate): Date {
  const [y, m, d] = splitDate(date);
  return new Date(Date.UTC(y, m - 1, d));
}

export function monthOf(date: PlainDate): Month {
  splitDate(date);
  return date.slice(0, 7);
}

// Month arithmetic on 'YYYY-MM' is plain UTC calendar counting: no zone, no DST, no library.
export function addMonthsTo(month: Month, n: number): Month {
  const [y, m] = splitMonth(month);
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}`;
}

/** How many days a month (1–12) of a year has, e.g. (2026, 2) → 28. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The month's last date, e.g. '2026-02' → '2026-02-28'. */
export function lastDayOfMonth(month: Month): PlainDate {
  return `${month.slice(0, 7)}-${pad(daysInMonth(...splitMonth(month)))}`;
}

/**
 * "Wednesday, March 4, 2026 at 10:30 AM" at the location: one Intl format with both the date and
 * the time, so each language joins them its own way ("mercredi 4 mars 2026 à 10:30", "2026年3月4日
 * 星期三 10:30"), and its time is written as formatTime writes it (the same 'short' style), so a
 * time button's name holds its visible text.
 */
export function formatSlotLong(iso: string | Date, tz: string, lang: string): string {
  return new Intl.DateTimeFormat(toIntlLocale(lang), { dateStyle: 'full', timeStyle: 'short', timeZone: tz }).format(instant(iso));
}
