// Bookable dates (book_dates), free times (book_times) and a team member's nearest slots
// (book_staff_seances).
import { daysInMonth, pad, todayIn } from '../dates';
import type { BookableDates, NearestSlots, Slot } from './types';
import { datePart, isObject, list, num, obj, optNum, pick, str, type WireObject } from './wire';

export function normaliseSlots(raw: unknown): Slot[] {
  return list(raw).filter(isObject).map(toSlot);
}

function toSlot(raw: WireObject): Slot {
  return {
    time: str(raw.time),
    duration: num(pick(raw, 'seance_length', 'session_length')),
    // Sent back unchanged when booking, so never reformatted.
    datetime: str(raw.datetime),
  };
}

export function normaliseNearestSlots(raw: unknown): NearestSlots {
  const data = obj(raw);
  const nearest: NearestSlots = { slots: normaliseSlots(pick(data, 'seances', 'sessions')) };
  const date = datePart(pick(data, 'seance_date', 'session_date'));
  if (date) nearest.date = date;
  return nearest;
}

/**
 * Merges the `*_dates` lists with the month-keyed `*_days` maps. A month number carries no year:
 * it takes the year of a listed date in that month, else the year of `rangeStart` (the first day
 * asked for), rolling into the next year for months before the start month.
 */
export function normaliseBookableDates(raw: unknown, rangeStart: string): BookableDates {
  const data = obj(raw);
  const bookableDates = dateList(data.booking_dates);
  const workingDates = dateList(data.working_dates);
  const known = [...bookableDates, ...workingDates];
  // Today is only a last resort when neither the query nor the answer names a year.
  const start = datePart(rangeStart) ?? known.slice().sort()[0] ?? todayIn('UTC');
  return {
    bookable: merge(bookableDates, daysFromMonthMap(data.booking_days, known, start)),
    working: merge(workingDates, daysFromMonthMap(data.working_days, known, start)),
  };
}

function dateList(raw: unknown): string[] {
  return list(raw).map(datePart).filter((d): d is string => d !== undefined);
}

function merge(...lists: string[][]): string[] {
  return [...new Set(lists.flat())].sort();
}

function daysFromMonthMap(raw: unknown, known: string[], start: string): string[] {
  if (!isObject(raw)) return []; // `[]` when there are none
  const startYear = Number(start.slice(0, 4));
  const startMonth = Number(start.slice(5, 7));
  const dates: string[] = [];
  for (const [key, days] of Object.entries(raw)) {
    const month = optNum(key);
    if (month === undefined || !Number.isInteger(month) || month < 1 || month > 12) continue;
    const mm = pad(month);
    const listed = known.find((d) => d.slice(5, 7) === mm);
    const year = listed ? Number(listed.slice(0, 4)) : month < startMonth ? startYear + 1 : startYear;
    const last = daysInMonth(year, month);
    for (const value of list(days)) {
      const day = optNum(value);
      if (day !== undefined && Number.isInteger(day) && day >= 1 && day <= last) dates.push(`${year}-${mm}-${pad(day)}`);
    }
  }
  return dates;
}

