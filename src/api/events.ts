// Group events (classes, workshops): a location's events by date with seats, the days that have
// them, the filter options, and booking seats (POST activity/{location}/{event}/book).
//   const events = createEventsApi({ baseUrl: '/api/v1', lang });
//   const { events: list } = await events.search(locationId, { from, till });
//   await events.book(locationId, list[0].id, { contact, seats: 2, apiId });
// A full event (or one that filled up meanwhile) is refused with ApiError code 433
// (BookingErrorCode.SlotTaken); search again with `fresh` for the seats left now.
import { normaliseOffset } from '../dates';
import type { ApiOptions } from './client';
import { createRequest, seg, WRITE_TIMEOUT_MS } from './request';
import type {
  EventFilter,
  EventFilterOption,
  EventFilterOptions,
  EventSearch,
  EventService,
  GroupEvent,
  GroupEventPage,
  SeatBooking,
  SeatBookingRequest,
} from './types-events';
import { prepaidOf } from './services';
import { isObject, list, num, obj, optStr, pick, str, type WireObject } from './wire';

export interface EventsApi {
  search(locationId: number, q: EventSearch, options?: { fresh?: boolean }): Promise<GroupEventPage>;
  /** Days (YYYY-MM-DD) from `from` to `till` that have events. */
  searchDates(locationId: number, q: EventFilter & { from: string; till: string }): Promise<string[]>;
  /** The first and last days with events; undefined ends when there are none. */
  dateRange(locationId: number, q?: EventFilter): Promise<{ min?: string; max?: string }>;
  filters(locationId: number, q?: EventFilter): Promise<EventFilterOptions>;
  /** The location's group-event services (book_services' `events`): empty when it has none. */
  eventServices(locationId: number): Promise<EventService[]>;
  book(locationId: number, eventId: number, req: SeatBookingRequest): Promise<SeatBooking>;
}

const filterQuery = (q: EventFilter) => ({ service_ids: q.serviceIds, staff_ids: q.staffIds, resource_ids: q.resourceIds });

export function createEventsApi(options: ApiOptions): EventsApi {
  const request = createRequest(options);
  return {
    async search(locationId, q, opts = {}) {
      const data = await request('get', `activity/${seg(locationId)}/search`, {
        query: { from: q.from, till: q.till, ...filterQuery(q), page: q.page, count: q.count },
        ...(opts.fresh ? { fresh: true } : {}),
        withMeta: true,
      });
      return normaliseEventPage(data, locationId);
    },
    async searchDates(locationId, q) {
      const data = await request('get', `activity/${seg(locationId)}/search_dates`, { query: { from: q.from, till: q.till, ...filterQuery(q) } });
      return list(data).map(str).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d));
    },
    async dateRange(locationId, q = {}) {
      const data = obj(await request('get', `activity/${seg(locationId)}/search_dates_range`, { query: filterQuery(q) }));
      const min = optStr(data.min_date);
      const max = optStr(data.max_date);
      return { ...(min ? { min: min.slice(0, 10) } : {}), ...(max ? { max: max.slice(0, 10) } : {}) };
    },
    async filters(locationId, q = {}) {
      return normaliseEventFilters(await request('get', `activity/${seg(locationId)}/filters`, { query: filterQuery(q) }));
    },
    async eventServices(locationId) {
      return normaliseEventServices(await request('get', `book_services/${seg(locationId)}`));
    },
    async book(locationId, eventId, req) {
      const data = obj(
        await request('post', `activity/${seg(locationId)}/${seg(eventId)}/book`, {
          json: seatBookingBody(req),
          ...(req.apiId ? { headers: { 'Idempotency-Key': req.apiId } } : {}),
          timeoutMs: WRITE_TIMEOUT_MS,
        }),
      );
      return { recordId: num(pick(data, 'id', 'record_id')), recordHash: str(pick(data, 'hash', 'record_hash')) };
    },
  };
}

export function seatBookingBody(req: SeatBookingRequest): Record<string, unknown> {
  const body: Record<string, unknown> = {
    fullname: req.contact.name,
    phone: req.contact.phone,
    email: req.contact.email,
    comment: req.contact.comment,
    clients_count: req.seats,
  };
  if (req.code !== undefined && req.code !== '') body.code = req.code;
  if (req.notifyBySms !== undefined) body.notify_by_sms = req.notifyBySms;
  if (req.notifyByEmail !== undefined) body.notify_by_email = req.notifyByEmail;
  if (req.apiId !== undefined && req.apiId !== '') body.api_id = req.apiId;
  return body;
}

/** `{data, meta}`: the page's events in `data`, all pages' total in `meta.count` (the page's length when absent). */
export function normaliseEventPage(raw: unknown, locationId: number): GroupEventPage {
  const answer = obj(raw);
  const events = list(answer.data).filter(isObject).map((e) => toEvent(e, locationId)).filter((e) => e.datetime !== '');
  const total = num(obj(answer.meta).count, events.length);
  return { events: events.sort((a, b) => Date.parse(a.datetime) - Date.parse(b.datetime)), total: Math.max(total, events.length) };
}

function toEvent(raw: WireObject, locationId: number): GroupEvent {
  const service = obj(raw.service);
  const category = obj(service.category);
  const staff = obj(raw.staff);
  const capacity = Math.max(0, num(raw.capacity));
  const booked = Math.max(0, num(raw.records_count));
  const position = obj(staff.position);
  const image = optStr(pick(service, 'image_url', 'image'));
  return {
    id: num(raw.id),
    locationId: num(pick(raw, 'company_id'), locationId) || locationId,
    datetime: normaliseOffset(str(pick(raw, 'date', 'datetime'))),
    length: num(pick(raw, 'length', 'seance_length')),
    capacity,
    booked,
    seatsLeft: Math.max(0, capacity - booked),
    prepaid: prepaidOf(raw.prepaid ?? service.prepaid),
    service: {
      id: num(pick(service, 'id') ?? raw.service_id),
      title: str(service.title),
      categoryId: num(pick(service, 'category_id') ?? category.id),
      categoryTitle: str(category.title),
      priceMin: num(service.price_min),
      priceMax: num(service.price_max),
      comment: str(service.comment),
      ...(image ? { image } : {}),
    },
    staff: {
      id: num(pick(staff, 'id') ?? raw.staff_id),
      name: str(staff.name),
      specialization: str(staff.specialization),
      ...(str(position.title) ? { position: str(position.title) } : {}),
    },
  };
}

export function normaliseEventFilters(raw: unknown): EventFilterOptions {
  const groups = new Map(list(raw).filter(isObject).map((g) => [str(g.code), list(g.data).filter(isObject).map(toOption)]));
  return {
    staff: groups.get('staff') ?? [],
    services: groups.get('service') ?? [],
    resources: groups.get('resource') ?? [],
    categories: groups.get('service_category') ?? [],
  };
}

function toOption(raw: WireObject): EventFilterOption {
  return { id: num(raw.id), title: str(raw.title), disabled: raw.is_disabled === true || raw.is_disabled === 1 || raw.is_disabled === '1' };
}

export function normaliseEventServices(raw: unknown): EventService[] {
  return list(obj(raw).events)
    .filter(isObject)
    .map((s) => ({
      id: num(s.id),
      title: str(s.title),
      categoryId: num(s.category_id),
      priceMin: num(s.price_min),
      priceMax: num(s.price_max),
      comment: str(s.comment),
      prepaid: prepaidOf(s.prepaid),
    }));
}
