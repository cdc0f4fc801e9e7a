// The proxy in front of the demo backend, both real HTTP servers on loopback: a whole booking goes
// through it, staff-side paths do not, and the token stays on the server.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDemoApp } from '../src/server/demo/app';
import { DEMO } from '../src/server/demo/seed';
import { createProxy, parseConfig, type EnvRecord } from '../src/server/proxy';
import { listenOnLoopback, type LoopbackServer } from '../src/server/proxy/loopback';
import { NO_LIMITS } from './helpers/proxy';

const TOKEN = 'partner-token-demo-51c2';
const SHOP = 'https://shop.example';
const NY = DEMO.locations.newYork;
const HAIRCUT = DEMO.services.womensHaircut;

let demoServer: LoopbackServer;
const upstreamCalls: Array<{ path: string; authorization: string | null }> = [];
const proxies: LoopbackServer[] = [];
/** Every response the proxy gave in this file, checked for the token at the end. */
const seen: Array<{ headers: string; body: string }> = [];

beforeAll(async () => {
  const demo = createDemoApp({ now: () => new Date('2026-03-05T14:00:00Z') });
  demoServer = await listenOnLoopback((request) => {
    upstreamCalls.push({ path: new URL(request.url).pathname, authorization: request.headers.get('Authorization') });
    return demo.fetch(request);
  });
});
afterAll(async () => {
  await demoServer.close();
  for (const { headers, body } of seen) {
    expect(headers).not.toContain(TOKEN);
    expect(body).not.toContain(TOKEN);
  }
});
afterEach(async () => {
  upstreamCalls.length = 0;
  await Promise.all(proxies.splice(0).map((s) => s.close()));
});

async function startProxy(env: EnvRecord = {}) {
  const config = parseConfig({
    ALTEGIO_PARTNER_TOKEN: TOKEN,
    ALTEGIO_UPSTREAM: `${demoServer.url}/api/v1`,
    ALLOWED_ORIGINS: SHOP,
    ...NO_LIMITS,
    ...env,
  });
  const server = await listenOnLoopback(createProxy(config, { log: () => {} }).fetch);
  proxies.push(server);
  const call = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${server.url}/api/v1${path}`, init);
    const body = await response.text();
    seen.push({ headers: [...response.headers].join('\n'), body });
    return { status: response.status, headers: response.headers, json: JSON.parse(body || 'null') as { data: any; meta: any } };
  };
  const post = (path: string, payload: unknown, headers: Record<string, string> = {}) =>
    call(path, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(payload) });
  return { call, post };
}

describe('the proxy in front of the demo backend', () => {
  it('carries a whole booking: dates, times, create, details; the token reaches the upstream', async () => {
    const { call, post } = await startProxy();
    const dates = await call(`/book_dates/${NY}?service_ids[]=${HAIRCUT}`);
    const day = dates.json.data.booking_dates[0] as string;
    const times = await call(`/book_times/${NY}/0/${day}?service_ids[]=${HAIRCUT}`);
    const slot = times.json.data[0] as { datetime: string };
    const created = await post(`/book_record/${NY}`, {
      fullname: 'Ada Lovelace',
      phone: '+1 212 555 0100',
      email: 'ada@example.com',
      appointments: [{ id: 1, services: [HAIRCUT], staff_id: 0, datetime: slot.datetime }],
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('Cache-Control')).toBe('no-store');
    const { record_id, record_hash } = created.json.data[0] as { record_id: number; record_hash: string };
    const details = await call(`/book_record/${NY}/${record_id}/${record_hash}`);
    expect(details.status).toBe(200);
    expect(details.headers.get('Cache-Control')).toBe('no-store');
    expect(upstreamCalls.map((c) => c.authorization)).toEqual(upstreamCalls.map(() => `Bearer ${TOKEN}`));
  });

  it('refuses a staff-side path, and passes the demo errors through in their envelope', async () => {
    const { call, post } = await startProxy();
    const refused = await call('/records/1');
    expect(refused.status).toBe(403);
    expect(refused.json).toMatchObject({ success: false, data: null, meta: { message: expect.any(String) } });
    const badPhone = await post(`/book_record/${NY}`, { fullname: 'A', phone: '1', appointments: [] });
    expect(badPhone.status).toBe(422);
    expect(badPhone.json.meta.errors[0].code).toBe(431);
    expect(upstreamCalls.map((c) => c.path)).toEqual([`/api/v1/book_record/${NY}`]);
  });

  it('answers CORS for the shop, not for another origin', async () => {
    const { call, post } = await startProxy();
    const allowed = await call(`/company/${NY}`, { headers: { Origin: SHOP } });
    expect(allowed.headers.get('Access-Control-Allow-Origin')).toBe(SHOP);
    const other = await call(`/company/${NY}`, { headers: { Origin: 'https://other.example' } });
    expect(other.headers.get('Access-Control-Allow-Origin')).toBeNull();
    expect((await post(`/book_check/${NY}`, {}, { Origin: 'https://other.example' })).status).toBe(403);
  });

  it('sends 20 identical concurrent GETs to the demo backend once', async () => {
    const { call } = await startProxy();
    const answers = await Promise.all(Array.from({ length: 20 }, () => call(`/book_services/${NY}`)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(upstreamCalls).toHaveLength(1);
  });

  it('limits one client with 429 and Retry-After', async () => {
    const { call } = await startProxy({ RATE_LIMIT_PER_SECOND: '2' });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push(await call(`/bookform/${DEMO.forms.newYork}`));
    expect(statuses.map((s) => s.status)).toEqual([200, 200, 429]);
    expect(Number(statuses[2]?.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1);
  });

  it('refuses an oversized body with 413', async () => {
    const { post } = await startProxy({ MAX_BODY_BYTES: '2048' });
    const response = await post(`/book_record/${NY}`, { comment: 'x'.repeat(4096) });
    expect(response.status).toBe(413);
    expect(upstreamCalls).toHaveLength(0);
  });

  it('answers 502 with the envelope once the demo backend is down', async () => {
    const down = await listenOnLoopback(() => new Response());
    await down.close();
    const { call } = await startProxy({ ALTEGIO_UPSTREAM: `${down.url}/api/v1` });
    const response = await call(`/i18n/en-US`);
    expect(response.status).toBe(502);
    expect(response.json).toMatchObject({ success: false, data: null, meta: { message: expect.any(String) } });
  });
});
