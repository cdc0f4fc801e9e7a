// The deployment's one upstream budget (Altegio: 5 requests/s and 200/min for the proxy's IP),
// kept whatever clients do: a client varying parameters to dodge the cache, an upstream that
// says 429, reads queued behind bookings. Real HTTP on loopback, an upstream that enforces 5/s.
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { createProxy, parseConfig, type EnvRecord } from '../src/server/proxy';
import { listenOnLoopback, type LoopbackServer } from '../src/server/proxy/loopback';

const servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** An upstream that allows 5 calls in any second (as Altegio does per IP) and records every call. */
async function strictUpstream(limitPerSecond = 5) {
  const calls: { at: number; path: string; method: string }[] = [];
  let refused = 0;
  const app = new Hono();
  app.all('*', (c) => {
    const at = Date.now();
    const inLastSecond = calls.filter((call) => call.at > at - 1000).length;
    const url = new URL(c.req.url);
    calls.push({ at, path: url.pathname + url.search, method: c.req.method });
    if (inLastSecond >= limitPerSecond) {
      refused++;
      return c.json({ success: false, data: null, meta: { message: 'Too many requests' } }, 429, { 'Retry-After': '1' });
    }
    if (c.req.method === 'POST') return c.json({ success: true, data: [{ id: 1, record_id: calls.length, record_hash: 'h' }], meta: [] }, 201);
    return c.json({ success: true, data: { path: url.pathname }, meta: [] });
  });
  const server = await listenOnLoopback(app.fetch);
  servers.push(server);
  /** The most calls seen in any one-second span. */
  const busiestSecond = () => Math.max(0, ...calls.map((a) => calls.filter((b) => b.at >= a.at && b.at < a.at + 1000).length));
  return { base: `${server.url}/api/v1`, calls, busiestSecond, refused: () => refused };
}

async function startProxy(upstream: string, env: EnvRecord = {}) {
  const config = parseConfig({ ALTEGIO_PARTNER_TOKEN: 'token', ALTEGIO_UPSTREAM: upstream, TRUST_PROXY: '1', ...env });
  const proxy = createProxy(config, { log: () => {}, retryDelaysMs: [50] });
  const server = await listenOnLoopback(proxy.fetch);
  servers.push(server);
  return { url: `${server.url}/api/v1`, origin: server.url };
}

