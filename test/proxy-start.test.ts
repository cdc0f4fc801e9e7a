// GET /booking_start/:form: the form, its location(s), the first step's services and the locale in
// one answer, composed from the proxy's own cached reads: one upstream round trip's worth of calls
// when cold, none when warm (also across instances sharing Redis), CDN headers, upstream errors
// passed as Altegio gives them, and nothing but ids and language tags accepted.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDemoApp } from '../src/server/demo/app';
import { DEMO } from '../src/server/demo/seed';
import { createProxy, parseConfig, type EnvRecord } from '../src/server/proxy';
import { listenOnLoopback, type LoopbackServer } from '../src/server/proxy/loopback';
import { RedisStore, clientOptions } from '../src/server/proxy/redis-store';
import type { SharedStore } from '../src/server/proxy/store';
import { Redis } from 'ioredis';
import { NO_LIMITS } from './helpers/proxy';
import { describeWithRedis, startRedis, type RedisServer } from './helpers/redis';

const TOKEN = 'partner-token-start-7f3a';
const NY = DEMO.locations.newYork;

let demoServer: LoopbackServer;
const upstreamCalls: string[] = [];
const servers: LoopbackServer[] = [];

beforeAll(async () => {
  const demo = createDemoApp({ now: () => new Date('2026-03-05T14:00:00Z') });
  demoServer = await listenOnLoopback((request) => {
    const url = new URL(request.url);
    upstreamCalls.push(url.pathname.replace('/api/v1', '') + url.search);
    return demo.fetch(request);
  });
});
afterAll(() => demoServer.close());
afterEach(async () => {
  upstreamCalls.length = 0;
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function startProxy(env: EnvRecord = {}, store?: SharedStore) {
  const config = parseConfig({ ALTEGIO_PARTNER_TOKEN: TOKEN, ALTEGIO_UPSTREAM: `${demoServer.url}/api/v1`, ...NO_LIMITS, ...env });
  const server = await listenOnLoopback(createProxy(config, { log: () => {}, ...(store && { store }) }).fetch);
  servers.push(server);
  return async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${server.url}/api/v1${path}`, { headers });
    const text = await response.text();
    expect(text).not.toContain(TOKEN);
    return { status: response.status, headers: response.headers, json: text ? (JSON.parse(text) as { success: boolean; data: any; meta: any }) : null };
  };
}

describe('booking_start', () => {
  it('gives a single-location form, its location, its services and the form language\'s locale in one answer', async () => {
    const call = await startProxy();
    const start = await call(`/booking_start/${DEMO.forms.newYork}`);
    expect(start.status).toBe(200);
    const { data } = start.json!;
    expect(data.formId).toBe(DEMO.forms.newYork);
    expect(data.form.company_id).toBe(NY);
    expect(data.lang).toBe('en-US');
    expect(Object.keys(data.locale).length).toBeGreaterThan(50);
    expect(data.locationsKey).toBe(`location:${NY}`);
    expect(data.locations.id).toBe(NY);
    expect(data.servicesLocationId).toBe(NY);
    expect(data.services.services.length).toBeGreaterThan(0);
    // The same answers the widget's separate requests get, asked for with the same paths.
    expect(upstreamCalls.sort()).toEqual([`/bookform/${DEMO.forms.newYork}`, `/book_services/${NY}`, `/company/${NY}?forBooking=1`, '/i18n/en-US'].sort());
  });

  it('a chain form without a chosen location gives the locations and no services; with ?location= its services too', async () => {
    const call = await startProxy();
    const chain = await call(`/booking_start/${DEMO.forms.chain}?lang=fr-FR`);
    expect(chain.json!.data.locationsKey).toBe(`locations:${DEMO.groupId}`);
    expect(chain.json!.data.locations.map((l: { id: number }) => l.id)).toContain(NY);
    expect(chain.json!.data.services).toBeUndefined();
    expect(chain.json!.data.lang).toBe('fr-FR');
    expect(upstreamCalls).toContain('/i18n/fr-FR');
    const atNy = await call(`/booking_start/${DEMO.forms.chain}?location=${NY}`);
    expect(atNy.json!.data.servicesLocationId).toBe(NY);
    expect(atNy.json!.data.services.services.length).toBeGreaterThan(0);
  });

  it('warm, it costs no upstream call, and the ordinary endpoints then hit the same cache', async () => {
    const call = await startProxy();
    await call(`/booking_start/${DEMO.forms.newYork}`);
    upstreamCalls.length = 0;
    const again = await call(`/booking_start/${DEMO.forms.newYork}`);
    expect(again.status).toBe(200);
    const form = await call(`/bookform/${DEMO.forms.newYork}`);
    const services = await call(`/book_services/${NY}`);
    expect(upstreamCalls).toEqual([]);
    expect(form.headers.get('X-Proxy-Cache')).toBe('hit');
    expect(services.headers.get('X-Proxy-Cache')).toBe('hit');
  });

  it('is CDN-cacheable for the shortest lifetime of its parts, with an ETag that answers 304', async () => {
    const call = await startProxy();
    const first = await call(`/booking_start/${DEMO.forms.newYork}`);
    // Services live 2 min in the proxy's cache: the shortest part.
    expect(first.headers.get('Cache-Control')).toBe('public, max-age=120, s-maxage=120, stale-while-revalidate=120');
    expect(first.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
    expect(first.headers.get('Vary')).toContain('Accept-Language');
    const etag = first.headers.get('ETag')!;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    const second = await call(`/booking_start/${DEMO.forms.newYork}`, { 'If-None-Match': etag });
    expect(second.status).toBe(304);
    expect(second.headers.get('ETag')).toBe(etag);
  });

  it('an unknown form is the upstream\'s 404, as Altegio gives it, never cached', async () => {
    const call = await startProxy();
    const bookform = await call('/bookform/999');
    const start = await call('/booking_start/999');
    expect(start.status).toBe(bookform.status);
    expect(start.status).toBe(404);
    expect(start.json).toEqual(bookform.json);
    expect(start.headers.get('Cache-Control')).toBe('no-store');
  });

  it('takes only digits for ids and a language tag for lang: anything else never reaches the upstream', async () => {
    const call = await startProxy();
    for (const path of [
      '/booking_start/abc',
      '/booking_start/1?location=..%2Fuser',
      '/booking_start/1?location=1%2F2',
      '/booking_start/1?lang=..%2F..%2Fcompany%2F1',
      '/booking_start/1?lang=en-US%3Fx%3D1',
      '/booking_start/%2E%2E',
    ]) {
      const answer = await call(path);
      expect(answer.status, path).toBeGreaterThanOrEqual(400);
      expect(answer.json?.success, path).toBe(false);
    }
    expect(upstreamCalls).toEqual([]);
  });

  it('the upstream down: 502 in the error envelope, nothing cached', async () => {
    const config = parseConfig({ ALTEGIO_PARTNER_TOKEN: TOKEN, ALTEGIO_UPSTREAM: 'http://127.0.0.1:9/api/v1', ...NO_LIMITS });
    const server = await listenOnLoopback(createProxy(config, { log: () => {}, retryDelaysMs: [] }).fetch);
    servers.push(server);
    const response = await fetch(`${server.url}/api/v1/booking_start/${DEMO.forms.newYork}`);
    expect(response.status).toBe(502);
    expect(((await response.json()) as { success: boolean }).success).toBe(false);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
  });
});

describeWithRedis('booking_start on instances sharing Redis', (binary) => {
  let redis: RedisServer;
  const clients: Redis[] = [];
  beforeAll(async () => {
    redis = await startRedis(binary);
  });
  afterAll(async () => {
    for (const client of clients) client.disconnect();
    await redis?.stop();
  });
  const store = async (prefix: string) => {
    const client = new Redis(redis.url, clientOptions());
    clients.push(client);
    if (client.status !== 'ready') await new Promise((resolve) => client.once('ready', resolve));
    return new RedisStore(client, prefix);
  };

  it('what one instance loaded, another answers without an upstream call', async () => {
    const prefix = `start:${process.pid}:`;
    const one = await startProxy({}, await store(prefix));
    const two = await startProxy({}, await store(prefix));
    const cold = await one(`/booking_start/${DEMO.forms.newYork}`);
    expect(cold.status).toBe(200);
    expect(upstreamCalls.length).toBe(4);
    upstreamCalls.length = 0;
    const warm = await two(`/booking_start/${DEMO.forms.newYork}`);
    expect(warm.json!.data).toEqual(cold.json!.data);
    expect(upstreamCalls).toEqual([]);
  });
});

describe('booking_start and a client\'s share of the upstream budget', () => {
  it('a visitor\'s one cold request is answered whole on the default limits: its parts do not count against the share', async () => {
    const call = await startProxy({ RATE_LIMIT_PER_SECOND: '8', CLIENT_UPSTREAM_PER_SECOND: '1', CLIENT_UPSTREAM_PER_MINUTE: '40' });
    const chain = await call(`/booking_start/${DEMO.forms.chain}?location=${NY}`);
    expect(Object.keys(chain.json!.data)).toEqual(expect.arrayContaining(['form', 'locale', 'locations', 'services']));
    const single = await call(`/booking_start/${DEMO.forms.newYorkPresetService}`);
    expect(Object.keys(single.json!.data)).toEqual(expect.arrayContaining(['form', 'locale', 'locations', 'services']));
  });
});
