// Group events: searching a location's events, the days that have them, their filters, and
// booking seats (POST activity/{location_id}/{activity_id}/book).
import type { Context, Hono } from 'hono';
import { bookingError, fieldErrors, notFound, ok } from '../envelope';
import {
  EVENTS_PAGE_MAX,
  EVENTS_PAGE_SIZE,
  eventServicesOf,
  eventsBetween,
  eventWindow,
  findEvent,
  INSTRUCTORS,
  type DemoEvent,
} from '../group-events';
import { formatSlotDatetime, isDate } from '../slots';
import type { DemoStore } from '../store';
import { checkedContact, optionalNumber, optionalText, readBody, text } from './booking';
import { idList, intParam, locationParam } from './params';

/** The API's word when an event has fewer free places than asked (the reference names no code: 433's). */
export const NO_PLACES_MESSAGE = 'There are not enough free places for this group event';
export const EVENT_STARTED_MESSAGE = 'This group event has already started';


/** Seats taken: the timetable's seeded count plus live (not cancelled) bookings of the event. */
export function seatsTaken(store: DemoStore, event: DemoEvent): number {
  const live = store.accounts
    .allRecords()
    .filter((b) => b.activityId === event.id && !b.deletedAt)
    .reduce((sum, b) => sum + (b.clientsCount ?? 1), 0);
  return Math.min(event.capacity, event.seeded + live);
}

/** One event as the search lists it (the reference's example, its quirks kept: `show_rating` a boolean, `position` [] when none). */
export function eventJson(store: DemoStore, event: DemoEvent): Record<string, unknown> {
  const { service, staff, location } = event;
  return {
    id: event.id,
    service_id: service.id,
    company_id: location.id,
    staff_id: staff.id,
    date: formatSlotDatetime(event.start, location.timezoneName),
    length: (event.end - event.start) / 1000,
    capacity: event.capacity,
    records_count: seatsTaken(store, event),
    color: '',
    instructions: '',
    stream_link: '',
    font_color: '',
    notified: false,
    prepaid: event.prepaid,
    service: {
      id: service.id,
      category_id: service.categoryId,
      title: service.title,
      price_min: service.priceMin,
      price_max: service.priceMax,
      comment: service.comment,
      image_url: '',
      salon_service_id: service.id,
      prepaid: service.prepaid,
      category: { id: service.categoryId, category_id: 1, title: service.categoryTitle },
    },
    staff: {
      id: staff.id,
      name: staff.name,
      company_id: location.id,
      specialization: staff.specialization,
      rating: staff.rating,
      show_rating: false,
      comments_count: staff.comments,
      votes_count: staff.votes,
      average_score: staff.rating,
      prepaid: 'forbidden',
      position: staff.position ?? [],
    },
    resource_instances: [],
    labels: [],
  };
}

/** book_services' `events`: the location's group-event services (the reference shows the list empty). */
export function eventServicesJson(locationId: number): Record<string, unknown>[] {
  return eventServicesOf(locationId).map((s) => ({
    id: s.id,
    title: s.title,
    category_id: s.categoryId,
    price_min: s.priceMin,
    price_max: s.priceMax,
    discount: 0,
    comment: s.comment,
    weight: 0,
    active: 1,
    sex: 0,
    image: '',
    prepaid: s.prepaid,
  }));
}

interface Filters {
  services: number[];
  staff: number[];
  resources: number[];
}

function filtersOf(c: Context): Filters {
  return { services: idList(c, 'service_ids'), staff: idList(c, 'staff_ids'), resources: idList(c, 'resource_ids') };
}

/** Events have no resources in the demo: asking for one finds nothing. */
function matches(event: DemoEvent, f: Filters): boolean {
  return (
    (f.services.length === 0 || f.services.includes(event.service.id)) &&
    (f.staff.length === 0 || f.staff.includes(event.staff.id)) &&
    f.resources.length === 0
  );
}

/** `from` and `till` are required dates; undefined when they are fine. */
function rangeErrors(from: string | undefined, till: string | undefined): Record<string, string[]> | undefined {
  const errors: Record<string, string[]> = {};
  if (!from) errors.from = ['The from field is required.'];
  else if (!isDate(from)) errors.from = ['The from does not match the format Y-m-d.'];
  if (!till) errors.till = ['The till field is required.'];
  else if (!isDate(till)) errors.till = ['The till does not match the format Y-m-d.'];
  else if (from && isDate(from) && till < from) errors.till = ['The till must be a date after or equal to from.'];
  return Object.keys(errors).length > 0 ? errors : undefined;
}

