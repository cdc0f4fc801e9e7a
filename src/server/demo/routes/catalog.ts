// Services and team members available for booking.
import type { Hono } from 'hono';
import {
  bookableServices,
  findMember,
  memberFreeStarts,
  membersOffering,
  nextFreeDate,
  teamOf,
  visitMinutes,
} from '../availability';
import { notFound, ok } from '../envelope';
import type { DemoLocation, DemoTeamMember } from '../model';
import { CATEGORIES } from '../seed';
import { formatClock, formatSlotDatetime, isDate, localDate, parseClientDatetime } from '../slots';
import type { DemoStore } from '../store';
import { categoryJson, serviceJson, slotJson, staffJson } from '../wire';
import { eventServicesJson } from './activity';
import { idList, intParam, locationParam } from './params';

const byWeight = <T extends { weight: number }>(a: T, b: T) => b.weight - a.weight;

/**
 * The `datetime` filter: a bare date asks "any free time that day", a date and time asks
 * "free to start exactly then". Undefined when the filter is absent or unreadable.
 */
export function freeWhen(
  store: DemoStore,
  location: DemoLocation,
  raw: string | undefined,
): ((member: DemoTeamMember, serviceIds: number[]) => boolean) | undefined {
  if (!raw) return undefined;
  if (isDate(raw)) return (m, ids) => memberFreeStarts(store, location, m, raw, ids).length > 0;
  const start = parseClientDatetime(raw, location.timezoneName);
  if (start === null) return undefined;
  const date = localDate(start, location.timezoneName);
  return (m, ids) => memberFreeStarts(store, location, m, date, ids).includes(start);
}

export function catalogRoutes(api: Hono, store: DemoStore): void {
  api.get('/book_services/:location_id', (c) => {
    const location = locationParam(c);
    if (!location) return notFound(c, 'Location not found');
    const staffId = intParam(c.req.query('staff_id')) ?? 0;
    const chosen = idList(c, 'service_ids');
    const member = staffId ? findMember(location.id, staffId) : undefined;
    if (staffId && !member) return notFound(c, 'Team member not found');
    const free = freeWhen(store, location, c.req.query('datetime'));
    // A service is listed when someone (the chosen member, or anyone) offers it together with the
    // services already chosen, and, with a datetime filter, is free for the lot then.
    const services = bookableServices(location.id).filter((s) => {
      const ids = chosen.includes(s.id) ? chosen : [...chosen, s.id];
      const offering = member ? membersOffering(location.id, ids).filter((m) => m.id === member.id) : membersOffering(location.id, ids);
      return offering.some((m) => !free || free(m, ids));
    });
    const categoryIds = new Set(services.map((s) => s.categoryId));
    return ok(c, {
      // Group events are offered apart (activity.ts); this lists their services, whatever the filters.
      events: eventServicesJson(location.id),
      services: services.sort(byWeight).map((s) => serviceJson(s)),
      category: CATEGORIES.filter((cat) => categoryIds.has(cat.id)).sort(byWeight).map(categoryJson),
    });
  });

  api.get('/book_staff/:location_id', (c) => {
    const location = locationParam(c);
    if (!location) return notFound(c, 'Location not found');
    const ids = idList(c, 'service_ids');
    const raw = c.req.query('datetime');
    const free = freeWhen(store, location, raw);
    const from = raw ? localDate(parseClientDatetime(raw, location.timezoneName) ?? store.nowMs(), location.timezoneName) : undefined;
    const members = (ids.length ? membersOffering(location.id, ids) : teamOf(location.id)).sort(byWeight);
    return ok(
      c,
      members.map((m) => {
        const next = nextFreeDate(store, location, m, ids, from);
        const bookable = free ? free(m, ids) : Boolean(next);
        return staffJson(m, bookable, next?.date);
      }),
    );
  });

  api.get('/book_staff_seances/:location_id/:staff_id', (c) => {
    const location = locationParam(c);
    if (!location) return notFound(c, 'Location not found');
    const member = findMember(location.id, intParam(c.req.param('staff_id')) ?? -1);
    if (!member) return notFound(c, 'Team member not found');
    const ids = idList(c, 'service_ids');
    const raw = c.req.query('datetime');
    const parsed = raw ? (isDate(raw) ? raw : parseClientDatetime(raw, location.timezoneName)) : null;
    const from = typeof parsed === 'number' ? localDate(parsed, location.timezoneName) : (parsed ?? undefined);
    const next = nextFreeDate(store, location, member, ids, from);
    const tz = location.timezoneName;
    const seconds = slotSeconds(member, ids);
    return ok(c, {
      seance_date: next?.date ?? null,
      seances: (next?.starts ?? []).map((t) => slotJson(formatClock(t, tz), seconds, formatSlotDatetime(t, tz))),
    });
  });
}

/** `seance_length`: the visit's whole length in seconds. */
export function slotSeconds(member: DemoTeamMember, ids: number[]): number {
  return visitMinutes(member, ids) * 60;
}
