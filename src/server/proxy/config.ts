// The proxy's configuration, read from an environment-like record (process.env on Node, the
// bindings object on fetch-handler platforms). Every value is checked here once, so a typo in a
// deployment fails at start with the variable's name instead of misbehaving under load.

export type EnvRecord = Readonly<Record<string, string | undefined>>;

export const ALTEGIO_UPSTREAM = 'https://api.alteg.io/api/v1';
export const ALTEGIO_ACCEPT = 'application/vnd.api.v2+json';

export interface ProxyConfig {
  /** The partner token; null means demo mode (the upstream is the in-process demo backend). */
  readonly partnerToken: string | null;
  /** Upstream API base without a trailing slash, e.g. https://api.alteg.io/api/v1. */
  readonly upstream: string;
  readonly accept: string;
  /** Exact origins (scheme://host[:port]) allowed to call the proxy from a browser. */
  readonly allowedOrigins: readonly string[];
  readonly rateLimitPerSecond: number;
  readonly rateLimitPerMinute: number;
  readonly upstreamTimeoutMs: number;
  readonly maxBodyBytes: number;
  /** How many proxies in front of this one append to X-Forwarded-For; 0 ignores the header. */
  readonly trustProxyHops: number;
  readonly cacheMaxEntries: number;
  /** The upstream's limits for the whole deployment (Altegio: 5/s, 200/min per IP). */
  readonly upstreamPerSecond: number;
  readonly upstreamPerMinute: number;
  /** What one client's cache misses may cost of that budget. */
  readonly clientUpstreamPerSecond: number;
  readonly clientUpstreamPerMinute: number;
  /** A header the platform sets to the visitor's address (e.g. cf-connecting-ip), or null. */
  readonly clientIpHeader: string | null;
  /** Bearer token for GET /metrics; null leaves it open (keep it off the public internet then). */
  readonly metricsToken: string | null;
  /** Redis (or Valkey) shared by several instances; null keeps everything in this instance's memory. */
  readonly redisUrl: string | null;
}

/**
 * Defaults. Per-client limits sit well under the upstream's 5/s and 200/min for the whole
 * deployment; most of a visitor's calls are cache hits that never spend upstream quota.
 */
export const DEFAULTS = {
  rateLimitPerSecond: 8,
  rateLimitPerMinute: 120,
  upstreamTimeoutMs: 10_000,
  maxBodyBytes: 16 * 1024,
  cacheMaxEntries: 1000,
  upstreamPerSecond: 5,
  upstreamPerMinute: 200,
  clientUpstreamPerSecond: 1,
  clientUpstreamPerMinute: 40,
} as const;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function parseConfig(env: EnvRecord): ProxyConfig {
  const token = readToken(env.ALTEGIO_PARTNER_TOKEN);
  return {
    partnerToken: token,
    upstream: readUpstream(env.ALTEGIO_UPSTREAM),
    accept: readAccept(env.ALTEGIO_ACCEPT),
    allowedOrigins: readOrigins(env.ALLOWED_ORIGINS),
    rateLimitPerSecond: readInt(env, 'RATE_LIMIT_PER_SECOND', DEFAULTS.rateLimitPerSecond, 1),
    rateLimitPerMinute: readInt(env, 'RATE_LIMIT_PER_MINUTE', DEFAULTS.rateLimitPerMinute, 1),
    upstreamTimeoutMs: readInt(env, 'UPSTREAM_TIMEOUT_MS', DEFAULTS.upstreamTimeoutMs, 1),
    maxBodyBytes: readInt(env, 'MAX_BODY_BYTES', DEFAULTS.maxBodyBytes, 1),
    trustProxyHops: readTrustProxy(env.TRUST_PROXY),
    cacheMaxEntries: readInt(env, 'CACHE_MAX_ENTRIES', DEFAULTS.cacheMaxEntries, 0),
    upstreamPerSecond: readInt(env, 'UPSTREAM_PER_SECOND', DEFAULTS.upstreamPerSecond, 1),
    upstreamPerMinute: readInt(env, 'UPSTREAM_PER_MINUTE', DEFAULTS.upstreamPerMinute, 1),
    clientUpstreamPerSecond: readInt(env, 'CLIENT_UPSTREAM_PER_SECOND', DEFAULTS.clientUpstreamPerSecond, 1),
    clientUpstreamPerMinute: readInt(env, 'CLIENT_UPSTREAM_PER_MINUTE', DEFAULTS.clientUpstreamPerMinute, 1),
    clientIpHeader: readHeaderName(env.CLIENT_IP_HEADER),
    metricsToken: readSecret(env, 'METRICS_TOKEN'),
    redisUrl: readRedisUrl(env.REDIS_URL),
  };
}

