// Free times as a client sees them: working hours, service length, breaks, existing bookings, the
// one-hour lead, the booking horizon and time zones (including daylight-saving changes).
import { describe, expect, it } from 'vitest';
import { createDemoApp } from '../src/server/demo/app';
import { DEMO, LOCATIONS, TEAM } from '../src/server/demo/seed';
import { freeStarts, overlaps, workingIntervals, zonedInstant } from '../src/server/demo/slots';
import type { Json, Slot } from './helpers/demo';

// Thursday 2026-03-05, 09:00 in New York (EST), 16:00 in Riga (EET).
const NOW = new Date('2026-03-05T14:00:00Z');
const NY = DEMO.locations.newYork;
const RIGA = DEMO.locations.riga;
const S = DEMO.services;
const T = DEMO.staff;
const MIN = 60_000;

function demo(now = NOW) {
  return createDemoApp({ now: () => now });
}

async function get(app: ReturnType<typeof demo>['app'], path: string): Promise<Json> {
  const res = await app.request(`/api/v1${path}`);
  expect(res.status).toBe(200);
  return (await res.json()) as Json;
}

async function times(app: ReturnType<typeof demo>['app'], location: number, staff: number, date: string, services: number[]): Promise<Slot[]> {
  const q = services.map((id) => `service_ids[]=${id}`).join('&');
  return (await get(app, `/book_times/${location}/${staff}/${date}?${q}`)).data as Slot[];
}

const member = (id: number) => TEAM.find((m) => m.id === id)!;
const location = (id: number) => LOCATIONS.find((l) => l.id === id)!;
const span = (s: Slot) => ({ start: Date.parse(s.datetime), end: Date.parse(s.datetime) + s.seance_length * 1000 });

describe('free start times (pure)', () => {
  const tz = 'America/New_York';
  const working = workingIntervals(member(T.olivia).hours, '2026-03-10', tz);
  const at = (t: string) => zonedInstant('2026-03-10', t, tz);

  it('fit the service inside working hours around the lunch break and bookings, on a 15-minute grid', () => {
    const busy = [{ start: at('11:00'), end: at('11:45') }];
    const starts = freeStarts({ working, busy, durationMinutes: 60, earliest: 0 });
    const clock = starts.map((t) => new Date(t).toISOString().slice(11, 16));
    // 10:00 EDT = 14:00Z (DST started 2026-03-08).
    expect(clock.slice(0, 3)).toEqual(['14:00', '15:45', '16:00']);
    expect(starts).not.toContain(at('10:15'));
    expect(starts).not.toContain(at('12:15')); // would run into lunch at 13:00
    expect(starts).toContain(at('12:00'));
    expect(starts).toContain(at('14:00'));
    expect(starts.at(-1)).toBe(at('18:00'));
    expect(freeStarts({ working, busy: [], durationMinutes: 120, earliest: 0 }).at(-1)).toBe(at('17:00'));
  });

  it('start no earlier than the given instant', () => {
    const starts = freeStarts({ working, busy: [], durationMinutes: 30, earliest: at('15:05') });
    expect(starts[0]).toBe(at('15:15'));
  });
});

