// The public online-booking endpoints, and nothing else. The partner token opens more of the API
// than a booking widget needs; a request that matches no row here never reaches the upstream.

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** How an answer may be cached: seconds for shared caches, or never (POSTs, per-person data). */
export type CachePolicy = { readonly ttlSeconds: number } | 'no-store';

export interface Endpoint {
  readonly method: HttpMethod;
  /** Path template under /api/v1, used for matching and in logs (never the concrete path). */
  readonly template: string;
  readonly cache: CachePolicy;
  /**
   * Free times, days, team members and services of one location (its id is the first path
   * parameter): dropped from the proxy's cache when a booking there passes through, and never
   * kept by browsers, so a time just taken is not offered again.
   */
  readonly availability?: true;
  /** A booking, its check or a cancellation: the location's availability answers are stale after it. */
  readonly changesAvailability?: true;
  /** A booking: at most one upstream call per idempotency key (attempts.ts). */
  readonly idempotent?: true;
  /**
   * The visitor's own data: the browser's `X-User-Token` is sent upstream as
   * `Authorization: Bearer <partner>, User <token>` for these endpoints only ('required': refused
   * with 401 without one; 'optional': composed when given). Their answers are never cached.
   */
  readonly user?: 'required' | 'optional';
  /** Sign-in with an SMS code: attempts are limited per phone and per client (sign-in.ts). */
  readonly signIn?: true;
  /**
   * The query parameters the endpoint knows (`[]` marks a list). Others are dropped before the
   * request is forwarded or cached: made-up parameters cannot make an answer look new.
   */
  readonly params?: readonly string[];
}

// Path parameter shapes. Strict on purpose: a segment like `..` or `%2F` cannot steer the
// upstream request to another endpoint.
const PARAM_PATTERNS: Readonly<Record<string, RegExp>> = {
  id: /^\d{1,12}$/,
  lang: /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,2}$/,
  date: /^\d{4}-\d{2}-\d{2}(?:T[0-9:.+-]{2,25})?$/,
  hash: /^[A-Za-z0-9_-]{1,128}$/,
};

const MINUTE = 60;

// Form, locale, locations, services and staff change rarely: minutes. Dates and times change as
// people book: seconds, so a taken slot disappears quickly (book_check catches the rest).
export const ENDPOINTS: readonly Endpoint[] = [
  { method: 'GET', template: '/bookform/:id', cache: { ttlSeconds: 5 * MINUTE } },
  { method: 'GET', template: '/i18n/:lang', cache: { ttlSeconds: 30 * MINUTE } },
  { method: 'GET', template: '/companies', cache: { ttlSeconds: 5 * MINUTE }, params: ['group_id', 'forBooking'] },
  { method: 'GET', template: '/company/:id', cache: { ttlSeconds: 5 * MINUTE }, params: ['forBooking'] },
  { method: 'GET', template: '/book_services/:id', cache: { ttlSeconds: 2 * MINUTE }, availability: true, params: ['staff_id', 'datetime', 'service_ids[]'] },
  { method: 'GET', template: '/book_staff/:id', cache: { ttlSeconds: 2 * MINUTE }, availability: true, params: ['service_ids[]', 'datetime'] },
  { method: 'GET', template: '/book_staff_seances/:id/:id', cache: { ttlSeconds: 15 }, availability: true, params: ['service_ids[]', 'datetime'] },
  { method: 'GET', template: '/book_dates/:id', cache: { ttlSeconds: 30 }, availability: true, params: ['service_ids[]', 'staff_id', 'date', 'date_from', 'date_to'] },
  { method: 'GET', template: '/book_times/:id/:id/:date', cache: { ttlSeconds: 10 }, availability: true, params: ['service_ids[]'] },
  { method: 'GET', template: '/privacy_policy/:id', cache: { ttlSeconds: 10 * MINUTE } },
  { method: 'POST', template: '/book_code/:id', cache: 'no-store' },
  { method: 'POST', template: '/book_check/:id', cache: 'no-store', changesAvailability: true },
  { method: 'POST', template: '/book_record/:id', cache: 'no-store', changesAvailability: true, idempotent: true },
  { method: 'GET', template: '/book_record/:id/:id/:hash', cache: 'no-store' },
  { method: 'DELETE', template: '/user/records/:id/:hash', cache: 'no-store', changesAvailability: true, user: 'optional' },
  // Group events: seats change as people book, so they are availability like free times.
  { method: 'GET', template: '/activity/:id/search', cache: { ttlSeconds: 15 }, availability: true, params: ['from', 'till', 'service_ids[]', 'staff_ids[]', 'resource_ids[]', 'page', 'count'] },
  { method: 'GET', template: '/activity/:id/search_dates', cache: { ttlSeconds: 30 }, availability: true, params: ['from', 'till', 'service_ids[]', 'staff_ids[]', 'resource_ids[]'] },
  { method: 'GET', template: '/activity/:id/search_dates_range', cache: { ttlSeconds: 2 * MINUTE }, availability: true, params: ['service_ids[]', 'staff_ids[]', 'resource_ids[]'] },
  { method: 'GET', template: '/activity/:id/filters', cache: { ttlSeconds: 2 * MINUTE }, availability: true, params: ['service_ids[]', 'staff_ids[]', 'resource_ids[]'] },
  { method: 'POST', template: '/activity/:id/:id/book', cache: 'no-store', changesAvailability: true, idempotent: true },
  // The visitor's account (the code is sent by POST book_code).
  { method: 'POST', template: '/user/auth', cache: 'no-store', signIn: true },
  { method: 'GET', template: '/booking/user/data', cache: 'no-store', user: 'required' },
  { method: 'GET', template: '/user/records', cache: 'no-store', user: 'required', params: ['company_id', 'group_id'] },
  { method: 'GET', template: '/user/records/:id/:hash', cache: 'no-store', user: 'required' },
  { method: 'PUT', template: '/book_record/:id/:id', cache: 'no-store', changesAvailability: true, user: 'required' },
];

