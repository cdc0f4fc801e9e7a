// Free-time maths: pure functions over epoch milliseconds. Every wall-clock ↔ instant conversion
// goes through TZDate in the location's zone, so days around daylight-saving changes come out right.
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { Interval, WeeklyHours } from './model';

/** The real API's common default grid for start times. */
export const SLOT_STEP_MINUTES = 15;
/** No slot starts sooner than this after now. */
export const LEAD_MINUTES = 60;
/** Booking is open from today up to this many days ahead (inclusive). */
export const BOOKING_HORIZON_DAYS = 60;

const MINUTE = 60_000;

/** 'YYYY-MM-DD' of an instant in a zone. */
export function localDate(ms: number, tz: string): string {
  return format(new TZDate(ms, tz), 'yyyy-MM-dd');
}

/** 'YYYY-MM-DD' shifted by whole calendar days (pure calendar maths, no zone involved). */
export function shiftDate(date: string, days: number): string {
  const [y, m, d] = splitDate(date);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** 'YYYY-MM-DD' shifted by whole months, the day clamped to the target month's length. */
export function shiftMonths(date: string, months: number): string {
  const [y, m, d] = splitDate(date);
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

export function isDate(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
}

/** Weekday 0 (Sunday) … 6 of a calendar date. */
export function weekday(date: string): number {
  const [y, m, d] = splitDate(date);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** Every calendar date from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = shiftDate(d, 1)) out.push(d);
  return out;
}

/** The instant of a wall-clock time ('HH:mm') on a date in a zone. */
export function zonedInstant(date: string, time: string, tz: string): number {
  const [y, m, d] = splitDate(date);
  const [hh = 0, mm = 0] = time.split(':').map(Number);
  return new TZDate(y, m - 1, d, hh, mm, 0, 0, tz).getTime();
}

/** A slot's `datetime` as the API writes it: local time with the zone's offset that day. */
export function formatSlotDatetime(ms: number, tz: string): string {
  return format(new TZDate(ms, tz), "yyyy-MM-dd'T'HH:mm:ss.SSSxxx");
}

/** The other style seen in answers (`next_slot`, booking details): no millis, offset without colon. */
export function formatCompactDatetime(ms: number, tz: string): string {
  return format(new TZDate(ms, tz), "yyyy-MM-dd'T'HH:mm:ssxx");
}

/** 'HH:mm' of an instant in a zone. */
export function formatClock(ms: number, tz: string): string {
  return format(new TZDate(ms, tz), 'HH:mm');
}

/**
 * A datetime the client sent: ISO with an offset (as we gave it) is an instant; without an offset
 * ('2025-09-09T18:30') it is the location's wall-clock time. Returns null when unreadable.
 */
export function parseClientDatetime(value: unknown, tz: string): number | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(value.trim());
  if (!m) return null;
  const [, date = '', hh = '00', mm = '00', ss = '00', offset] = m;
  if (!offset) return zonedInstant(date, `${hh}:${mm}`, tz) + Number(ss) * 1000;
  const iso = `${date}T${hh}:${mm}:${ss}${offset === 'Z' ? 'Z' : offset.replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2')}`;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}

/** The working stretches of one day (working hours minus breaks); empty on a day off. */
export function workingIntervals(hours: WeeklyHours, date: string, tz: string): Interval[] {
  const day = hours[weekday(date)];
  if (!day) return [];
  const breaks = (day.breaks ?? [])
    .map((b) => ({ start: zonedInstant(date, b.from, tz), end: zonedInstant(date, b.to, tz) }))
    .sort((a, b) => a.start - b.start);
  let pieces: Interval[] = [{ start: zonedInstant(date, day.from, tz), end: zonedInstant(date, day.to, tz) }];
  for (const b of breaks) {
    pieces = pieces.flatMap((p) =>
      b.end <= p.start || b.start >= p.end
        ? [p]
        : [
            { start: p.start, end: b.start },
            { start: b.end, end: p.end },
          ].filter((x) => x.end > x.start),
    );
  }
  return pieces;
}

export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}

export interface FreeStartsInput {
  working: Interval[];
  busy: Interval[];
  durationMinutes: number;
  /** No start before this instant (now + lead). */
  earliest: number;
  stepMinutes?: number;
}

/**
 * Start instants on the step grid (counted from each working stretch's start) where the whole
 * service fits inside working time and touches no busy interval.
 */
export function freeStarts({ working, busy, durationMinutes, earliest, stepMinutes = SLOT_STEP_MINUTES }: FreeStartsInput): number[] {
  const length = durationMinutes * MINUTE;
  const step = stepMinutes * MINUTE;
  const out: number[] = [];
  for (const w of working) {
    for (let t = w.start; t + length <= w.end; t += step) {
      if (t < earliest) continue;
      const candidate = { start: t, end: t + length };
      if (!busy.some((b) => overlaps(candidate, b))) out.push(t);
    }
  }
  return out;
}

/** The first and last bookable dates and the earliest start, as seen from `now` in a zone. */
export function bookingWindow(now: number, tz: string): { firstDate: string; lastDate: string; earliest: number } {
  const firstDate = localDate(now, tz);
  return { firstDate, lastDate: shiftDate(firstDate, BOOKING_HORIZON_DAYS), earliest: now + LEAD_MINUTES * MINUTE };
}

function splitDate(date: string): [number, number, number] {
  const [y = 1970, m = 1, d = 1] = date.split('-').map(Number);
  return [y, m, d];
}