describe('book_times', () => {
  it('respects working hours, the lunch break, the service length and existing bookings', async () => {
    const { app, store } = demo();
    const olivia = member(T.olivia);
    const tz = location(NY).timezoneName;
    let daysWithBookings = 0;
    for (let day = 10; day <= 21; day++) {
      const date = `2026-03-${day}`;
      const slots = await times(app, NY, T.olivia, date, [S.womensHaircut]);
      const working = workingIntervals(olivia.hours, date, tz);
      if (working.length === 0) {
        expect(slots).toEqual([]);
        continue;
      }
      const busy = store.busy(olivia, date, tz);
      if (busy.length > 0) daysWithBookings++;
      expect(slots.length).toBeGreaterThan(0);
      for (const slot of slots) {
        expect(slot.seance_length).toBe(3600);
        expect(working.some((w) => span(slot).start >= w.start && span(slot).end <= w.end)).toBe(true);
        expect(busy.some((b) => overlaps(b, span(slot)))).toBe(false);
        expect(Number(slot.time.slice(3)) % 15).toBe(0);
      }
      expect(slots.some((s) => s.time >= '12:15' && s.time < '14:00')).toBe(false);
    }
    expect(daysWithBookings).toBeGreaterThan(0);
  });

  it('gives the total length of several services', async () => {
    const { app } = demo();
    const slots = await times(app, NY, T.olivia, '2026-03-11', [S.womensHaircut, S.blowDry]);
    expect(slots.every((s) => s.seance_length === (60 + 45) * 60)).toBe(true);
    expect(slots.every((s) => s.time <= '17:15')).toBe(true);
    const long = await times(app, NY, T.olivia, '2026-03-11', [S.highlights]);
    expect(long.every((s) => s.seance_length === 7200 && s.time <= '17:00')).toBe(true);
  });

  it('starts no sooner than one hour from now, nothing in the past or beyond 60 days', async () => {
    // 16:00 in Riga: Līga works until 18:00.
    const { app } = demo();
    const today = await times(app, RIGA, T.liga, '2026-03-05', [S.rigaMensHaircut]);
    expect(today.every((s) => s.time >= '17:00')).toBe(true);
    expect(today.every((s) => Date.parse(s.datetime) >= NOW.getTime() + 60 * MIN)).toBe(true);
    const later = demo(new Date('2026-03-05T14:10:00Z'));
    expect((await times(later.app, RIGA, T.liga, '2026-03-05', [S.rigaMensHaircut])).every((s) => s.time >= '17:15')).toBe(true);
    expect(await times(app, RIGA, T.liga, '2026-03-04', [S.rigaMensHaircut])).toEqual([]);
    // 4 May is 60 days ahead (open), 5 May is not; Hannah works both (Monday, Tuesday).
    expect(await times(app, NY, T.hannah, '2026-05-04', [S.gelManicure])).not.toEqual([]);
    expect(await times(app, NY, T.hannah, '2026-05-05', [S.gelManicure])).toEqual([]);
  });

  it('writes local time with the offset of that day, in New York and in Riga', async () => {
    const { app } = demo();
    const before = await times(app, NY, T.olivia, '2026-03-06', [S.womensHaircut]);
    const after = await times(app, NY, T.olivia, '2026-03-10', [S.womensHaircut]);
    expect(before.every((s) => s.datetime.endsWith('-05:00'))).toBe(true);
    expect(after.every((s) => s.datetime.endsWith('-04:00'))).toBe(true);
    const riga = await times(app, RIGA, T.liga, '2026-03-27', [S.rigaWomensHaircut]);
    expect(riga.every((s) => s.datetime.endsWith('+02:00'))).toBe(true);
    const rigaSummer = await times(app, RIGA, T.liga, '2026-03-30', [S.rigaWomensHaircut]);
    expect(rigaSummer.every((s) => s.datetime.endsWith('+03:00'))).toBe(true);
    for (const s of [...before, ...riga]) expect(s.datetime.slice(11, 16)).toBe(s.time);
    expect(before[0]?.datetime).toMatch(/^2026-03-06T\d\d:\d\d:00\.000-05:00$/);
  });

  it('gets the days of a daylight-saving change right', async () => {
    const { app } = demo();
    // New York springs forward at 02:00 on Sunday 8 March; Sofia works Sundays from 11:00.
    const spring = await times(app, NY, T.sofia, '2026-03-08', [S.womensHaircut]);
    expect(spring.length).toBeGreaterThan(0);
    for (const s of spring) expect(s.datetime).toBe(`2026-03-08T${s.time}:00.000-04:00`);
    // Riga springs forward on Sunday 29 March; Anna works Sundays 10–17.
    const riga = await times(app, RIGA, T.anna, '2026-03-29', [S.rigaBrows]);
    for (const s of riga) expect(s.datetime).toBe(`2026-03-29T${s.time}:00.000+03:00`);
    // Autumn: New York falls back on 1 November, Riga on 25 October.
    const autumn = demo(new Date('2026-10-20T12:00:00Z'));
    const ny = await times(autumn.app, NY, T.sofia, '2026-11-01', [S.womensHaircut]);
    expect(ny[0]?.datetime).toMatch(/^2026-11-01T1\d:\d\d:00\.000-05:00$/);
    expect(Date.parse(ny.find((s) => s.time === '11:00')?.datetime ?? '')).toBe(Date.parse('2026-11-01T16:00:00Z'));
    const rigaAutumn = await times(autumn.app, RIGA, T.anna, '2026-10-25', [S.rigaBrows]);
    expect(rigaAutumn.length).toBeGreaterThan(0);
    for (const s of rigaAutumn) expect(s.datetime).toBe(`2026-10-25T${s.time}:00.000+02:00`);
  });

  it('for any member (0) is the union of the members offering the services', async () => {
    const { app } = demo();
    const date = '2026-03-12';
    const any = await times(app, NY, 0, date, [S.womensHaircut]);
    const each = await Promise.all([T.olivia, T.sofia, T.daniel].map((id) => times(app, NY, id, date, [S.womensHaircut])));
    const union = [...new Set(each.flat().map((s) => s.datetime))].sort();
    expect(any.map((s) => s.datetime)).toEqual(union);
    expect(union.length).toBeGreaterThan(Math.max(...each.map((e) => e.length)));
  });
});

