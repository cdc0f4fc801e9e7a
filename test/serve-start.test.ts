// `node dist-server/serve.js` and `npm run serve` as an operator meets them: a missing secret
// stops the start instead of falling into demo mode, the demo is there only when asked for, and
// SIGTERM lets requests in flight finish, then exits 0. The real server build, as child processes.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnRuntime, startRecordedDemo, type RecordedDemo } from './helpers/deploy';

const app = mkdtempSync(join(tmpdir(), 'serve-start-'));
let upstream: RecordedDemo;

beforeAll(() => {
  const build = spawnSync(process.execPath, [resolve('node_modules/vite/bin/vite.js'), 'build', '-c', 'vite.server.config.ts', '--outDir', join(app, 'dist-server')], {
    env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(build.status, build.stderr).toBe(0);
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
  // `npm run serve` without its build steps: what runs the server, exactly as package.json says it.
  const run = pkg.scripts.serve!.split('&&').at(-1)!.trim();
  writeFileSync(join(app, 'package.json'), JSON.stringify({ type: 'module', scripts: { serve: run } }));
  symlinkSync(resolve('node_modules'), join(app, 'node_modules'), 'dir');
  mkdirSync(join(app, 'dist'));
  writeFileSync(join(app, 'dist/index.html'), '<!doctype html><title>Book</title>');
}, 90_000);

afterAll(async () => {
  await upstream?.close();
  rmSync(app, { recursive: true, force: true });
});

const SERVING = /Serving the booking widget at http:\/\/127\.0\.0\.1:(\d+)\//;
const port = (text: string) => {
  const match = SERVING.exec(text);
  return match ? Number(match[1]) : undefined;
};

/** Runs the server with only these variables (no token from the developer's shell) until it exits. */
function runToExit(env: Record<string, string>, args: string[] = []): { status: number | null; output: string } {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(ALTEGIO_|ALLOWED_ORIGINS|DEMO|REDIS_URL)/.test(k)));
  const result = spawnSync(process.execPath, ['dist-server/serve.js', ...args], { cwd: app, env: { ...clean, PORT: '0', ...env }, encoding: 'utf8', timeout: 10_000 });
  return { status: result.status, output: result.stdout + result.stderr };
}

describe('a start that would fail open is refused', () => {
  it('no token and no DEMO: refuses, and says how to go live or ask for the demo', () => {
    const { status, output } = runToExit({});
    expect(status).toBe(1);
    expect(output).toMatch(/ALTEGIO_PARTNER_TOKEN is not set/);
    expect(output).toMatch(/DEMO=1/);
    expect(output).not.toMatch(SERVING);
  });

  it('a live-looking deployment whose token is empty (a mistyped secret): refuses, naming what looks live', () => {
    const { status, output } = runToExit({ ALTEGIO_PARTNER_TOKEN: ' ', ALTEGIO_UPSTREAM: 'https://api.alteg.io/api/v1', ALLOWED_ORIGINS: 'https://shop.example' });
    expect(status).toBe(1);
    expect(output).toMatch(/ALTEGIO_UPSTREAM, ALLOWED_ORIGINS are set, so this looks like a live deployment/);
  });

  it('the demo and a token together: refuses rather than guess', () => {
    expect(runToExit({ DEMO: '1', ALTEGIO_PARTNER_TOKEN: 'tok' }).status).toBe(1);
  });
});

