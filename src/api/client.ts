// The one client for the booking API. It talks to a proxy that adds the partner token, so no
// Authorization header is ever sent from here. Every answer is normalised into ./types.
import ky, { HTTPError, TimeoutError, type KyInstance } from 'ky';
import { errorFromText, parseJson, unwrapSuccess } from './envelope';
import { ApiError, NetworkError } from './errors';
import { normaliseBookingForm } from './forms';
import { normaliseLocale, normaliseLocation, normaliseLocations } from './locations';
import { normaliseServiceCatalog } from './services';
import type { EventsApi } from './events';
import type {
  Appointment,
  BookableDates,
  BookingDetails,
  BookingForm,
  BookingRequest,
  CreatedRecord,
  Location,
  NearestSlots,
  ServiceCatalog,
  Slot,
  TeamMember,
} from './types';

export interface ApiOptions {
  /** e.g. `/api/v1` in the browser (resolved against the page), or an absolute URL. */
  baseUrl: string;
  /** Sent as Accept-Language so names come back in the widget's language. */
  lang?: string;
  fetch?: typeof fetch;
  /** Per attempt; default 15 s. */
  timeoutMs?: number;
}

export interface Api {
  getBookingForm(formId: number): Promise<BookingForm>;
  getLocations(groupId: number): Promise<Location[]>;
  getLocation(locationId: number): Promise<Location>;
  getLocale(lang: string): Promise<Record<string, unknown>>;
  getServices(locationId: number, q?: { staffId?: number; datetime?: string; serviceIds?: number[] }): Promise<ServiceCatalog>;
  getStaff(locationId: number, q?: { serviceIds?: number[]; datetime?: string }): Promise<TeamMember[]>;
  getNearestSlots(locationId: number, staffId: number, q?: { serviceIds?: number[]; datetime?: string }): Promise<NearestSlots>;
  /** `month` is any YYYY-MM-DD of the month; `from` + `to` ask for a range instead. */
  getDates(
    locationId: number,
    q: { serviceIds?: number[]; staffId?: number; month?: string; from?: string; to?: string },
  ): Promise<BookableDates>;
  /** staffId 0 = any team member; date is YYYY-MM-DD. */
  getTimes(locationId: number, staffId: number, date: string, q: { serviceIds: number[] }): Promise<Slot[]>;
  sendCode(locationId: number, contact: { phone: string; fullname: string }): Promise<void>;
  checkBooking(locationId: number, appointments: Appointment[]): Promise<void>;
  /** `req.apiId` doubles as the attempt's Idempotency-Key: the proxy sends one attempt upstream once. */
  createBooking(locationId: number, req: BookingRequest): Promise<CreatedRecord[]>;
  /**
   * What became of a booking attempt whose answer was lost, asked of the proxy without sending
   * anything: the records when it was made, or the ApiError it was refused with; an ApiError with
   * `outcome` 'pending' | 'unknown' | 'unseen' when the proxy cannot tell (any other error: no proxy
   * that keeps attempts).
   */
  bookingAttempt(attemptKey: string): Promise<CreatedRecord[]>;
  /** Who can take these services at exactly this time, asked fresh (not from any cache). */
  freeMembersAt(locationId: number, serviceIds: number[], datetime: string): Promise<number[]>;
  /** The location's free times, days and team may have changed (a refusal): the next reads skip the browser's cache. */
  availabilityChanged(): void;
  getBooking(locationId: number, recordId: number, recordHash: string): Promise<BookingDetails>;
  /** The privacy policy a visitor accepts before booking, as business-written HTML. */
  getPrivacyPolicy(locationId: number): Promise<string>;
  /** Cancels a booking; the hash from its creation stands in for a signed-in user. */
  cancelBooking(recordId: number, recordHash: string): Promise<void>;
  /** The group-events client (its own chunk), on the same base and language. */
  events?(): Promise<EventsApi>;
}

export type QueryValue = string | number | readonly number[] | undefined;

/** `{service_ids: [1, 2], staff_id: 3}` → `service_ids[]=1&service_ids[]=2&staff_id=3` (brackets kept literal, as documented). */
export function toQuery(params: Record<string, QueryValue>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === '') continue;
    if (Array.isArray(value)) {
      for (const item of value) parts.push(`${encodeURIComponent(key)}[]=${encodeURIComponent(String(item))}`);
    } else {
      parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
    }
  }
  return parts.join('&');
}

// ky would not resolve a relative prefix outside a page with a base URL; resolving it here also covers jsdom.
function resolveBaseUrl(baseUrl: string): string {
  if (/^[a-z][a-z\d+.-]*:/i.test(baseUrl) || typeof location === 'undefined') return baseUrl;
  return new URL(baseUrl, location.href).href;
}

export const seg = (value: string | number): string => encodeURIComponent(String(value));

