// Calls the Altegio (or YCLIENTS) API with the partner token. Only the headers the API needs are
// sent: whatever the browser sent (cookies, its own Authorization) stays here.
import type { UpstreamAnswer } from './cache';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface UpstreamSettings {
  readonly base: string;
  readonly partnerToken: string | null;
  readonly accept: string;
  readonly timeoutMs: number;
  readonly fetch: FetchLike;
  /** Waits before the 2nd, 3rd… attempt of a GET; its length is the number of retries. */
  readonly retryDelaysMs: readonly number[];
}

export interface UpstreamRequest {
  readonly method: string;
  /** Path below the API base plus the original query string, e.g. /book_dates/1?date=… */
  readonly pathAndQuery: string;
  readonly body?: Uint8Array<ArrayBuffer>;
  readonly acceptLanguage?: string;
  /** The visitor's user token (user endpoints only): sent as `Authorization: Bearer <partner>, User <token>`. */
  readonly userToken?: string;
  /** Safe to send again: true for GETs, never for bookings (a retry could book twice). */
  readonly retry: boolean;
  /** Runs before every attempt (the upstream budget); throwing stops the call before anything is sent. */
  readonly beforeAttempt?: () => Promise<void>;
  /** Sees every attempt's outcome (metrics, the upstream's 429). */
  readonly afterAttempt?: (outcome: UpstreamAnswer | UpstreamError) => void | Promise<void>;
}

/**
 * - unreachable: no connection was made, so the request was never sent (safe to say "nothing done");
 * - dropped: the connection broke after the request went out (it may have been handled);
 * - timeout: no whole answer in time (it may have been handled).
 */
export type UpstreamFailure = 'unreachable' | 'dropped' | 'timeout';

export class UpstreamError extends Error {
  override name = 'UpstreamError';
  constructor(readonly kind: UpstreamFailure) {
    super(
      kind === 'timeout'
        ? 'The booking service did not answer in time'
        : kind === 'dropped'
          ? 'The connection to the booking service broke before its answer arrived'
          : 'The booking service cannot be reached',
    );
  }
}

/** Errors of the connect phase: the request never left this server. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

function failureOf(error: unknown): UpstreamFailure {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') return 'timeout';
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && NOT_SENT_CODES.has(code)) return 'unreachable';
  }
  return 'dropped';
}

/** Waiting longer than this for a Retry-After would outlast the visitor's patience; pass the answer on. */
const MAX_RETRY_AFTER_MS = 3000;
const REDACTED = '[redacted]';

export async function callUpstream(settings: UpstreamSettings, request: UpstreamRequest): Promise<UpstreamAnswer> {
  const retries = request.retry ? settings.retryDelaysMs.length : 0;
  for (let attempt = 0; ; attempt++) {
    const last = attempt >= retries;
    await request.beforeAttempt?.();
    let answer: UpstreamAnswer;
    try {
      answer = await attemptOnce(settings, request);
    } catch (error) {
      if (error instanceof UpstreamError) await request.afterAttempt?.(error);
      // A timeout is not retried: the visitor has already waited the whole timeout once.
      if (last || (error instanceof UpstreamError && error.kind === 'timeout')) throw error;
      await sleep(settings.retryDelaysMs[attempt] ?? 0);
      continue;
    }
    await request.afterAttempt?.(answer);
    // A 429 is never retried here: the upstream asked everyone to wait (budget.ts pauses all calls).
    if (last || answer.status < 500) return answer;
    const waitMs = answer.retryAfterSeconds !== undefined ? answer.retryAfterSeconds * 1000 : settings.retryDelaysMs[attempt] ?? 0;
    if (waitMs > MAX_RETRY_AFTER_MS) return answer;
    await sleep(waitMs);
  }
}

async function attemptOnce(settings: UpstreamSettings, request: UpstreamRequest): Promise<UpstreamAnswer> {
  const headers: Record<string, string> = { Accept: settings.accept };
  if (settings.partnerToken !== null) headers.Authorization = `Bearer ${settings.partnerToken}`;
  if (request.userToken !== undefined) {
    headers.Authorization = settings.partnerToken !== null ? `Bearer ${settings.partnerToken}, User ${request.userToken}` : `User ${request.userToken}`;
  }
  if (request.body !== undefined) headers['Content-Type'] = 'application/json';
  if (request.acceptLanguage) headers['Accept-Language'] = request.acceptLanguage;

  const init: RequestInit = {
    method: request.method,
    headers,
    redirect: 'manual', // a redirect would carry the token to wherever it points
    signal: AbortSignal.timeout(settings.timeoutMs),
  };
  if (request.body !== undefined) init.body = request.body;

  try {
    const response = await settings.fetch(settings.base + request.pathAndQuery, init);
    const body = new Uint8Array(await response.arrayBuffer());
    const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
    return {
      status: response.status,
      contentType: response.headers.get('Content-Type'),
      body: redactToken(body, settings.partnerToken),
      ...(retryAfter !== undefined && { retryAfterSeconds: retryAfter }),
    };
  } catch (error) {
    throw new UpstreamError(failureOf(error));
  }
}

/** Defence in depth: should the upstream ever echo the request (a debug page, say), the token is cut out. */
function redactToken(body: Uint8Array<ArrayBuffer>, token: string | null): Uint8Array<ArrayBuffer> {
  if (token === null || body.byteLength < token.length) return body;
  const text = new TextDecoder().decode(body);
  return text.includes(token) ? new TextEncoder().encode(text.replaceAll(token, REDACTED)) : body;
}

/** Retry-After in seconds, from either of its forms (seconds or an HTTP date). */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
