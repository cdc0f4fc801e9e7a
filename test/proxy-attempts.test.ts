// Exactly one booking through the proxy, whatever is lost between it and the upstream: each
// attempt's Idempotency-Key is sent upstream at most once, an answer the proxy has is replayed,
// and an outcome nobody can know is said as such. Real HTTP on loopback.
import { describe, expect, it } from 'vitest';
import { createProxy, parseConfig, type EnvRecord } from '../src/server/proxy';
import { listenOnLoopback } from '../src/server/proxy/loopback';
import { useFakeUpstream, NO_LIMITS } from './helpers/proxy';

const bed = useFakeUpstream();
const KEY = '0c9f4a51-8b7e-4d6a-9f21-3e5c7a1b2d40';

async function startProxy(env: EnvRecord = {}) {
  const config = parseConfig({
    ALTEGIO_PARTNER_TOKEN: 'token',
    ALTEGIO_UPSTREAM: bed.upstream.base,
    ...NO_LIMITS,
    ...env,
  });
  const proxy = createProxy(config, { log: () => {}, retryDelaysMs: [10, 20] });
  const server = await listenOnLoopback(proxy.fetch);
  bed.servers.push(server);
  return `${server.url}/api/v1`;
}

const book = (url: string, key: string | undefined = KEY) =>
  fetch(`${url}/book_record/1`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(key ? { 'Idempotency-Key': key } : {}) },
    body: JSON.stringify({ phone: '+15550100', fullname: 'Ann', appointments: [{ id: 1, services: [5], staff_id: 2, datetime: '2025-09-21T10:00:00+03:00' }] }),
  });

const lookup = (url: string, key = KEY) => fetch(`${url}/booking_attempts/${key}`);

async function outcomeOf(response: Response): Promise<string | undefined> {
  const body = (await response.json()) as { success: boolean; meta?: { outcome?: string } };
  expect(body.success).toBe(false);
  return body.meta?.outcome;
}

/** The upstream makes the booking, starts answering, and the connection breaks mid-body. */
const handledThenDropped = () =>
  new Response(
    new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"success":true,"data":[{"id":1,'));
        setTimeout(() => controller.error(new Error('connection lost')), 10);
      },
    }),
    { status: 201, headers: { 'Content-Type': 'application/json' } },
  );

const created = () => Response.json({ success: true, data: [{ id: 1, record_id: 77, record_hash: 'abc' }], meta: [] }, { status: 201 });

describe('one upstream booking per key', () => {
  it('replays the answer to a repeated key instead of booking again', async () => {
    const url = await startProxy();
    bed.upstream.queue.push(created);
    const first = await book(url);
    expect(first.status).toBe(201);
    const again = await book(url);
    expect(again.status).toBe(201);
    expect(await again.json()).toEqual(await first.json());
    expect(bed.upstream.received).toHaveLength(1);
    // Asking needs no booking at all.
    const asked = await lookup(url);
    expect(asked.status).toBe(201);
    expect((await asked.json()).data[0].record_id).toBe(77);
  });

  it('replays a refusal too: the same attempt is refused again, nothing sent', async () => {
    const url = await startProxy();
    bed.upstream.queue.push(() => Response.json({ success: false, data: null, meta: { message: 'taken', errors: [{ code: 433, id: 1 }] } }, { status: 422 }));
    expect((await book(url)).status).toBe(422);
    expect((await book(url)).status).toBe(422);
    expect(bed.upstream.received).toHaveLength(1);
  });

  it('a second request with the key while the first is out is not forwarded', async () => {
    const url = await startProxy();
    bed.upstream.delayMs = 200;
    bed.upstream.queue.push(created);
    const first = book(url);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = await book(url);
    expect(second.status).toBe(409);
    expect(await outcomeOf(second)).toBe('pending');
    expect((await first).status).toBe(201);
    expect(bed.upstream.received).toHaveLength(1);
  });

  it('refuses a key that is too short to be unguessable', async () => {
    const url = await startProxy();
    expect((await book(url, 'abc')).status).toBe(400);
    expect(bed.upstream.received).toHaveLength(0);
  });

  it('says a key it never saw is unknown to it', async () => {
    const url = await startProxy();
    const asked = await lookup(url);
    expect(asked.status).toBe(404);
    expect(await outcomeOf(asked)).toBe('unseen');
  });
});

