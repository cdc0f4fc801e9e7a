// The proxy and the visitor's user token: sent by the browser in X-User-Token, composed upstream
// as `Bearer <partner>, User <user>` on the user endpoints only, never cached, never logged, and
// never taken from the browser's own Authorization. Sign-in attempts are limited per phone and per
// client. Group events pass through like the other availability. Both servers real, on loopback.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDemoApp, type DemoApp } from '../src/server/demo/app';
import { DEMO } from '../src/server/demo/seed';
import { createProxy, parseConfig, type RequestLogEntry } from '../src/server/proxy';
import { listenOnLoopback, type LoopbackServer } from '../src/server/proxy/loopback';
import { SIGN_IN_PER_PHONE } from '../src/server/proxy/sign-in';
import { NO_LIMITS } from './helpers/proxy';

const TOKEN = 'partner-token-user-7f3a';
const SHOP = 'https://shop.example';
const NY = DEMO.locations.newYork;

let demo: DemoApp;
let demoServer: LoopbackServer;
const upstreamCalls: Array<{ method: string; path: string; authorization: string | null; userHeader: string | null }> = [];
const proxies: LoopbackServer[] = [];
const logs: RequestLogEntry[] = [];

beforeAll(async () => {
  demo = createDemoApp({ now: () => new Date('2026-03-05T14:00:00Z') });
  demoServer = await listenOnLoopback((request) => {
    const url = new URL(request.url);
    upstreamCalls.push({ method: request.method, path: url.pathname + url.search, authorization: request.headers.get('Authorization'), userHeader: request.headers.get('X-User-Token') });
    return demo.fetch(request);
  });
});
afterAll(() => demoServer.close());
afterEach(async () => {
  upstreamCalls.length = 0;
  logs.length = 0;
  demo.store.reset();
  await Promise.all(proxies.splice(0).map((s) => s.close()));
});

async function startProxy(limits: Record<string, string> = NO_LIMITS) {
  const config = parseConfig({ ALTEGIO_PARTNER_TOKEN: TOKEN, ALTEGIO_UPSTREAM: `${demoServer.url}/api/v1`, ALLOWED_ORIGINS: SHOP, ...limits });
  const proxy = createProxy(config, { log: (entry) => logs.push(entry) });
  const server = await listenOnLoopback(proxy.fetch);
  proxies.push(server);
  const call = async (method: string, path: string, options: { headers?: Record<string, string>; body?: unknown } = {}) => {
    const response = await fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: { ...(options.body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...options.headers },
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, json: JSON.parse(text || 'null') as { data: any; meta: any } };
  };
  const signIn = async (phone: string = DEMO.visitor.phone) => {
    await call('POST', `/book_code/${NY}`, { body: { phone, fullname: '' } });
    return (await call('POST', '/user/auth', { body: { phone, code: DEMO.smsCode } })).json.data.user_token as string;
  };
  return { call, signIn, url: server.url, proxy };
}

