// Bookable dates and free times.
import type { Hono } from 'hono';
import { findMember, memberFreeStarts, memberWorks, membersOffering } from '../availability';
import { fieldErrors, notFound, ok } from '../envelope';
import type { DemoLocation, DemoTeamMember } from '../model';
import { datesBetween, formatClock, formatSlotDatetime, isDate, localDate, shiftDate, shiftMonths } from '../slots';
import type { DemoStore } from '../store';
import { slotJson } from '../wire';
import { slotSeconds } from './catalog';
import { idList, intParam, locationParam } from './params';

/** staff_id 0 (or absent) means every member offering the services. */
function candidates(location: DemoLocation, staffId: number, ids: number[]): DemoTeamMember[] | undefined {
  if (!staffId) return membersOffering(location.id, ids);
  const member = findMember(location.id, staffId);
  if (!member) return undefined;
  return ids.every((id) => member.serviceIds.includes(id)) ? [member] : [];
}

/**
 * `{"9": [4, 5], "10": [14]}`, or `[]` when empty (the API's quirk). Booking days come as numbers
 * and working days as strings, as the documented JSON and prose examples respectively show.
 */
function monthMap(dates: string[], asString: boolean): Record<string, (number | string)[]> | [] {
  if (dates.length === 0) return [];
  const map: Record<string, (number | string)[]> = {};
  for (const date of dates) {
    const month = String(Number(date.slice(5, 7)));
    const day = Number(date.slice(8, 10));
    (map[month] ??= []).push(asString ? String(day) : day);
  }
  return map;
}

export function calendarRoutes(api: Hono, store: DemoStore): void {
  api.get('/book_dates/:location_id', (c) => {
    const location = locationParam(c);
    if (!location) return notFound(c, 'Location not found');
    const ids = idList(c, 'service_ids');
    const members = candidates(location, intParam(c.req.query('staff_id')) ?? 0, ids);
    if (!members) return notFound(c, 'Team member not found');

    const today = localDate(store.nowMs(), location.timezoneName);
    const dateFrom = c.req.query('date_from');
    const dateTo = c.req.query('date_to');
    const month = c.req.query('date')?.slice(0, 10);
    let from: string;
    let to: string;
    if (dateFrom || dateTo) {
      // date_from and date_to go together and override `date`.
      if (!isDate(dateFrom) || !isDate(dateTo)) {
        return fieldErrors(c, { date_from: ['date_from and date_to must both be YYYY-MM-DD dates'] });
      }
      [from, to] = [dateFrom, dateTo];
    } else if (month) {
      if (!isDate(month)) return fieldErrors(c, { date: ['date must be a YYYY-MM-DD date'] });
      from = `${month.slice(0, 8)}01`;
      to = shiftDate(shiftMonths(from, 1), -1);
    } else {
      [from, to] = [today, shiftMonths(today, 2)];
    }
    // The past is neither working nor bookable.
    const dates = from > to ? [] : datesBetween(from < today ? today : from, to);
    const working = dates.filter((d) => members.some((m) => memberWorks(location, m, d)));
    const bookable = working.filter((d) => members.some((m) => memberFreeStarts(store, location, m, d, ids).length > 0));
    return ok(c, {
      booking_days: monthMap(bookable, false),
      booking_dates: bookable,
      working_days: monthMap(working, true),
      working_dates: working,
    });
  });

  api.get('/book_times/:location_id/:staff_id/:date', (c) => {
    const location = locationParam(c);
    if (!location) return notFound(c, 'Location not found');
    const date = c.req.param('date').slice(0, 10);
    if (!isDate(date)) return fieldErrors(c, { date: ['date must be a YYYY-MM-DD date'] });
    const ids = idList(c, 'service_ids');
    const members = candidates(location, intParam(c.req.param('staff_id')) ?? 0, ids);
    if (!members) return notFound(c, 'Team member not found');
    const tz = location.timezoneName;
    // "Any member" is the union of every candidate's free starts.
    const slots = new Map<number, number>();
    for (const m of members) {
      for (const t of memberFreeStarts(store, location, m, date, ids)) {
        if (!slots.has(t)) slots.set(t, slotSeconds(m, ids));
      }
    }
    const data = [...slots.entries()]
      .sort(([a], [b]) => a - b)
      .map(([t, seconds]) => slotJson(formatClock(t, tz), seconds, formatSlotDatetime(t, tz)));
    return ok(c, data);
  });
}
