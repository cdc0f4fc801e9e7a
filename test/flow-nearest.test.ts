// The nearest free times (book_staff_seances) behind "earliest available" and the empty month:
// asked only where they help, for the right team member and from the right day, and taken in one tap.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApi } from '../src/api/client';
import { ANY_MEMBER } from '../src/flow/machine';
import { dataOf } from '../src/flow/query';
import { createBookingModel, type BookingModel } from '../src/flow/model';
import { createDemoApp } from '../src/server/demo/app';
import { DEMO } from '../src/server/demo/seed';
import { until } from './helpers/until';
import { startServer } from './helpers/server';

const NOW = new Date('2026-11-23T14:00:00Z'); // a Monday, 09:00 in New York
const EMPTY_MONTH = '2026-12';
/** A day whose times are all taken between the calendar and the time step (set by the test). */
let goneDay = '';

let model: BookingModel | undefined;
afterEach(() => model?.dispose());

async function setup() {
  const demo = createDemoApp({ now: () => NOW });
  const server = await startServer((api) => {
    // December has no free day in this test; everything else is the demo's.
    api.get('/book_dates/:location', (c) =>
      c.req.query('date_from')?.startsWith(EMPTY_MONTH)
        ? c.json({ success: true, data: { booking_dates: [], booking_days: [], working_dates: [], working_days: [] }, meta: [] })
        : demo.fetch(c.req.raw),
    );
    api.get('/book_times/:location/:member/:date', (c) =>
      c.req.param('date') === goneDay ? c.json({ success: true, data: [], meta: [] }) : demo.fetch(c.req.raw),
    );
    api.all('*', (c) => demo.fetch(c.req.raw));
  });
  const api = createApi({ baseUrl: server.baseUrl });
  model = createBookingModel({ api, formId: DEMO.forms.newYork, now: () => NOW, remember: false });
  const nearestCalls = () => server.requests.filter((r) => r.path.includes('/book_staff_seances/'));
  return { model, nearestCalls };
}

const nearestOf = (m: BookingModel) => {
  const q = m.nearest.value;
  return q ? dataOf(q) : undefined;
};

async function toDateStep(m: BookingModel, staffId: number) {
  await until(() => m.flow.value?.current === 'service' && dataOf(m.catalog));
  m.dispatch({ type: 'setServices', serviceIds: [DEMO.services.womensHaircut] });
  m.next();
  await until(() => dataOf(m.staff));
  m.dispatch({ type: 'selectStaff', staffId });
  await until(() => m.flow.value?.current === 'date' && dataOf(m.dates));
}

describe('nearest free times', () => {
  it('are asked on the date step only, for the chosen member from today, and one tap books their first time', async () => {
    const { model: m, nearestCalls } = await setup();
    await until(() => m.flow.value?.current === 'service');
    expect(nearestCalls()).toHaveLength(0);

    await toDateStep(m, DEMO.staff.olivia);
    const nearest = await vi.waitFor(() => nearestOf(m) ?? Promise.reject(new Error('not yet')));
    const call = nearestCalls()[0]!;
    expect(call.path).toMatch(new RegExp(`/book_staff_seances/${DEMO.locations.newYork}/${DEMO.staff.olivia}$`));
    expect(call.query.get('datetime')).toBe('2026-11-23');
    expect(call.query.getAll('service_ids[]')).toEqual([String(DEMO.services.womensHaircut)]);
    expect(nearest.date).toBe(dataOf(m.dates)!.bookable[0]);

    const slot = nearest.slots[0]!;
    m.takeSlot(nearest.date!, slot);
    expect(m.flow.value?.current).toBe('contact');
    expect(m.choices.value).toMatchObject({ date: nearest.date, slot });
    // The day's own times confirm the slot: it stays chosen once they arrive.
    await until(() => dataOf(m.times));
    expect(m.choices.value?.slot).toEqual(slot);
  });

  it('for "any team member", asks for the member free soonest', async () => {
    const { model: m, nearestCalls } = await setup();
    await toDateStep(m, ANY_MEMBER);
    await until(() => nearestOf(m));
    const soonest = dataOf(m.staff)!.filter((s) => s.bookable && s.nextDate).sort((a, b) => a.nextDate!.localeCompare(b.nextDate!))[0]!;
    expect(nearestCalls()[0]!.path.endsWith(`/${soonest.id}`)).toBe(true);
  });

  it('for a month without free days, asks from that month on, and the found day is chosen with its month shown', async () => {
    const { model: m, nearestCalls } = await setup();
    await toDateStep(m, DEMO.staff.olivia);
    m.showMonth(EMPTY_MONTH);
    await until(() => dataOf(m.dates)?.bookable.length === 0);
    await until(() => nearestCalls().some((r) => r.query.get('datetime') === `${EMPTY_MONTH}-01`));
    await until(() => nearestOf(m)?.date);

    m.takeDate('2027-01-05');
    expect(m.shownMonth.value).toBe('2027-01');
    expect(m.choices.value?.date).toBe('2027-01-05');
  });

  it('for a day whose times are gone, asks from that day on, and its answer is taken in one tap', async () => {
    const { model: m, nearestCalls } = await setup();
    await toDateStep(m, DEMO.staff.olivia);
    goneDay = dataOf(m.dates)!.bookable[1]!;
    m.dispatch({ type: 'selectDate', date: goneDay });
    await until(() => m.flow.value?.current === 'time' && dataOf(m.times)?.length === 0);
    await until(() => nearestCalls().some((r) => r.query.get('datetime') === goneDay));
    const nearest = await vi.waitFor(() => nearestOf(m)?.date ? nearestOf(m)! : Promise.reject(new Error('not yet')));
    expect(nearest.date! >= goneDay).toBe(true);
    m.takeSlot(nearest.date!, nearest.slots[0]!);
    expect(m.flow.value?.current).toBe('contact');
  });
});
