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
const CHUNK = '/embed/assets/inline-CdLeqQ1y.js';
const SHEET = '/embed/assets/widget-DpI0kPYl.css';
let staticRoot: string;
let demoRoot: string;
let site: LoopbackServer;

beforeAll(async () => {
  staticRoot = mkdtempSync(join(tmpdir(), 'widget-dist-'));
  mkdirSync(join(staticRoot, 'assets'));
  writeFileSync(join(staticRoot, 'index.html'), '<!doctype html><title>Book</title>');
  writeFileSync(join(staticRoot, ASSET), 'console.log("app")');
  writeFileSync(join(staticRoot, 'widget.js'), 'console.log("loader")');
  mkdirSync(join(staticRoot, 'embed/assets'), { recursive: true });
  writeFileSync(join(staticRoot, CHUNK), 'export const mount = 1;');
  writeFileSync(join(staticRoot, SHEET), ':host{all:initial}');
  // public/ in demo mode: the demo host pages and pictures, which the production build leaves out.
  demoRoot = mkdtempSync(join(tmpdir(), 'widget-public-'));
  mkdirSync(join(demoRoot, 'demo/avatars'), { recursive: true });
  writeFileSync(join(demoRoot, 'demo/inline.html'), '<!doctype html><title>Host</title>');
  writeFileSync(join(demoRoot, 'demo/avatars/anna.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  // Demo mode, as `npm run serve` runs without a token.
  const demo = createDemoApp();
  const proxy = createProxy(
    { ...parseConfig({}), upstream: 'http://demo.invalid/api/v1' },
    { upstreamFetch: async (input, init) => demo.fetch(new Request(input, init)), log: () => {} },
  );
  site = await listenOnLoopback(createSiteApp({ staticRoot, proxy, demoFetch: demo.fetch, demoRoot }).fetch);
});
afterAll(async () => {
  await site.close();
  rmSync(staticRoot, { recursive: true, force: true });
  rmSync(demoRoot, { recursive: true, force: true });
});

const get = (path: string, accept = '*/*', headers: Record<string, string> = {}) =>
  fetch(site.url + path, { headers: { Accept: accept, ...headers } });

describe('static files', () => {
  it('marks hashed assets immutable and pages no-cache', async () => {
    const asset = await get(ASSET);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    const page = await get('/', 'text/html');
    expect(await page.text()).toContain('<title>Book</title>');
    expect(page.headers.get('Cache-Control')).toBe('no-cache');
    expect((await get('/widget.js')).headers.get('Cache-Control')).toBe('public, max-age=300');
  });

  it("marks the script-tag modes' hashed chunks and stylesheet immutable too", async () => {
    for (const path of [CHUNK, SHEET]) {
      const file = await get(path);
      expect(file.status).toBe(200);
      expect(file.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    }
  });

  it('lets a page on any origin load the loader, its chunks and the stylesheet', async () => {
    // The loader import()s its chunk from here: a CORS request from the business's page.
    for (const path of ['/widget.js', CHUNK, SHEET, ASSET]) {
      const file = await get(path, '*/*', { Origin: 'https://shop.example' });
      expect(file.headers.get('Access-Control-Allow-Origin')).toBe('*');
      expect(file.headers.get('Cross-Origin-Resource-Policy')).toBe('cross-origin');
      expect(file.headers.get('X-Content-Type-Options')).toBe('nosniff');
    }
    const script = await get(CHUNK);
    expect(script.headers.get('Content-Type')).toMatch(/^(text|application)\/javascript/);
    expect((await get(SHEET)).headers.get('Content-Type')).toMatch(/^text\/css/);
    const page = await get('/', 'text/html');
    expect(page.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });

  it('serves the demo host pages and pictures from public/ in demo mode', async () => {
    const host = await get('/demo/inline.html', 'text/html');
    expect(host.status).toBe(200);
    expect(await host.text()).toContain('<title>Host</title>');
    expect(host.headers.get('Cache-Control')).toBe('no-cache');
    const avatar = await get('/demo/avatars/anna.svg');
    expect(avatar.status).toBe(200);
    expect(avatar.headers.get('Access-Control-Allow-Origin')).toBe('*');
  });

  it('falls back to the page for app routes, not for missing files', async () => {
    const route = await get('/book/step/2', 'text/html,application/xhtml+xml');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>Book</title>');
    expect((await get('/assets/gone-12345678.js')).status).toBe(404);
  });
});

describe('static files without the demo', () => {
  it('has no demo pages when no demo root is given, as with a partner token', async () => {
    const proxy = createProxy(
      { ...parseConfig({ ALTEGIO_PARTNER_TOKEN: 'test-token' }), upstream: 'http://upstream.invalid/api/v1' },
      { upstreamFetch: async () => new Response('{}'), log: () => {} },
    );
    const live = await listenOnLoopback(createSiteApp({ staticRoot, proxy }).fetch);
    try {
      expect((await fetch(`${live.url}/demo/avatars/anna.svg`)).status).toBe(404);
      expect((await fetch(`${live.url}/widget.js`)).status).toBe(200);
    } finally {
      await live.close();
    }
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
