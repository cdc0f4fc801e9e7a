// Group events in the demo backend: searching a location's events (filters, paging, the days that
// have them), booking seats with the API's checks, and the individual lists left as they were.
import { describe, expect, it } from 'vitest';
import { XSS } from '../src/server/demo/hostile';
import { NO_PLACES_MESSAGE, EVENT_STARTED_MESSAGE } from '../src/server/demo/routes/activity';
import { DEMO } from '../src/server/demo/seed';
import { demoAt, type Json } from './helpers/demo';

// Thursday 5 March 2026, 09:00 in New York, 16:00 in Riga.
const NOW = new Date('2026-03-05T14:00:00Z');
const NY = DEMO.locations.newYork;
const RIGA = DEMO.locations.riga;
const EV = DEMO.events.services;

interface EventJson {
  id: number;
  date: string;
  length: number;
  capacity: number;
  records_count: number;
  prepaid: string;
  service: { id: number; title: string; prepaid: string };
  staff: { id: number; name: string; position: unknown };
}

function setup() {
  const demo = demoAt(NOW);
  const search = async (location: number, query: string) => {
    const res = await demo.call('GET', `/api/v1/activity/${location}/search?${query}`);
    return { status: res.status, events: res.body.data as EventJson[], meta: res.body.meta as Json };
  };
  const eventOf = async (location: number, service: number, from = '2026-03-05', till = '2026-03-19') =>
    (await search(location, `from=${from}&till=${till}&service_ids[]=${service}`)).events[0]!;
  const book = (location: number, id: number, body: Json) =>
    demo.call('POST', `/api/v1/activity/${location}/${id}/book`, { fullname: 'Ada Lovelace', phone: '+1 212 555 0100', email: '', comment: '', ...body });
  return { ...demo, search, eventOf, book };
}

describe('GET activity/{location}/search', () => {
  it('lists the week’s events by start, shaped as the reference’s example', async () => {
    const demo = setup();
    const { status, events, meta } = await demo.search(NY, 'from=2026-03-05&till=2026-03-11');
    expect(status).toBe(200);
    expect(meta.count).toBe(events.length);
    // Thu pilates, Fri yoga, Sat workshop, Mon yoga + flow, Tue pilates, Wed yoga + flow.
    expect(events.map((e) => e.service.id)).toEqual([EV.reformerPilates, EV.sunriseYoga, EV.colourWorkshop, EV.sunriseYoga, EV.eveningFlow, EV.reformerPilates, EV.sunriseYoga, EV.eveningFlow]);
    const [pilates, yoga, workshop] = events as [EventJson, EventJson, EventJson];
    // Local time with the zone's offset that day: New York switches to summer time on 8 March.
    expect(pilates.date).toBe('2026-03-05T18:00:00.000-05:00');
    expect(events[4]!.date).toBe('2026-03-09T19:00:00.000-04:00');
    expect(pilates).toMatchObject({ length: 3000, capacity: 6, records_count: 6, prepaid: 'allowed' });
    expect(yoga).toMatchObject({ capacity: 12, records_count: 11, prepaid: 'forbidden', staff: { name: 'Maya Chen' } });
    expect(workshop).toMatchObject({ prepaid: 'required', service: { title: 'At-home colour care workshop', prepaid: 'required' }, staff: { position: [] } });
  });

  it('requires from and till, as dates in order', async () => {
    const demo = setup();
    const missing = await demo.call('GET', `/api/v1/activity/${NY}/search`);
    expect(missing.status).toBe(422);
    expect((missing.body.meta as Json).errors).toMatchObject({ from: [expect.any(String)], till: [expect.any(String)] });
    expect((await demo.call('GET', `/api/v1/activity/${NY}/search?from=2026-03-10&till=2026-03-05`)).status).toBe(422);
    expect((await demo.call('GET', `/api/v1/activity/999/search?from=2026-03-05&till=2026-03-06`)).status).toBe(404);
  });

  it('filters by services and team members (with or without brackets) and pages', async () => {
    const demo = setup();
    const range = 'from=2026-03-05&till=2026-03-18';
    const yoga = await demo.search(NY, `${range}&service_ids=${EV.sunriseYoga}`);
    expect(yoga.events.length).toBe(6);
    expect(yoga.events.every((e) => e.service.id === EV.sunriseYoga)).toBe(true);
    const noah = await demo.search(NY, `${range}&staff_ids[]=${DEMO.events.staff.noah}`);
    expect(noah.events.map((e) => e.service.id)).toEqual([EV.colourWorkshop, EV.colourWorkshop]);
    const all = await demo.search(NY, range);
    const page2 = await demo.search(NY, `${range}&count=5&page=2`);
    expect(page2.meta.count).toBe(all.events.length);
    expect(page2.events.map((e) => e.id)).toEqual(all.events.slice(5, 10).map((e) => e.id));
  });

  it('keeps ids stable: the same event has the same id whatever the range asked', async () => {
    const demo = setup();
    const a = await demo.eventOf(NY, EV.colourWorkshop, '2026-03-01', '2026-03-31');
    const b = await demo.eventOf(NY, EV.colourWorkshop, '2026-03-07', '2026-03-07');
    expect(a.id).toBe(b.id);
  });
});

