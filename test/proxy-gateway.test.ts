// The booking proxy as a browser and the upstream see it: what passes, what is refused, which
// headers go where, and how upstream failures reach the widget. Real HTTP on loopback.
import { describe, expect, it } from 'vitest';
import { createProxy, parseConfig, type EnvRecord, type RequestLogEntry } from '../src/server/proxy';
import { listenOnLoopback } from '../src/server/proxy/loopback';
import { useFakeUpstream, NO_LIMITS } from './helpers/proxy';

const TOKEN = 'partner-token-7f3a9c';
const SHOP = 'https://shop.example';

const bed = useFakeUpstream();

async function startProxy(env: EnvRecord = {}) {
  const logs: RequestLogEntry[] = [];
  const config = parseConfig({
    ALTEGIO_PARTNER_TOKEN: TOKEN,
    ALTEGIO_UPSTREAM: bed.upstream.base,
    ALLOWED_ORIGINS: SHOP,
    ...NO_LIMITS,
    ...env,
  });
  const proxy = createProxy(config, { log: (entry) => logs.push(entry), retryDelaysMs: [10, 20] });
  const server = await listenOnLoopback(proxy.fetch);
  bed.servers.push(server);
  return { url: `${server.url}/api/v1`, origin: server.url, logs };
}

const postJson = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

async function expectEnvelope(response: Response, status: number): Promise<string> {
  expect(response.status).toBe(status);
  const body = (await response.json()) as { success: boolean; data: unknown; meta: { message: string } };
  expect(body).toMatchObject({ success: false, data: null });
  expect(body.meta.message).toEqual(expect.any(String));
  return body.meta.message;
}

describe('allowlist', () => {
  it('refuses a staff-side path without calling the upstream', async () => {
    const { url } = await startProxy();
    await expectEnvelope(await fetch(`${url}/records/1`), 403);
    await expectEnvelope(await fetch(`${url}/company/1/clients/search`, postJson({})), 403);
    expect(bed.upstream.received).toHaveLength(0);
  });

  it('passes a booking to the upstream, body and path unchanged', async () => {
    const { url } = await startProxy();
    const booking = { phone: '+15550100', fullname: 'Ann', appointments: [{ id: 1, services: [5], staff_id: 0 }] };
    const response = await fetch(`${url}/book_record/1`, postJson(booking));
    expect(response.status).toBe(201);
    expect(bed.upstream.received).toMatchObject([{ method: 'POST', url: '/api/v1/book_record/1', body: JSON.stringify(booking) }]);
  });

  it('refuses a public path with another method, naming the allowed ones', async () => {
    const { url } = await startProxy();
    const response = await fetch(`${url}/book_record/1`, { method: 'DELETE' });
    await expectEnvelope(response, 405);
    expect(response.headers.get('Allow')).toBe('POST');
    // Rescheduling needs the visitor's user token: without one the proxy answers itself.
    await expectEnvelope(await fetch(`${url}/book_record/1/2`, { method: 'PUT' }), 401);
    expect(bed.upstream.received).toHaveLength(0);
  });

  it('refuses path parameters that could steer the request elsewhere', async () => {
    const { url } = await startProxy();
    await expectEnvelope(await fetch(`${url}/bookform/1%2F..%2F..%2Frecords`), 403);
    await expectEnvelope(await fetch(`${url}/book_times/1/0/..`), 403);
    expect(bed.upstream.received).toHaveLength(0);
  });

  it('keeps the query string, array parameters included', async () => {
    const { url } = await startProxy();
    await fetch(`${url}/book_times/1/0/2025-09-21?service_ids[]=5&service_ids[]=7`);
    expect(bed.upstream.received[0]?.url).toBe('/api/v1/book_times/1/0/2025-09-21?service_ids[]=5&service_ids[]=7');
  });
});

