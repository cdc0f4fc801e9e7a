// Several proxy instances behind one load balancer, sharing one Redis: the upstream sees one
// cache and one budget, whichever instance a visitor reaches, and a booking seen by one instance
// is known to all. A real redis-server.
import { Hono } from 'hono';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createProxy, parseConfig } from '../src/server/proxy';
import { listenOnLoopback, type LoopbackServer } from '../src/server/proxy/loopback';
import type { SharedStore } from '../src/server/proxy/store';
import { createSharedStore } from '../src/server/proxy/store-select';
import { describeWithRedis, startRedis, type RedisServer } from './helpers/redis';

describeWithRedis('two proxy instances on one Redis', (binary) => {
  let redis: RedisServer;
  const servers: LoopbackServer[] = [];
  const stores: SharedStore[] = [];
  let run = 0;

  beforeAll(async () => {
    redis = await startRedis(binary);
  });
  afterAll(async () => {
    await redis.stop();
  });
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
    await Promise.all(stores.splice(0).map((s) => s.close()));
  });

  async function upstreamRecording(delayMs = 0) {
    const calls: { at: number; path: string }[] = [];
    const app = new Hono();
    app.all('*', async (c) => {
      calls.push({ at: Date.now(), path: new URL(c.req.url).pathname });
      if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
      if (c.req.method === 'POST') return c.json({ success: true, data: [{ id: 1, record_id: 9, record_hash: 'h' }], meta: [] }, 201);
      return c.json({ success: true, data: { n: calls.length }, meta: [] });
    });
    const server = await listenOnLoopback(app.fetch);
    servers.push(server);
    return { base: `${server.url}/api/v1`, calls };
  }

  /** Two instances of the proxy, each with its own connection to the one Redis. */
  async function twoInstances(upstream: string, env: Record<string, string> = {}) {
    const prefix = `instances:${++run}:`;
    const urls: string[] = [];
    for (let i = 0; i < 2; i++) {
      const store = await createSharedStore({ redisUrl: redis.url, prefix, log: () => {} });
      stores.push(store);
      const config = parseConfig({ ALTEGIO_PARTNER_TOKEN: 'token', ALTEGIO_UPSTREAM: upstream, RATE_LIMIT_PER_SECOND: '1000', RATE_LIMIT_PER_MINUTE: '100000', CLIENT_UPSTREAM_PER_SECOND: '1000', CLIENT_UPSTREAM_PER_MINUTE: '100000', ...env });
      const server = await listenOnLoopback(createProxy(config, { log: () => {}, store }).fetch);
      servers.push(server);
      urls.push(`${server.url}/api/v1`);
    }
    return urls as [string, string];
  }

  it('one upstream call for the same answer, whichever instance is asked, even at the same moment', async () => {
    const upstream = await upstreamRecording(200);
    const [a, b] = await twoInstances(upstream.base);
    const answers = await Promise.all([...Array.from({ length: 5 }, () => fetch(`${a}/bookform/1`)), ...Array.from({ length: 5 }, () => fetch(`${b}/bookform/1`))]);
    expect(answers.every((r) => r.status === 200)).toBe(true);
    expect(new Set(await Promise.all(answers.map((r) => r.text()))).size).toBe(1);
    expect(upstream.calls).toHaveLength(1);
    expect((await fetch(`${b}/bookform/1`)).headers.get('X-Proxy-Cache')).toBe('hit');
  });

  it('one budget: together the instances never call the upstream more than it allows', async () => {
    const upstream = await upstreamRecording();
    const [a, b] = await twoInstances(upstream.base, { UPSTREAM_PER_SECOND: '4' });
    const started = Date.now();
    // 20 different answers, half from each instance, all at once.
    await Promise.all(Array.from({ length: 20 }, (_, i) => fetch(`${i % 2 ? a : b}/book_times/1/0/2026-12-${String(i + 1).padStart(2, '0')}`)));
    const busiest = Math.max(...upstream.calls.map((x) => upstream.calls.filter((y) => y.at >= x.at && y.at < x.at + 1000).length));
    expect(busiest).toBeLessThanOrEqual(4);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('a booking attempt sent through one instance is never sent again through the other', async () => {
    const upstream = await upstreamRecording(300);
    const [a, b] = await twoInstances(upstream.base);
    const post = (url: string) =>
      fetch(`${url}/book_record/1`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'key-0123456789abcdef-instances' }, body: '{}' });
    const first = post(a);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const second = await post(b);
    expect(second.status).toBe(409);
    expect((await first).status).toBe(201);
    const replay = await post(b);
    expect(replay.status).toBe(201);
    expect(upstream.calls.filter((c) => c.path.includes('book_record'))).toHaveLength(1);
  });

  it('a booking through one instance drops the free times the other has cached', async () => {
    const upstream = await upstreamRecording();
    const [a, b] = await twoInstances(upstream.base);
    await fetch(`${b}/book_times/1/0/2026-12-14`);
    expect((await fetch(`${b}/book_times/1/0/2026-12-14`)).headers.get('X-Proxy-Cache')).toBe('hit');
    await fetch(`${a}/book_record/1`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect((await fetch(`${b}/book_times/1/0/2026-12-14`)).headers.get('X-Proxy-Cache')).toBe('miss');
  });

  it('Redis down: each instance keeps serving from its own memory and says so in /health', async () => {
    const upstream = await upstreamRecording();
    const [a] = await twoInstances(upstream.base);
    await redis.stop();
    try {
      const started = Date.now();
      expect((await fetch(`${a}/bookform/2`)).status).toBe(200);
      expect(Date.now() - started).toBeLessThan(2000);
      const health = await (await fetch(a.replace('/api/v1', '/health'))).json();
      expect(health.store).toMatchObject({ kind: 'redis', shared: false });
      expect(health.store.detail).toMatch(/memory/);
    } finally {
      await redis.start();
    }
  });
});
