// The shared store on a real redis-server: the store contract, several instances sharing one
// budget, claims and cache, and Redis going away and coming back while visitors keep being served.
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientOptions, RedisStore } from '../src/server/proxy/redis-store';
import type { SharedStore } from '../src/server/proxy/store';
import { MemoryStore } from '../src/server/proxy/store';
import { createSharedStore } from '../src/server/proxy/store-select';
import { describeWithRedis, type RedisServer, startRedis } from './helpers/redis';
import { describeStoreContract } from './helpers/store-contract';

let prefixes = 0;
const uniquePrefix = () => `test:${process.pid}:${++prefixes}:`;
const answer = (text: string) => ({ status: 200, contentType: 'application/json', body: new TextEncoder().encode(text) as Uint8Array<ArrayBuffer> });

async function connect(url: string): Promise<Redis> {
  const client = new Redis(url, clientOptions());
  if (client.status !== 'ready') await new Promise((resolve) => client.once('ready', resolve));
  return client;
}

async function until(check: () => boolean | Promise<boolean>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describeWithRedis('Redis store', (binary) => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedis(binary);
  });
  afterAll(() => redis?.stop());

  describeStoreContract('redis', async () => new RedisStore(await connect(redis.url), uniquePrefix()));
  describeStoreContract('redis (with the memory fallback)', async () => {
    const store = await createSharedStore({ redisUrl: redis.url, prefix: uniquePrefix(), log: () => {} });
    expect(store.health()).toEqual({ kind: 'redis', shared: true }); // on Redis, not its fallback
    return store;
  });

  describe('two instances on one Redis', () => {
    let one: RedisStore;
    let two: RedisStore;
    beforeAll(async () => {
      const prefix = uniquePrefix();
      one = new RedisStore(await connect(redis.url), prefix);
      two = new RedisStore(await connect(redis.url), prefix);
    });
    afterAll(async () => {
      await one?.close();
      await two?.close();
    });

    it('share one upstream budget: both together never take more than a window allows', async () => {
      const windows = [{ windowMs: 1000, limit: 5 }, { windowMs: 60_000, limit: 7 }];
      const results = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? one : two).take('upstream', windows)));
      expect(results.filter((r) => r.allowed)).toHaveLength(5);
      expect(await one.used('upstream', windows)).toEqual(await two.used('upstream', windows));
    });

    it('refuse one a claim the other holds, and see each other\'s answers, values and counters', async () => {
      expect(await one.claim('load:/times', 5000)).toBe(true);
      expect(await two.claim('load:/times', 5000)).toBe(false);
      await one.release('load:/times');
      expect(await two.claim('load:/times', 5000)).toBe(true);

      await one.setAnswer('GET /times', { answer: answer('{"success":true}'), freshUntil: 42 }, 5000);
      expect(new TextDecoder().decode((await two.getAnswer('GET /times'))!.answer.body)).toBe('{"success":true}');

      expect(await one.setValueIfAbsent('attempt:abc', 'sent', 5000)).toBe(true);
      expect(await two.setValueIfAbsent('attempt:abc', 'sent', 5000)).toBe(false);
      expect(await two.getValue('attempt:abc')).toBe('sent');

      await Promise.all([one.increment('generation:1'), two.increment('generation:1')]);
      expect(await one.counter('generation:1')).toBe(2);
    });
  });

  it('keeps every key under its prefix, and every key but the counters with a lifetime', async () => {
    const prefix = uniquePrefix();
    const store = new RedisStore(await connect(redis.url), prefix);
    const look = await connect(redis.url);
    try {
      await store.setAnswer('a', { answer: answer('{}'), freshUntil: 0 }, 60_000);
      await store.claim('c', 5000);
      await store.setValue('v', 'x', 5000);
      await store.take('r', [{ windowMs: 1000, limit: 5 }, { windowMs: 60_000, limit: 100 }]);
      await store.increment('n');
      const keys = (await look.keys(`${prefix}*`)).sort();
      expect(keys).toEqual([`${prefix}a:a`, `${prefix}c:c`, `${prefix}n:n`, `${prefix}r:{r}:1000`, `${prefix}r:{r}:60000`, `${prefix}v:v`]);
      const ttl = async (key: string) => look.pttl(prefix + key);
      expect(await ttl('a:a')).toBeGreaterThan(59_000);
      expect(await ttl('c:c')).toBeLessThanOrEqual(5000);
      expect(await ttl('r:{r}:1000')).toBeLessThanOrEqual(2000);
      expect(await ttl('r:{r}:60000')).toBeGreaterThan(60_000);
      expect(await ttl('n:n')).toBe(-1);
    } finally {
      await store.close();
      look.disconnect();
    }
  });

  it('counts windows by the Redis server\'s clock, as the memory store counts them by its own', async () => {
    const store = new RedisStore(await connect(redis.url), uniquePrefix());
    try {
      const windows = [{ windowMs: 2000, limit: 3 }];
      for (let i = 0; i < 3; i++) expect((await store.take('w', windows)).allowed).toBe(true);
      const refused = await store.take('w', windows);
      // The current window is full: room comes at its end, which the server's clock puts (0, 2000] ms away.
      const [seconds, micros] = await store.client.time();
      const serverNow = Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
      expect(refused).toEqual({ allowed: false, retryAfterMs: expect.any(Number) });
      const expected = 2000 - (serverNow % 2000);
      expect(Math.abs((refused as { retryAfterMs: number }).retryAfterMs - expected)).toBeLessThanOrEqual(50);
    } finally {
      await store.close();
    }
  });

  it('without a Redis URL is the memory store; a URL of another kind is refused without repeating it', async () => {
    expect(await createSharedStore({})).toBeInstanceOf(MemoryStore);
    await expect(createSharedStore({ redisUrl: 'http://user:hunter2@example.test' })).rejects.toThrow(/redis:\/\/ or rediss:\/\//);
    await expect(createSharedStore({ redisUrl: 'http://user:hunter2@example.test' })).rejects.not.toThrow(/hunter2/);
  });
});

