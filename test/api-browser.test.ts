// @vitest-environment jsdom
// The client inside a page (component tests run it under jsdom).
import { describe, expect, it } from 'vitest';
import { createApi } from '../src/api';
import { fixture, json, startServer } from './helpers/server';

describe('API client in a page', () => {
  it('talks to an absolute base URL', async () => {
    const server = await startServer((api) => {
      api.get('/company/5', () => json(fixture('company')));
    });
    const location = await createApi({ baseUrl: server.baseUrl }).getLocation(5);
    expect(location.id).toBe(37532);
  });

  it('resolves a relative base URL against the page address', async () => {
    const server = await startServer((api) => {
      api.get('/company/5', () => json(fixture('company')));
    });
    const asked: string[] = [];
    // The page is on jsdom's origin; forward to the test server to get a real answer.
    const forward: typeof fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      asked.push(url);
      return fetch(url.replace(window.location.origin, server.origin), init);
    };
    const location = await createApi({ baseUrl: '/api/v1', fetch: forward }).getLocation(5);
    expect(asked).toEqual([`${window.location.origin}/api/v1/company/5?forBooking=1`]);
    expect(location.id).toBe(37532);
  });
});
