// A stand-in for the Altegio API on loopback that records what it received, so tests can check
// which headers the proxy sent, and the benchmark can add a fixed upstream delay.
import { Hono } from 'hono';
import { listenOnLoopback, type LoopbackServer } from '../src/server/proxy/loopback';

export interface ReceivedRequest {
  readonly method: string;
  /** Path and query as received, e.g. /api/v1/book_dates/1?date=2025-09-01 */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface FakeUpstream extends LoopbackServer {
  /** Base to give the proxy as ALTEGIO_UPSTREAM. */
  readonly base: string;
  readonly received: ReceivedRequest[];
  /** Answers queued for the next requests (first in, first out); then the default answer. */
  readonly queue: Array<() => Response>;
  delayMs: number;
}

export async function startFakeUpstream(options: { delayMs?: number } = {}): Promise<FakeUpstream> {
  const received: ReceivedRequest[] = [];
  const queue: Array<() => Response> = [];
  const state = { delayMs: options.delayMs ?? 0 };
  const app = new Hono();

  app.all('*', async (c) => {
    const url = new URL(c.req.url);
    const body = await c.req.text();
    received.push({ method: c.req.method, url: url.pathname + url.search, headers: Object.fromEntries(c.req.raw.headers), body });
    if (state.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, state.delayMs));
    const queued = queue.shift();
    if (queued) return queued();
    // A careless upstream that echoes the request's Authorization: the proxy must not pass it on.
    if (url.pathname.endsWith('/privacy_policy/666')) {
      return c.json({ success: true, data: { echoed: c.req.header('Authorization') ?? '' }, meta: [] });
    }
    const status = c.req.method === 'POST' ? 201 : 200;
    return c.json({ success: true, data: { path: url.pathname, n: received.length }, meta: [] }, status);
  });

  const server = await listenOnLoopback(app.fetch);
  return {
    ...server,
    base: `${server.url}/api/v1`,
    received,
    queue,
    get delayMs() {
      return state.delayMs;
    },
    set delayMs(ms: number) {
      state.delayMs = ms;
    },
  };
}