describeWithRedis('Redis store, when Redis goes away', (binary) => {
  const password = 's3cret-pass';
  let redis: RedisServer;
  let store: SharedStore;
  const logged: string[] = [];
  beforeAll(async () => {
    redis = await startRedis(binary, { password });
    store = await createSharedStore({ redisUrl: redis.url, prefix: uniquePrefix(), log: (line) => logged.push(line) });
  });
  afterAll(async () => {
    await store?.close();
    await redis?.stop();
  });

  const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
    const started = performance.now();
    const result = await work();
    return [result, performance.now() - started];
  };

  it('answers from this instance\'s memory while Redis is down, says so, and shares again once it is back', async () => {
    expect(store.health()).toEqual({ kind: 'redis', shared: true });
    const windows = [{ windowMs: 1000, limit: 5 }];
    expect((await store.take('upstream', windows)).allowed).toBe(true);

    await redis.stop();
    const [results, ms] = await timed(() => Promise.all([
      store.take('upstream', windows),
      store.setValue('attempt', 'sent', 5000).then(() => store.getValue('attempt')),
      store.claim('load', 1000),
      store.increment('generation'),
    ]));
    expect(ms).toBeLessThan(400);
    expect(results).toEqual([{ allowed: true }, 'sent', true, 1]);
    await until(() => !store.health().shared, 1000);
    expect(store.health()).toEqual({ kind: 'redis', shared: false, detail: expect.stringMatching(/^redis unreachable: .+, using this instance's memory$/) });
    // Later calls do not wait for Redis at all.
    const [, later] = await timed(() => store.getAnswer('anything'));
    expect(later).toBeLessThan(50);

    await redis.start();
    await until(() => store.health().shared, 5000);
    expect(store.health()).toEqual({ kind: 'redis', shared: true });
    // Back on Redis: a value set now is there for another client to see.
    await store.setValue('after', 'shared', 5000);
    const look = await connect(redis.url);
    try {
      expect((await look.keys('*v:after')).length).toBe(1);
    } finally {
      look.disconnect();
    }
    expect(logged).toEqual([expect.stringMatching(/^shared store: redis unreachable/), expect.stringMatching(/^shared store: redis reachable again/)]);
    expect(logged.join('\n')).not.toContain(password);
  });

  it('answers from memory when Redis hangs, within the command deadline, and returns to it when it answers', async () => {
    await until(() => store.health().shared, 5000);
    process.kill(redis.pid!, 'SIGSTOP');
    try {
      const [result, ms] = await timed(() => store.take('hung', [{ windowMs: 1000, limit: 5 }]));
      expect(result).toEqual({ allowed: true });
      expect(ms).toBeLessThan(400);
      expect(store.health()).toMatchObject({ shared: false, detail: expect.stringMatching(/timed out/) });
    } finally {
      process.kill(redis.pid!, 'SIGCONT');
    }
    // The next command after a short pause goes to Redis again.
    await until(async () => {
      await store.getValue('probe');
      return store.health().shared;
    }, 5000);
  });

  it('names a wrong password\'s refusal, and never the password', async () => {
    const wrong = await createSharedStore({ redisUrl: `redis://:not-${password}@127.0.0.1:${redis.port}`, log: () => {}, connectWaitMs: 500 });
    try {
      expect(await wrong.claim('x', 100)).toBe(true); // memory
      const health = wrong.health();
      expect(health.shared).toBe(false);
      expect(health.detail).toMatch(/WRONGPASS|NOAUTH|invalid/i);
      expect(health.detail).not.toContain(password);
    } finally {
      await wrong.close();
    }
  });
});