/** The header the browser sends the visitor's user token in (never `Authorization`). */
export const USER_TOKEN_HEADER = 'X-User-Token';
/** A user token's shape: whatever else arrives in the header is refused, not forwarded. */
export const USER_TOKEN_PATTERN = /^[A-Za-z0-9._~-]{8,256}$/;

/**
 * The query the upstream gets, and the cache keys on: only the endpoint's known parameters, each
 * once (a list's items sorted and de-duplicated), names in order, empty values dropped, list
 * brackets literal as the API documents them. `service_ids[]=2&x=1&service_ids[]=1&service_ids[]=2`
 * → `service_ids[]=1&service_ids[]=2`.
 */
export function knownQuery(endpoint: Endpoint, query: URLSearchParams): string {
  const parts: string[] = [];
  for (const name of [...(endpoint.params ?? [])].sort()) {
    const isList = name.endsWith('[]');
    const values = query.getAll(name).map((v) => v.trim()).filter((v) => v !== '' && v.length <= 64);
    if (values.length === 0) continue;
    const kept = isList ? [...new Set(values)].sort(byNumberThenText).slice(0, 50) : [values[0]!];
    for (const value of kept) parts.push(`${isList ? `${encodeURIComponent(name.slice(0, -2))}[]` : encodeURIComponent(name)}=${encodeURIComponent(value)}`);
  }
  return parts.join('&');
}

function byNumberThenText(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  if (Number.isFinite(x) && Number.isFinite(y)) return x - y;
  return a < b ? -1 : a > b ? 1 : 0;
}

export type Match =
  | { readonly kind: 'allowed'; readonly endpoint: Endpoint }
  /** The path is public but not with this method (e.g. PATCH /book_record/…). */
  | { readonly kind: 'wrong-method'; readonly allow: readonly HttpMethod[] }
  | { readonly kind: 'refused' };

/** Matches a path below /api/v1 (starting with '/', query excluded) against the allowlist. */
export function matchEndpoint(method: string, path: string): Match {
  const segments = path.split('/').slice(1);
  const allow: HttpMethod[] = [];
  for (const endpoint of ENDPOINTS) {
    if (!templateMatches(endpoint.template, segments)) continue;
    if (endpoint.method === method) return { kind: 'allowed', endpoint };
    allow.push(endpoint.method);
  }
  return allow.length > 0 ? { kind: 'wrong-method', allow } : { kind: 'refused' };
}

function templateMatches(template: string, segments: readonly string[]): boolean {
  const parts = template.split('/').slice(1);
  if (parts.length !== segments.length) return false;
  return parts.every((part, i) => {
    const segment = segments[i] ?? '';
    if (!part.startsWith(':')) return part === segment;
    const pattern = PARAM_PATTERNS[part.slice(1)];
    return pattern !== undefined && pattern.test(segment);
  });
}
