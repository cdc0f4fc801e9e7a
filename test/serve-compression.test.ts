// What `npm run serve` sends a browser, byte for byte: the brotli or gzip copy written at build
// time when the browser accepts it (else the file itself), Vary so caches keep them apart, an ETag
// per encoding and a bodyless 304 for a copy the browser has; the proxy's JSON compressed too.
import { request as httpRequest } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compressAnswer, forProxy } from '../src/server/compress-answer';
import { createDemoApp } from '../src/server/demo/app';
import { etagMatches, negotiateEncoding } from '../src/server/encoding';
import { precompressFiles } from '../src/server/precompress';
import { createProxy, parseConfig } from '../src/server/proxy';
import { listenOnLoopback, type LoopbackServer } from '../src/server/proxy/loopback';
import { createSiteApp } from '../src/server/serve';

describe('choosing the encoding from Accept-Encoding', () => {
  const both = ['br', 'gzip'] as const;
  it('prefers brotli, then gzip, and sends the file itself to a browser that asks for neither', () => {
    expect(negotiateEncoding('gzip, deflate, br, zstd', both)).toBe('br');
    expect(negotiateEncoding('gzip, deflate', both)).toBe('gzip');
    expect(negotiateEncoding('deflate', both)).toBe('identity');
    expect(negotiateEncoding('', both)).toBe('identity');
    expect(negotiateEncoding(null, both)).toBe('identity');
  });
  it('follows the weights: q=0 refuses, a higher q wins, * stands for the rest', () => {
    expect(negotiateEncoding('br;q=0, gzip', both)).toBe('gzip');
    expect(negotiateEncoding('br;q=0.5, gzip;q=0.9', both)).toBe('gzip');
    expect(negotiateEncoding('BR ; Q=1', both)).toBe('br');
    expect(negotiateEncoding('*', both)).toBe('br');
    expect(negotiateEncoding('*;q=0.1, br;q=0', both)).toBe('gzip');
    expect(negotiateEncoding('identity', both)).toBe('identity');
  });
  it('offers only the copies there are', () => {
    expect(negotiateEncoding('br, gzip', ['gzip'])).toBe('gzip');
    expect(negotiateEncoding('br', ['gzip'])).toBe('identity');
    expect(negotiateEncoding('br, gzip', [])).toBe('identity');
  });
  it('matches If-None-Match by weak comparison, in lists and with *', () => {
    expect(etagMatches('"abc-br"', '"abc-br"')).toBe(true);
    expect(etagMatches('W/"abc-br"', '"abc-br"')).toBe(true);
    expect(etagMatches('"x", "abc"', '"abc"')).toBe(true);
    expect(etagMatches('*', '"abc"')).toBe(true);
    expect(etagMatches('"abc"', '"abc-br"')).toBe(false);
    expect(etagMatches(null, '"abc"')).toBe(false);
  });
});

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A request with exactly these headers, and the bytes as they came (fetch would decode them). */
function raw(base: string, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(base + path, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

// Text that compresses as a real chunk does, large enough for copies to be worth writing.
const CHUNK_TEXT = Array.from({ length: 400 }, (_, i) => `export const step${i} = "location service team member ${i % 7}";`).join('\n');
const CHUNK = '/embed/assets/inline-CdLeqQ1y.js';
const TINY = '/assets/tiny-Ab12Cd34.js';
const STALE = '/assets/stale-Zz98Yy76.css';

let staticRoot: string;
let site: LoopbackServer;

beforeAll(async () => {
  staticRoot = mkdtempSync(join(tmpdir(), 'widget-dist-'));
  mkdirSync(join(staticRoot, 'embed/assets'), { recursive: true });
  mkdirSync(join(staticRoot, 'assets'));
  mkdirSync(join(staticRoot, '.vite'));
  writeFileSync(join(staticRoot, 'index.html'), `<!doctype html><title>Book</title>${'<p>first step</p>'.repeat(200)}`);
  writeFileSync(join(staticRoot, CHUNK), CHUNK_TEXT);
  writeFileSync(join(staticRoot, TINY), 'export{}');
  writeFileSync(join(staticRoot, STALE), `.bw{color:red}\n`.repeat(200));
  writeFileSync(join(staticRoot, '.vite/manifest.json'), '{}');
  const files = ['index.html', CHUNK, TINY, STALE].map((p) => join(staticRoot, p));
  await precompressFiles(files);
  // A rebuilt file whose copies were not written again: they must not be served in its place.
  writeFileSync(join(staticRoot, STALE), `.bw{color:blue}\n`.repeat(200));
  const later = new Date(Date.now() + 60_000);
  utimesSync(join(staticRoot, STALE), later, later);

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

describe('static files, compressed at build time', () => {
  it('sends the brotli copy to a browser that accepts it, with Vary and an ETag of its own', async () => {
    const answer = await raw(site.url, CHUNK, { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['vary']).toBe('Accept-Encoding');
    expect(answer.headers['content-type']).toMatch(/javascript/);
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
    expect(answer.body.length).toBeLessThan(CHUNK_TEXT.length / 5);
    expect(brotliDecompressSync(answer.body).toString()).toBe(CHUNK_TEXT);
    expect(answer.headers['etag']).toMatch(/^"[\w-]+-br"$/);
  });

  it('sends gzip to a browser without brotli, and the file itself to one that asks for neither', async () => {
    const gz = await raw(site.url, CHUNK, { 'Accept-Encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(CHUNK_TEXT);
    const plain = await raw(site.url, CHUNK);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['vary']).toBe('Accept-Encoding');
    expect(plain.body.toString()).toBe(CHUNK_TEXT);
    const tags = new Set([gz.headers['etag'], plain.headers['etag'], (await raw(site.url, CHUNK, { 'Accept-Encoding': 'br' })).headers['etag']]);
    expect(tags.size).toBe(3);
  });

  it('answers 304 without a body when the browser has that copy, and 200 when it has another', async () => {
    const first = await raw(site.url, CHUNK, { 'Accept-Encoding': 'br' });
    const again = await raw(site.url, CHUNK, { 'Accept-Encoding': 'br', 'If-None-Match': String(first.headers['etag']) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers['etag']).toBe(first.headers['etag']);
    expect(again.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(again.headers['vary']).toBe('Accept-Encoding');
    // The brotli copy's tag does not stand for the gzip bytes.
    const other = await raw(site.url, CHUNK, { 'Accept-Encoding': 'gzip', 'If-None-Match': String(first.headers['etag']) });
    expect(other.status).toBe(200);
    expect(other.headers['content-encoding']).toBe('gzip');
  });

  it('compresses the page too, revalidated on every visit', async () => {
    const page = await raw(site.url, '/', { Accept: 'text/html', 'Accept-Encoding': 'br' });
    expect(page.headers['content-encoding']).toBe('br');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(page.body).toString()).toContain('<title>Book</title>');
    const route = await raw(site.url, '/book', { Accept: 'text/html', 'Accept-Encoding': 'gzip' });
    expect(route.status).toBe(200);
    expect(gunzipSync(route.body).toString()).toContain('<title>Book</title>');
    const revalidated = await raw(site.url, '/', { Accept: 'text/html', 'Accept-Encoding': 'br', 'If-None-Match': String(page.headers['etag']) });
    expect(revalidated.status).toBe(304);
  });

  it('sends a file with no smaller copy as it is, with no Vary', async () => {
    const tiny = await raw(site.url, TINY, { 'Accept-Encoding': 'br, gzip' });
    expect(tiny.status).toBe(200);
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.headers['vary']).toBeUndefined();
    expect(tiny.body.toString()).toBe('export{}');
  });

  it('never sends a copy older than its file', async () => {
    const answer = await raw(site.url, STALE, { 'Accept-Encoding': 'br, gzip' });
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.body.toString()).toContain('color:blue');
  });

  it('answers HEAD with the length and no body', async () => {
    const head = await raw(site.url, CHUNK, { 'Accept-Encoding': 'br' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(Number(head.headers['content-length'])).toBeGreaterThan(0);
    expect(head.body.length).toBe(0);
  });

  it('serves nothing outside the build folder, nor its hidden files', async () => {
    expect((await raw(site.url, '/.vite/manifest.json')).status).toBe(404);
    expect((await raw(site.url, '/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404);
    expect((await raw(site.url, '/assets/..%2f..%2fpackage.json')).status).toBe(404);
  });
});

describe("the proxy's answers", () => {
  it('are compressed when large enough, and left as they are for a client without compression', async () => {
    const br = await raw(site.url, '/api/v1/bookform/1', { 'Accept-Encoding': 'br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(String(br.headers['vary'])).toMatch(/Accept-Encoding/);
    const json = JSON.parse(brotliDecompressSync(br.body).toString()) as { success: boolean };
    expect(json.success).toBe(true);
    const plain = await raw(site.url, '/api/v1/bookform/1');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(plain.body.toString())).toEqual(json);
    expect(br.body.length).toBeLessThan(plain.body.length);
  });

  it('keep revalidating: a strong ETag goes out weak, and comes back strong to the proxy', async () => {
    const big = JSON.stringify({ data: 'x'.repeat(4000) });
    const answer = await compressAnswer(
      new Request('http://w.test/api/v1/booking_start/1', { headers: { 'Accept-Encoding': 'gzip' } }),
      new Response(big, { headers: { 'Content-Type': 'application/json', ETag: '"v1"' } }),
    );
    expect(answer.headers.get('ETag')).toBe('W/"v1"');
    expect(answer.headers.get('Content-Encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await answer.arrayBuffer())).toString()).toBe(big);
    const back = forProxy(new Request('http://w.test/api/v1/booking_start/1', { headers: { 'If-None-Match': 'W/"v1"' } }));
    expect(back.headers.get('If-None-Match')).toBe('"v1"');
    const notModified = await compressAnswer(back, new Response(null, { status: 304, headers: { ETag: '"v1"' } }));
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get('ETag')).toBe('W/"v1"');
  });

  it('leaves small answers uncompressed', async () => {
    const answer = await compressAnswer(
      new Request('http://w.test/api/v1/x', { headers: { 'Accept-Encoding': 'br' } }),
      new Response('{"success":true}', { headers: { 'Content-Type': 'application/json' } }),
    );
    expect(answer.headers.get('Content-Encoding')).toBeNull();
    expect(await answer.text()).toBe('{"success":true}');
  });
});
