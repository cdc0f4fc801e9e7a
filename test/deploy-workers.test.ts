// The Cloudflare Workers recipe (deploy/workers/) for real: worker.ts bundled into one ES module (as
// wrangler does) and run on workerd, the runtime Workers run on (npm package `workerd`), with the
// recipe's bindings: the token as a text binding, the demo backend as ALTEGIO_UPSTREAM, a stand-in
// for Workers Static Assets as ASSETS. Wrangler itself needs Node 22, so it is not run here.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staticHeaders as workerStaticHeaders } from '../deploy/workers/static-headers';
import { staticHeaders as serveStaticHeaders } from '../src/server/serve';
import { bookThrough, expectNoToken, NY, spawnRuntime, startRecordedDemo, visitor, type RecordedDemo, type RuntimeChild } from './helpers/deploy';

const TOKEN = 'partner-token-workers-7f3a';
const SHOP = 'https://shop.example';
const HASHED_ASSET = '/assets/index-Bq3xZ9_k.js';
const WORKERD = resolve('node_modules/workerd/bin/workerd');

const dir = mkdtempSync(join(tmpdir(), 'worker-'));
let demo: RecordedDemo;
let worker: RuntimeChild;

/** Workers Static Assets, played by a second worker: a page, the loader, a hashed chunk, else 404. */
const ASSETS_WORKER = `
const files = {
  '/': ['<!doctype html><title>Book</title>', 'text/html; charset=utf-8'],
  '/widget.js': ['console.log("loader")', 'text/javascript'],
  '${HASHED_ASSET}': ['console.log("app")', 'text/javascript'],
};
export default {
  fetch(request) {
    const file = files[new URL(request.url).pathname];
    return file ? new Response(file[0], { headers: { 'Content-Type': file[1] } }) : new Response('Not found', { status: 404 });
  },
};`;

function capnp(bindings: Record<string, string>): string {
  const text = Object.entries(bindings).map(([name, value]) => `(name = ${JSON.stringify(name)}, text = ${JSON.stringify(value)}),`);
  return `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .proxy),
    (name = "assets", worker = .assets),
    # The default outbound reaches public addresses only; the demo upstream is on loopback.
    (name = "loopback", network = (allow = ["local", "private", "public"])),
  ],
  sockets = [ (name = "http", address = "127.0.0.1:0", http = (), service = "main") ],
);
const proxy :Workerd.Worker = (
  modules = [ (name = "worker.js", esModule = embed "worker.js") ],
  compatibilityDate = "2026-11-01",
  globalOutbound = "loopback",
  bindings = [
    ${text.join('\n    ')}
    (name = "ASSETS", service = "assets"),
  ],
);
const assets :Workerd.Worker = (
  modules = [ (name = "assets.js", esModule = embed "assets.js") ],
  compatibilityDate = "2026-11-01",
);
`;
}

