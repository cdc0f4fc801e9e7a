// The booking proxy: the widget calls it on the same /api/v1/... paths as Altegio, and it adds
// the partner token, which never leaves the server. A standard fetch handler, so the same code
// runs under @hono/node-server (npm run serve) and on fetch-handler (serverless) platforms.
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { StatusCode } from 'hono/utils/http-status';
import { matchEndpoint } from './allowlist';
import { AttemptStore, IDEMPOTENCY_HEADER, isAttemptKey, outcomeOf } from './attempts';
import { AvailabilityGenerations } from './availability';
import { cacheKey, ResponseCache, type CacheOutcome, type UpstreamAnswer } from './cache';
import { clientIp } from './client-ip';
import { ConfigError, type ProxyConfig } from './config';
import { corsForOrigins } from './cors';
import { errorEnvelope, MESSAGES } from './envelope';
import { RateLimiter } from './rate-limit';
import { callUpstream, UpstreamError, type FetchLike, type UpstreamSettings } from './upstream';

export { parseConfig, ConfigError, type ProxyConfig, type EnvRecord } from './config';
export { ENDPOINTS, matchEndpoint } from './allowlist';

export const API_PREFIX = '/api/v1';

/** One line per request: no token, no IP, no query, no body — only what a request was. */
export interface RequestLogEntry {
  readonly method: string;
  /** The allowlist template (e.g. /book_times/:id/:id/:date), never the concrete path. */
  readonly route: string;
  readonly status: number;
  readonly durationMs: number;
  readonly cache?: CacheOutcome;
}

export interface ProxyOptions {
  /** Replaces global fetch for upstream calls (demo mode passes the in-process demo backend). */
  readonly upstreamFetch?: FetchLike;
  /** Clock in milliseconds for cache TTLs and rate limits; tests move it by hand. */
  readonly now?: () => number;
  readonly log?: (entry: RequestLogEntry) => void;
  readonly retryDelaysMs?: readonly number[];
  /** For platforms that name the client another way (a header of their own). */
  readonly clientIp?: (request: Request, env: unknown) => string | undefined;
}

export interface BookingProxy {
  fetch(request: Request, env?: unknown): Promise<Response>;
  readonly app: Hono;
  readonly mode: 'proxy' | 'demo';
}

type ProxyEnv = { Variables: { route: string; cache: CacheOutcome } };

const DEFAULT_RETRY_DELAYS_MS = [250, 750];
/** Booking attempts remembered (a day each); far more than bookings a deployment makes in a day. */
const ATTEMPTS_KEPT = 50_000;

