// The booking proxy on Cloudflare Workers (wrangler.toml beside this file). One proxy per isolate,
// built from the bindings on the first request (Workers pass them with each request, not at start).
//
// Client IP: the CF-Connecting-IP header, which Cloudflare sets on every request and a visitor
// cannot forge. Shared store: none; each isolate keeps its cache, limits and upstream budget in its
// own memory (TCP Redis is not generally reachable from Workers), so UPSTREAM_PER_SECOND should be
// the upstream's limit divided by the isolates expected at once (README: Cloudflare Workers).
// Static files: the built widget (dist/) from Workers Static Assets (the ASSETS binding), with the
// headers `npm run serve` gives them (static-headers.ts).
// Workers take every export of this module for an entry point: it exports the handler only.
import { API_PREFIX, createProxy, parseConfig, type BookingProxy } from '../../src/server/proxy';
import { withStaticHeaders } from './static-headers';

/** The parts of the Workers runtime's types this file uses (no @cloudflare/workers-types needed). */
interface AssetsBinding {
  fetch(request: Request): Promise<Response>;
}
interface ExecutionContext {
  waitUntil(promise: Promise<unknown>): void;
}

/** Variables and secrets as wrangler binds them (README: Environment), plus the static assets. */
interface WorkerEnv {
  readonly ASSETS?: AssetsBinding;
  readonly [name: string]: unknown;
}

const CLIENT_IP_HEADER = 'CF-Connecting-IP';

let proxy: BookingProxy | undefined;

/** Only text bindings are settings; parseConfig checks each (a ConfigError names the variable). */
function settingsOf(env: WorkerEnv): Record<string, string | undefined> {
  const settings: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(env)) if (typeof value === 'string') settings[name] = value;
  return settings;
}

function proxyFor(env: WorkerEnv): BookingProxy {
  proxy ??= createProxy(parseConfig(settingsOf(env)), {
    clientIp: (request) => request.headers.get(CLIENT_IP_HEADER) ?? undefined,
    // The proxy's default log writes in batches from a timer after the response, which Workers
    // never run once the request is done (the lines were lost on workerd); console.log here is no
    // synchronous file write, so one line per request goes straight to Workers Logs.
    log: (entry) => console.log(JSON.stringify(entry)),
  });
  return proxy;
}

function isProxyPath(pathname: string): boolean {
  return pathname === '/health' || pathname === '/metrics' || pathname === API_PREFIX || pathname.startsWith(`${API_PREFIX}/`);
}

function isPageRoute(request: Request, pathname: string): boolean {
  return request.method === 'GET' && !/\.[^/]*$/.test(pathname) && (request.headers.get('Accept')?.includes('text/html') ?? false);
}

export default {
  async fetch(request: Request, env: WorkerEnv, _ctx: ExecutionContext): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (isProxyPath(pathname)) return proxyFor(env).fetch(request, env);
    if (!env.ASSETS) return new Response('Not found', { status: 404 });
    let asset = await env.ASSETS.fetch(request);
    // As `npm run serve`: a page route without a file is the app's page; a missing script stays a 404.
    if (asset.status === 404 && isPageRoute(request, pathname)) asset = await env.ASSETS.fetch(new Request(new URL('/', request.url), request));
    return withStaticHeaders(pathname, asset);
  },
};
