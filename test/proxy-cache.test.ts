// What the proxy's cache does for the deployment's upstream quota: one upstream call for many
// identical requests, per-endpoint lifetimes, and headers a CDN in front can follow.
import { describe, expect, it } from 'vitest';
import { createProxy, parseConfig, type EnvRecord } from '../src/server/proxy';
import { listenOnLoopback } from '../src/server/proxy/loopback';
import { MemoryStore } from '../src/server/proxy/store';
import { useFakeUpstream, NO_LIMITS } from './helpers/proxy';

const bed = useFakeUpstream();

/** A proxy whose clock only moves when the test says so. */
async function startProxy(env: EnvRecord = {}) {
  const clock = { ms: Date.parse('2025-09-15T09:00:00Z') };
  const config = parseConfig({
    ALTEGIO_PARTNER_TOKEN: 'token',
    ALTEGIO_UPSTREAM: bed.upstream.base,
    ...NO_LIMITS,
    ...env,
  });
  const proxy = createProxy(config, { now: () => clock.ms, log: () => {} });
  const server = await listenOnLoopback(proxy.fetch);
  bed.servers.push(server);
  return { url: `${server.url}/api/v1`, advance: (seconds: number) => (clock.ms += seconds * 1000) };
}

describe('in-flight coalescing', () => {
  it('sends 20 identical concurrent GETs upstream once, and all get the answer', async () => {
    const { url } = await startProxy();
    bed.upstream.delayMs = 300; // longer than 20 requests take to arrive, even on a busy machine
    const responses = await Promise.all(Array.from({ length: 20 }, () => fetch(`${url}/book_services/1?staff_id=3`)));
    expect(bed.upstream.received).toHaveLength(1);
    const bodies = await Promise.all(responses.map((r) => r.text()));
    expect(new Set(bodies).size).toBe(1);
    expect(responses.every((r) => r.status === 200)).toBe(true);
    const outcomes = responses.map((r) => r.headers.get('X-Proxy-Cache'));
    expect(outcomes.filter((o) => o === 'miss')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'coalesced')).toHaveLength(19);
  });
});

describe('lifetimes', () => {
  it('keeps free times seconds and the form minutes', async () => {
    const { url, advance } = await startProxy();
    const times = `${url}/book_times/1/0/2025-09-21`;
    const form = `${url}/bookform/1`;
    await fetch(times);
    await fetch(form);
    expect((await fetch(times)).headers.get('X-Proxy-Cache')).toBe('hit');
    advance(11);
    expect((await fetch(times)).headers.get('X-Proxy-Cache')).toBe('miss');
    expect((await fetch(form)).headers.get('X-Proxy-Cache')).toBe('hit');
    advance(5 * 60);
    expect((await fetch(form)).headers.get('X-Proxy-Cache')).toBe('miss');
    expect(bed.upstream.received).toHaveLength(4);
  });

  it('tells a CDN how long a public answer stays fresh', async () => {
    const { url, advance } = await startProxy();
    const miss = await fetch(`${url}/bookform/1`);
    expect(miss.headers.get('Cache-Control')).toBe('public, max-age=300, stale-while-revalidate=300');
    advance(200);
    const hit = await fetch(`${url}/bookform/1`);
    expect(hit.headers.get('Cache-Control')).toBe('public, max-age=100, stale-while-revalidate=300');
  });

  it('lets no browser or CDN keep free times, days or team members: they must see a booking at once', async () => {
    const { url } = await startProxy();
    for (const path of ['/book_dates/1', '/book_times/1/0/2025-09-21', '/book_staff/1', '/book_staff_seances/1/2', '/book_services/1']) {
      await fetch(`${url}${path}`);
      const hit = await fetch(`${url}${path}`);
      expect(hit.headers.get('X-Proxy-Cache'), path).toBe('hit');
      expect(hit.headers.get('Cache-Control'), path).toBe('no-cache');
    }
  });
});

describe('what is never cached', () => {
  it('sends every booking POST and every booking-details GET upstream, marked no-store', async () => {
    const { url } = await startProxy();
    const post = () => fetch(`${url}/book_check/1`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    const details = () => fetch(`${url}/book_record/1/42/abc123`);
    const cancel = () => fetch(`${url}/user/records/42/abc123`, { method: 'DELETE' });
    const responses = [await post(), await post(), await details(), await details(), await cancel()];
    expect(bed.upstream.received).toHaveLength(5);
    for (const response of responses) expect(response.headers.get('Cache-Control')).toBe('no-store');
  });

  it('does not keep error answers', async () => {
    const { url } = await startProxy();
    bed.upstream.queue.push(() => Response.json({ success: false, data: null, meta: [] }, { status: 404 }));
    const first = await fetch(`${url}/company/9`);
    expect(first.status).toBe(404);
    expect(first.headers.get('Cache-Control')).toBe('no-store');
    expect((await fetch(`${url}/company/9`)).status).toBe(200);
    expect(bed.upstream.received).toHaveLength(2);
  });
});

describe('keys and size', () => {
  it('shares an entry between query orders, not between languages', async () => {
    const { url } = await startProxy();
    await fetch(`${url}/companies?group_id=70&forBooking=1`);
    await fetch(`${url}/companies?forBooking=1&group_id=70`);
    expect(bed.upstream.received).toHaveLength(1);
    await fetch(`${url}/companies?group_id=70&forBooking=1`, { headers: { 'Accept-Language': 'lv-LV' } });
    expect(bed.upstream.received).toHaveLength(2);
  });

  it('forgets the least recently used answer when full', async () => {
    const { url } = await startProxy({ CACHE_MAX_ENTRIES: '2' });
    for (const id of [1, 2, 1, 3]) await fetch(`${url}/company/${id}`); // 2 is now the oldest
    expect(bed.upstream.received).toHaveLength(3);
    expect((await fetch(`${url}/company/1`)).headers.get('X-Proxy-Cache')).toBe('hit');
    expect((await fetch(`${url}/company/2`)).headers.get('X-Proxy-Cache')).toBe('miss');
  });
});

describe('turned off', () => {
  it('CACHE_MAX_ENTRIES=0 keeps nothing, whatever store the proxy has (a shared one sized its own way)', async () => {
    const config = parseConfig({ ALTEGIO_PARTNER_TOKEN: 'token', ALTEGIO_UPSTREAM: bed.upstream.base, CACHE_MAX_ENTRIES: '0' });
    const server = await listenOnLoopback(createProxy(config, { log: () => {}, store: new MemoryStore() }).fetch);
    bed.servers.push(server);
    const url = `${server.url}/api/v1`;
    await fetch(`${url}/bookform/1`);
    const again = await fetch(`${url}/bookform/1`);
    expect(again.headers.get('X-Proxy-Cache')).toBe('miss');
    expect(bed.upstream.received).toHaveLength(2);
  });
});
