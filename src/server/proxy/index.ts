// The booking proxy: the widget calls it on the same /api/v1/... paths as Altegio, and it adds
// the partner token, which never leaves the server. A standard fetch handler, so the same code
// runs under @hono/node-server (npm run serve) and on fetch-handler (serverless) platforms.
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { StatusCode } from 'hono/utils/http-status';
import { matchEndpoint } from './allowlist';
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

export function createProxy(config: ProxyConfig, options: ProxyOptions = {}): BookingProxy {
  if (config.partnerToken === null && !options.upstreamFetch) {
    throw new ConfigError('ALTEGIO_PARTNER_TOKEN is not set (without it, only the demo backend can be the upstream)');
  }
  const mode = config.partnerToken === null ? 'demo' : 'proxy';
  const now = options.now ?? Date.now;
  const log = options.log ?? ((entry: RequestLogEntry) => console.log(JSON.stringify(entry)));
  const cache = new ResponseCache(config.cacheMaxEntries, now);
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

    try {
      if (endpoint.cache === 'no-store') return reply(c, await callUpstream(upstream, request), 'no-store');
      const { ttlSeconds } = endpoint.cache;
      const key = cacheKey(endpoint.method, subPath, url.searchParams, [acceptLanguage ?? '']);
      const result = await cache.getOrLoad(key, ttlSeconds, () => callUpstream(upstream, request));
      c.set('cache', result.outcome);
      c.header('X-Proxy-Cache', result.outcome);
      c.header('Vary', 'Accept-Language', { append: true });
      const cacheControl =
        result.freshSeconds > 0
          ? `public, max-age=${result.freshSeconds}, stale-while-revalidate=${ttlSeconds}`
          : 'no-store';
      return reply(c, result.answer, cacheControl);
    } catch (error) {
      if (!(error instanceof UpstreamError)) throw error;
      return fail(c, error.kind === 'timeout' ? 504 : 502, error.kind === 'timeout' ? MESSAGES.timeout : MESSAGES.unreachable);
    }
  });

  app.notFound((c) => fail(c, 404, MESSAGES.notFound));
  app.onError((error, c) => {
    console.error(`booking proxy: ${error.name}: ${error.message}`);
    return fail(c, 500, MESSAGES.internal);
  });

  /** Passes an upstream answer on with only the headers the widget needs. */
  function reply(c: Context, answer: UpstreamAnswer, cacheControl: string): Response {
    const isError = answer.status >= 400;
    c.header('X-Content-Type-Options', 'nosniff');
    if (answer.retryAfterSeconds !== undefined && (answer.status === 429 || answer.status === 503)) {
      c.header('Retry-After', String(answer.retryAfterSeconds));
    }
    // A gateway's HTML error page is no use to the widget; say it in the API's own words.
    if (isError && !isJson(answer.contentType)) return fail(c, answer.status as StatusCode, MESSAGES.upstreamFailed);
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
