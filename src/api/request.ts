// The HTTP part shared by the group-events and account clients (events.ts, account.ts): the same
// ky settings, envelope handling and errors as client.ts, for resources that load only when a
// visitor opens group events or their bookings. Answers are `data` of the API's envelope; failures
// are ApiError (the service said no) or NetworkError (no answer).
import ky, { HTTPError, TimeoutError, type KyInstance } from 'ky';
import type { ApiOptions } from './client';
import { toQuery } from './client';
import { errorFromText, parseJson, unwrapSuccess } from './envelope';
import { ApiError, NetworkError } from './errors';
import { isObject } from './wire';

export type QueryValue = string | number | readonly number[] | undefined;

export interface RequestInit {
  query?: Record<string, QueryValue>;
  json?: unknown;
  headers?: Record<string, string>;
  timeoutMs?: number;
  /** Past the browser's HTTP cache (after a refusal, say). */
  fresh?: boolean;
  /** Answer `{data, meta}` instead of `data` alone (a search's total rides in `meta.count`). */
  withMeta?: boolean;
}

export type Request = (method: 'get' | 'post' | 'put' | 'delete', path: string, init?: RequestInit) => Promise<unknown>;

export const seg = (value: string | number): string => encodeURIComponent(String(value));

/** A booking may take a while upstream; the proxy answers within its own 10 s limit before this. */
export const WRITE_TIMEOUT_MS = 30_000;

export function createRequest(options: ApiOptions): Request {
  const http: KyInstance = ky.create({
    prefixUrl: resolveBaseUrl(options.baseUrl),
    headers: {
      Accept: 'application/vnd.api.v2+json',
      ...(options.lang ? { 'Accept-Language': options.lang } : {}),
    },
    timeout: options.timeoutMs ?? 15_000,
    // Reads are safe to repeat; nothing that books, signs in, moves or cancels is.
    retry: {
      limit: 2,
      methods: ['get'],
      statusCodes: [408, 429, 500, 502, 503, 504],
      afterStatusCodes: [429, 503],
      maxRetryAfter: 10_000,
      backoffLimit: 3_000,
      jitter: (delay) => delay * (0.5 + Math.random() / 2),
      retryOnTimeout: false,
    },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

  return async (method, path, init = {}) => {
    const query = init.query ? toQuery(init.query) : '';
    let response: Response;
    try {
      response = await http(path, {
        method,
        ...(query ? { searchParams: query } : {}),
        ...(init.json !== undefined ? { json: init.json } : {}),
        ...(init.headers ? { headers: init.headers } : {}),
        ...(init.timeoutMs ? { timeout: init.timeoutMs } : {}),
        ...(init.fresh ? { cache: 'no-store' as const } : {}),
      });
    } catch (error) {
      throw await toClientError(error);
    }
    let text: string;
    try {
      text = await response.text();
    } catch (cause) {
      throw new NetworkError('The connection dropped while the answer was arriving', { timedOut: false, cause });
    }
    const body = parseJson(text, response.status);
    // A cancellation answers 204 with no body.
    if (body === undefined && method !== 'get') return undefined;
    const data = unwrapSuccess(body, response.status);
    return init.withMeta ? { data, meta: isObject(body) ? body.meta : undefined } : data;
  };
}

function resolveBaseUrl(baseUrl: string): string {
  if (/^[a-z][a-z\d+.-]*:/i.test(baseUrl) || typeof location === 'undefined') return baseUrl;
  return new URL(baseUrl, location.href).href;
}

async function toClientError(error: unknown): Promise<Error> {
  if (error instanceof HTTPError) {
    const text = await error.response.text().catch(() => '');
    return errorFromText(text, error.response.status, error.response.statusText);
  }
  if (error instanceof TimeoutError) return new NetworkError('The booking service did not answer in time', { timedOut: true, cause: error });
  if (error instanceof ApiError || error instanceof NetworkError) return error;
  return new NetworkError('The booking service could not be reached', { timedOut: false, cause: error });
}