/** Whether the deployment asked for the demo backend: DEMO=1 (or true); never implied by a missing token. */
export function demoRequested(env: EnvRecord): boolean {
  const value = env.DEMO?.trim().toLowerCase() ?? '';
  if (value === '' || value === '0' || value === 'false') return false;
  if (value === '1' || value === 'true') return true;
  throw new ConfigError(`DEMO must be 1 or 0, got "${env.DEMO}"`);
}

function readHeaderName(raw: string | undefined): string | null {
  const value = raw?.trim().toLowerCase() ?? '';
  if (value === '') return null;
  if (!/^[a-z0-9-]+$/.test(value)) throw new ConfigError(`CLIENT_IP_HEADER is not a header name: "${raw}"`);
  return value;
}

function readSecret(env: EnvRecord, name: string): string | null {
  const value = env[name]?.trim() ?? '';
  if (value === '') return null;
  if (!/^[\x21-\x7e]+$/.test(value)) throw new ConfigError(`${name} contains spaces or non-ASCII characters`);
  return value;
}

function readRedisUrl(raw: string | undefined): string | null {
  const value = raw?.trim() ?? '';
  if (value === '') return null;
  try {
    const url = new URL(value);
    if (url.protocol === 'redis:' || url.protocol === 'rediss:') return value;
  } catch {
    // reported below, without the value (it may hold a password)
  }
  throw new ConfigError('REDIS_URL must be a redis:// or rediss:// URL');
}

function readToken(raw: string | undefined): string | null {
  const token = raw?.trim() ?? '';
  if (token === '') return null;
  // A token goes into a header; anything outside visible ASCII is a paste error, not a token.
  if (!/^[\x21-\x7e]+$/.test(token)) {
    throw new ConfigError('ALTEGIO_PARTNER_TOKEN contains spaces or non-ASCII characters');
  }
  return token;
}

function readUpstream(raw: string | undefined): string {
  const value = raw?.trim() || ALTEGIO_UPSTREAM;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`ALTEGIO_UPSTREAM is not a URL: ${value}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError('ALTEGIO_UPSTREAM must be an http(s) URL');
  }
  if (url.search || url.hash) throw new ConfigError('ALTEGIO_UPSTREAM must not have a query');
  return url.href.replace(/\/+$/, '');
}

function readAccept(raw: string | undefined): string {
  const value = raw?.trim() || ALTEGIO_ACCEPT;
  if (!/^[\x20-\x7e]+$/.test(value)) throw new ConfigError('ALTEGIO_ACCEPT is not a header value');
  return value;
}

/** Normalises `https://Shop.example/` to `https://shop.example`, the form browsers send. */
export function normaliseOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return url.origin;
  } catch {
    return null;
  }
}

function readOrigins(raw: string | undefined): string[] {
  const origins: string[] = [];
  for (const part of (raw ?? '').split(',')) {
    const trimmed = part.trim();
    if (trimmed === '') continue;
    const origin = normaliseOrigin(trimmed);
    if (origin === null || trimmed.replace(/\/$/, '').toLowerCase() !== origin.toLowerCase()) {
      throw new ConfigError(`ALLOWED_ORIGINS: "${trimmed}" is not an origin like https://shop.example`);
    }
    origins.push(origin);
  }
  return origins;
}

function readInt(env: EnvRecord, name: string, fallback: number, min: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new ConfigError(`${name} must be an integer ≥ ${min}, got "${raw}"`);
  }
  return value;
}

function readTrustProxy(raw: string | undefined): number {
  const value = raw?.trim().toLowerCase() ?? '';
  if (value === '' || value === 'false' || value === '0') return 0;
  if (value === 'true') return 1;
  const hops = Number(value);
  if (!Number.isInteger(hops) || hops < 0) {
    throw new ConfigError(`TRUST_PROXY must be true, false or a number of proxies, got "${raw}"`);
  }
  return hops;
}
