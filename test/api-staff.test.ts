// Team members (book_staff) and a member's nearest free slots (book_staff_seances).
import { describe, expect, it } from 'vitest';
import { createApi } from '../src/api';
import { fixture, json, startServer } from './helpers/server';

describe('getStaff', () => {
  it('reads the documented example, including `position: []`', async () => {
    const server = await startServer((api) => {
      api.get('/book_staff/4564', () => json(fixture('book_staff')));
    });
    const team = await createApi({ baseUrl: server.baseUrl }).getStaff(4564);
    expect(team).toEqual([
      {
        id: 16,
        name: 'James',
        specialization: 'Paramedic',
        position: { id: 1, title: 'Administrator' },
        bookable: true,
        rating: 3,
        votesCount: 1,
        informationHtml: '<span></span>',
        nextDate: '2025-09-21',
        weight: 11,
      },
      {
        id: 32,
        name: 'Peter',
        specialization: 'Therapist',
        bookable: false,
        rating: 4,
        votesCount: 1,
        informationHtml: '<span></span>',
        weight: 8,
      },
    ]);
  });

  it('reads string ids, 0/1 booleans, a hidden rating and `session_date`, heavier members first', async () => {
    const server = await startServer((api) => {
      api.get('/book_staff/4564', () => json(fixture('book_staff-quirks')));
    });
    const [bea, ann] = await createApi({ baseUrl: server.baseUrl }).getStaff(4564);
    expect(bea).toMatchObject({ id: 6, bookable: true, rating: 4.84, votesCount: 37, position: { id: 7, title: 'Senior' }, nextDate: '2025-12-06' });
    expect(ann).toMatchObject({ id: 5, bookable: false, rating: null, avatar: 'https://example.com/ann.jpg' });
    expect(ann?.position).toBeUndefined();
  });

  it('sends repeated service_ids[] and the datetime', async () => {
    const server = await startServer((api) => {
      api.get('/book_staff/4564', () => json(fixture('book_staff')));
    });
    await createApi({ baseUrl: server.baseUrl }).getStaff(4564, { serviceIds: [331, 99055], datetime: '2025-09-21T10:00' });
    expect(server.requests[0]?.query.getAll('service_ids[]')).toEqual(['331', '99055']);
    expect(server.requests[0]?.query.get('datetime')).toBe('2025-09-21T10:00');
  });
});

describe('getNearestSlots', () => {
  it('reads `seance_date` and `seances` from the documented example', async () => {
    const server = await startServer((api) => {
      api.get('/book_staff_seances/4564/16', () => json(fixture('book_staff_seances')));
    });
    const nearest = await createApi({ baseUrl: server.baseUrl }).getNearestSlots(4564, 16, { serviceIds: [5] });
    expect(server.requests[0]?.rawQuery).toBe('service_ids[]=5');
    expect(nearest.date).toBe('2025-09-21');
    expect(nearest.slots).toHaveLength(5);
    expect(nearest.slots[0]).toEqual({ time: '10:00', duration: 3600, datetime: '2025-09-21T23:00:00.000+03:00' });
  });

  it('reads `session_date`, `sessions` and `session_length`, keeping the datetime as given', async () => {
    const server = await startServer((api) => {
      api.get('/book_staff_seances/4564/16', () => json(fixture('book_staff_seances-quirks')));
    });
    const nearest = await createApi({ baseUrl: server.baseUrl }).getNearestSlots(4564, 16);
    expect(nearest).toEqual({
      date: '2025-12-06',
      slots: [{ time: '09:30', duration: 2700, datetime: '2025-12-06T09:30:00-0500' }],
    });
  });
});