describe('the user token', () => {
  it('is composed upstream as Bearer <partner>, User <user> on user endpoints, answered private, no-store', async () => {
    const { call, signIn } = await startProxy();
    const user = await signIn();
    upstreamCalls.length = 0;
    const records = await call('GET', `/user/records?company_id=${NY}&made_up=1`, { headers: { 'X-User-Token': user } });
    expect(records.status).toBe(200);
    expect(records.json.data.length).toBe(5);
    expect(records.headers.get('Cache-Control')).toBe('private, no-store');
    expect(upstreamCalls).toEqual([{ method: 'GET', path: `/api/v1/user/records?company_id=${NY}`, authorization: `Bearer ${TOKEN}, User ${user}`, userHeader: null }]);
    // Asked again: asked again upstream (nothing was kept).
    await call('GET', `/user/records?company_id=${NY}`, { headers: { 'X-User-Token': user } });
    expect(upstreamCalls).toHaveLength(2);
  });

  it('is required where the API requires it: refused with 401 before any upstream call', async () => {
    const { call } = await startProxy();
    for (const [method, path] of [['GET', '/user/records'], ['GET', '/booking/user/data'], ['GET', '/user/records/1/abc'], ['PUT', `/book_record/${NY}/1`]] as const) {
      const res = await call(method, path, method === 'PUT' ? { body: { datetime: '2026-03-20T10:00:00-04:00' } } : {});
      expect(res.status).toBe(401);
      expect(res.json).toMatchObject({ success: false, data: null });
    }
    expect(upstreamCalls).toHaveLength(0);
    const bad = await call('GET', '/user/records', { headers: { 'X-User-Token': 'not/a/token' } });
    expect(bad.status).toBe(400);
    expect(upstreamCalls).toHaveLength(0);
  });

  it('is never taken from the browser’s own Authorization header', async () => {
    const { call, signIn } = await startProxy();
    const user = await signIn();
    upstreamCalls.length = 0;
    // A user endpoint with the token only in Authorization: no token, so refused.
    expect((await call('GET', '/user/records', { headers: { Authorization: `Bearer stolen, User ${user}` } })).status).toBe(401);
    // A public endpoint: the browser's Authorization is dropped, the partner's alone goes up.
    await call('GET', `/book_services/${NY}`, { headers: { Authorization: `Bearer stolen, User ${user}` } });
    expect(upstreamCalls).toEqual([expect.objectContaining({ path: `/api/v1/book_services/${NY}`, authorization: `Bearer ${TOKEN}` })]);
  });

  it('is dropped on every other endpoint, stays out of cache keys, and out of the logs', async () => {
    const { call, signIn } = await startProxy();
    const user = await signIn();
    upstreamCalls.length = 0;
    const withToken = await call('GET', `/activity/${NY}/search?from=2026-03-05&till=2026-03-11`, { headers: { 'X-User-Token': user } });
    expect(withToken.headers.get('X-Proxy-Cache')).toBe('miss');
    // Another visitor, no token: the same cached answer (the token made no cache entry of its own).
    const without = await call('GET', `/activity/${NY}/search?from=2026-03-05&till=2026-03-11`);
    expect(without.headers.get('X-Proxy-Cache')).toBe('hit');
    expect(without.text).toBe(withToken.text);
    expect(upstreamCalls).toEqual([expect.objectContaining({ authorization: `Bearer ${TOKEN}`, userHeader: null })]);
    await call('GET', `/user/records`, { headers: { 'X-User-Token': user } });
    const logged = JSON.stringify(logs);
    expect(logged).not.toContain(user);
    expect(logged).not.toContain(TOKEN);
    expect(logs.map((l) => l.route)).toContain('/user/records');
  });

  it('lets the visitor move a booking (PUT) and cancel one by id; the moved-from time is offered again at once', async () => {
    const { call, signIn } = await startProxy();
    const user = await signIn();
    const headers = { 'X-User-Token': user };
    const records = (await call('GET', `/user/records?company_id=${NY}`, { headers })).json.data as { id: number; date: string; online: boolean; activity_id: number; staff: { id: string }; services: { id: number }[] }[];
    const visit = records.find((r) => r.activity_id === 0 && r.online && Date.parse(r.date) > Date.parse('2026-03-05T14:00:00Z'))!;
    const day = visit.date.slice(0, 10);
    const timesPath = `/book_times/${NY}/${visit.staff.id}/${day}?service_ids[]=${visit.services[0]!.id}`;
    const before = (await call('GET', timesPath)).json.data as { datetime: string }[];
    expect(before.map((t) => t.datetime)).not.toContain(visit.date);
    const target = ((await call('GET', `/book_times/${NY}/${visit.staff.id}/2026-03-20?service_ids[]=${visit.services[0]!.id}`)).json.data as { datetime: string }[])[0]!.datetime;
    const moved = await call('PUT', `/book_record/${NY}/${visit.id}`, { headers, body: { datetime: target } });
    expect(moved.status).toBe(200);
    expect(moved.headers.get('Cache-Control')).toBe('private, no-store');
    expect(upstreamCalls.at(-1)).toMatchObject({ method: 'PUT', authorization: `Bearer ${TOKEN}, User ${user}` });
    const after = await call('GET', timesPath);
    expect(after.headers.get('X-Proxy-Cache')).toBe('miss');
    expect((after.json.data as { datetime: string }[]).map((t) => t.datetime)).toContain(visit.date);
    // Signed in, the record's id is enough to cancel.
    const other = records.find((r) => r.id !== visit.id && r.activity_id === 0 && Date.parse(r.date) > Date.parse('2026-03-05T14:00:00Z'))!;
    expect((await call('DELETE', `/user/records/${other.id}/unknownhash`, { headers })).status).toBe(204);
    expect(upstreamCalls.at(-1)).toMatchObject({ method: 'DELETE', authorization: `Bearer ${TOKEN}, User ${user}` });
    // The widget's sign-in, list, move and cancel, logged by route only: never the user's token.
    expect(logs.map((l) => l.route)).toEqual(expect.arrayContaining(['/user/auth', '/user/records']));
    expect(logs.filter((l) => /book_record|user\/records\//.test(l.route))).not.toHaveLength(0);
    expect(JSON.stringify(logs)).not.toContain(user);
  });

  it('is allowed by CORS preflight (X-User-Token, PUT) for the embedding origins', async () => {
    const { url } = await startProxy();
    const res = await fetch(`${url}/api/v1/book_record/${NY}/1`, { method: 'OPTIONS', headers: { Origin: SHOP, 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'x-user-token, content-type' } });
    expect(res.status).toBe(204);
    expect(res.headers.get('Access-Control-Allow-Methods')).toContain('PUT');
    expect(res.headers.get('Access-Control-Allow-Headers')).toContain('X-User-Token');
  });
});

describe('sign-in attempts', () => {
  it('are limited per phone (however it is written): code guessing gets 429 with Retry-After, and nothing more goes upstream', async () => {
    const { call } = await startProxy();
    const limit = SIGN_IN_PER_PHONE[0]!.limit;
    const spellings = ['+1 212 555 0123', '+1-212-555-0123', '12125550123', '+1 (212) 555-0123'];
    const statuses: number[] = [];
    for (let i = 0; i < limit + 3; i++) {
      statuses.push((await call('POST', '/user/auth', { body: { phone: spellings[i % spellings.length], code: String(1000 + i) } })).status);
    }
    expect(statuses.slice(0, limit).every((s) => s === 422)).toBe(true);
    expect(statuses.slice(limit)).toEqual([429, 429, 429]);
    const refused = await call('POST', '/user/auth', { body: { phone: DEMO.visitor.phone, code: DEMO.smsCode } });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(60);
    expect(refused.json.meta.message).toMatch(/sign-in attempts/);
    expect(upstreamCalls.filter((c) => c.path === '/api/v1/user/auth')).toHaveLength(limit);
    // Another phone is not held up by this one.
    expect((await call('POST', '/user/auth', { body: { phone: '+1 212 555 0177', code: '0000' } })).status).toBe(422);
  });

  it('are limited per client too: one client trying many phones is stopped', async () => {
    const { call } = await startProxy();
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) statuses.push((await call('POST', '/user/auth', { body: { phone: `+1 212 555 ${String(1000 + i)}`, code: '0000' } })).status);
    expect(statuses.slice(0, 20).every((s) => s === 422)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
  });
});

describe('group events through the proxy', () => {
  it('books seats once per attempt key, and the event’s seats are read fresh afterwards', async () => {
    const { call } = await startProxy();
    const search = `/activity/${NY}/search?from=2026-03-09&till=2026-03-09&service_ids[]=${DEMO.events.services.eveningFlow}`;
    const first = await call('GET', search);
    const event = first.json.data[0] as { id: number; records_count: number };
    expect((await call('GET', search)).headers.get('X-Proxy-Cache')).toBe('hit');
    const key = 'seat-attempt-0123456789abcdef';
    const body = { fullname: 'Ada Lovelace', phone: '+1 212 555 0100', clients_count: 2, api_id: key };
    const booked = await call('POST', `/activity/${NY}/${event.id}/book`, { headers: { 'Idempotency-Key': key }, body });
    expect(booked.status).toBe(201);
    // The same attempt again: the same answer, not a second booking.
    const again = await call('POST', `/activity/${NY}/${event.id}/book`, { headers: { 'Idempotency-Key': key }, body });
    expect(again.json.data).toEqual(booked.json.data);
    expect(upstreamCalls.filter((c) => c.method === 'POST')).toHaveLength(1);
    const after = await call('GET', search);
    expect(after.headers.get('X-Proxy-Cache')).toBe('miss');
    expect(after.json.data[0].records_count).toBe(event.records_count + 2);
  });
});