beforeAll(async () => {
  const build = spawnSync(process.execPath, [resolve('node_modules/vite/bin/vite.js'), 'build', '-c', 'deploy/workers/vite.config.ts', '--outDir', join(dir, 'dist')], {
    env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (build.status !== 0) throw new Error(`the worker bundle did not build:\n${build.stderr}${build.stdout}`);
  copyFileSync(join(dir, 'dist/worker.js'), join(dir, 'worker.js'));
  writeFileSync(join(dir, 'assets.js'), ASSETS_WORKER);
  demo = await startRecordedDemo();
  writeFileSync(
    join(dir, 'config.capnp'),
    capnp({
      ALTEGIO_PARTNER_TOKEN: TOKEN,
      ALTEGIO_UPSTREAM: `${demo.url}/api/v1`,
      ALLOWED_ORIGINS: SHOP,
      // Per minute, so which requests fall in which second cannot change the count on a busy machine.
      RATE_LIMIT_PER_SECOND: '1000',
      RATE_LIMIT_PER_MINUTE: '10',
      UPSTREAM_PER_SECOND: '1000',
      UPSTREAM_PER_MINUTE: '100000',
      CLIENT_UPSTREAM_PER_SECOND: '1000',
      CLIENT_UPSTREAM_PER_MINUTE: '100000',
    }),
  );
  worker = await spawnRuntime(WORKERD, ['serve', join(dir, 'config.capnp'), '--control-fd=3'], {
    controlFd: true,
    port: (text) => {
      const match = /"event":"listen","socket":"http","port":(\d+)/.exec(text);
      return match ? Number(match[1]) : undefined;
    },
  });
}, 60_000);

afterAll(async () => {
  // workerd warns about work shared across requests it cannot follow; none is expected.
  expect(worker?.output() ?? '').not.toMatch(/different request context|Uncaught|Error/);
  await worker?.stop();
  await demo?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the Workers recipe on workerd', { timeout: 15_000 }, () => {
  it('is one ES module with no Node built-in, so it needs no nodejs_compat flag', () => {
    const bundle = readFileSync(join(dir, 'worker.js'), 'utf8');
    expect(bundle).not.toMatch(/\bfrom\s*["']node:|\brequire\(|\bimport\(\s*["'](?!\.)/);
    expect(bundle).not.toMatch(/^import /m);
  });

  it('carries a booking; the token reaches the upstream, never the visitor', async () => {
    demo.calls.length = 0;
    const answers = await bookThrough(`${worker.url}/api/v1`, { Origin: SHOP, 'CF-Connecting-IP': '203.0.113.10' });
    expect(answers.map((a) => a.path.split('/')[1]?.split('?')[0])).toEqual(['bookform', 'book_dates', 'book_times', 'book_check', 'book_record', 'book_record']);
    expect(answers.every((a) => a.headers.get('Access-Control-Allow-Origin') === SHOP)).toBe(true);
    expect(demo.calls.map((c) => c.method)).toEqual(['GET', 'GET', 'GET', 'POST', 'POST', 'GET']);
    expect(demo.calls.map((c) => c.authorization)).toEqual(demo.calls.map(() => `Bearer ${TOKEN}`));
    expectNoToken(answers, TOKEN);
  });

  it('limits each CF-Connecting-IP apart', async () => {
    const busy = visitor(`${worker.url}/api/v1`, { 'CF-Connecting-IP': '198.51.100.7' });
    const statuses = await Promise.all(Array.from({ length: 11 }, () => busy.call(`/company/${NY}`).then((a) => a.status)));
    expect(statuses.filter((s) => s === 200)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(1);
    const refused = busy.answers.find((a) => a.status === 429);
    expect(Number(refused?.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1);
    // Another visitor, in the same second, is not refused for the first one's requests.
    const other = visitor(`${worker.url}/api/v1`, { 'CF-Connecting-IP': '198.51.100.8' });
    expect((await other.call(`/company/${NY}`)).status).toBe(200);
  });

  it('sends identical concurrent reads upstream once (requests share a load inside the isolate)', async () => {
    demo.calls.length = 0;
    const many = visitor(`${worker.url}/api/v1`, { 'CF-Connecting-IP': '203.0.113.20' });
    const statuses = await Promise.all(Array.from({ length: 5 }, () => many.call(`/book_services/${NY}`).then((a) => a.status)));
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    expect(demo.calls).toHaveLength(1);
  });

  it('logs one line per request, with the route and no token or IP', async () => {
    await visitor(`${worker.url}/api/v1`, { 'CF-Connecting-IP': '203.0.113.30' }).call(`/company/${NY}?x=1`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const line = worker.output().split('\n').find((text) => text.includes('"route":"/company/:id"'));
    expect(JSON.parse(line ?? 'null')).toMatchObject({ method: 'GET', route: '/company/:id', status: 200 });
    expect(worker.output()).not.toContain('203.0.113.30');
    expect(worker.output()).not.toContain(TOKEN);
  });

  it('answers /health with the platform as the client IP and memory as the store', async () => {
    const health = await visitor(worker.url).call('/health');
    expect(health.json).toMatchObject({ ok: true, mode: 'proxy', clientIp: 'platform', store: { kind: 'memory', shared: false } });
  });

  it('serves the widget from the assets with the headers `npm run serve` gives them', async () => {
    const site = visitor(worker.url);
    const loader = await site.call('/widget.js');
    expect(loader.text).toContain('loader');
    expect(loader.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(loader.headers.get('Cache-Control')).toBe('public, max-age=300');
    const chunk = await site.call(HASHED_ASSET);
    expect(chunk.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    // A page route is the app's page (no CORS, revalidated); a missing script stays a 404.
    const page = await site.call('/book', { headers: { Accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.text).toContain('<title>Book</title>');
    expect(page.headers.get('Cache-Control')).toBe('no-cache');
    expect(page.headers.get('Access-Control-Allow-Origin')).toBeNull();
    expect((await site.call('/missing.js', { headers: { Accept: 'text/html' } })).status).toBe(404);
  });
});

describe("the Workers recipe's static headers", () => {
  it('agree with `npm run serve` for every kind of file', () => {
    for (const path of ['index.html', 'widget.js', 'assets/index-Bq3xZ9_k.js', 'embed/assets/inline-CdLeqQ1y.js', 'embed/assets/widget-DpI0kPYl.css', 'favicon.svg', 'demo/inline.html']) {
      expect(workerStaticHeaders(`/${path}`), path).toEqual(serveStaticHeaders(`/srv/dist/${path}`));
    }
  });
});
