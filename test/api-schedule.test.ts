// Bookable dates (book_dates) and free times (book_times).
import { describe, expect, it } from 'vitest';
import { createApi } from '../src/api';
import { fixture, json, startServer } from './helpers/server';

async function datesFrom(name: string, q: Parameters<ReturnType<typeof createApi>['getDates']>[1]) {
  const server = await startServer((api) => {
    api.get('/book_dates/4564', () => json(fixture(name)));
  });
  const dates = await createApi({ baseUrl: server.baseUrl }).getDates(4564, q);
  return { dates, request: server.requests[0] };
}

describe('getDates', () => {
  it('merges the documented month-keyed maps with the date lists', async () => {
    const { dates, request } = await datesFrom('book_dates', { from: '2025-12-01', to: '2026-01-31', serviceIds: [1], staffId: 16 });
    expect(request?.rawQuery).toBe('service_ids[]=1&staff_id=16&date_from=2025-12-01&date_to=2026-01-31');
    expect(dates.bookable).toEqual(['2025-12-06', '2025-12-13', '2025-12-20', '2025-12-27', '2026-01-03', '2026-01-10']);
    expect(dates.working).toEqual([
      '2025-12-04', '2025-12-06', '2025-12-11', '2025-12-13', '2025-12-18', '2025-12-20', '2025-12-25', '2025-12-27',
      '2026-01-01', '2026-01-03', '2026-01-08', '2026-01-10',
    ]);
  });

  it('takes the year of a month from the listed dates even when the query names another', async () => {
    // asked by month only; the lists still place January in 2026
    const { dates, request } = await datesFrom('book_dates', { month: '2025-12-15' });
    expect(request?.rawQuery).toBe('date=2025-12-15');
    expect(dates.bookable).toContain('2026-01-03');
  });

  it('with only the maps, rolls months before the start month into the next year (string days)', async () => {
    const { dates } = await datesFrom('book_dates-days-only', { from: '2025-12-28', to: '2026-01-10' });
    expect(dates.bookable).toEqual(['2025-12-30', '2025-12-31', '2026-01-02', '2026-01-05']);
    expect(dates.working).toEqual(['2025-12-29', '2025-12-30', '2025-12-31', '2026-01-02', '2026-01-03', '2026-01-05']);
  });

  it('uses the month asked for when only the maps come back', async () => {
    const { dates } = await datesFrom('book_dates-days-only', { month: '2026-01-20' });
    // January is the start month, so December belongs to the same year
    expect(dates.bookable).toEqual(['2026-01-02', '2026-01-05', '2026-12-30', '2026-12-31']);
  });

  it('reads `[]` as no days', async () => {
    const { dates } = await datesFrom('book_dates-empty', { month: '2025-09-01' });
    expect(dates).toEqual({ bookable: [], working: ['2025-09-04', '2025-09-05'] });
  });

  it('leaves out query parameters it was not given', async () => {
    const { request } = await datesFrom('book_dates-empty', { month: '2025-09-01', serviceIds: [] });
    expect(request?.rawQuery).toBe('date=2025-09-01');
  });
});

describe('getTimes', () => {
  it('asks for one day of one team member (0 = any) and reads the documented example', async () => {
    const server = await startServer((api) => {
      api.get('/book_times/4564/0/2025-09-21', () => json(fixture('book_times')));
    });
    const slots = await createApi({ baseUrl: server.baseUrl }).getTimes(4564, 0, '2025-09-21', { serviceIds: [331, 99055] });
    expect(server.requests[0]?.path).toBe('/api/v1/book_times/4564/0/2025-09-21');
    expect(server.requests[0]?.rawQuery).toBe('service_ids[]=331&service_ids[]=99055');
    expect(slots.map((s) => s.time)).toEqual(['12:00', '13:00', '14:00', '15:00', '16:00']);
    expect(slots[0]).toEqual({ time: '12:00', duration: 3600, datetime: '2025-09-21T23:00:00.000+03:00' });
  });

  it('reads `session_length` as a string and keeps each datetime exactly as given', async () => {
    const server = await startServer((api) => {
      api.get('/book_times/4564/16/2025-12-06', () => json(fixture('book_times-quirks')));
    });
    const slots = await createApi({ baseUrl: server.baseUrl }).getTimes(4564, 16, '2025-12-06', { serviceIds: [1] });
    expect(slots).toEqual([
      { time: '09:00', duration: 1800, datetime: '2025-12-06T09:00:00.000-05:00' },
      { time: '09:30', duration: 1800, datetime: '2025-12-06T09:30:00-0500' },
    ]);
  });
});
