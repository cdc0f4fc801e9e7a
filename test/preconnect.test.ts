// The API origin is preconnected only when it is another origin, and only once.
import { describe, expect, it } from 'vitest';
import { apiOriginToPreconnect } from '../src/app/preconnect';
import { preconnectToApi } from '../src/server/preconnect-plugin';

describe('preconnect to the booking API', () => {
  it('names the origin of an API on another origin, nothing for the page\'s own', () => {
    expect(apiOriginToPreconnect('https://booking.example.com/api/v1', 'https://salon.example.org')).toBe('https://booking.example.com');
    expect(apiOriginToPreconnect('/api/v1', 'https://salon.example.org')).toBeUndefined();
    expect(apiOriginToPreconnect('https://salon.example.org/api/v1', 'https://salon.example.org')).toBeUndefined();
  });
});

describe('preconnect in the built page', () => {
  const tagsFor = (apiBase: string | undefined) => {
    const plugin = preconnectToApi();
    (plugin.configResolved as (c: unknown) => void)({ env: { VITE_API_BASE: apiBase } });
    return (plugin.transformIndexHtml as () => unknown)();
  };

  it('puts the API origin in the head when VITE_API_BASE is another origin', () => {
    expect(tagsFor('https://booking.example.com/api/v1')).toEqual([
      { tag: 'link', attrs: { rel: 'preconnect', href: 'https://booking.example.com', crossorigin: '' }, injectTo: 'head-prepend' },
    ]);
  });

  it('adds nothing for a relative or missing API base', () => {
    expect(tagsFor('/api/v1')).toEqual([]);
    expect(tagsFor(undefined)).toEqual([]);
  });
});