describe('headers and the partner token', () => {
  it('adds the token and the configured Accept, drops the browser Authorization and cookies', async () => {
    const { url } = await startProxy({ ALTEGIO_ACCEPT: 'application/vnd.yclients.v2+json' });
    await fetch(`${url}/bookform/1`, { headers: { Authorization: 'Bearer stolen', Cookie: 'session=abc', 'Accept-Language': 'lv-LV' } });
    const headers = bed.upstream.received[0]?.headers ?? {};
    expect(headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(headers.accept).toBe('application/vnd.yclients.v2+json');
    expect(headers['accept-language']).toBe('lv-LV');
    expect(headers.cookie).toBeUndefined();
  });

  it('never shows the token in any response, headers or body', async () => {
    const { url, origin } = await startProxy();
    const responses = await Promise.all([
      fetch(`${url}/bookform/1`, { headers: { Origin: SHOP } }),
      fetch(`${url}/book_check/1`, postJson({ appointments: [] })),
      fetch(`${url}/records/1`),
      fetch(`${url}/privacy_policy/666`), // the fake upstream echoes Authorization here
      fetch(`${origin}/health`),
      fetch(`${origin}/nowhere`),
    ]);
    for (const response of responses) {
      expect([...response.headers].join('\n')).not.toContain(TOKEN);
      expect(await response.text()).not.toContain(TOKEN);
    }
  });

  it('logs method, route template, status and duration, and nothing personal', async () => {
    const { url, logs } = await startProxy();
    await fetch(`${url}/book_code/1`, postJson({ phone: '+15550177', fullname: 'Jane Roe' }));
    await fetch(`${url}/book_record/1/42/abcdef`);
    expect(logs).toMatchObject([
      { method: 'POST', route: '/book_code/:id', status: 201 },
      { method: 'GET', route: '/book_record/:id/:id/:hash', status: 200 },
    ]);
    const written = JSON.stringify(logs);
    for (const secret of [TOKEN, '+15550177', 'Jane Roe', 'abcdef']) expect(written).not.toContain(secret);
  });
});

describe('CORS', () => {
  it('answers a configured origin, preflight included', async () => {
    const { url } = await startProxy();
    const preflight = await fetch(`${url}/book_record/1`, {
      method: 'OPTIONS',
      headers: { Origin: SHOP, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('Access-Control-Allow-Origin')).toBe(SHOP);
    expect(preflight.headers.get('Access-Control-Allow-Methods')).toContain('POST');
    const response = await fetch(`${url}/bookform/1`, { headers: { Origin: SHOP } });
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe(SHOP);
    expect(response.headers.get('Vary')).toContain('Origin');
  });

  it('gives any other origin nothing, and refuses its bookings before the upstream', async () => {
    const { url } = await startProxy();
    const other = 'https://elsewhere.example';
    const read = await fetch(`${url}/bookform/1`, { headers: { Origin: other } });
    expect(read.headers.get('Access-Control-Allow-Origin')).toBeNull();
    await expectEnvelope(await fetch(`${url}/book_record/1`, { method: 'OPTIONS', headers: { Origin: other } }), 403);
    const received = bed.upstream.received.length;
    await expectEnvelope(await fetch(`${url}/book_record/1`, postJson({}, { Origin: other })), 403);
    expect(bed.upstream.received).toHaveLength(received);
  });

  it('lets the page served by the same origin book without configuration', async () => {
    const { url, origin } = await startProxy({ ALLOWED_ORIGINS: '' });
    const response = await fetch(`${url}/book_record/1`, postJson({}, { Origin: origin }));
    expect(response.status).toBe(201);
  });
});

describe('request bodies', () => {
  it('refuses an oversized body with 413 before the upstream', async () => {
    const { url } = await startProxy({ MAX_BODY_BYTES: '1024' });
    const response = await fetch(`${url}/book_record/1`, postJson({ comment: 'x'.repeat(2000) }));
    await expectEnvelope(response, 413);
    expect(bed.upstream.received).toHaveLength(0);
  });

  it('refuses a body that is not JSON', async () => {
    const { url } = await startProxy();
    const response = await fetch(`${url}/book_record/1`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{}' });
    await expectEnvelope(response, 415);
  });
});

describe('upstream failures', () => {
  it('answers 502 with the error envelope when the upstream is down', async () => {
    const down = await listenOnLoopback(() => new Response());
    await down.close();
    const { url } = await startProxy({ ALTEGIO_UPSTREAM: `${down.url}/api/v1` });
    const response = await fetch(`${url}/bookform/1`);
    await expectEnvelope(response, 502);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
  });

  it('answers 504 when the upstream is too slow', async () => {
    const { url } = await startProxy({ UPSTREAM_TIMEOUT_MS: '100' });
    bed.upstream.delayMs = 400;
    await expectEnvelope(await fetch(`${url}/book_dates/1`), 504);
  });

  it('retries a GET after a 503 and answers the 200', async () => {
    const { url } = await startProxy();
    bed.upstream.queue.push(() => Response.json({ success: false, data: null, meta: { message: 'busy' } }, { status: 503 }));
    const response = await fetch(`${url}/book_staff/1`);
    expect(response.status).toBe(200);
    expect(bed.upstream.received).toHaveLength(2);
  });

  it('an upstream 429 is passed on, not retried, and nobody calls the upstream again before it asked', async () => {
    const { url } = await startProxy();
    bed.upstream.queue.push(() => new Response('{}', { status: 429, headers: { 'Retry-After': '1', 'Content-Type': 'application/json' } }));
    const refused = await fetch(`${url}/book_services/1`);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('Retry-After')).toBe('1');
    expect(bed.upstream.received).toHaveLength(1);
    // Another read waits in the queue until the second is over, then goes.
    const started = Date.now();
    expect((await fetch(`${url}/book_staff/1`)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(800);
    expect(bed.upstream.received).toHaveLength(2);
  });

  it('never retries a booking POST, and says a 5xx leaves its outcome unknown', async () => {
    const { url } = await startProxy();
    bed.upstream.queue.push(() => Response.json({ success: false, data: null, meta: { message: 'busy' } }, { status: 503 }));
    const response = await fetch(`${url}/book_record/1`, postJson({}));
    await expectEnvelope(response, 502);
    expect(bed.upstream.received).toHaveLength(1);
  });

  it('turns a non-JSON upstream error page into the envelope', async () => {
    const { url } = await startProxy();
    bed.upstream.queue.push(() => new Response('<html>Bad gateway</html>', { status: 500, headers: { 'Content-Type': 'text/html' } }));
    await expectEnvelope(await fetch(`${url}/book_check/1`, postJson({})), 500);
  });
});

describe('health', () => {
  it('answers 200 JSON naming the mode and the upstream host, never the token', async () => {
    const { origin } = await startProxy();
    const response = await fetch(`${origin}/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    expect(await response.json()).toMatchObject({ ok: true, mode: 'proxy', demo: false, upstream: new URL(bed.upstream.base).host });
  });
});
