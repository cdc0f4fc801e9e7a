// The widget with booking_start: its first step drawn from the one answer, with no further
// request before it; and, without a proxy that answers it (plain Altegio: 404), an error, a
// malformed answer or none at all, the same first step from the separate requests of before.
import { afterEach, describe, expect, it } from 'vitest';
import { createApi, requestStart } from '../src/api/client';
import { readStart, withStart } from '../src/api/start';
import { createBookingModel, type BookingModel } from '../src/flow/model';
import { createDemoApp } from '../src/server/demo/app';
import { DEMO } from '../src/server/demo/seed';
import { createProxy, parseConfig } from '../src/server/proxy';
import { NO_LIMITS } from './helpers/proxy';
import { startServer, type TestServer } from './helpers/server';
import { until } from './helpers/until';

const NOW = new Date('2026-11-23T14:00:00Z');
let model: BookingModel | undefined;
afterEach(() => model?.dispose());

/** The proxy in front of the demo backend, on a real server that logs each request it gets. */
async function proxyServer(): Promise<TestServer> {
  const demo = createDemoApp({ now: () => NOW });
  const proxy = createProxy(
    { ...parseConfig({ ...NO_LIMITS }), partnerToken: null, upstream: 'http://demo.invalid/api/v1' },
    { upstreamFetch: async (input, init) => demo.fetch(new Request(input, init)), log: () => {} },
  );
  return startServer((api) => api.all('*', (c) => proxy.fetch(c.req.raw)));
}

/** A server that is plain Altegio for this purpose: the demo backend, which has no booking_start. */
async function plainServer(): Promise<TestServer> {
  const demo = createDemoApp({ now: () => NOW });
  return startServer((api) => api.all('*', (c) => demo.fetch(c.req.raw)));
}

function startModel(server: TestServer, formId: number, start: Promise<Response>, preset = {}, lang?: string) {
  const api = withStart(createApi({ baseUrl: server.baseUrl, lang }), readStart(start, formId));
  model = createBookingModel({ api, formId, now: () => NOW, preset, lang, remember: false });
  return model;
}

const readPaths = (server: TestServer) => server.requests.map((r) => r.path.replace('/api/v1/', '').split('/')[0]);

describe('booking_start in the widget', () => {
  it('a single-location form: the service step with its services and the language from one request', async () => {
    const server = await proxyServer();
    const m = startModel(server, DEMO.forms.newYork, requestStart(server.baseUrl, DEMO.forms.newYork));
    await until(() => m.catalog.state.value.status === 'ready' && m.locale.state.value.status === 'ready' && m.locations.state.value.status === 'ready');
    expect(m.flow.value?.current).toBe('service');
    expect(m.location.value?.id).toBe(DEMO.locations.newYork);
    expect(readPaths(server)).toEqual(['booking_start']);
  });

  it('a chain form: the location step from one request; the chosen location\'s services asked for after', async () => {
    const server = await proxyServer();
    const m = startModel(server, DEMO.forms.chain, requestStart(server.baseUrl, DEMO.forms.chain, { lang: 'fr-FR' }), {}, 'fr-FR');
    await until(() => m.locations.state.value.status === 'ready' && m.locale.state.value.status === 'ready');
    expect(m.flow.value?.current).toBe('location');
    expect(m.lang.value).toBe('fr-FR');
    expect(readPaths(server)).toEqual(['booking_start']);
    // Sent with the language the widget's own reads carry, so both share the proxy's cache.
    expect(server.requests[0]!.headers['accept-language']).toBe('fr-FR');
    m.dispatch({ type: 'selectLocation', locationId: DEMO.locations.newYork } as never);
    await until(() => m.catalog.state.value.status === 'ready');
    expect(readPaths(server)).toEqual(['booking_start', 'book_services']);
  });

  it('a location named by the page: its services come in the same answer', async () => {
    const server = await proxyServer();
    const preset = { locationId: DEMO.locations.newYork };
    const m = startModel(server, DEMO.forms.chain, requestStart(server.baseUrl, DEMO.forms.chain, preset), preset);
    await until(() => m.catalog.state.value.status === 'ready' && m.locations.state.value.status === 'ready');
    expect(m.flow.value?.current).toBe('service');
    expect(readPaths(server)).toEqual(['booking_start']);
  });

  it('plain Altegio (booking_start answers 404): the same first step from the separate requests', async () => {
    const server = await plainServer();
    const m = startModel(server, DEMO.forms.newYork, requestStart(server.baseUrl, DEMO.forms.newYork));
    await until(() => m.catalog.state.value.status === 'ready');
    expect(m.flow.value?.current).toBe('service');
    expect(readPaths(server).sort()).toEqual(['book_services', 'bookform', 'booking_start', 'company', 'i18n']);
  });

  it.each([
    ['rejects', () => Promise.reject(new TypeError('Failed to fetch'))],
    ['answers 502', () => Promise.resolve(new Response('{"success":false,"data":null,"meta":{"message":"down"}}', { status: 502 }))],
    ['answers HTML', () => Promise.resolve(new Response('<html>gateway</html>', { status: 200 }))],
    ['answers another form', () => Promise.resolve(new Response(JSON.stringify({ success: true, data: { formId: 99, form: { id: 99 } } })))],
    ['answers without a form', () => Promise.resolve(new Response(JSON.stringify({ success: true, data: { formId: DEMO.forms.newYork } })))],
  ])('booking_start %s: the widget asks for each part itself', async (_, answer) => {
    const server = await plainServer();
    const m = startModel(server, DEMO.forms.newYork, answer());
    await until(() => m.catalog.state.value.status === 'ready');
    expect(m.flow.value?.current).toBe('service');
    expect(readPaths(server).sort()).toEqual(['book_services', 'bookform', 'company', 'i18n']);
  });

  it('never answered: the widget stops waiting after the read timeout and asks itself', async () => {
    const server = await plainServer();
    const api = withStart(createApi({ baseUrl: server.baseUrl }), readStart(new Promise<Response>(() => {}), DEMO.forms.newYork, 50));
    model = createBookingModel({ api, formId: DEMO.forms.newYork, now: () => NOW, remember: false });
    const m = model;
    await until(() => m.catalog.state.value.status === 'ready');
    expect(readPaths(server)).toContain('bookform');
  });

  it('a part is used once: asking again (a retry, a refresh) goes to the proxy', async () => {
    const server = await proxyServer();
    const api = withStart(createApi({ baseUrl: server.baseUrl }), readStart(requestStart(server.baseUrl, DEMO.forms.newYork), DEMO.forms.newYork));
    await api.getBookingForm(DEMO.forms.newYork);
    expect(readPaths(server)).toEqual(['booking_start']);
    await api.getBookingForm(DEMO.forms.newYork);
    expect(readPaths(server)).toEqual(['booking_start', 'bookform']);
  });
});
