// Per-client limits, so one visitor or bot cannot spend the deployment's upstream quota.
import { describe, expect, it } from 'vitest';
import { createProxy, parseConfig, type EnvRecord } from '../src/server/proxy';
import { listenOnLoopback } from '../src/server/proxy/loopback';
import { useFakeUpstream } from './helpers/proxy';

const SHOP = 'https://shop.example';
const bed = useFakeUpstream();

async function startProxy(env: EnvRecord) {
  const clock = { ms: 0 };
  const config = parseConfig({ ALTEGIO_PARTNER_TOKEN: 'token', ALTEGIO_UPSTREAM: bed.upstream.base, ALLOWED_ORIGINS: SHOP, ...env });
  const proxy = createProxy(config, { now: () => clock.ms, log: () => {} });
  const server = await listenOnLoopback(proxy.fetch);
  bed.servers.push(server);
  const get = (ip?: string) => fetch(`${server.url}/api/v1/bookform/1`, { headers: ip ? { 'X-Forwarded-For': ip } : {} });
  return { get, url: server.url, advance: (seconds: number) => (clock.ms += seconds * 1000) };
}

async function statuses(requests: Array<Promise<Response>>): Promise<number[]> {
  return (await Promise.all(requests)).map((r) => r.status);
}

describe('per-client limits', () => {
  it('answers 429 with Retry-After and the envelope past the per-second limit; another client is unaffected', async () => {
    const { get, advance } = await startProxy({ RATE_LIMIT_PER_SECOND: '3', TRUST_PROXY: '1' });
    expect(await statuses([get('203.0.113.5'), get('203.0.113.5'), get('203.0.113.5')])).toEqual([200, 200, 200]);
    const limited = await get('203.0.113.5');
    expect(limited.status).toBe(429);
    // A sliding window: the three requests of this second slide out over the next one.
    const wait = Number(limited.headers.get('Retry-After'));
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(2);
    expect(await limited.json()).toMatchObject({ success: false, data: null, meta: { message: expect.any(String) } });
    expect((await get('198.51.100.7')).status).toBe(200);
    advance(wait);
    expect((await get('203.0.113.5')).status).toBe(200);
  });

  it('holds the per-minute limit too, with the wait until the next token', async () => {
    const { get } = await startProxy({ RATE_LIMIT_PER_SECOND: '100', RATE_LIMIT_PER_MINUTE: '5' });
    expect(await statuses(Array.from({ length: 5 }, () => get()))).toEqual([200, 200, 200, 200, 200]);
    const limited = await get();
    expect(limited.status).toBe(429);
    // The five slide out of the window over the next minute: the first room comes a minute later at most.
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(1);
    expect(Number(limited.headers.get('Retry-After'))).toBeLessThanOrEqual(72);
  });

  it('ignores X-Forwarded-For unless told to trust it, so a client cannot invent addresses', async () => {
    const { get } = await startProxy({ RATE_LIMIT_PER_SECOND: '2' });
    expect(await statuses([get('10.0.0.1'), get('10.0.0.2'), get('10.0.0.3')])).toEqual([200, 200, 429]);
  });

  it('reads the address the trusted proxy appended, not what the client wrote before it', async () => {
    const { get } = await startProxy({ RATE_LIMIT_PER_SECOND: '1', TRUST_PROXY: '1' });
    expect(await statuses([get('1.1.1.1, 203.0.113.5'), get('2.2.2.2, 203.0.113.5')])).toEqual([200, 429]);
  });

  it('lets the widget on an allowed origin read the 429', async () => {
    const { url } = await startProxy({ RATE_LIMIT_PER_SECOND: '1' });
    const get = () => fetch(`${url}/api/v1/bookform/1`, { headers: { Origin: SHOP } });
    await get();
    const limited = await get();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('Access-Control-Allow-Origin')).toBe(SHOP);
    expect(limited.headers.get('Access-Control-Expose-Headers')).toContain('Retry-After');
  });
});
