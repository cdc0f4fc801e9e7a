// The booking model end to end in Node: real HTTP to the demo backend, no DOM.
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../src/api/client';
import { dataOf } from '../src/flow/query';
import { createBookingModel, type BookingModel } from '../src/flow/model';
import { ANY_MEMBER } from '../src/flow/machine';
import { createDemoApp } from '../src/server/demo/app';
import { DEMO } from '../src/server/demo/seed';
import { until } from './helpers/until';
import { startServer, type TestServer } from './helpers/server';

const NOW = new Date('2026-11-23T14:00:00Z'); // a Monday, 09:00 in New York

let model: BookingModel | undefined;
afterEach(() => model?.dispose());

async function setup(formId: number) {
  const demo = createDemoApp({ now: () => NOW });
  const server: TestServer = await startServer((api) => api.all('*', (c) => demo.fetch(c.req.raw)));
  const api = createApi({ baseUrl: server.baseUrl });
  model = createBookingModel({ api, formId, now: () => NOW });
  const calls = (fragment: string) => server.requests.filter((r) => r.path.includes(fragment)).length;
  return { demo, server, model, calls };
}


async function walkToContact(m: BookingModel, staffId: number) {
  await until(() => m.flow.value?.current === 'service' && dataOf(m.catalog));
  m.dispatch({ type: 'setServices', serviceIds: [DEMO.services.womensHaircut] });
  m.next();
  await until(() => dataOf(m.staff));
  m.dispatch({ type: 'selectStaff', staffId });
  await until(() => dataOf(m.dates)?.bookable.length);
  const date = dataOf(m.dates)!.bookable[0]!;
  m.dispatch({ type: 'selectDate', date });
  await until(() => dataOf(m.times)?.length);
  const slot = dataOf(m.times)![0]!;
  m.dispatch({ type: 'selectSlot', slot });
  return { date, slot };
}

function fillContact(m: BookingModel) {
  m.dispatch({ type: 'setContact', contact: { name: 'Ann Lee', phone: '+1 212 555 0100', email: 'ann@example.com' } });
  m.next();
}