describe('an answer lost between the proxy and the upstream', () => {
  const lost: Array<[string, () => void, EnvRecord?]> = [
    ['the connection breaks mid-answer', () => bed.upstream.queue.push(handledThenDropped)],
    ['the answer is an HTML page with 200', () => bed.upstream.queue.push(() => new Response('<html>ok</html>', { status: 200, headers: { 'Content-Type': 'text/html' } }))],
    ['the answer is a gateway 502 page', () => bed.upstream.queue.push(() => new Response('<html>Bad gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }))],
    ['the answer is cut-off JSON', () => bed.upstream.queue.push(() => new Response('{"success":true,"data":[{"id"', { status: 201, headers: { 'Content-Type': 'application/json' } }))],
    ['the answer comes after the proxy stopped waiting', () => (bed.upstream.delayMs = 300), { UPSTREAM_TIMEOUT_MS: '100' }],
  ];

  for (const [what, arm, env] of lost) {
    it(`${what}: the outcome is unknown, and neither a repeat nor a question books again`, async () => {
      const url = await startProxy(env);
      arm();
      const response = await book(url);
      expect(response.status).toBeGreaterThanOrEqual(500);
      expect(response.headers.get('Cache-Control')).toBe('no-store');
      expect(await outcomeOf(response)).toBe('unknown');
      bed.upstream.delayMs = 0;

      const again = await book(url);
      expect(again.status).toBe(409);
      expect(await outcomeOf(again)).toBe('unknown');
      expect(await outcomeOf(await lookup(url))).toBe('unknown');
      expect(bed.upstream.received.filter((r) => r.url.includes('book_record'))).toHaveLength(1);
    });
  }

  it('no connection at all: nothing was sent, so the same attempt may go again', async () => {
    const down = await listenOnLoopback(() => new Response());
    await down.close();
    const url = await startProxy({ ALTEGIO_UPSTREAM: `${down.url}/api/v1` });
    const response = await book(url);
    expect(response.status).toBe(502);
    expect(await outcomeOf(response)).toBeUndefined();
    expect((await lookup(url)).status).toBe(404);
  });

  it('a booking without a key still never goes twice and still says unknown', async () => {
    const url = await startProxy();
    bed.upstream.queue.push(handledThenDropped);
    expect(await outcomeOf(await book(url, ''))).toBe('unknown');
    expect(bed.upstream.received).toHaveLength(1);
  });
});

describe('fresh free times after a booking', () => {
  it('a booking, a refused check or a cancellation drops the location’s cached times, not other locations’ or the form', async () => {
    const url = await startProxy();
    const times = (loc: number) => fetch(`${url}/book_times/${loc}/0/2025-09-21`).then((r) => r.headers.get('X-Proxy-Cache'));
    const form = () => fetch(`${url}/bookform/1`).then((r) => r.headers.get('X-Proxy-Cache'));
    await times(1);
    await times(2);
    await form();
    expect(await times(1)).toBe('hit');

    bed.upstream.queue.push(() => Response.json({ success: false, data: null, meta: { errors: [{ code: 433, id: 1 }] } }, { status: 422 }));
    await fetch(`${url}/book_check/1`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(await times(1)).toBe('miss');
    expect(await times(2)).toBe('hit');
    expect(await form()).toBe('hit');

    await book(url);
    expect(await times(1)).toBe('miss');

    await fetch(`${url}/user/records/77/abc`, { method: 'DELETE' });
    expect(await times(1)).toBe('miss');
    expect(await times(2)).toBe('miss');
  });
});

describe('broken answers are never kept', () => {
  it('an HTML page or a success:false with 200 is passed on as an error, not cached, and the next request asks again', async () => {
    const url = await startProxy();
    bed.upstream.queue.push(() => new Response('<html>maintenance</html>', { status: 200, headers: { 'Content-Type': 'text/html' } }));
    const html = await fetch(`${url}/i18n/fr-FR`);
    expect(html.status).toBe(502);
    expect(html.headers.get('Cache-Control')).toBe('no-store');

    bed.upstream.queue.push(() => Response.json({ success: false, data: null, meta: { message: 'oops' } }, { status: 200 }));
    const refused = await fetch(`${url}/i18n/fr-FR`);
    expect(refused.headers.get('Cache-Control')).toBe('no-store');

    const good = await fetch(`${url}/i18n/fr-FR`);
    expect(good.status).toBe(200);
    expect(good.headers.get('X-Proxy-Cache')).toBe('miss');
    expect(bed.upstream.received).toHaveLength(3);
  });
});
