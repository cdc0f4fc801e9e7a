// The service catalogue (book_services/{location_id}).
import { describe, expect, it } from 'vitest';
import { createApi } from '../src/api';
import { fixture, json, startServer } from './helpers/server';

async function catalogFrom(name: string, q?: Parameters<ReturnType<typeof createApi>['getServices']>[1]) {
  const server = await startServer((api) => {
    api.get('/book_services/4564', () => json(fixture(name)));
  });
  const catalog = await createApi({ baseUrl: server.baseUrl }).getServices(4564, q);
  return { catalog, request: server.requests[0] };
}

describe('getServices', () => {
  it('reads the documented example: `category`, heavier categories first', async () => {
    const { catalog, request } = await catalogFrom('book_services');
    expect(request?.rawQuery).toBe('');
    expect(catalog.categories).toEqual([
      { id: 1895571, title: 'Hair care', weight: 60 },
      { id: 1895574, title: 'Hair coloring', weight: 7 },
    ]);
    // equal weights fall back to the title
    expect(catalog.services.map((s) => s.title)).toEqual(['Coloring', 'hair wash']);
    expect(catalog.services[1]).toEqual({
      id: 1896208,
      title: 'hair wash',
      categoryId: 1895571,
      priceMin: 0,
      priceMax: 0,
      discount: 0,
      duration: 3600,
      comment: '',
      weight: 0,
    });
  });

  it('reads `categories`, `session_length` and string numbers', async () => {
    const { catalog } = await catalogFrom('book_services-quirks');
    expect(catalog.categories.map((c) => [c.id, c.weight])).toEqual([
      [2, 20],
      [1, 10],
      [3, 10],
    ]);
    expect(catalog.services.map((s) => s.id)).toEqual([13, 12, 11]);
    expect(catalog.services[2]).toEqual({
      id: 11,
      title: 'Beard trim',
      categoryId: 2,
      priceMin: 15,
      priceMax: 20.5,
      discount: 10,
      duration: 1800,
      comment: 'Short',
      image: 'https://example.com/beard.jpg',
      weight: 5,
    });
    expect(catalog.services[1]?.duration).toBeUndefined();
  });

  it('sends staff_id, datetime and repeated service_ids[]', async () => {
    const { request } = await catalogFrom('book_services', {
      staffId: 16,
      datetime: '2025-09-09T18:30',
      serviceIds: [1, 2],
    });
    expect(request?.rawQuery).toBe('staff_id=16&datetime=2025-09-09T18%3A30&service_ids[]=1&service_ids[]=2');
    expect(request?.query.getAll('service_ids[]')).toEqual(['1', '2']);
    expect(request?.query.get('datetime')).toBe('2025-09-09T18:30');
  });
});
