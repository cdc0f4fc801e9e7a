// `npm run serve`: the built widget from dist/ and the booking proxy under /api/v1, on Node.
//
// Node 20 cannot run TypeScript itself, so the script first compiles this file with vite's SSR
// build into dist-server/serve.js (`npm run build:server`, vite.server.config.ts). That needs no
// extra dependency (vite is already here), and the output runs on plain Node with only the runtime
// dependencies (hono, @hono/node-server): nothing compiles TypeScript at start-up in production.
import { existsSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import { API_PREFIX, ConfigError, createProxy, parseConfig, type BookingProxy } from './proxy';

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
  const toProxy = (c: Context) => proxy.fetch(c.req.raw, c.env);
  app.all('/health', toProxy);
  app.all(API_PREFIX, toProxy);
  app.all(`${API_PREFIX}/*`, toProxy);
  if (demoFetch) app.all('/__demo/*', (c) => demoFetch(c.req.raw));

  const setHeaders = (path: string, c: Context) => {
    for (const [name, value] of Object.entries(staticHeaders(path))) c.header(name, value);
  };
  app.use('*', serveStatic({ root: staticRoot, onFound: setHeaders }));
  if (demoRoot) app.use('*', serveStatic({ root: demoRoot, onFound: setHeaders }));

  // Page routes without a file fall back to the app's page; a missing script or image stays a 404.
  const indexHtml = join(staticRoot, 'index.html');
  app.get('*', async (c, next) => {
    if (extname(c.req.path) !== '' || !c.req.header('Accept')?.includes('text/html')) return next();
    return serveStatic({ path: indexHtml, onFound: setHeaders })(c, next);
  });
  app.notFound((c) => c.text('Not found', 404));
  return app;
}

async function main(): Promise<void> {
  const env = process.env;
  const port = Number(env.PORT ?? 8080);
  const host = env.HOST ?? '127.0.0.1';
  const staticRoot = resolve(env.STATIC_DIR ?? 'dist');

  let config;
  try {
    config = parseConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`Configuration error: ${error.message}`);
    process.exit(1);
  }

  let proxy: BookingProxy;
  let demoFetch: SiteOptions['demoFetch'];
  let demoRoot: string | undefined;
  if (config.partnerToken === null) {
    // Loaded only here, so a production start never evaluates the demo's seed data.
    const { createDemoApp } = await import('./demo/app');
    const { demoClockFrom } = await import('./demo/clock');
    const demo = createDemoApp({ now: demoClockFrom(env.DEMO_NOW) });
    demoFetch = demo.fetch;
    // The demo host pages and the demo business's pictures, which dist/ leaves out (DEMO_PAGES).
    const publicDir = resolve('public');
    if (existsSync(publicDir)) demoRoot = publicDir;
    proxy = createProxy(
      { ...config, upstream: 'http://demo.invalid/api/v1' },
      { upstreamFetch: async (input, init) => demo.fetch(new Request(input, init)) },
    );
    console.warn(
      [
        '',
        '  ************************************************************************',
        '  *  DEMO MODE: ALTEGIO_PARTNER_TOKEN is not set.                         *',
        '  *  /api/v1 is answered by the in-memory demo backend, not Altegio.      *',
        '  *  Set ALTEGIO_PARTNER_TOKEN (README: Going live) to go live.           *',
        '  ************************************************************************',
        '',
      ].join('\n'),
    );
  } else {
    proxy = createProxy(config);
    console.log(`Booking proxy: forwarding /api/v1 to ${config.upstream} (token set, not shown)`);
    if (config.allowedOrigins.length === 0) {
      console.log('ALLOWED_ORIGINS is empty: only pages served from this same origin can book.');
    }
  }

  if (!existsSync(join(staticRoot, 'index.html'))) {
    console.warn(`No built widget in ${staticRoot} (run \`npm run build\`); only the API is served.`);
  }

  const app = createSiteApp({ staticRoot, proxy, ...(demoFetch && { demoFetch }), ...(demoRoot && { demoRoot }) });
  const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
    const shownHost = host.includes(':') ? `[${host}]` : host;
    console.log(`Serving the booking widget at http://${shownHost}:${info.port}/ (${proxy.mode} mode)`);
  });

  // Finish requests in flight, then exit; a platform's SIGKILL follows SIGTERM after a grace period.
  const shutdown = (signal: string) => {
    console.log(`${signal}: closing the server`);
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

// Run only as the entry point, so tests can import createSiteApp.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
