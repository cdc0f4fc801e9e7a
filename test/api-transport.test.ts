// How the client talks HTTP: headers, base URLs, retries, timeouts and unreachable servers.
import { describe, expect, it, vi } from 'vitest';
import { createApi, isApiError, isNetworkError, NetworkError } from '../src/api';
import { fixture, json, refusedBaseUrl, startServer } from './helpers/server';

describe('API client transport', () => {
  it('sends the versioned Accept header, no content type on reads (no CORS preflight), and never an Authorization header', async () => {
    const server = await startServer((api) => {
      api.get('/book_times/1/0/2025-09-21', () => json(fixture('book_times')));
    });
    await createApi({ baseUrl: server.baseUrl }).getTimes(1, 0, '2025-09-21', { serviceIds: [1] });

    const [request] = server.requests;
    expect(request?.headers.accept).toBe('application/vnd.api.v2+json');
    expect(request?.headers['content-type']).toBeUndefined();
    expect(request?.headers.authorization).toBeUndefined();
  });

  it('sends JSON with its content type on booking POSTs', async () => {
    const server = await startServer((api) => {
      api.post('/book_check/1', (c) => c.body(null, 201));
    });
    await createApi({ baseUrl: server.baseUrl }).checkBooking(1, [{ id: 1, serviceIds: [2], staffId: 3, datetime: '2025-09-21T23:00:00.000+03:00' }]);
    expect(server.requests[0]?.headers['content-type']).toBe('application/json');
  });

  it('sends the widget language as Accept-Language when one is given', async () => {
    const server = await startServer((api) => {
      api.get('/company/5', () => json(fixture('company')));
    });
    await createApi({ baseUrl: server.baseUrl, lang: 'lv-LV' }).getLocation(5);
    expect(server.requests[0]?.headers['accept-language']).toBe('lv-LV');
  });

  it('accepts a base URL with a trailing slash', async () => {
    const server = await startServer((api) => {
      api.get('/company/5', () => json(fixture('company')));
    });
    const location = await createApi({ baseUrl: `${server.baseUrl}/` }).getLocation(5);
    expect(location.id).toBe(37532);
    expect(server.requests[0]?.path).toBe('/api/v1/company/5');
  });

  it('resolves a relative base URL against the page, as in the browser', async () => {
    const server = await startServer((api) => {
      api.get('/company/5', () => json(fixture('company')));
    });
    vi.stubGlobal('location', new URL(`${server.origin}/widget/index.html?form=1`));
    try {
      const location = await createApi({ baseUrl: '/api/v1' }).getLocation(5);
      expect(location.id).toBe(37532);
      expect(server.requests[0]?.path).toBe('/api/v1/company/5');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('uses the fetch it is given', async () => {
    const server = await startServer((api) => {
      api.get('/company/5', () => json(fixture('company')));
    });
    const seen: string[] = [];
    const spy: typeof fetch = (input, init) => {
      seen.push(input instanceof Request ? input.url : String(input));
      return fetch(input, init);
    };
    await createApi({ baseUrl: server.baseUrl, fetch: spy }).getLocation(5);
    expect(seen).toEqual([`${server.baseUrl}/company/5?forBooking=1`]);
  });

  it('retries a GET answered 503 and returns the later success', async () => {
    let calls = 0;
    const server = await startServer((api) => {
      api.get('/company/5', () => (++calls < 3 ? json({ success: false, data: null, meta: { message: 'busy' } }, 503) : json(fixture('company'))));
    });
    const location = await createApi({ baseUrl: server.baseUrl }).getLocation(5);
    expect(location.title).toBe('James Smith LLC');
    expect(server.requests).toHaveLength(3);
  });

  it('gives up after two GET retries with the last error', async () => {
    const server = await startServer((api) => {
      api.get('/company/5', () => json({ success: false, data: null, meta: { message: 'Service unavailable' } }, 503, { 'Retry-After': '0' }));
    });
    const error = await createApi({ baseUrl: server.baseUrl }).getLocation(5).catch((e: unknown) => e);
    expect(isApiError(error) && error.status).toBe(503);
    expect(server.requests).toHaveLength(3);
  });

  it('honours Retry-After on 429 before retrying a GET', async () => {
    let calls = 0;
    const server = await startServer((api) => {
      api.get('/company/5', () => (++calls === 1 ? json({}, 429, { 'Retry-After': '1' }) : json(fixture('company'))));
    });
    const started = Date.now();
    await createApi({ baseUrl: server.baseUrl }).getLocation(5);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(server.requests).toHaveLength(2);
  });

  it('does not retry a GET answered with a client error', async () => {
    const server = await startServer((api) => {
      api.get('/company/5', () => json(fixture('error-404'), 404));
    });
    await expect(createApi({ baseUrl: server.baseUrl }).getLocation(5)).rejects.toMatchObject({ status: 404 });
    expect(server.requests).toHaveLength(1);
  });

  it('never retries a POST, even on 503', async () => {
    const server = await startServer((api) => {
      api.post('/book_record/1', () => json({ success: false, data: null, meta: { message: 'busy' } }, 503));
    });
    const error = await createApi({ baseUrl: server.baseUrl })
      .createBooking(1, { contact: { name: 'A', phone: '1', email: '', comment: '' }, appointments: [] })
      .catch((e: unknown) => e);
    expect(isApiError(error) && error.status).toBe(503);
    expect(server.requests).toHaveLength(1);
  });

  it('turns a slow answer into a NetworkError that says it timed out', async () => {
    const server = await startServer((api) => {
      api.get('/company/5', async () => {
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        return json(fixture('company'));
      });
    });
    const error = await createApi({ baseUrl: server.baseUrl, timeoutMs: 100 }).getLocation(5).catch((e: unknown) => e);
    expect(isNetworkError(error)).toBe(true);
    expect((error as NetworkError).timedOut).toBe(true);
    expect(isApiError(error)).toBe(false);
  });

  it('turns a refused connection into a NetworkError that did not time out', async () => {
    const baseUrl = await refusedBaseUrl();
    const error = await createApi({ baseUrl }).getLocation(5).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).timedOut).toBe(false);
  });

  it('never retries a POST whose connection was refused', async () => {
    let attempts = 0;
    const refusing: typeof fetch = () => {
      attempts++;
      return Promise.reject(new TypeError('fetch failed'));
    };
    const api = createApi({ baseUrl: 'http://127.0.0.1:9/api/v1', fetch: refusing });
    await expect(api.sendCode(1, { phone: '1', fullname: 'A' })).rejects.toBeInstanceOf(NetworkError);
    expect(attempts).toBe(1);
  });
});
