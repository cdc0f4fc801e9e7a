// @vitest-environment jsdom
// The confirm step with several appointments: the list, adding, removing, an error shown on the
// appointment it names, and times that would overlap another appointment left out.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../src/api/client';
import { App } from '../src/app/App';
import { loadLaterSteps } from '../src/app/later-steps';
import { createBookingModel, type BookingModel } from '../src/flow/model';
import { createDemoApp } from '../src/server/demo/app';
import { DEMO } from '../src/server/demo/seed';

const NOW = new Date('2026-11-23T14:00:00Z'); // Monday 09:00 in New York
const S = DEMO.services;
const T = DEMO.staff;
let model: BookingModel | undefined;

afterEach(() => {
  cleanup();
  model?.dispose();
});

async function renderWidget() {
  const demo = createDemoApp({ now: () => NOW });
  const api = createApi({
    baseUrl: 'http://demo.test/api/v1',
    fetch: (input, init) => Promise.resolve(demo.fetch(new Request(input as RequestInfo, init))),
  });
  model = createBookingModel({ api, formId: DEMO.forms.newYork, now: () => NOW, remember: false });
  render(<App model={model} />);
  await loadLaterSteps();
  return { model, demo };
}

const ready = <T,>(q: { state: { value: { status: string; data?: T } } }) => (q.state.value.status === 'ready' ? q.state.value.data : undefined);
const heading = () => screen.getByRole('heading', { level: 2 }).textContent;

/** One appointment through the model's own events (the steps' views are tested elsewhere). */
async function choose(m: BookingModel, serviceId: number, staffId: number, pick: (datetimes: string[]) => string, date = '2026-11-24') {
  await waitFor(() => expect(m.flow.value?.current === 'service' && ready(m.catalog)).toBeTruthy());
  m.dispatch({ type: 'setServices', serviceIds: [serviceId] });
  m.next();
  await waitFor(() => expect(ready(m.staff)?.some((s) => s.id === staffId)).toBe(true));
  m.dispatch({ type: 'selectStaff', staffId });
  m.dispatch({ type: 'selectDate', date });
  await waitFor(() => expect(m.times.state.value.status === 'ready' && m.times.state.value.key.includes(`:${staffId}:${date}:`)).toBe(true));
  const slots = ready(m.times)!;
  const chosen = pick(slots.map((s) => s.datetime));
  return slots.find((s) => s.datetime === chosen)!;
}

async function atConfirmWithTwo() {
  const { model: m, demo } = await renderWidget();
  const first = await choose(m, S.womensHaircut, T.olivia, (all) => all[0]!);
  m.dispatch({ type: 'selectSlot', slot: first });
  m.dispatch({ type: 'setContact', contact: { name: 'Ann Lee', phone: '+1 212 555 0100' } });
  m.next();
  await waitFor(() => expect(heading()).toBe('Confirmation'));
  fireEvent.click(screen.getByRole('button', { name: '+ Add service' }));
  await waitFor(() => expect(heading()).toBe('Service selection'));
  const second = await choose(m, S.gelManicure, T.hannah, (all) => all.find((d) => Date.parse(d) >= Date.parse(first.datetime) + 2 * 3600_000)!);
  m.dispatch({ type: 'selectSlot', slot: second });
  await waitFor(() => expect(heading()).toBe('Confirmation'));
  await waitFor(() => expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Appointment 1', 'Appointment 2']));
  return { m, demo, first, second };
}

const item = (n: number) => screen.getByRole('listitem', { name: `Appointment ${n}` });

describe('confirm step with several appointments', () => {
  it('lists each appointment with what, with whom and when, and buttons named after it', async () => {
    await atConfirmWithTwo();
    expect(item(1).textContent).toContain("Women's haircut");
    expect(item(1).textContent).toContain('Olivia Bennett');
    expect(item(2).textContent).toContain('Gel manicure');
    await waitFor(() => expect(item(2).textContent).toContain('Hannah Kim'));
    expect(within(item(1)).getByRole('button', { name: /^Remove Women's haircut, Tuesday, November 24, 2026 at \d{1,2}:\d{2}\sAM$/ })).toBeTruthy();
    expect(within(item(2)).getByRole('button', { name: /^Change Employee, Gel manicure, / })).toBeTruthy();
    // The place is said once, for the whole booking, and cannot be changed from here.
    expect(screen.getAllByText('Lumen Studio SoHo')).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Change Place' })).toBeNull();
  });

  it('removing one leaves the other, shown the usual way, and focus on the way to add another', async () => {
    await atConfirmWithTwo();
    fireEvent.click(within(item(1)).getByRole('button', { name: /^Remove / }));
    await waitFor(() => expect(screen.queryByRole('heading', { level: 3 })).toBeNull());
    expect(screen.getByRole('region', { name: 'Confirmation' }).textContent).toContain('Gel manicure');
    expect(screen.getByRole('region', { name: 'Confirmation' }).textContent).not.toContain("Women's haircut");
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '+ Add service' }));
  });

  it('back from the new appointment\'s first step returns to the list as it was', async () => {
    const { m } = await atConfirmWithTwo();
    fireEvent.click(screen.getByRole('button', { name: '+ Add service' }));
    await waitFor(() => expect(heading()).toBe('Service selection'));
    fireEvent.click(screen.getByRole('button', { name: /Back/ }));
    await waitFor(() => expect(heading()).toBe('Confirmation'));
    expect(m.appointments.value.map((a) => a.id)).toEqual([1, 2]);
  });

  it('a clash (437) is shown on the appointment it names, whose own button changes it', async () => {
    const { demo } = await atConfirmWithTwo();
    demo.faults.add({ endpoint: 'book_record', code: 437, appointmentId: 2, times: 1 });
    fireEvent.click(screen.getByRole('button', { name: 'Sign up' }));
    const alert = await within(item(2)).findByRole('alert');
    expect(alert.textContent).toContain('Time overlap with another visit');
    expect(within(item(1)).queryByRole('alert')).toBeNull();
    expect(heading()).toBe('Confirmation');

    fireEvent.click(within(alert).getByRole('button', { name: /^Edit Appointment: Gel manicure/ }));
    await waitFor(() => expect(heading()).toBe('Pick a time'));
    expect(screen.getByRole('alert').textContent).toContain('Time overlap with another visit');
  });

  it('the time step leaves out times overlapping another appointment of the booking, and says so', async () => {
    const { m, first } = await atConfirmWithTwo();
    fireEvent.click(screen.getByRole('button', { name: '+ Add service' }));
    await waitFor(() => expect(heading()).toBe('Service selection'));
    await choose(m, S.blowDry, T.olivia, (all) => all[0]!);
    await waitFor(() => expect(heading()).toBe('Pick a time'));
    await screen.findByText('Times that overlap your other appointments are not shown.');
    const times = within(screen.getByRole('region', { name: 'Pick a time' })).getAllByRole('button').map((b) => b.textContent ?? '');
    const [h, min] = first.time.split(':').map(Number);
    expect(times.some((t) => t.startsWith(`${h! > 12 ? h! - 12 : h}:${String(min).padStart(2, '0')}`))).toBe(false);
    expect(times.length).toBeGreaterThan(0);
    expect(ready(m.times)!.some((s) => s.datetime === first.datetime)).toBe(true); // the API offered it
  });
});