/** The HTTP client of every API module: the API's media type and language, its timeout and when reads are retried. */
export function createHttp(options: ApiOptions): KyInstance {
  return ky.create({
    prefixUrl: resolveBaseUrl(options.baseUrl),
    headers: {
      // No Content-Type on reads: it is not a CORS-safelisted header, so on a cross-origin API it
      // would cost a preflight round trip per URL. ky sets it on POSTs, which carry JSON.
      Accept: 'application/vnd.api.v2+json',
      ...(options.lang ? { 'Accept-Language': options.lang } : {}),
    },
    timeout: options.timeoutMs ?? 15_000,
    // Reads are safe to repeat; a booking is not, so POST is never retried.
    retry: {
      limit: 2,
      methods: ['get'],
      statusCodes: [408, 429, 500, 502, 503, 504],
      afterStatusCodes: [429, 503],
      maxRetryAfter: 10_000,
      backoffLimit: 3_000,
      // Half to full backoff, so widgets on many pages do not all come back at the same instant
      // after an outage. ky applies no jitter to a server's Retry-After, which is honoured as given.
      jitter: (delay) => delay * (0.5 + Math.random() / 2),
      // A timed-out read is not repeated: three 15 s waits would leave the visitor staring too
      // long; the step shows a retry button instead.
      retryOnTimeout: false,
    },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}

export function createApi(options: ApiOptions): Api {
  const http = createHttp(options);

  // Reads that failed, and availability right after a refusal, are asked again past the
  // browser's HTTP cache: "Try again" must never get the broken or outdated answer back.
  const failedReads = new Set<string>();
  let availabilityFreshUntil = 0;
  const isAvailability = (path: string) => /^book_(?:times|dates|staff|staff_seances|services)\//.test(path);

  interface CallInit {
    query?: string;
    json?: unknown;
    headers?: Record<string, string>;
    timeoutMs?: number;
    fresh?: boolean;
  }

  /** Sends a request and returns the `data` of the answer; throws ApiError or NetworkError. */
  async function call(method: 'get' | 'post' | 'delete', path: string, init: CallInit = {}) {
    const readId = `${path}?${init.query ?? ''}`;
    const fresh = init.fresh || (method === 'get' && (failedReads.has(readId) || (isAvailability(path) && Date.now() < availabilityFreshUntil)));
    let response: Response;
    try {
      response = await http(path, {
        method,
        ...(init.query ? { searchParams: init.query } : {}),
        ...(init.json !== undefined ? { json: init.json } : {}),
        ...(init.headers ? { headers: init.headers } : {}),
        ...(init.timeoutMs ? { timeout: init.timeoutMs } : {}),
        ...(fresh ? { cache: 'no-store' as const } : {}),
      });
    } catch (error) {
      if (method === 'get') failedReads.add(readId);
      throw await toClientError(error);
    }
    if (method === 'get') failedReads.delete(readId);
    try {
      return await readAnswer(method, response);
    } catch (error) {
      if (method === 'get') failedReads.add(readId);
      throw error;
    }
  }

  async function readAnswer(method: string, response: Response) {
    const text = await readText(response);
    const body = parseJson(text, response.status);
    // book_check answers 201 with an empty body on success; a cancellation may answer 204.
    if (body === undefined && method !== 'get') return undefined;
    return unwrapSuccess(body, response.status);
  }

  const get = (path: string, query?: Record<string, QueryValue>) => call('get', path, query ? { query: toQuery(query) } : {});
  // The normalisers of later steps load beside their first request, never before it: the first
  // step's download stays small and no request waits for code.
  const getWith = <M>(load: () => Promise<M>, path: string, query?: Record<string, QueryValue>) =>
    Promise.all([get(path, query), load()]);
  const post = (path: string, json: unknown) => call('post', path, { json });

  return {
    async getBookingForm(formId) {
      return normaliseBookingForm(await get(`bookform/${seg(formId)}`), formId);
    },
    async getLocations(groupId) {
      return normaliseLocations(await get('companies', { group_id: groupId, forBooking: 1 }));
    },
    async getLocation(locationId) {
      return normaliseLocation(await get(`company/${seg(locationId)}`, { forBooking: 1 }));
    },
    async getLocale(lang) {
      return normaliseLocale(await get(`i18n/${seg(lang)}`));
    },
    async getServices(locationId, q = {}) {
      const query = { staff_id: q.staffId, datetime: q.datetime, service_ids: q.serviceIds };
      return normaliseServiceCatalog(await get(`book_services/${seg(locationId)}`, query));
    },
    async getStaff(locationId, q = {}) {
      const query = { service_ids: q.serviceIds, datetime: q.datetime };
      const [data, { normaliseTeam }] = await getWith(() => import('./staff'), `book_staff/${seg(locationId)}`, query);
      return normaliseTeam(data);
    },
    async getNearestSlots(locationId, staffId, q = {}) {
      const query = { service_ids: q.serviceIds, datetime: q.datetime };
      const [data, { normaliseNearestSlots }] = await getWith(() => import('./schedule'), `book_staff_seances/${seg(locationId)}/${seg(staffId)}`, query);
      return normaliseNearestSlots(data);
    },
    async getDates(locationId, q) {
      const query = {
        service_ids: q.serviceIds,
        staff_id: q.staffId,
        date: q.month,
        date_from: q.from,
        date_to: q.to,
      };
      const [data, { normaliseBookableDates }] = await getWith(() => import('./schedule'), `book_dates/${seg(locationId)}`, query);
      return normaliseBookableDates(data, q.from ?? monthStart(q.month) ?? '');
    },
    async getTimes(locationId, staffId, date, q) {
      const [data, { normaliseSlots }] = await getWith(() => import('./schedule'), `book_times/${seg(locationId)}/${seg(staffId)}/${seg(date)}`, {
        service_ids: q.serviceIds,
      });
      return normaliseSlots(data);
    },
    async sendCode(locationId, contact) {
      await post(`book_code/${seg(locationId)}`, { phone: contact.phone, fullname: contact.fullname });
    },
    async checkBooking(locationId, appointments) {
      const { appointmentsBody } = await import('./booking');
      await post(`book_check/${seg(locationId)}`, appointmentsBody(appointments));
    },
    async createBooking(locationId, req) {
      const { bookingBody, normaliseCreatedRecords } = await import('./booking');
      const data = await call('post', `book_record/${seg(locationId)}`, {
        json: bookingBody(req),
        ...(req.apiId ? { headers: { 'Idempotency-Key': req.apiId } } : {}),
        // Longer than the proxy waits for the upstream (10 s by default), so its verdict arrives.
        timeoutMs: BOOKING_TIMEOUT_MS,
      });
      return normaliseCreatedRecords(data);
    },
    async bookingAttempt(attemptKey) {
      const { normaliseCreatedRecords } = await import('./booking');
      return normaliseCreatedRecords(await call('get', `booking_attempts/${seg(attemptKey)}`, { fresh: true }));
    },
    async freeMembersAt(locationId, serviceIds, datetime) {
      const query = toQuery({ service_ids: serviceIds, datetime });
      const [data, { normaliseTeam }] = await Promise.all([call('get', `book_staff/${seg(locationId)}`, { query, fresh: true }), import('./staff')]);
      return normaliseTeam(data).filter((m) => m.bookable).map((m) => m.id);
    },
    availabilityChanged() {
      availabilityFreshUntil = Date.now() + AVAILABILITY_FRESH_MS;
    },
    async getBooking(locationId, recordId, recordHash) {
      const [data, { normaliseBookingDetails }] = await getWith(() => import('./booking'), `book_record/${seg(locationId)}/${seg(recordId)}/${seg(recordHash)}`);
      return normaliseBookingDetails(data);
    },
    async getPrivacyPolicy(locationId) {
      const [data, { normalisePrivacyPolicy }] = await getWith(() => import('./booking'), `privacy_policy/${seg(locationId)}`);
      return normalisePrivacyPolicy(data);
    },
    async cancelBooking(recordId, recordHash) {
      // Never retried (ky retries only GETs): a second DELETE after a lost answer would only 404.
      await call('delete', `user/records/${seg(recordId)}/${seg(recordHash)}`);
    },
    events: () => import('./events').then((m) => m.createEventsApi(options)),
  };
}

/**
 * The booking_start request (one answer for everything before the first step), with the headers
 * the widget's own reads send, so both find the same answers in the proxy's cache.
 */
export function requestStart(baseUrl: string, formId: number, q: { lang?: string; locationId?: number } = {}): Promise<Response> {
  const query = toQuery({ lang: q.lang, location: q.locationId });
  return fetch(`${resolveBaseUrl(baseUrl).replace(/\/$/, '')}/booking_start/${seg(formId)}${query ? `?${query}` : ''}`, q.lang ? { headers: { 'Accept-Language': q.lang } } : {});
}

/** A booking may take a while upstream; the proxy answers within its own 10 s limit before this. */
/** A booking may take a while upstream; the proxy answers within its own 10 s limit before this. */
export const BOOKING_TIMEOUT_MS = 30_000;
/** After a refusal, the screens that follow read availability fresh for this long. */
const AVAILABILITY_FRESH_MS = 60_000;

function monthStart(month: string | undefined): string | undefined {
  return month ? `${month.slice(0, 7)}-01` : undefined;
}

export async function readText(response: Response): Promise<string> {
  try {
    return await response.text();
  } catch (cause) {
    throw new NetworkError('The connection dropped while the answer was arriving', { timedOut: false, cause });
  }
}

export async function toClientError(error: unknown): Promise<Error> {
  if (error instanceof HTTPError) {
    const text = await error.response.text().catch(() => '');
    return errorFromText(text, error.response.status, error.response.statusText);
  }
  if (error instanceof TimeoutError) {
    return new NetworkError('The booking service did not answer in time', { timedOut: true, cause: error });
  }
  if (error instanceof ApiError || error instanceof NetworkError) return error;
  return new NetworkError('The booking service could not be reached', { timedOut: false, cause: error });
}