const from = (ip: string, init: RequestInit = {}): RequestInit => ({ ...init, headers: { ...init.headers, 'X-Forwarded-For': ip } });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('one upstream budget for the deployment', () => {
  it('a client within its own limit, busting the cache for 10 s, never makes the upstream see more than 5/s, and a visitor books meanwhile', async () => {
    const upstream = await strictUpstream();
    const { url } = await startProxy(upstream.base);
    const abusive = { sent: 0, refused: 0, answers: [] as Promise<void>[] };
    const stop = Date.now() + 10_000;
    const abuse = (async () => {
      for (let n = 0; Date.now() < stop; n++) {
        // 7 requests a second: within the per-client limit (8/s), each one a different answer.
        const day = String(1 + (n % 28)).padStart(2, '0');
        abusive.sent++;
        abusive.answers.push(
          fetch(`${url}/book_times/1/0/2026-12-${day}?service_ids[]=${n}&bust=${n}`, from('203.0.113.66')).then((r) => {
            if (r.status === 429) abusive.refused++;
          }),
        );
        await sleep(1000 / 7);
      }
      await Promise.all(abusive.answers);
    })();

    // A visitor on another address, two seconds into the attack, walks through a booking.
    await sleep(2000);
    const visitor = '198.51.100.7';
    const steps = [
      `${url}/bookform/3`,
      `${url}/company/1?forBooking=1`,
      `${url}/book_services/1`,
      `${url}/book_staff/1?service_ids[]=5`,
      `${url}/book_dates/1?service_ids[]=5&staff_id=2&date_from=2026-12-01&date_to=2026-12-31`,
      `${url}/book_times/1/2/2026-12-14?service_ids[]=5`,
    ];
    const statuses: number[] = [];
    for (const step of steps) {
      statuses.push((await fetch(step, from(visitor))).status);
      await sleep(300);
    }
    const post = (path: string) => fetch(`${url}${path}`, from(visitor, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"appointments":[]}' }));
    statuses.push((await post('/book_check/1')).status);
    statuses.push((await post('/book_record/1')).status);
    await abuse;

    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 201, 201]);
    expect(upstream.busiestSecond()).toBeLessThanOrEqual(5);
    expect(upstream.refused()).toBe(0);
    // The attacker got its share of the upstream (40 a minute) and no more: most of its ~70
    // requests were turned away, none of the visitor's.
    const attackerCalls = upstream.calls.filter((c) => c.path.startsWith('/api/v1/book_times/1/0/')).length;
    expect(attackerCalls).toBeLessThanOrEqual(40);
    expect(abusive.refused).toBeGreaterThanOrEqual(abusive.sent - 40);
  }, 20_000);

  it('parameters an endpoint does not know are dropped: they neither reach the upstream nor make a new answer', async () => {
    const upstream = await strictUpstream(100);
    const { url } = await startProxy(upstream.base);
    await fetch(`${url}/book_times/1/0/2026-12-14?service_ids[]=7&service_ids[]=5&bust=1`);
    const again = await fetch(`${url}/book_times/1/0/2026-12-14?bust=2&service_ids[]=5&service_ids[]=7&service_ids[]=5`);
    expect(again.headers.get('X-Proxy-Cache')).toBe('hit');
    expect(upstream.calls.map((c) => c.path)).toEqual(['/api/v1/book_times/1/0/2026-12-14?service_ids[]=5&service_ids[]=7']);
  });

  it('bookings go before reads: with the budget spent by reads, a booking still goes through', async () => {
    const upstream = await strictUpstream(100);
    const { url } = await startProxy(upstream.base, { UPSTREAM_PER_SECOND: '3', CLIENT_UPSTREAM_PER_SECOND: '100', RATE_LIMIT_PER_SECOND: '100' });
    // Reads may use 2 of the 3 per second; the third is kept for bookings.
    const reads = await Promise.all(Array.from({ length: 6 }, (_, i) => fetch(`${url}/book_times/1/0/2026-12-${10 + i}`, from(`192.0.2.${i}`))));
    const booking = await fetch(`${url}/book_record/1`, from('192.0.2.200', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }));
    expect(booking.status).toBe(201);
    expect(reads.every((r) => r.status === 200 || r.status === 429)).toBe(true);
    expect(upstream.busiestSecond()).toBeLessThanOrEqual(3);
  });

  it('when the budget is spent, a read answered before is served stale instead of refused', async () => {
    const upstream = await strictUpstream(100);
    const clock = { ms: Date.now() };
    const config = parseConfig({ ALTEGIO_PARTNER_TOKEN: 'token', ALTEGIO_UPSTREAM: upstream.base, UPSTREAM_PER_SECOND: '2', UPSTREAM_PER_MINUTE: '4', RATE_LIMIT_PER_SECOND: '100' });
    const proxy = createProxy(config, { log: () => {}, now: () => clock.ms, queueMs: { read: 0 } });
    const server = await listenOnLoopback(proxy.fetch);
    servers.push(server);
    const get = (path: string) => fetch(`${server.url}/api/v1${path}`);
    expect((await get('/bookform/1')).headers.get('X-Proxy-Cache')).toBe('miss');
    clock.ms += 6 * 60_000; // the form's answer is no longer fresh, but still kept
    // Reads spend the rest of the minute's budget on other answers.
    for (const day of [10, 11, 12]) await get(`/book_times/1/0/2026-12-${day}`);
    const stale = await get('/bookform/1');
    expect(stale.status).toBe(200);
    expect(stale.headers.get('X-Proxy-Cache')).toBe('stale');
    expect(stale.headers.get('Cache-Control')).toBe('no-store');
    const refused = await get('/book_times/1/0/2026-12-20');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1);
  });
});

describe('headers to the browser', () => {
  it('come from an allowlist: an upstream header carrying the token never reaches the browser', async () => {
    const app = new Hono();
    app.all('*', (c) => c.body(JSON.stringify({ success: true, data: [], meta: [] }), 200, {
      'Content-Type': `application/json; debug=${c.req.header('Authorization')}`,
      'X-Debug-Auth': c.req.header('Authorization') ?? '',
      'Set-Cookie': 'session=1',
    }));
    const upstream = await listenOnLoopback(app.fetch);
    servers.push(upstream);
    const { url } = await startProxy(`${upstream.url}/api/v1`, { ALTEGIO_PARTNER_TOKEN: 'secret-partner-token' });
    const response = await fetch(`${url}/bookform/1`);
    const headers = [...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n');
    expect(headers).not.toContain('secret-partner-token');
    expect(response.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('Set-Cookie')).toBeNull();
    expect(response.headers.get('X-Debug-Auth')).toBeNull();
  });
});