describe('days with events and the filters', () => {
  it('search_dates lists the days in range; search_dates_range the first and last', async () => {
    const demo = setup();
    const dates = (await demo.call('GET', `/api/v1/activity/${NY}/search_dates?from=2026-03-05&till=2026-03-11&service_ids[]=${EV.colourWorkshop}`)).body.data;
    expect(dates).toEqual(['2026-03-07']);
    const all = (await demo.call('GET', `/api/v1/activity/${RIGA}/search_dates?from=2026-03-05&till=2026-03-08`)).body.data;
    expect(all).toEqual(['2026-03-05', '2026-03-07']); // Thu yoga; Sat yoga and the nail class (Riga rests on Fri and Sun)
    const range = (await demo.call('GET', `/api/v1/activity/${NY}/search_dates_range`)).body.data as Json;
    expect(range.min_date).toBe('2026-02-05'); // four weeks back: past events are listed, not bookable
    expect(range.max_date).toBe('2026-05-04');
  });

  it('filters: each option says whether choosing it would find anything', async () => {
    const demo = setup();
    const res = await demo.call('GET', `/api/v1/activity/${NY}/filters?staff_ids[]=${DEMO.events.staff.noah}`);
    const groups = res.body.data as { code: string; data: { id: number; title: string; is_disabled: boolean }[] }[];
    expect(groups.map((g) => g.code)).toEqual(['staff', 'service', 'resource', 'service_category']);
    const services = groups.find((g) => g.code === 'service')!.data;
    expect(services.find((s) => s.id === EV.colourWorkshop)?.is_disabled).toBe(false);
    expect(services.find((s) => s.id === EV.sunriseYoga)?.is_disabled).toBe(true);
    expect(groups[0]!.data.map((s) => s.title)).toEqual(['Maya Chen', 'Noah Price']);
  });
});

describe('POST activity/{location}/{event}/book', () => {
  it('books seats: {id, hash}, the seats taken go up, the booking reads back as a group-event seat', async () => {
    const demo = setup();
    const flow = await demo.eventOf(NY, EV.eveningFlow);
    const res = await demo.book(NY, flow.id, { clients_count: 2, email: 'ada@example.com' });
    expect(res.status).toBe(201);
    const { id, hash } = res.body.data as { id: number; hash: string };
    expect(id).toBeGreaterThan(0);
    expect(hash).toMatch(/^[a-f0-9]{32}$/);
    expect((await demo.eventOf(NY, EV.eveningFlow)).records_count).toBe(flow.records_count + 2);
    const details = (await demo.call('GET', `/api/v1/book_record/${NY}/${id}/${hash}`)).body.data as Json;
    expect(details).toMatchObject({ activity_id: flow.id, clients_count: 2, length: 75 * 60, staff: { name: 'Maya Chen' }, services: [{ id: EV.eveningFlow, amount: 2 }] });
    const [listed] = (await demo.call('GET', '/__demo/bookings')).body as unknown as Json[];
    expect(listed).toMatchObject({ activityId: flow.id, clientsCount: 2, fullname: 'Ada Lovelace' });
  });

  it('refuses a full event and more seats than are left, in the API’s booking-error shape', async () => {
    const demo = setup();
    const full = await demo.eventOf(NY, EV.reformerPilates);
    const refused = await demo.book(NY, full.id, {});
    expect(refused.status).toBe(422);
    expect((refused.body.meta as Json).errors).toEqual([{ code: 433, message: NO_PLACES_MESSAGE }]);
    const nearlyFull = await demo.eventOf(NY, EV.sunriseYoga);
    expect(nearlyFull.capacity - nearlyFull.records_count).toBe(1);
    expect((await demo.book(NY, nearlyFull.id, { clients_count: 2 })).status).toBe(422);
    expect((await demo.book(NY, nearlyFull.id, { clients_count: 1 })).status).toBe(201);
    // Now it is full: the next visitor is refused.
    expect((await demo.eventOf(NY, EV.sunriseYoga)).records_count).toBe(12);
    expect((await demo.book(NY, nearlyFull.id, { phone: '+1 212 555 0101' })).status).toBe(422);
  });

  it('refuses an event that has started, bad seat counts, a missing name or phone, and an unknown event', async () => {
    const demo = setup();
    const past = await demo.eventOf(NY, EV.eveningFlow, '2026-02-20', '2026-03-04');
    const started = await demo.book(NY, past.id, {});
    expect(((started.body.meta as Json).errors as Json[])[0]).toEqual({ code: 433, message: EVENT_STARTED_MESSAGE });
    const flow = await demo.eventOf(NY, EV.eveningFlow);
    expect((await demo.book(NY, flow.id, { clients_count: 0 })).body.meta).toMatchObject({ errors: { clients_count: [expect.any(String)] } });
    expect(((await demo.book(NY, flow.id, { fullname: '' })).body.meta as Json).errors).toMatchObject([{ code: 435 }]);
    expect(((await demo.book(NY, flow.id, { phone: '12' })).body.meta as Json).errors).toMatchObject([{ code: 431 }]);
    expect((await demo.book(NY, flow.id, { phone: DEMO.blacklistedPhone })).status).toBe(403);
    expect((await demo.book(NY, 12345, {})).status).toBe(404);
    // An event of New York is not one of Riga's.
    expect((await demo.book(RIGA, flow.id, {})).status).toBe(404);
  });

  it('asks for the SMS code where the location does (Riga)', async () => {
    const demo = setup();
    const yoga = await demo.eventOf(RIGA, EV.rigaYoga, '2026-03-06');
    const phone = '+371 2000 0000';
    expect(((await demo.book(RIGA, yoga.id, { phone })).body.meta as Json).errors).toMatchObject([{ code: 432 }]);
    await demo.call('POST', `/api/v1/book_code/${RIGA}`, { phone, fullname: 'Ada' });
    expect((await demo.book(RIGA, yoga.id, { phone, code: DEMO.smsCode })).status).toBe(201);
  });

  it('a cancelled seat is free again', async () => {
    const demo = setup();
    const yoga = await demo.eventOf(NY, EV.sunriseYoga);
    const { id, hash } = (await demo.book(NY, yoga.id, {})).body.data as { id: number; hash: string };
    expect((await demo.eventOf(NY, EV.sunriseYoga)).records_count).toBe(12);
    expect((await demo.call('DELETE', `/api/v1/user/records/${id}/${hash}`)).status).toBe(204);
    expect((await demo.eventOf(NY, EV.sunriseYoga)).records_count).toBe(11);
  });
});

