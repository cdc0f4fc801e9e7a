// `npm run serve` as a visitor's browser sees it: the built files with cache headers a CDN and a
// browser can follow, page routes falling back to the app, and the proxy (or the demo) at /api/v1.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoApp } from '../src/server/demo/app';
import { createProxy, parseConfig } from '../src/server/proxy';
import { listenOnLoopback, type LoopbackServer } from '../src/server/proxy/loopback';
import { createSiteApp } from '../src/server/serve';

const ASSET = '/assets/index-Bq3xZ9_k.js';
let staticRoot: string;
let site: LoopbackServer;

beforeAll(async () => {
  staticRoot = mkdtempSync(join(tmpdir(), 'widget-dist-'));
  mkdirSync(join(staticRoot, 'assets'));
  writeFileSync(join(staticRoot, 'index.html'), '<!doctype html><title>Book</title>');
  writeFileSync(join(staticRoot, ASSET), 'console.log("app")');
  writeFileSync(join(staticRoot, 'loader.js'), 'console.log("loader")');
  // Demo mode, as `npm run serve` runs without a token.
  const demo = createDemoApp();
  const proxy = createProxy(
    { ...parseConfig({}), upstream: 'http://demo.invalid/api/v1' },
    { upstreamFetch: async (input, init) => demo.fetch(new Request(input, init)), log: () => {} },
  );
  site = await listenOnLoopback(createSiteApp({ staticRoot, proxy, demoFetch: demo.fetch }).fetch);
});
afterAll(async () => {
  await site.close();
  rmSync(staticRoot, { recursive: true, force: true });
});

const get = (path: string, accept = '*/*') => fetch(site.url + path, { headers: { Accept: accept } });

describe('static files', () => {
  it('marks hashed assets immutable and pages no-cache', async () => {
    const asset = await get(ASSET);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    const page = await get('/', 'text/html');
    expect(await page.text()).toContain('<title>Book</title>');
    expect(page.headers.get('Cache-Control')).toBe('no-cache');
    expect((await get('/loader.js')).headers.get('Cache-Control')).toBe('public, max-age=300');
  });

  it('falls back to the page for app routes, not for missing files', async () => {
    const route = await get('/book/step/2', 'text/html,application/xhtml+xml');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>Book</title>');
    expect((await get('/assets/gone-12345678.js')).status).toBe(404);
  });
});

describe('the API beside them', () => {
  it('serves the demo backend through the proxy and says so on /health', async () => {
    expect(await (await get('/health')).json()).toMatchObject({ ok: true, mode: 'demo', demo: true });
    const form = await get('/api/v1/bookform/2');
    expect(form.status).toBe(200);
    expect(form.headers.get('Cache-Control')).toMatch(/^public, max-age=\d+/);
    expect((await get('/__demo/bookings')).status).toBe(200);
  });

  it('still refuses staff-side paths in demo mode', async () => {
    const refused = await get('/api/v1/records/1');
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ success: false, data: null });
  });
});