export function activityRoutes(api: Hono, store: DemoStore): void {
  api.get('/activity/:location_id/search', (c) => {
    const location = locationParam(c);
    if (!location) return notFound(c, 'Location not found');
    const from = c.req.query('from');
    const till = c.req.query('till');
    const errors = rangeErrors(from, till);
    if (errors) return fieldErrors(c, errors);
    const filters = filtersOf(c);
    const all = eventsBetween(location, from!, till!, store.nowMs()).filter((e) => matches(e, filters));
    const count = Math.min(EVENTS_PAGE_MAX, Math.max(1, intParam(c.req.query('count')) ?? EVENTS_PAGE_SIZE));
    const page = Math.max(1, intParam(c.req.query('page')) ?? 1);
    const items = all.slice((page - 1) * count, page * count).map((e) => eventJson(store, e));
    // The total rides in `meta.count`, as the reference's example shows.
    return c.json({ success: true, data: items, meta: { count: all.length } });
  });

  api.get('/activity/:location_id/search_dates', (c) => {
    const location = locationParam(c);
    if (!location) return notFound(c, 'Location not found');
    const from = c.req.query('from');
    const till = c.req.query('till');
    const errors = rangeErrors(from, till);
    if (errors) return fieldErrors(c, errors);
    const filters = filtersOf(c);
    const dates = new Set(eventsBetween(location, from!, till!, store.nowMs()).filter((e) => matches(e, filters)).map((e) => e.date));
    return ok(c, [...dates]);
  });

  api.get('/activity/:location_id/search_dates_range', (c) => {
    const location = locationParam(c);
    if (!location) return notFound(c, 'Location not found');
    const filters = filtersOf(c);
    const window = eventWindow(store.nowMs(), location.timezoneName);
    const events = eventsBetween(location, window.first, window.last, store.nowMs()).filter((e) => matches(e, filters));
    return ok(c, { min_date: events[0]?.date ?? null, max_date: events.at(-1)?.date ?? null });
  });

  // Each option is disabled when, with the other filters as given, choosing it would find nothing.
  api.get('/activity/:location_id/filters', (c) => {
    const location = locationParam(c);
    if (!location) return notFound(c, 'Location not found');
    const filters = filtersOf(c);
    const window = eventWindow(store.nowMs(), location.timezoneName);
    const events = eventsBetween(location, window.first, window.last, store.nowMs());
    const services = eventServicesOf(location.id);
    const staff = INSTRUCTORS.filter((s) => s.locationId === location.id);
    const categories = [...new Map(services.map((s) => [s.categoryId, s.categoryTitle])).entries()];
    const any = (f: Filters) => events.some((e) => matches(e, f));
    const data = [
      { code: 'staff', title: 'Staff', data: staff.map((s) => ({ id: s.id, title: s.name, is_disabled: !any({ ...filters, staff: [s.id] }) })) },
      { code: 'service', title: 'Service', data: services.map((s) => ({ id: s.id, title: s.title, is_disabled: !any({ ...filters, services: [s.id] }) })) },
      { code: 'resource', title: 'Resource', data: [] },
      {
        code: 'service_category',
        title: 'Service category',
        data: categories.map(([id, title]) => ({
          id, title,
          is_disabled: !any({ ...filters, services: services.filter((s) => s.categoryId === id).map((s) => s.id) }),
        })),
      },
    ];
    return c.json({ success: true, data, meta: { count: data.length } });
  });

  // Checks in the order book_record makes them, then the event's own: started, seats.
  api.post('/activity/:location_id/:activity_id/book', async (c) => {
    const location = locationParam(c);
    if (!location) return notFound(c, 'Location not found');
    const event = findEvent(location, intParam(c.req.param('activity_id')) ?? -1, store.nowMs());
    if (!event) return notFound(c, 'Group event not found');
    const body = await readBody(c);
    const contact = checkedContact(c, store, location, body);
    if (contact instanceof Response) return contact;
    const { fullname, phone, email, code } = contact;
    const seats = body.clients_count === undefined || body.clients_count === null || body.clients_count === '' ? 1 : Number(body.clients_count);
    if (!Number.isInteger(seats) || seats < 1) return fieldErrors(c, { clients_count: ['The clients count must be at least 1.'] });
    if (event.start <= store.nowMs()) return bookingError(c, { code: 433, message: EVENT_STARTED_MESSAGE });
    if (seatsTaken(store, event) + seats > event.capacity) return bookingError(c, { code: 433, message: NO_PLACES_MESSAGE });

    const booking = store.addBooking({
      locationId: location.id, staffId: event.staff.id, serviceIds: [event.service.id],
      datetime: formatSlotDatetime(event.start, location.timezoneName), start: event.start, end: event.end,
      memberRequested: true, fullname, phone, email, comment: text(body.comment), code,
      apiId: optionalText(body.api_id),
      notifyBySms: optionalNumber(body.notify_by_sms), notifyByEmail: optionalNumber(body.notify_by_email),
      activityId: event.id, clientsCount: seats,
    });
    return ok(c, { id: booking.recordId, hash: booking.recordHash }, 201);
  });
}