describe('book_dates', () => {
  const q = `service_ids[]=${S.rigaWomensHaircut}&staff_id=${T.liga}`;

  it('filters by the month of `date`, days keyed by month number', async () => {
    const { app } = demo();
    const data = (await get(app, `/book_dates/${RIGA}?${q}&date=2026-04-15`)).data as Json;
    const working = data.working_dates as string[];
    expect(working.every((d) => d.startsWith('2026-04-'))).toBe(true);
    expect(working).toHaveLength(22); // Līga works Monday to Friday
    expect(Object.keys(data.working_days as Json)).toEqual(['4']);
    expect((data.working_days as Record<string, unknown[]>)['4']?.[0]).toBe('1');
    const booking = data.booking_dates as string[];
    expect(booking.length).toBeGreaterThan(0);
    expect(booking.every((d) => working.includes(d))).toBe(true);
    expect((data.booking_days as Record<string, unknown[]>)['4']?.every((d) => typeof d === 'number')).toBe(true);
  });

  it('filters by date_from and date_to, from today on', async () => {
    const { app } = demo();
    const data = (await get(app, `/book_dates/${RIGA}?${q}&date_from=2026-03-01&date_to=2026-03-15`)).data as Json;
    expect(data.working_dates).toEqual(['2026-03-05', '2026-03-06', '2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13']);
    expect((data.booking_dates as string[]).every((d) => d >= '2026-03-05' && d <= '2026-03-13')).toBe(true);
  });

  it('without dates covers two months from today; bookable only within 60 days', async () => {
    const { app } = demo();
    const data = (await get(app, `/book_dates/${NY}?service_ids[]=${S.gelManicure}&staff_id=0`)).data as Json;
    const working = data.working_dates as string[];
    expect(working[0]).toBe('2026-03-05');
    expect(working.at(-1)).toBe('2026-05-05');
    expect((data.booking_dates as string[]).at(-1)! <= '2026-05-04').toBe(true);
    expect(Object.keys(data.booking_days as Json).sort()).toEqual(['3', '4', '5']);
  });

  it('answers [] day maps when nothing matches', async () => {
    const { app } = demo();
    const data = (await get(app, `/book_dates/${NY}?service_ids[]=${S.womensHaircut}&staff_id=${T.marcus}&date=2026-03-20`)).data as Json;
    expect(data).toEqual({ booking_days: [], booking_dates: [], working_days: [], working_dates: [] });
  });
});