describe('modes', () => {
  it('the demo, asked for with --demo: announced, and its control routes exist', async () => {
    const server = await spawnRuntime(process.execPath, ['dist-server/serve.js', '--demo'], { cwd: app, env: { PORT: '0', ALTEGIO_PARTNER_TOKEN: '', DEMO: '' }, port });
    try {
      expect(server.output()).toMatch(/DEMO MODE/);
      expect((await (await fetch(`${server.url}/health`)).json()).mode).toBe('demo');
      expect((await fetch(`${server.url}/__demo/bookings`)).status).toBe(200);
    } finally {
      await server.stop('SIGTERM');
    }
  });

  it('live: /__demo/* does not exist, and the token is in no answer', async () => {
    upstream ??= await startRecordedDemo();
    const server = await spawnRuntime(process.execPath, ['dist-server/serve.js'], {
      cwd: app,
      env: { PORT: '0', DEMO: '', ALTEGIO_PARTNER_TOKEN: 'live-token-5f1e', ALTEGIO_UPSTREAM: `${upstream.url}/api/v1` },
      port,
    });
    try {
      for (const path of ['/__demo/bookings', '/__demo/reset', '/__demo/clock', '/__demo/sms']) {
        expect((await fetch(`${server.url}${path}`, { method: path.endsWith('bookings') || path.endsWith('sms') ? 'GET' : 'POST' })).status, path).toBe(404);
      }
      const answer = await fetch(`${server.url}/api/v1/bookform/2`);
      expect(answer.status).toBe(200);
      const everything = [...answer.headers].join('\n') + (await answer.text());
      expect(everything).not.toContain('live-token-5f1e');
      expect(upstream.calls.at(-1)?.authorization).toBe('Bearer live-token-5f1e');
    } finally {
      await server.stop('SIGTERM');
    }
  });
});

describe('stopping', () => {
  /** A server in front of an upstream that takes 1.5 s to answer, started by `command`. */
  async function slowServer(command: string, args: string[]) {
    const slow = await import('../src/server/proxy/loopback').then(({ listenOnLoopback }) =>
      listenOnLoopback(async () => {
        await new Promise((r) => setTimeout(r, 1500));
        return Response.json({ success: true, data: { id: 2 }, meta: [] });
      }),
    );
    const server = await spawnRuntime(command, args, {
      cwd: app,
      env: { PORT: '0', DEMO: '', ALTEGIO_PARTNER_TOKEN: 'tok', ALTEGIO_UPSTREAM: `${slow.url}/api/v1` },
      port,
    });
    return { slow, server };
  }

  for (const [how, command, args] of [
    ['node dist-server/serve.js', process.execPath, ['dist-server/serve.js']],
    ['npm run serve', 'npm', ['run', '--silent', 'serve']],
  ] as const) {
    it(`${how}: SIGTERM lets the request in flight finish, refuses new ones, then exits 0`, { timeout: 20_000 }, async () => {
      const { slow, server } = await slowServer(command, [...args]);
      try {
        const inFlight = fetch(`${server.url}/api/v1/bookform/2`);
        await new Promise((r) => setTimeout(r, 300));
        const exited = server.stop('SIGTERM', 8000);
        const answer = await inFlight;
        expect(answer.status).toBe(200);
        expect(await exited).toBe(0);
        await expect(fetch(`${server.url}/health`)).rejects.toThrow();
      } finally {
        await server.stop('SIGKILL');
        await slow.close();
      }
    });
  }
});

describe('the connection itself', () => {
  it('a client that never finishes its headers is answered 408 and cut off, not kept forever', async () => {
    const { Hono } = await import('hono');
    const { listen, SERVER_LIMITS } = await import('../src/server/serve');
    const app = new Hono().get('*', (c) => c.text('ok'));
    // The production limits, with the headers timeout short enough for a test.
    const limits = { ...SERVER_LIMITS, headersTimeoutMs: 600, requestTimeoutMs: 1200, checkEveryMs: 100 };
    const server = await new Promise<import('node:http').Server>((resolve) => {
      const s = listen(app, { port: 0, host: '127.0.0.1' }, () => resolve(s), limits);
    });
    try {
      const { createConnection } = await import('node:net');
      const { port: p } = server.address() as import('node:net').AddressInfo;
      const { closedAfter, answer } = await new Promise<{ closedAfter: number; answer: string }>((done) => {
        const started = Date.now();
        let answer = '';
        const socket = createConnection(p, '127.0.0.1', () => socket.write('GET /health HTTP/1.1\r\nHost: x\r\n')); // never ends its headers
        socket.on('data', (d) => (answer += String(d)));
        socket.on('error', () => undefined);
        socket.on('close', () => done({ closedAfter: Date.now() - started, answer }));
      });
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
      expect(closedAfter).toBeGreaterThanOrEqual(500);
      expect(closedAfter).toBeLessThan(5000);
      expect(server.maxConnections).toBe(SERVER_LIMITS.maxConnections);
      expect(server.headersTimeout).toBe(600);
    } finally {
      server.close();
    }
  });
});
