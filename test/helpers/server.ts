// A real HTTP server for API client tests: a Hono app on 127.0.0.1 with an ephemeral port that
// logs every request it receives and closes itself when the test ends.
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { onTestFinished } from 'vitest';

export interface ReceivedRequest {
  method: string;
  /** Path without the query, e.g. `/api/v1/book_services/1` */
  path: string;
  /** Raw query string without `?`, exactly as sent */
  rawQuery: string;
  query: URLSearchParams;
  /** Lower-cased names */
  headers: Record<string, string>;
  /** Parsed JSON when the body is JSON, the text otherwise, undefined when empty */
  body: unknown;
}

export interface TestServer {
  /** e.g. `http://127.0.0.1:54321/api/v1` */
  baseUrl: string;
  origin: string;
  requests: ReceivedRequest[];
  close(): Promise<void>;
}

export const API_PREFIX = '/api/v1';

/** Starts a server; `routes` registers handlers on an app mounted at /api/v1. */
export async function startServer(routes: (api: Hono) => void): Promise<TestServer> {
  const requests: ReceivedRequest[] = [];
  const app = new Hono();
  app.use('*', async (c, next) => {
    const url = new URL(c.req.url);
    const text = await c.req.raw.clone().text();
    requests.push({
      method: c.req.method,
      path: url.pathname,
      rawQuery: url.search.replace(/^\?/, ''),
      query: url.searchParams,
      headers: Object.fromEntries(c.req.raw.headers),
      body: text === '' ? undefined : parseMaybeJson(text),
    });
    await next();
  });
  const api = new Hono();
  routes(api);
  app.route(API_PREFIX, api);

  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  let closed = false;
  const close = () =>
    new Promise<void>((resolve) => {
      if (closed) return resolve();
      closed = true;
      // Drop keep-alive and hanging connections (the timeout tests leave one open).
      if ('closeAllConnections' in server) server.closeAllConnections();
      server.close(() => resolve());
    });
  onTestFinished(close);
  return { baseUrl: origin + API_PREFIX, origin, requests, close };
}

/** A JSON answer with a status, as the booking API would send it. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

// A path string, not `new URL()`: under jsdom the global URL is not Node's.
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/api');

/** A documented example from test/fixtures/api. */
export function fixture(name: string): unknown {
  return JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')) as unknown;
}

/** The base URL of a port that nothing listens on. */
export async function refusedBaseUrl(): Promise<string> {
  const server = await startServer(() => {});
  await server.close();
  return server.baseUrl;
}

function parseMaybeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
