// The group-events client (src/api/events.ts) against the in-process demo backend behind the
// in-process proxy: what a visitor choosing a class would get, seats and refusals included.
import { describe, expect, it } from 'vitest';
import { isApiError, BookingErrorCode } from '../src/api';
import { createEventsApi } from '../src/api/events';
import { createDemoApp } from '../src/server/demo/app';
import { DEMO } from '../src/server/demo/seed';
import { createProxy, parseConfig } from '../src/server/proxy';
import { NO_LIMITS } from './helpers/proxy';

const NY = DEMO.locations.newYork;
const RIGA = DEMO.locations.riga;
const EV = DEMO.events.services;

function setup() {
  const demo = createDemoApp({ now: () => new Date('2026-03-05T14:00:00Z') });
  const proxy = createProxy(parseConfig({ ...NO_LIMITS }), { upstreamFetch: (input, init) => Promise.resolve(demo.fetch(new Request(input, init))), log: () => {} });
  const sent: Request[] = [];
  const events = createEventsApi({
    baseUrl: 'http://widget.test/api/v1',
    fetch: async (input, init) => {
      const request = new Request(input as RequestInfo, init);
      sent.push(request.clone());
      return proxy.fetch(request);
    },
  });
  return { demo, events, sent };
}

describe('events client', () => {
  it('lists a week’s events with seats left, prices, team member and prepayment, in start order', async () => {
    const { events, sent } = setup();
    const page = await events.search(NY, { from: '2026-03-05', till: '2026-03-11' });
    expect(page.total).toBe(8);
    expect(new URL(sent[0]!.url).search).toBe('?from=2026-03-05&till=2026-03-11');
    const [pilates, yoga, workshop] = page.events;
    expect(pilates).toMatchObject({ datetime: '2026-03-05T18:00:00.000-05:00', length: 3000, capacity: 6, booked: 6, seatsLeft: 0, prepaid: 'allowed' });
    expect(yoga).toMatchObject({ seatsLeft: 1, prepaid: 'forbidden', staff: { name: 'Maya Chen', position: 'Instructor' }, service: { title: 'Sunrise yoga', priceMin: 25, categoryTitle: 'Classes' } });
    expect(workshop).toMatchObject({ prepaid: 'required', locationId: NY, service: { id: EV.colourWorkshop } });
  });

  it('pages, filters (list brackets literal) and the days with events', async () => {
    const { events, sent } = setup();
    const page = await events.search(NY, { from: '2026-03-05', till: '2026-03-18', staffIds: [DEMO.events.staff.maya], count: 3, page: 2 });
    expect(page.events).toHaveLength(3);
    expect(page.total).toBe(14);
    expect(new URL(sent[0]!.url).search).toBe(`?from=2026-03-05&till=2026-03-18&staff_ids[]=${DEMO.events.staff.maya}&page=2&count=3`);
    expect(await events.searchDates(NY, { from: '2026-03-05', till: '2026-03-11', serviceIds: [EV.colourWorkshop] })).toEqual(['2026-03-07']);
    expect(await events.dateRange(RIGA)).toEqual({ min: '2026-02-05', max: '2026-05-04' });
    const filters = await events.filters(NY, { staffIds: [DEMO.events.staff.noah] });
    expect(filters.services.filter((s) => !s.disabled).map((s) => s.id)).toEqual([EV.colourWorkshop]);
    expect(filters.categories.map((c) => c.title)).toEqual(['Classes', 'Workshops']);
    expect((await events.eventServices(NY)).map((s) => s.prepaid)).toEqual(['forbidden', 'allowed', 'allowed', 'required']);
  });

  it('books seats once per attempt, and the seats left drop by as many', async () => {
    const { events, demo, sent } = setup();
    const [flow] = (await events.search(NY, { from: '2026-03-09', till: '2026-03-09', serviceIds: [EV.eveningFlow] })).events;
    const request = { contact: { name: 'Ada Lovelace', phone: '+1 212 555 0100', email: 'ada@example.com', comment: '' }, seats: 2, apiId: 'seats-0123456789abcdef' };
    const booking = await events.book(NY, flow!.id, request);
    expect(booking.recordId).toBeGreaterThan(0);
    expect(booking.recordHash).toMatch(/^[a-f0-9]{32}$/);
    expect(sent.at(-1)!.headers.get('Idempotency-Key')).toBe('seats-0123456789abcdef');
    expect(await sent.at(-1)!.json()).toEqual({ fullname: 'Ada Lovelace', phone: '+1 212 555 0100', email: 'ada@example.com', comment: '', clients_count: 2, api_id: 'seats-0123456789abcdef' });
    // A retry of the same attempt is answered from the proxy: still one booking.
    expect(await events.book(NY, flow!.id, request)).toEqual(booking);
    expect(demo.store.bookings).toHaveLength(1);
    const [after] = (await events.search(NY, { from: '2026-03-09', till: '2026-03-09', serviceIds: [EV.eveningFlow] }, { fresh: true })).events;
    expect(after!.seatsLeft).toBe(flow!.seatsLeft - 2);
  });

  it('a full event, or more seats than are left, is refused with 433 and its words', async () => {
    const { events } = setup();
    const [pilates] = (await events.search(NY, { from: '2026-03-05', till: '2026-03-11', serviceIds: [EV.reformerPilates] })).events;
    const contact = { name: 'Ada Lovelace', phone: '+1 212 555 0100', email: '', comment: '' };
    const refusal = await events.book(NY, pilates!.id, { contact, seats: 1 }).catch((e: unknown) => e);
    expect(isApiError(refusal, BookingErrorCode.SlotTaken)).toBe(true);
    expect((refusal as Error).message).toMatch(/not enough free places/);
    const [yoga] = (await events.search(NY, { from: '2026-03-05', till: '2026-03-11', serviceIds: [EV.sunriseYoga] })).events;
    expect(isApiError(await events.book(NY, yoga!.id, { contact, seats: 2 }).catch((e: unknown) => e), 433)).toBe(true);
  });

  it('asks Riga for the SMS code (432 without it)', async () => {
    const { events } = setup();
    const [yoga] = (await events.search(RIGA, { from: '2026-03-06', till: '2026-03-12', serviceIds: [EV.rigaYoga] })).events;
    const contact = { name: 'Ada', phone: '+371 2000 0000', email: '', comment: '' };
    expect(isApiError(await events.book(RIGA, yoga!.id, { contact, seats: 1 }).catch((e: unknown) => e), BookingErrorCode.WrongSmsCode)).toBe(true);
  });
});
