// The booking proxy: the widget calls it on the same /api/v1/... paths as Altegio, and it adds
// the partner token, which never leaves the server. A standard fetch handler, so the same code
// runs under @hono/node-server (npm run serve) and on fetch-handler (serverless) platforms.
// What several instances must agree on (cache, limits, the upstream budget, booking attempts)
// lives in a SharedStore: this instance's memory, or Redis (store.ts).
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { StatusCode } from 'hono/utils/http-status';
import { knownQuery, matchEndpoint, USER_TOKEN_HEADER, USER_TOKEN_PATTERN, type Endpoint } from './allowlist';
import { AttemptStore, IDEMPOTENCY_HEADER, isAttemptKey, outcomeOf } from './attempts';
import { AvailabilityGenerations } from './availability';
import { BudgetExhausted, UpstreamBudget, type CallKind } from './budget';
import { ResponseCache, type CacheOutcome, type UpstreamAnswer } from './cache';
import { clientIp } from './client-ip';
import { ConfigError, type ProxyConfig } from './config';
import { corsForOrigins } from './cors';
import { errorEnvelope, MESSAGES } from './envelope';
import { ProxyMetrics } from './metrics';
import { signInRefusal } from './sign-in';
import { MemoryStore, type SharedStore } from './store';
import { callUpstream, UpstreamError, type FetchLike, type UpstreamRequest, type UpstreamSettings } from './upstream';
import { composeStart, etagOf, START_ID, START_LANG } from './start';

export { parseConfig, demoRequested, ConfigError, type ProxyConfig, type EnvRecord } from './config';
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
  /** For platforms that name the client another way (a binding of their own). */
  readonly clientIp?: (request: Request, env: unknown) => string | undefined;
  /** Shared by instances (Redis); this instance's memory when absent. */
  readonly store?: SharedStore;
  /** How long a call may queue for upstream budget (ms); tests shorten it. */
  readonly queueMs?: Partial<Record<CallKind, number>>;
}

export interface BookingProxy {
  fetch(request: Request, env?: unknown): Promise<Response>;
  readonly app: Hono;
  readonly mode: 'proxy' | 'demo';
  readonly store: SharedStore;
  readonly metrics: ProxyMetrics;
}

type ProxyEnv = { Variables: { route: string; cache: CacheOutcome } };

const DEFAULT_RETRY_DELAYS_MS = [250, 750];
const DEFAULT_QUEUE_MS: Record<CallKind, number> = { read: 1500, booking: 5000 };
/** Kept for bookings out of the deployment's budget: reads stop this short of it. */
const BOOKING_RESERVE = { perSecond: 1, perMinute: 20 };

