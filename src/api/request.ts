// The HTTP part shared by the group-events and account clients (events.ts, account.ts): the same
// ky settings, envelope handling and errors as client.ts, for resources that load only when a
// visitor opens group events or their bookings. Answers are `data` of the API's envelope; failures
// are ApiError (the service said no) or NetworkError (no answer).
import type { ApiOptions, QueryValue } from './client';
import { BOOKING_TIMEOUT_MS, createHttp, readText, toClientError, toQuery } from './client';
import { parseJson, unwrapSuccess } from './envelope';
import { isObject } from './wire';

export type { QueryValue };

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

export { seg } from './client';

/** A booking may take a while upstream; the proxy answers within its own 10 s limit before this. */
export const WRITE_TIMEOUT_MS = BOOKING_TIMEOUT_MS;

export function createRequest(options: ApiOptions): Request {
  const http = createHttp(options);

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
      const failure = await toClientError(error);
      // How long to wait (a 429's Retry-After, in seconds), for a message that says when to try again.
      const wait = Number((error as { response?: Response }).response?.headers.get('Retry-After'));
      if (wait > 0) Object.assign(failure, { retryAfterSeconds: wait });
      throw failure;
    }
    const text = await readText(response);
    const body = parseJson(text, response.status);
    // A cancellation answers 204 with no body.
    if (body === undefined && method !== 'get') return undefined;
    const data = unwrapSuccess(body, response.status);
    return init.withMeta ? { data, meta: isObject(body) ? body.meta : undefined } : data;
  };
}
