// `npm run serve`: the built widget from dist/ and the booking proxy under /api/v1, on Node.
//
// Node 20 cannot run TypeScript itself, so the script first compiles this file with vite's SSR
// build into dist-server/serve.js (`npm run build:server`, vite.server.config.ts). That needs no
// extra dependency (vite is already here), and the output runs on plain Node with only the runtime
// dependencies (hono, @hono/node-server): nothing compiles TypeScript at start-up in production.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { compressAnswer, forProxy } from './compress-answer';
import { API_PREFIX, ConfigError, createProxy, demoRequested, parseConfig, type BookingProxy } from './proxy';
import type { SharedStore } from './proxy/store';
import { createSharedStore, storeOptionsFromEnv } from './proxy/store-select';
import { staticFiles } from './static-files';

export interface SiteOptions {
  /** Folder of the built widget (vite's outDir). */
  readonly staticRoot: string;
  readonly proxy: BookingProxy;
  /** In demo mode, the demo backend's own routes (/__demo/*: bookings made, SMS codes). */
  readonly demoFetch?: (request: Request) => Response | Promise<Response>;
  /**
   * In demo mode, a second folder of static files after staticRoot: public/, with the demo host
   * pages and the demo business's pictures, which a production build leaves out.
   */
  readonly demoRoot?: string;
}

const YEAR_SECONDS = 365 * 24 * 3600;

/** Content-hashed build output: `assets/` and `embed/assets/`, e.g. `embed/assets/inline-CdLeqQ1y.js`. */
const HASHED = /(^|[\\/])assets[\\/][^\\/]+-[A-Za-z0-9_-]{8,}\.\w+$/;

/** Hashed build assets never change under their name; pages must be revalidated to pick up a new build. */
export function staticCacheControl(path: string): string {
  if (extname(path) === '.html') return 'no-cache';
  if (HASHED.test(path)) return `public, max-age=${YEAR_SECONDS}, immutable`;
  // Unhashed files (the script-tag loader, icons) are embedded by other sites: short, so updates spread.
  return 'public, max-age=300';
}

/**
 * Every header a static file is served with. The loader runs on other sites' pages and
 * `import()`s its chunks from here, which a browser allows only with CORS; the stylesheet and
 * pictures are linked from those pages too. None of it is secret, so any origin may read it.
 */
export function staticHeaders(path: string): Record<string, string> {
  const headers: Record<string, string> = {
    'Cache-Control': staticCacheControl(path),
    'X-Content-Type-Options': 'nosniff',
  };
  if (extname(path) !== '.html') {
    headers['Access-Control-Allow-Origin'] = '*';
    headers['Cross-Origin-Resource-Policy'] = 'cross-origin';
  }
  return headers;
}

export function createSiteApp({ staticRoot, proxy, demoFetch, demoRoot }: SiteOptions): Hono {
  const app = new Hono();
  // The proxy's answers leave compressed when large enough (a booking form's is several kB of JSON).
  const toProxy = async (c: Context) => compressAnswer(c.req.raw, await proxy.fetch(forProxy(c.req.raw), c.env));
  app.all('/health', toProxy);
  app.all(API_PREFIX, toProxy);
  app.all(`${API_PREFIX}/*`, toProxy);
  if (demoFetch) app.all('/__demo/*', (c) => demoFetch(c.req.raw));

  // The hosted page with its first step rendered (src/server/ssr.tsx); the built page as it is
  // when that cannot be had. Never cached: it holds the current services.
  app.get('/', async (c, next) => {
    const html = await hostedPage(staticRoot, proxy, c);
    if (html === undefined) return next();
    const page = new Response(html, {
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' },
    });
    return compressAnswer(c.req.raw, page);
  });

  // Brotli or gzip copies written at build time, ETags and 304s: src/server/static-files.ts.
  const files = staticFiles(staticRoot, staticHeaders);
  const demoFiles = demoRoot ? staticFiles(demoRoot, staticHeaders) : undefined;
  app.use('*', async (c, next) => (await files(c.req.raw)) ?? (await demoFiles?.(c.req.raw)) ?? next());

  // Page routes without a file fall back to the app's page; a missing script or image stays a 404.
  const indexHtml = resolve(staticRoot, 'index.html');
  app.get('*', async (c, next) => {
    if (extname(c.req.path) !== '' || !c.req.header('Accept')?.includes('text/html')) return next();
    return (await files(c.req.raw, indexHtml)) ?? next();
  });
  app.notFound((c) => c.text('Not found', 404));
  return app;
}