export function createProxy(config: ProxyConfig, options: ProxyOptions = {}): BookingProxy {
  if (config.partnerToken === null && !options.upstreamFetch) {
    throw new ConfigError('ALTEGIO_PARTNER_TOKEN is not set (without it, only the demo backend can be the upstream)');
  }
  const mode = config.partnerToken === null ? 'demo' : 'proxy';
  const now = options.now ?? Date.now;
  const log = options.log ?? bufferedLog();
  const store = options.store ?? new MemoryStore(now, config.cacheMaxEntries);
  const cache = new ResponseCache(store, now, config.upstreamTimeoutMs + 1000, config.cacheMaxEntries > 0);
  const attempts = new AttemptStore(store);
  const availability = new AvailabilityGenerations(store);
  const metrics = new ProxyMetrics();
  const budget = new UpstreamBudget(
    store,
    {
      perSecond: config.upstreamPerSecond,
      perMinute: config.upstreamPerMinute,
      bookingReservePerSecond: Math.min(BOOKING_RESERVE.perSecond, config.upstreamPerSecond - 1),
      bookingReservePerMinute: Math.min(BOOKING_RESERVE.perMinute, Math.floor(config.upstreamPerMinute / 10)),
      clientPerSecond: Math.min(config.clientUpstreamPerSecond, config.upstreamPerSecond),
      clientPerMinute: Math.min(config.clientUpstreamPerMinute, config.upstreamPerMinute),
      queueMs: { ...DEFAULT_QUEUE_MS, ...options.queueMs },
    },
    now,
  );
  const clientLimits = [
    { windowMs: 1000, limit: config.rateLimitPerSecond },
    { windowMs: 60_000, limit: config.rateLimitPerMinute },
  ];
  const upstream: UpstreamSettings = {
    base: config.upstream,
    partnerToken: config.partnerToken,
    accept: config.accept,
    timeoutMs: config.upstreamTimeoutMs,
    fetch: options.upstreamFetch ?? ((input, init) => fetch(input, init)),
    retryDelaysMs: options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS,
  };
  const clientOf = (c: Context): string | undefined =>
    options.clientIp?.(c.req.raw, c.env) ?? clientIp(c.req.raw, c.env, config.trustProxyHops, config.clientIpHeader);

  const fail = (c: Context, status: StatusCode, message: string) => {
    c.header('Cache-Control', 'no-store');
    c.status(status);
    return c.json(errorEnvelope(message));
  };
  const tooMany = (c: Context, retryAfterMs: number, message: string) => {
    const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    metrics.refused429++;
    c.header('Retry-After', String(seconds));
    return fail(c, 429, message || MESSAGES.tooMany(seconds));
  };

  const app = new Hono<ProxyEnv>();

  app.use(`${API_PREFIX}/*`, async (c, next) => {
    const started = performance.now();
    await next();
    const seconds = (performance.now() - started) / 1000;
    metrics.observe(seconds);
    const outcome = c.get('cache');
    if (outcome) metrics.cache[outcome]++;
    log({
      method: c.req.method,
      route: c.get('route') ?? '(refused)',
      status: c.res.status,
      durationMs: Math.round(seconds * 10_000) / 10,
      ...(outcome && { cache: outcome }),
    });
  });

  app.get('/health', async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({
      ok: true,
      mode,
      demo: mode === 'demo',
      upstream: mode === 'demo' ? 'demo backend (in process)' : new URL(config.upstream).host,
      store: store.health(),
      budget: await budget.usage(),
      cache: { hitRate: metrics.cacheHitRate, ...metrics.cache },
      clientIp: options.clientIp ? 'platform' : config.clientIpHeader ? `header ${config.clientIpHeader}` : config.trustProxyHops > 0 ? `X-Forwarded-For, ${config.trustProxyHops} hop(s)` : 'socket',
    });
  });

  app.get('/metrics', async (c) => {
    c.header('Cache-Control', 'no-store');
    if (config.metricsToken !== null && c.req.header('Authorization') !== `Bearer ${config.metricsToken}`) {
      c.header('WWW-Authenticate', 'Bearer');
      return c.text('Unauthorized\n', 401);
    }
    return c.text(metrics.render(await budget.usage()), 200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' });
  });

  app.use(`${API_PREFIX}/*`, corsForOrigins(config.allowedOrigins));

  // Per client, every request counts (cache hits too): generous, hits are cheap. What a client's
  // cache misses may cost of the upstream budget is limited apart, in budget.ts.
  app.use(`${API_PREFIX}/*`, async (c, next) => {
    const client = clientOf(c);
    if (client !== undefined) {
      const decision = await store.take(`client:${client}`, clientLimits);
      if (!decision.allowed) return tooMany(c, decision.retryAfterMs, '');
    }
    await next();
  });

  // A booking attempt's outcome, asked without sending anything (attempts.ts).
  app.get(`${API_PREFIX}/booking_attempts/:key`, async (c) => {
    c.set('route', '/booking_attempts/:key');
    const key = c.req.param('key');
    const record = isAttemptKey(key) ? await attempts.get(key) : undefined;
    if (record?.state === 'done') return reply(c, record.answer, 'no-store');
    if (record) return unknownOutcome(c, record.state);
    c.header('Cache-Control', 'no-store');
    return c.json({ success: false, data: null, meta: { message: MESSAGES.attemptUnseen, outcome: 'unseen' } }, 404);
  });

  // Everything before the first step in one answer (start.ts), for the widget to ask for while
  // its code loads. Ids are digits, the language a language tag: nothing else reaches the upstream.
  app.get(`${API_PREFIX}/booking_start/:id`, async (c) => {
    c.set('route', '/booking_start/:id');
    const formId = c.req.param('id');
    const lang = c.req.query('lang') || undefined;
    const locationId = c.req.query('location') || undefined;
    if (!START_ID.test(formId) || (locationId !== undefined && !START_ID.test(locationId)) || (lang !== undefined && !START_LANG.test(lang))) {
      return fail(c, 400, MESSAGES.badStart);
    }
    const acceptLanguage = c.req.header('Accept-Language');
    c.header('Vary', 'Accept-Language', { append: true });
    try {
      const answer = await composeStart(readFor(clientOf(c), acceptLanguage), { formId, ...(lang && { lang }), ...(locationId && { locationId }) });
      // No form, no start: the upstream's own answer (404 for an unknown form), as Altegio gives it.
      if (answer.kind === 'form-failed') return reply(c, answer.result.answer, 'no-store');
      c.set('cache', answer.outcomes.every((o) => o === 'hit') ? 'hit' : answer.outcomes.includes('stale') ? 'stale' : 'miss');
      const body = new TextEncoder().encode(JSON.stringify({ success: true, data: answer.data, meta: [] }));
      const etag = await etagOf(body);
      const fresh = answer.freshSeconds;
      c.header('ETag', etag);
      c.header('X-Content-Type-Options', 'nosniff');
      c.header('Cache-Control', fresh <= 0 ? 'no-store' : `public, max-age=${fresh}, s-maxage=${fresh}, stale-while-revalidate=${answer.ttlSeconds}`);
      if (c.req.header('If-None-Match') === etag) return c.body(null, 304);
      c.header('Content-Type', 'application/json; charset=utf-8');
      return c.body(body);
    } catch (error) {
      if (error instanceof BudgetExhausted) return tooMany(c, error.retryAfterMs, MESSAGES.upstreamBusy);
      if (!(error instanceof UpstreamError)) throw error;
      return upstreamFailed(c, error);
    }
  });

  const limitBody = bodyLimit({ maxSize: config.maxBodyBytes, onError: (c) => fail(c, 413, MESSAGES.tooLarge) });

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
    // Before any body is read: a visitor's own data needs their token.
    if (endpoint.user === 'required' && !c.req.header(USER_TOKEN_HEADER)?.trim()) return fail(c, 401, MESSAGES.signInFirst);
    if (endpoint.method !== 'POST' && endpoint.method !== 'PUT') return forward(c, endpoint, subPath, url, undefined);
    // Only bodies are limited (and read): a GET costs no body work.
    let response: Response | undefined;
    const refused = await limitBody(c, async () => {
      response = await readBodyAndForward(c, endpoint, subPath, url);
    });
    return response ?? refused ?? fail(c, 413, MESSAGES.tooLarge);
  });

  /** After each upstream attempt: counted, and a 429 pauses the whole deployment's budget. */
  const counted: UpstreamRequest['afterAttempt'] = async (outcome) => {
    metrics.upstreamCalls++;
    if (outcome instanceof UpstreamError) metrics.upstreamErrors++;
    else if (outcome.status === 429) {
      metrics.upstream429++;
      await budget.pause(outcome.retryAfterSeconds);
    }
  };

  async function readBodyAndForward(c: Context, endpoint: Endpoint, subPath: string, url: URL): Promise<Response> {
    if (!isJson(c.req.header('Content-Type') ?? null)) return fail(c, 415, MESSAGES.notJson);
    let body: Uint8Array<ArrayBuffer>;
    try {
      body = new Uint8Array(await c.req.arrayBuffer());
    } catch {
      // The visitor's connection went away mid-upload: their loss, not the proxy's error; nothing is sent.
      return fail(c, 400, MESSAGES.uploadCut);
    }
    return forward(c, endpoint, subPath, url, body);
  }

  async function forward(c: Context, endpoint: Endpoint, subPath: string, url: URL, body: Uint8Array<ArrayBuffer> | undefined): Promise<Response> {
    // The visitor's token rides upstream only on the user endpoints; anywhere else it is dropped.
    const userToken = endpoint.user ? c.req.header(USER_TOKEN_HEADER)?.trim() || undefined : undefined;
    if (userToken !== undefined && !USER_TOKEN_PATTERN.test(userToken)) return fail(c, 400, MESSAGES.badUserToken);
    if (endpoint.signIn) {
      const refusal = await signInRefusal(store, body, clientOf(c));
      if (refusal) return tooMany(c, refusal.retryAfterMs, MESSAGES.signInThrottled(Math.ceil(refusal.retryAfterMs / 60_000)));
    }
    const acceptLanguage = c.req.header('Accept-Language');
    const query = knownQuery(endpoint, url.searchParams);
    const kind: CallKind = endpoint.method === 'GET' ? 'read' : 'booking';
    const client = clientOf(c);
    const request: UpstreamRequest = {
      method: endpoint.method,
      pathAndQuery: subPath + (query ? `?${query}` : ''),
      ...(body !== undefined && { body }),
      ...(acceptLanguage !== undefined && { acceptLanguage }),
      ...(userToken !== undefined && { userToken }),
      retry: endpoint.method === 'GET',
      beforeAttempt: () => budget.acquire(kind, client),
      afterAttempt: counted,
    };
    const locationId = subPath.split('/')[2] ?? '';

    if (endpoint.cache === 'no-store') {
      const key = endpoint.idempotent ? c.req.header(IDEMPOTENCY_HEADER) : undefined;
      if (key !== undefined && !isAttemptKey(key)) return fail(c, 400, MESSAGES.badAttemptKey);
      if (key !== undefined && !(await attempts.begin(key))) {
        const known = await attempts.get(key);
        return known?.state === 'done' ? reply(c, known.answer, 'no-store') : unknownOutcome(c, known?.state ?? 'pending');
      }
      let answer: UpstreamAnswer;
      try {
        answer = await callUpstream(upstream, request);
      } catch (error) {
        if (error instanceof BudgetExhausted) {
          if (key !== undefined) await attempts.settle(key, undefined); // nothing was sent
          return tooMany(c, error.retryAfterMs, MESSAGES.upstreamBusy);
        }
        if (!(error instanceof UpstreamError)) throw error;
        // Nothing was sent when no connection was made; otherwise a booking may exist upstream.
        const sent = error.kind !== 'unreachable';
        if (key !== undefined) await attempts.settle(key, sent ? { state: 'unknown' } : undefined);
        if (!endpoint.idempotent || !sent) return upstreamFailed(c, error);
        return unknownOutcome(c, 'unknown', error.kind === 'timeout' ? 504 : 502);
      } finally {
        // A booking made or refused changes what is free: later reads, in every instance, ask again.
        if (endpoint.changesAvailability) await availability.changed(endpoint.template.startsWith('/user/') ? undefined : locationId);
      }
      // A visitor's own data: no shared cache, and no browser cache either.
      if (!endpoint.idempotent) return reply(c, answer, userToken !== undefined ? 'private, no-store' : 'no-store');
      const outcome = outcomeOf(answer, isJson(answer.contentType));
      if (key !== undefined) await attempts.settle(key, outcome);
      return outcome?.state === 'unknown' ? unknownOutcome(c, 'unknown', 502) : reply(c, answer, 'no-store');
    }

    try {
      const { ttlSeconds } = endpoint.cache;
      const result = await cachedRead(endpoint, subPath, query, acceptLanguage, request);
      c.set('cache', result.outcome);
      c.header('X-Proxy-Cache', result.outcome);
      c.header('Vary', 'Accept-Language', { append: true });
      // Free times and the like are never kept by browsers or CDNs: after a booking or a refusal
      // the next read must see the change. The proxy's own cache is dropped when that happens.
      const cacheControl =
        result.freshSeconds <= 0 ? 'no-store' : endpoint.availability ? 'no-cache' : `public, max-age=${result.freshSeconds}, stale-while-revalidate=${ttlSeconds}`;
      return reply(c, result.answer, cacheControl);
    } catch (error) {
      if (error instanceof BudgetExhausted) return tooMany(c, error.retryAfterMs, MESSAGES.upstreamBusy);
      if (!(error instanceof UpstreamError)) throw error;
      return upstreamFailed(c, error);
    }
  }

  /** A public GET through the cache: the same key whichever route asks (booking_start shares them). */
  async function cachedRead(endpoint: Endpoint, subPath: string, query: string, acceptLanguage: string | undefined, request: UpstreamRequest) {
    if (endpoint.cache === 'no-store') throw new Error(`${endpoint.template} is not cached`);
    const generation = endpoint.availability ? await availability.generation(subPath.split('/')[2] ?? '') : '';
    const cacheKey = JSON.stringify([subPath, query, acceptLanguage ?? '', generation]);
    return cache.getOrLoad(cacheKey, endpoint.cache.ttlSeconds, () => callUpstream(upstream, request));
  }

  /** An ordinary endpoint's GET as booking_start reads it: the budget, metrics and cache of any read. */
  function readFor(client: string | undefined, acceptLanguage: string | undefined) {
    return async (subPath: string, query: string) => {
      const match = matchEndpoint('GET', subPath);
      if (match.kind !== 'allowed' || match.endpoint.cache === 'no-store') throw new Error(`${subPath} is not a cached read`);
      const { endpoint } = match;
      const { ttlSeconds } = match.endpoint.cache;
      const request: UpstreamRequest = {
        method: 'GET',
        pathAndQuery: subPath + (query ? `?${query}` : ''),
        ...(acceptLanguage !== undefined && { acceptLanguage }),
        retry: true,
        // The form is the client's read; the parts it implies (at most three, of that same form)
        // take from the deployment's budget only: one visitor's one request is never cut short by
        // its own share, and a made-up form costs its one read.
        beforeAttempt: () => budget.acquire('read', endpoint.template === '/bookform/:id' ? client : undefined),
        afterAttempt: counted,
      };
      const result = await cachedRead(endpoint, subPath, query, acceptLanguage, request);
      return { ...result, ttlSeconds };
    };
  }

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

  /**
   * Passes an upstream answer on. Headers come from an allowlist, set by the proxy itself: the
   * upstream's own header values (which could echo the token) never reach the browser.
   */
  function reply(c: Context, answer: UpstreamAnswer, cacheControl: string): Response {
    c.header('X-Content-Type-Options', 'nosniff');
    if (answer.retryAfterSeconds !== undefined && (answer.status === 429 || answer.status === 503)) {
      c.header('Retry-After', String(answer.retryAfterSeconds));
    }
    // A gateway's HTML page (even with status 200) is no use to the widget; say it in the API's own words.
    if (!isJson(answer.contentType) && answer.body.byteLength > 0) {
      return fail(c, (answer.status >= 400 ? answer.status : 502) as StatusCode, MESSAGES.upstreamFailed);
    }
    c.header('Cache-Control', answer.status >= 400 ? 'no-store' : cacheControl);
    c.header('Content-Type', 'application/json; charset=utf-8');
    c.status(answer.status as StatusCode);
    const empty = answer.status === 204 || answer.status === 304 || answer.body.byteLength === 0;
    return empty ? c.body(null) : c.body(answer.body);
  }

  return {
    app: app as unknown as Hono,
    mode,
    store,
    metrics,
    fetch: async (request, env) => app.fetch(request, env),
  };
}

function isJson(contentType: string | null): boolean {
  return contentType !== null && /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i.test(contentType);
}

/**
 * Log lines written in batches: the requests that finish in one turn of the event loop share one
 * write. A microtask, not a timer: platforms that stop timers once the response is sent (workerd)
 * still run it.
 */
function bufferedLog(): (entry: RequestLogEntry) => void {
  let lines: string[] = [];
  return (entry) => {
    if (lines.length === 0) {
      queueMicrotask(() => {
        const batch = lines;
        lines = [];
        console.log(batch.join('\n'));
      });
    }
    lines.push(JSON.stringify(entry));
  };
}
