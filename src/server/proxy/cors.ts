// CORS for the configured embedding origins only. A browser on any other origin gets no
// Access-Control-Allow-Origin, and its POSTs and DELETEs are refused outright: a "simple"
// cross-site POST would otherwise reach the upstream before the browser checks CORS.
import type { MiddlewareHandler } from 'hono';
import { normaliseOrigin } from './config';
import { errorEnvelope, MESSAGES } from './envelope';

const PREFLIGHT_MAX_AGE_SECONDS = 600;

export function corsForOrigins(allowedOrigins: readonly string[]): MiddlewareHandler {
  const allowed = new Set(allowedOrigins);
  return async (c, next) => {
    const origin = c.req.header('Origin');
    const normalised = origin === undefined ? null : normaliseOrigin(origin);
    const isAllowed = normalised !== null && allowed.has(normalised);
    c.header('Vary', 'Origin', { append: true });

    if (c.req.method === 'OPTIONS') {
      if (!isAllowed) return c.json(errorEnvelope(MESSAGES.originRefused), 403);
      c.header('Access-Control-Allow-Origin', normalised ?? '');
      c.header('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE');
      c.header('Access-Control-Allow-Headers', 'Content-Type, Accept, Accept-Language, Idempotency-Key, X-User-Token');
      c.header('Access-Control-Max-Age', String(PREFLIGHT_MAX_AGE_SECONDS));
      return c.body(null, 204);
    }

    const changesState = c.req.method !== 'GET' && c.req.method !== 'HEAD';
    if (origin !== undefined && !isAllowed && changesState && !isSameOrigin(origin, c.req.url)) {
      return c.json(errorEnvelope(MESSAGES.originRefused), 403);
    }
    if (isAllowed) {
      c.header('Access-Control-Allow-Origin', normalised ?? '');
      c.header('Access-Control-Expose-Headers', 'Retry-After');
    }
    await next();
  };
}

/** The widget served by this same server (npm run serve) needs no entry in ALLOWED_ORIGINS. */
function isSameOrigin(origin: string, requestUrl: string): boolean {
  try {
    return new URL(origin).host === new URL(requestUrl).host;
  } catch {
    return false;
  }
}