export function createProxy(config: ProxyConfig, options: ProxyOptions = {}): BookingProxy {
  if (config.partnerToken === null && !options.upstreamFetch) {
    throw new ConfigError('ALTEGIO_PARTNER_TOKEN is not set (without it, only the demo backend can be the upstream)');
  }
  const mode = config.partnerToken === null ? 'demo' : 'proxy';
  const now = options.now ?? Date.now;
  const log = options.log ?? ((entry: RequestLogEntry) => console.log(JSON.stringify(entry)));
  const cache = new ResponseCache(config.cacheMaxEntries, now);
  const attempts = new AttemptStore(ATTEMPTS_KEPT, now);
  const availability = new AvailabilityGenerations();
  const limiter = new RateLimiter(config.rateLimitPerSecond, config.rateLimitPerMinute, now);
  const upstream: UpstreamSettings = {
    base: config.upstream,
    partnerToken: config.partnerToken,
    accept: config.accept,
    timeoutMs: config.upstreamTimeoutMs,
    fetch: options.upstreamFetch ?? ((input, init) => fetch(input, init)),
    retryDelaysMs: options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS,
  };
  const fail = (c: Context, status: StatusCode, message: string) => {
    c.header('Cache-Control', 'no-store');
    c.status(status);
    return c.json(errorEnvelope(message));
  };

  const app = new Hono<ProxyEnv>();

  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    log({
      method: c.req.method,
      route: c.get('route') ?? '(refused)',
      status: c.res.status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      ...(c.get('cache') && { cache: c.get('cache') }),
    });
  });

  app.get('/health', (c) => {
    c.set('route', '/health');
    c.header('Cache-Control', 'no-store');
    return c.json({
      ok: true,
      mode,
      demo: mode === 'demo',
      upstream: mode === 'demo' ? 'demo backend (in process)' : new URL(config.upstream).host,
      cachedAnswers: cache.size,
    });
  });

  app.use(`${API_PREFIX}/*`, corsForOrigins(config.allowedOrigins));

  app.use(`${API_PREFIX}/*`, async (c, next) => {
    const client = options.clientIp?.(c.req.raw, c.env) ?? clientIp(c.req.raw, c.env, config.trustProxyHops);
    const decision = limiter.take(client);
    if (!decision.allowed) {
      c.header('Retry-After', String(decision.retryAfterSeconds));
      return fail(c, 429, MESSAGES.tooMany(decision.retryAfterSeconds));
    }
    await next();
  });

  app.use(`${API_PREFIX}/*`, bodyLimit({ maxSize: config.maxBodyBytes, onError: (c) => fail(c, 413, MESSAGES.tooLarge) }));

  // A booking attempt's outcome, asked without sending anything (attempts.ts).
  app.get(`${API_PREFIX}/booking_attempts/:key`, (c) => {
    c.set('route', '/booking_attempts/:key');
    const key = c.req.param('key');
    const record = isAttemptKey(key) ? attempts.get(key) : undefined;
    if (record?.state === 'done') return reply(c, record.answer, 'no-store');
    if (record) return unknownOutcome(c, record.state);
    c.header('Cache-Control', 'no-store');
    return c.json({ ...errorEnvelope(MESSAGES.attemptUnseen), meta: { message: MESSAGES.attemptUnseen, outcome: 'unseen' } }, 404);
  });

  app.all(`${API_PREFIX}/*`, async (c) => {
    // The parsed URL, not Hono's decoded path: what is matched is exactly what is forwarded.
    const url = new URL(c.req.url);
    const subPath = url.pathname.slice(API_PREFIX.length);
    const match = matchEndpoint(c.req.method, subPath);
    if (match.kind === 'wrong-method') {
      c.header('Allow', match.allow.join(', '));
      return fail(c, 405, MESSAGES.wrongMethod);
    }
    if (match.kind === 'refused') return fail(c, 403, MESSAGES.notPublic);
    const { endpoint } = match;
    c.set('route', endpoint.template);

    let body: Uint8Array<ArrayBuffer> | undefined;
    if (endpoint.method === 'POST') {
      if (!isJson(c.req.header('Content-Type') ?? null)) return fail(c, 415, MESSAGES.notJson);
      body = new Uint8Array(await c.req.arrayBuffer());
    }
    const acceptLanguage = c.req.header('Accept-Language');
    const request = {
      method: endpoint.method,
      pathAndQuery: subPath + url.search,
      ...(body !== undefined && { body }),
      ...(acceptLanguage !== undefined && { acceptLanguage }),
      retry: endpoint.method === 'GET',
    };
    const locationId = subPath.split('/')[2] ?? '';

    if (endpoint.cache === 'no-store') {
      const key = endpoint.idempotent ? c.req.header(IDEMPOTENCY_HEADER) : undefined;
      if (key !== undefined && !isAttemptKey(key)) return fail(c, 400, MESSAGES.badAttemptKey);
      if (key !== undefined && !attempts.begin(key)) {
        const known = attempts.get(key);
        return known?.state === 'done' ? reply(c, known.answer, 'no-store') : unknownOutcome(c, known?.state ?? 'pending');
      }
      let answer: UpstreamAnswer;
      try {
        answer = await callUpstream(upstream, request);
      } catch (error) {
        if (!(error instanceof UpstreamError)) throw error;
        // Nothing was sent when no connection was made; otherwise a booking may exist upstream.
        const sent = error.kind !== 'unreachable';
        if (key !== undefined) attempts.settle(key, sent ? { state: 'unknown' } : undefined);
        if (!endpoint.idempotent || !sent) return upstreamFailed(c, error);
        return unknownOutcome(c, 'unknown', error.kind === 'timeout' ? 504 : 502);
      } finally {
        // A booking made or refused changes what is free: later reads ask the upstream again.
        if (endpoint.changesAvailability) availability.changed(endpoint.template.startsWith('/user/') ? undefined : locationId);
      }
      if (!endpoint.idempotent) return reply(c, answer, 'no-store');
      const outcome = outcomeOf(answer, isJson(answer.contentType));
      if (key !== undefined) attempts.settle(key, outcome);
      return outcome?.state === 'unknown' ? unknownOutcome(c, 'unknown', 502) : reply(c, answer, 'no-store');
    }

    try {
      const { ttlSeconds } = endpoint.cache;
      const generation = endpoint.availability ? availability.generation(locationId) : '';
      const key = cacheKey(endpoint.method, subPath, url.searchParams, [acceptLanguage ?? '', generation]);
      const result = await cache.getOrLoad(key, ttlSeconds, () => callUpstream(upstream, request));
      c.set('cache', result.outcome);
      c.header('X-Proxy-Cache', result.outcome);
      c.header('Vary', 'Accept-Language', { append: true });
      // Free times and the like are never kept by browsers or CDNs: after a booking or a refusal
      // the next read must see the change. The proxy's own cache is dropped when that happens.
      const cacheControl =
        result.freshSeconds <= 0 ? 'no-store' : endpoint.availability ? 'no-cache' : `public, max-age=${result.freshSeconds}, stale-while-revalidate=${ttlSeconds}`;
      return reply(c, result.answer, cacheControl);
    } catch (error) {
      if (!(error instanceof UpstreamError)) throw error;
      return upstreamFailed(c, error);
    }
  });

  app.notFound((c) => fail(c, 404, MESSAGES.notFound));
  app.onError((error, c) => {
    console.error(`booking proxy: ${error.name}: ${error.message}`);
    return fail(c, 500, MESSAGES.internal);
  });

  function upstreamFailed(c: Context, error: UpstreamError): Response {
    return fail(c, error.kind === 'timeout' ? 504 : 502, error.kind === 'timeout' ? MESSAGES.timeout : MESSAGES.unreachable);
  }

  /**
   * A booking whose outcome is not known: `pending` (the first request with this key is still
   * out) or `unknown` (it went out and its answer was lost). The widget must not book again
   * before it has found out whether the booking exists.
   */
  function unknownOutcome(c: Context, outcome: 'pending' | 'unknown', status: StatusCode = 409): Response {
    c.header('Cache-Control', 'no-store');
    c.status(status);
    return c.json({ success: false, data: null, meta: { message: MESSAGES.outcomeUnknown, outcome } });
  }

  /** Passes an upstream answer on with only the headers the widget needs. */
  function reply(c: Context, answer: UpstreamAnswer, cacheControl: string): Response {
    const isError = answer.status >= 400 || !isJson(answer.contentType);
    c.header('X-Content-Type-Options', 'nosniff');
    if (answer.retryAfterSeconds !== undefined && (answer.status === 429 || answer.status === 503)) {
      c.header('Retry-After', String(answer.retryAfterSeconds));
    }
    // A gateway's HTML page (even with status 200) is no use to the widget; say it in the API's own words.
    if (!isJson(answer.contentType) && answer.body.byteLength > 0) {
      return fail(c, (answer.status >= 400 ? answer.status : 502) as StatusCode, MESSAGES.upstreamFailed);
    }
    c.header('Cache-Control', isError ? 'no-store' : cacheControl);
    c.header('Content-Type', answer.contentType ?? 'application/json');
    c.status(answer.status as StatusCode);
    const empty = answer.status === 204 || answer.status === 304 || answer.body.byteLength === 0;
    return empty ? c.body(null) : c.body(answer.body);
  }

  return {
    app: app as unknown as Hono,
    mode,
    fetch: async (request, env) => app.fetch(request, env),
  };
}

function isJson(contentType: string | null): boolean {
  return contentType !== null && /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i.test(contentType);
}