/** The built index.html, read once: it changes only with a new build, which restarts the server. */
const templates = new Map<string, Promise<string | undefined>>();

/**
 * The hosted page (`/?form=…`) rendered on the server, or undefined: the page is then served as
 * built. Its data comes through the proxy (its cache, budget and limits), as the visitor's own
 * booking_start request would; any failure falls back, never to an error page.
 */
export async function hostedPage(staticRoot: string, proxy: BookingProxy, c: Context): Promise<string | undefined> {
  if (!c.req.header('Accept')?.includes('text/html')) return undefined;
  try {
    let template = templates.get(staticRoot);
    if (!template) templates.set(staticRoot, (template = readFile(join(staticRoot, 'index.html'), 'utf8').catch(() => undefined)));
    const html = await template;
    if (html === undefined) return undefined;
    const { renderHostedPage } = await import('./ssr');
    return await renderHostedPage(html, new URL(c.req.url), (path, lang) =>
      proxy.fetch(new Request(new URL(`${API_PREFIX}${path}`, c.req.url), lang ? { headers: { 'Accept-Language': lang } } : {}), c.env),
    );
  } catch (error) {
    console.error(`hosted page rendered in the browser instead: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/** Why the server refuses to start, or undefined: demo mode only when asked for, never by a missing token. */
export function startProblem(env: Readonly<Record<string, string | undefined>>, demo: boolean, hasToken: boolean): string | undefined {
  if (demo && hasToken) return 'DEMO=1 (or --demo) and ALTEGIO_PARTNER_TOKEN are both set: choose the demo backend or Altegio, not both.';
  if (demo && env.ALTEGIO_UPSTREAM?.trim()) return 'DEMO=1 (or --demo) and ALTEGIO_UPSTREAM are both set: the demo backend answers in place of an upstream.';
  if (demo || hasToken) return undefined;
  const looksLive = ['ALTEGIO_UPSTREAM', 'ALLOWED_ORIGINS', 'REDIS_URL'].filter((name) => env[name]?.trim());
  return [
    'ALTEGIO_PARTNER_TOKEN is not set (or empty), so there is nothing to book with.',
    looksLive.length ? `${looksLive.join(', ')} ${looksLive.length > 1 ? 'are' : 'is'} set, so this looks like a live deployment: check the secret's name and value.` : '',
    'To go live, set ALTEGIO_PARTNER_TOKEN (README: Going live). To try the demo backend instead, ask for it: DEMO=1, or npm run serve -- --demo.',
  ].filter(Boolean).join('\n  ');
}

/** Limits of the Node server itself (the proxy's own limits are per request). */
export const SERVER_LIMITS = {
  /** A client has this long to send its request's headers (slowloris). */
  headersTimeoutMs: 10_000,
  /** …and its whole request. */
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  /** How often those timeouts are checked (Node's default, 30 s, lets a slow client sit that long). */
  checkEveryMs: 2_000,
  /** Open connections at once; more are refused by the OS backlog instead of exhausting memory. */
  maxConnections: 2_000,
  /** SIGTERM: requests in flight get this long to finish. */
  drainMs: 10_000,
};

/** Starts the Node server for the site with the limits above. */
export function listen(
  app: Hono,
  where: { port: number; host: string },
  onListening: (port: number) => void,
  limits: typeof SERVER_LIMITS = SERVER_LIMITS,
): Server {
  const server = serve(
    {
      fetch: app.fetch,
      port: where.port,
      hostname: where.host,
      serverOptions: {
        headersTimeout: limits.headersTimeoutMs,
        requestTimeout: limits.requestTimeoutMs,
        keepAliveTimeout: limits.keepAliveTimeoutMs,
        connectionsCheckingInterval: limits.checkEveryMs,
      },
    },
    (info) => onListening(info.port),
  ) as Server;
  server.maxConnections = limits.maxConnections;
  return server;
}

async function main(): Promise<void> {
  const env = process.env;
  const port = Number(env.PORT ?? 8080);
  const host = env.HOST ?? '127.0.0.1';
  const staticRoot = resolve(env.STATIC_DIR ?? 'dist');

  let config;
  let demoMode: boolean;
  try {
    config = parseConfig(env);
    demoMode = demoRequested(env) || process.argv.includes('--demo');
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`Configuration error: ${error.message}`);
    process.exit(1);
  }
  const problem = startProblem(env, demoMode, config.partnerToken !== null);
  if (problem) {
    console.error(`Not starting:\n  ${problem}`);
    process.exit(1);
  }

  let proxy: BookingProxy;
  let demoFetch: SiteOptions['demoFetch'];
  let demoRoot: string | undefined;
  let store: SharedStore | undefined;
  if (demoMode) {
    // Loaded only here, so a production start never evaluates the demo's seed data.
    const { createDemoApp } = await import('./demo/app');
    const { demoClockFrom } = await import('./demo/clock');
    const demo = createDemoApp({ now: demoClockFrom(env.DEMO_NOW) });
    demoFetch = demo.fetch;
    // The demo host pages and the demo business's pictures, which dist/ leaves out (DEMO_PAGES).
    const publicDir = resolve('public');
    if (existsSync(publicDir)) demoRoot = publicDir;
    proxy = createProxy(
      { ...config, partnerToken: null, upstream: 'http://demo.invalid/api/v1' },
      { upstreamFetch: async (input, init) => demo.fetch(new Request(input, init)) },
    );
    console.warn(
      [
        '',
        '  ************************************************************************',
        '  *  DEMO MODE (asked for with DEMO=1 or --demo).                         *',
        '  *  /api/v1 is answered by the in-memory demo backend, not Altegio, and  *',
        '  *  /__demo/* shows every booking made: never expose this to visitors.   *',
        '  ************************************************************************',
        '',
      ].join('\n'),
    );
  } else {
    // Redis when REDIS_URL names one; otherwise the proxy's own memory, sized by CACHE_MAX_ENTRIES.
    const sharedStore = config.redisUrl ? await createSharedStore({ ...storeOptionsFromEnv(env), log: (line) => console.warn(line) }) : undefined;
    proxy = createProxy(config, sharedStore ? { store: sharedStore } : {});
    store = proxy.store;
    const shared = store.health();
    console.log(`Booking proxy: forwarding /api/v1 to ${config.upstream} (token set, not shown); store: ${shared.kind}${shared.kind === 'redis' && !shared.shared ? ` (${shared.detail})` : ''}`);
    if (config.allowedOrigins.length === 0) {
      console.log('ALLOWED_ORIGINS is empty: only pages served from this same origin can book.');
    }
  }

  if (!existsSync(join(staticRoot, 'index.html'))) {
    console.warn(`No built widget in ${staticRoot} (run \`npm run build\`); only the API is served.`);
  }

  const app = createSiteApp({ staticRoot, proxy, ...(demoFetch && { demoFetch }), ...(demoRoot && { demoRoot }) });
  const server = listen(app, { port, host }, (listening) => {
    const shownHost = host.includes(':') ? `[${host}]` : host;
    console.log(`Serving the booking widget at http://${shownHost}:${listening}/ (${proxy.mode} mode)`);
  });

  // Stop taking requests, let those in flight finish, close the store, exit 0; a platform's SIGKILL
  // follows SIGTERM after its grace period, so give up before that.
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing requests in flight, then stopping`);
    const force = setTimeout(() => {
      console.error(`Requests still open after ${SERVER_LIMITS.drainMs} ms: stopping anyway`);
      process.exit(1);
    }, SERVER_LIMITS.drainMs);
    force.unref();
    server.close(() => {
      void (store?.close() ?? Promise.resolve()).finally(() => process.exit(0));
    });
    // Kept-alive connections close as soon as their last request is answered.
    server.closeIdleConnections();
    setInterval(() => server.closeIdleConnections(), 100).unref();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

// Run only as the entry point, so tests can import createSiteApp.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