describe('booking model', () => {
  it('books through every step; the demo backend holds one booking with the slot datetime unchanged', async () => {
    const { demo, model: m } = await setup(DEMO.forms.newYork);
    const { slot } = await walkToContact(m, DEMO.staff.olivia);
    expect(m.flow.value?.current).toBe('contact');
    fillContact(m);
    expect(m.flow.value?.current).toBe('confirm');
    await m.submit();
    expect(m.flow.value?.current).toBe('success');
    const bookings = demo.store.bookings;
    expect(bookings).toHaveLength(1);
    expect(bookings[0]).toMatchObject({ staffId: DEMO.staff.olivia, serviceIds: [DEMO.services.womensHaircut], datetime: slot.datetime });
  });

  it('asks for the form and, once it names the location, the locations and locale in parallel', async () => {
    const { model: m, server } = await setup(DEMO.forms.newYork);
    await until(() => dataOf(m.catalog));
    const order = server.requests.map((r) => r.path.split('/')[3]);
    expect(order[0]).toBe('bookform');
    expect(order).toContain('i18n');
    expect(order).toContain('company');
  });

  it('going back and forth asks for nothing new', async () => {
    const { model: m, calls } = await setup(DEMO.forms.newYork);
    const { slot } = await walkToContact(m, DEMO.staff.olivia);
    const before = { staff: calls('book_staff'), dates: calls('book_dates'), times: calls('book_times'), services: calls('book_services') };
    m.back();
    m.back();
    m.back();
    m.back();
    expect(m.flow.value?.current).toBe('service');
    m.next();
    m.dispatch({ type: 'selectStaff', staffId: DEMO.staff.olivia });
    expect(m.flow.value?.current).toBe('date');
    m.next();
    await until(() => m.flow.value?.current === 'time');
    expect({ staff: calls('book_staff'), dates: calls('book_dates'), times: calls('book_times'), services: calls('book_services') }).toEqual(before);
    expect(m.choices.value?.slot).toEqual(slot);
  });

  it('prefetches the first bookable day\'s times once the dates are known', async () => {
    const { model: m, server } = await setup(DEMO.forms.newYork);
    await until(() => m.flow.value?.current === 'service' && dataOf(m.catalog));
    m.dispatch({ type: 'setServices', serviceIds: [DEMO.services.womensHaircut] });
    m.next();
    await until(() => dataOf(m.staff));
    m.dispatch({ type: 'selectStaff', staffId: DEMO.staff.olivia });
    await until(() => dataOf(m.dates)?.bookable.length);
    const first = dataOf(m.dates)!.bookable[0]!;
    await until(() => server.requests.some((r) => r.path.includes(`book_times/`) && r.path.endsWith(first)));
  });

  it('a team member who does not offer the new service is dropped when services change', async () => {
    const { model: m } = await setup(DEMO.forms.newYork);
    await walkToContact(m, DEMO.staff.olivia);
    m.go('service');
    // Olivia does not do manicures in the seed.
    m.dispatch({ type: 'setServices', serviceIds: [DEMO.services.classicManicure] });
    m.next();
    await until(() => dataOf(m.staff) && m.choices.value?.staffId === undefined);
    expect(m.flow.value?.current).toBe('staff');
  });

  it('"any team member" books with a member who offers the service', async () => {
    const { demo, model: m } = await setup(DEMO.forms.newYork);
    await walkToContact(m, ANY_MEMBER);
    const offering = dataOf(m.staff)!.map((s) => s.id);
    fillContact(m);
    await m.submit();
    const [booking] = demo.store.bookings;
    expect(offering).toContain(booking!.staffId);
    await until(() => m.selection.value.memberName);
  });

  it('a double press books once', async () => {
    const { demo, model: m } = await setup(DEMO.forms.newYork);
    await walkToContact(m, DEMO.staff.olivia);
    fillContact(m);
    await Promise.all([m.submit(), m.submit(), m.submit()]);
    expect(demo.store.bookings).toHaveLength(1);
  });

  it('a slot taken meanwhile returns to the time step with fresh times, other choices kept', async () => {
    const { demo, model: m, calls } = await setup(DEMO.forms.newYork);
    const { slot, date } = await walkToContact(m, DEMO.staff.olivia);
    fillContact(m);
    // Someone else books the same slot first.
    const other = await demo.fetch(
      new Request(`http://demo/api/v1/book_record/${DEMO.locations.newYork}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ fullname: 'Bo', phone: '+12125550111', appointments: [{ id: 1, services: [DEMO.services.womensHaircut], staff_id: DEMO.staff.olivia, datetime: slot.datetime }] }),
      }),
    );
    expect(other.status).toBe(201);
    const timesBefore = calls('book_times');
    const stale = dataOf(m.times);
    await m.submit();
    expect(m.flow.value?.current).toBe('time');
    expect(m.booking.value.failure?.code).toBe(433);
    expect(m.choices.value).toMatchObject({ staffId: DEMO.staff.olivia, date, serviceIds: [DEMO.services.womensHaircut] });
    // The old answer stays on screen while the fresh one is asked for: wait for the fresh one.
    await until(() => calls('book_times') > timesBefore && dataOf(m.times) && dataOf(m.times) !== stale);
    expect(dataOf(m.times)!.map((s) => s.datetime)).not.toContain(slot.datetime);
  });

  it('the SMS path: code asked after confirm, a wrong code keeps the visitor on it, the right one books', async () => {
    const { demo, model: m } = await setup(DEMO.forms.riga);
    await until(() => m.flow.value?.current === 'service' && dataOf(m.catalog));
    m.dispatch({ type: 'setServices', serviceIds: [DEMO.services.rigaWomensHaircut] });
    m.next();
    await until(() => dataOf(m.staff));
    m.dispatch({ type: 'selectStaff', staffId: ANY_MEMBER });
    await until(() => dataOf(m.dates)?.bookable.length);
    m.dispatch({ type: 'selectDate', date: dataOf(m.dates)!.bookable[0]! });
    await until(() => dataOf(m.times)?.length);
    m.dispatch({ type: 'selectSlot', slot: dataOf(m.times)![0]! });
    m.dispatch({ type: 'setContact', contact: { name: 'Līga', phone: '+371 2000 0000' } });
    m.next();
    await m.submit();
    expect(m.booking.value.phase).toBe('awaitingCode');
    m.setCode('9999');
    await m.submit();
    expect(m.booking.value).toMatchObject({ phase: 'awaitingCode', codeError: 'confirm.errors.code.incorrect' });
    expect(demo.store.bookings).toHaveLength(0);
    m.setCode('1234');
    await m.submit();
    expect(m.flow.value?.current).toBe('success');
    expect(demo.store.bookings).toHaveLength(1);
  });

  it('invalid contact data is never sent', async () => {
    const { model: m, calls } = await setup(DEMO.forms.newYork);
    await walkToContact(m, DEMO.staff.olivia);
    m.dispatch({ type: 'setContact', contact: { name: '', phone: '12ab' } });
    m.next();
    expect(m.flow.value?.current).toBe('contact');
    expect(m.contactErrors.value).toEqual({ name: 'confirm.errors.name.required', phone: 'confirm.errors.phone.incorrect' });
    await m.submit();
    expect(calls('book_check') + calls('book_record')).toBe(0);
  });
});