describe('book_services and the individual lists', () => {
  it('lists the location’s group-event services under `events`, apart from its services', async () => {
    const demo = setup();
    const data = (await demo.call('GET', `/api/v1/book_services/${NY}`)).body.data as { events: Json[]; services: Json[] };
    expect(data.events.map((e) => [e.id, e.prepaid])).toEqual([
      [EV.sunriseYoga, 'forbidden'], [EV.reformerPilates, 'allowed'], [EV.eveningFlow, 'allowed'], [EV.colourWorkshop, 'required'],
    ]);
    const eventIds = new Set<number>(Object.values(EV));
    expect(data.services.some((s) => eventIds.has(s.id as number))).toBe(false);
    expect(data.services.every((s) => s.prepaid === 'forbidden')).toBe(true);
  });

  it('keeps the instructors out of the team list, and a booked class out of everyone’s free time', async () => {
    const demo = setup();
    const team = (await demo.call('GET', `/api/v1/book_staff/${NY}`)).body.data as Json[];
    expect(team.map((m) => m.id)).not.toContain(DEMO.events.staff.maya);
    const before = await demo.times(NY, 0, '2026-03-09', [DEMO.services.womensHaircut]);
    const flow = await demo.eventOf(NY, EV.eveningFlow, '2026-03-09', '2026-03-09');
    await demo.book(NY, flow.id, { clients_count: 3 });
    expect(await demo.times(NY, 0, '2026-03-09', [DEMO.services.womensHaircut])).toEqual(before);
  });

  it('offers group events on the two new forms only, through a record-type step', async () => {
    const demo = setup();
    const steps = async (form: number) => ((await demo.call('GET', `/api/v1/bookform/${form}`)).body.data as { steps: { step: string }[] }).steps.map((s) => s.step);
    expect(await steps(DEMO.forms.newYorkClasses)).toEqual(['record_type', 'service', 'master', 'datetime', 'contact', 'comfirm']);
    expect(await steps(DEMO.forms.chainClasses)).toContain('record_type');
    for (const form of [DEMO.forms.chain, DEMO.forms.newYork, DEMO.forms.riga]) expect(await steps(form)).not.toContain('record_type');
  });
});

describe('hostile content', () => {
  it('puts payloads in the business’s event texts too: titles, categories, instructors, filter options', async () => {
    const demo = setup();
    await demo.call('POST', '/__demo/hostile');
    const [event] = (await demo.search(NY, 'from=2026-03-06&till=2026-03-06')).events;
    expect(event!.service.title).toContain(XSS.img);
    expect(event!.staff.name).toContain(XSS.svg);
    expect(((event!.service as unknown as Json).category as Json).title).toContain(XSS.svg);
    const groups = (await demo.call('GET', `/api/v1/activity/${NY}/filters`)).body.data as { data: { title: string }[] }[];
    expect(groups.flatMap((g) => g.data).every((o) => o.title.includes('<'))).toBe(true);
    const services = (await demo.call('GET', `/api/v1/book_services/${NY}`)).body.data as { events: { title: string }[] };
    expect(services.events[0]!.title).toContain(XSS.img);
  });
});
