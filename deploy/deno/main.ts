// The booking proxy on Deno (deno.json beside this file; README: Deno): Deno.serve runs the
// proxy's fetch handler. API only: the built widget (dist/) goes to any static host or CDN with the
// headers the README lists, and the page's widget is pointed here with data-api-base.
//
// Client IP: the connection's address (Deno.serve's info.remoteAddr), unless CLIENT_IP_HEADER or
// TRUST_PROXY says a proxy of the deployment's own names the visitor. Shared store: REDIS_URL
// (ioredis, through Deno's npm support), else this process's memory.
// Env as for `npm run serve` (README: Environment); PORT (8080) and HOST (127.0.0.1) too.
// deno.json: sloppy imports, as the repo's imports name no file extension; packages come from the
// repo's node_modules (`npm ci --omit=dev`), so nothing is downloaded at start.
import { ConfigError, createProxy, parseConfig } from '../../src/server/proxy';
import { createSharedStore, storeOptionsFromEnv } from '../../src/server/proxy/store-select';

/** The parts of Deno's API this file uses, so the repo's `tsc` checks it without Deno's types. */
interface NetAddr {
  readonly hostname: string;
  readonly port: number;
}
interface ServeInfo {
  readonly remoteAddr: NetAddr;
}
interface DenoRuntime {
  env: { toObject(): Record<string, string> };
  serve(
    options: { port: number; hostname: string; onListen(addr: NetAddr): void },
    handler: (request: Request, info: ServeInfo) => Response | Promise<Response>,
  ): { shutdown(): Promise<void>; finished: Promise<void> };
  addSignalListener(signal: 'SIGTERM' | 'SIGINT', handler: () => void): void;
  exit(code: number): never;
}
declare const Deno: DenoRuntime;

const env = Deno.env.toObject();

let config;
try {
  config = parseConfig(env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`Configuration error: ${error.message}`);
  Deno.exit(1);
}
if (config.partnerToken === null) {
  // Fail closed: this entry has no demo mode; a missing secret must not start anything.
  console.error('Configuration error: ALTEGIO_PARTNER_TOKEN is not set');
  Deno.exit(1);
}

const store = await createSharedStore(storeOptionsFromEnv(env));
// A configured header or X-Forwarded-For (behind the deployment's own proxy) wins over the socket.
const socketIsTheClient = config.clientIpHeader === null && config.trustProxyHops === 0;
const proxy = createProxy(config, {
  store,
  ...(socketIsTheClient && { clientIp: (_request: Request, info: unknown) => (info as ServeInfo).remoteAddr.hostname }),
});

const server = Deno.serve(
  {
    port: Number(env.PORT ?? 8080),
    hostname: env.HOST ?? '127.0.0.1',
    onListen: ({ hostname, port }) => {
      const shown = hostname.includes(':') ? `[${hostname}]` : hostname;
      console.log(`Booking proxy on Deno: http://${shown}:${port}/api/v1 → ${config.upstream} (store: ${store.health().kind})`);
    },
  },
  (request, info) => proxy.fetch(request, info),
);

// Finish requests in flight, then close the store (Redis) and exit.
let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: closing the server`);
  setTimeout(() => Deno.exit(1), 10_000);
  void server
    .shutdown()
    .then(() => store.close())
    .then(() => Deno.exit(0));
};
Deno.addSignalListener('SIGTERM', () => stop('SIGTERM'));
Deno.addSignalListener('SIGINT', () => stop('SIGINT'));
