// The Deno recipe (deploy/deno/) for real: main.ts run by Deno (npm package `deno`, pinned) as a
// child process, in front of the demo backend on loopback; then with REDIS_URL on a real
// redis-server (ioredis through Deno's npm support); then stopped with SIGTERM.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookThrough, expectNoToken, NY, spawnRuntime, startRecordedDemo, visitor, type RecordedDemo, type RuntimeChild } from './helpers/deploy';
import { describeWithRedis, startRedis, type RedisServer } from './helpers/redis';

const TOKEN = 'partner-token-deno-91b4';
/**
 * Deno's own binary, not node_modules/.bin/deno: where npm ran no install script that is a Node
 * wrapper, which would take the SIGTERM meant for Deno. runInstall() puts the binary in place once.
 */
const DENO = (createRequire(import.meta.url)('deno/install_api.cjs') as { runInstall(): string }).runInstall();
const ARGS = ['run', '--allow-net', '--allow-env', '--allow-read', '--config', 'deploy/deno/deno.json', 'deploy/deno/main.ts'];
/** Deno's own cache in the repo's node_modules; no update check, no colours in what is matched. */
const DENO_ENV = { DENO_DIR: resolve('node_modules/.cache/deno'), DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' };

let demo: RecordedDemo;
beforeAll(async () => {
  demo = await startRecordedDemo();
});
afterAll(() => demo?.close());

function startDeno(env: Record<string, string>): Promise<RuntimeChild> {
  return spawnRuntime(DENO, ARGS, {
    env: {
      ...DENO_ENV,
      PORT: '0',
      ALTEGIO_PARTNER_TOKEN: TOKEN,
      ALTEGIO_UPSTREAM: `${demo.url}/api/v1`,
      // Per minute, so which requests fall in which second cannot change the count on a busy machine.
      RATE_LIMIT_PER_SECOND: '1000',
      RATE_LIMIT_PER_MINUTE: '30',
      UPSTREAM_PER_SECOND: '1000',
      UPSTREAM_PER_MINUTE: '100000',
      CLIENT_UPSTREAM_PER_SECOND: '1000',
      CLIENT_UPSTREAM_PER_MINUTE: '100000',
      ...env,
    },
    port: (text) => {
      const match = /Booking proxy on Deno: http:\/\/127\.0\.0\.1:(\d+)\//.exec(text);
      return match ? Number(match[1]) : undefined;
    },
    startMs: 20_000,
  });
}

describe('the Deno recipe', { timeout: 15_000 }, () => {
  let deno: RuntimeChild;
  beforeAll(async () => {
    deno = await startDeno({});
  }, 30_000);
  afterAll(() => deno?.stop('SIGKILL'));

  it('carries a booking; the token reaches the upstream, never the visitor', async () => {
    demo.calls.length = 0;
    const answers = await bookThrough(`${deno.url}/api/v1`);
    expect(demo.calls.map((c) => c.method)).toEqual(['GET', 'GET', 'GET', 'POST', 'POST', 'GET']);
    expect(demo.calls.map((c) => c.authorization)).toEqual(demo.calls.map(() => `Bearer ${TOKEN}`));
    expectNoToken(answers, TOKEN);
  });

  it("limits a client by its connection's address, whatever X-Forwarded-For it writes", async () => {
    const statuses = await Promise.all(
      Array.from({ length: 30 }, (_, i) => visitor(`${deno.url}/api/v1`, { 'X-Forwarded-For': `192.0.2.${i}` }).call(`/company/${NY}`)),
    );
    // The booking before spent 6 of this address's 30 a minute: whatever each request claims, 24 at most pass.
    expect(statuses.filter((a) => a.status === 200).length).toBeLessThanOrEqual(24);
    expect(statuses.some((a) => a.status === 429)).toBe(true);
    const health = await visitor(deno.url).call('/health');
    expect(health.json).toMatchObject({ ok: true, mode: 'proxy', clientIp: 'platform', store: { kind: 'memory' } });
  });

  it('stops on SIGTERM: finishes, says so, exits 0', async () => {
    expect(await deno.stop('SIGTERM')).toBe(0);
    expect(deno.output()).toContain('SIGTERM: closing the server');
  });
});

describe('the Deno recipe, misconfigured', () => {
  it('refuses to start without the partner token, naming it', () => {
    const run = spawnSync(DENO, ARGS, { env: { ...process.env, ...DENO_ENV, ALTEGIO_PARTNER_TOKEN: '', PORT: '0' }, encoding: 'utf8', timeout: 20_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('ALTEGIO_PARTNER_TOKEN is not set');
  });
});

describeWithRedis('the Deno recipe on Redis', (binary) => {
  let redis: RedisServer;
  let deno: RuntimeChild;
  beforeAll(async () => {
    redis = await startRedis(binary);
    deno = await startDeno({ REDIS_URL: redis.url, REDIS_PREFIX: 'deno-test:' });
  }, 30_000);
  afterAll(async () => {
    await deno?.stop('SIGKILL');
    await redis?.stop();
  });

  it('keeps its cache in Redis (ioredis on Deno), and stops cleanly', { timeout: 15_000 }, async () => {
    const health = await visitor(deno.url).call('/health');
    expect(health.json.store).toEqual({ kind: 'redis', shared: true });
    demo.calls.length = 0;
    const first = await visitor(`${deno.url}/api/v1`).call(`/book_services/${NY}`);
    const second = await visitor(`${deno.url}/api/v1`).call(`/book_services/${NY}`);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.headers.get('X-Proxy-Cache')).toBe('hit');
    expect(demo.calls).toHaveLength(1);
    expect(await deno.stop('SIGTERM')).toBe(0);
  });
});
