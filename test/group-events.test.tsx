// @vitest-environment jsdom
// Group events as a visitor meets them on form 10 (New York, individual services or group events),
// against the demo backend: the choice of kind, the day's events with their seats left, a full one
// that cannot be chosen, seats from 1 to those left, the confirm step's summary, booking seats once,
// an event that filled up meanwhile, and the success screen reading the booking back.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../src/api/client';
import { App } from '../src/app/App';
import { loadLaterSteps } from '../src/app/later-steps';
import { createBookingModel, type BookingModel } from '../src/flow/model';
import { setLocale } from '../src/i18n';
import { createDemoApp } from '../src/server/demo/app';
import { DEMO } from '../src/server/demo/seed';
import { until } from './helpers/until';

const NOW = new Date('2026-11-23T14:00:00Z'); // a Monday, 09:00 in New York
const NY = DEMO.locations.newYork;
let model: BookingModel | undefined;

beforeAll(() => loadLaterSteps());
afterEach(() => {
  cleanup();
  model?.dispose();
  model = undefined;
  setLocale('en-US', null);
});

function renderWidget(formId: number = DEMO.forms.newYorkClasses) {
  const demo = createDemoApp({ now: () => NOW });
  const sent: string[] = [];
  const api = createApi({
    baseUrl: 'http://demo.test/api/v1',
    fetch: async (input, init) => {
      const request = new Request(input as RequestInfo, init);
      if (request.method === 'POST') sent.push(new URL(request.url).pathname);
      return demo.fetch(request);
    },
  });
  model = createBookingModel({ api, formId, now: () => NOW, remember: false });
  render(<App model={model} />);
  return { demo, m: model, sent };
}

/** The day's event cards, once listed. */
const cards = () => [...document.querySelectorAll<HTMLElement>('.bw-card--event')];
const card = (title: string) => cards().find((c) => c.textContent?.includes(title))!;

async function toEvents(m: BookingModel) {
  await until(() => m.flow.value?.current === 'record_type');
  const events = await screen.findByRole('button', { name: /Group events/ }, { timeout: 3000 });
  await waitFor(() => expect(events.textContent).toContain('Registration available for group events'));
  fireEvent.click(events);
  expect(m.flow.value?.current).toBe('event');
  await waitFor(() => expect(cards().length).toBeGreaterThan(0));
}

/** Seats taken of an event, as the demo's search says now. */
async function seatsTaken(demo: ReturnType<typeof createDemoApp>, day: string, title: string): Promise<number> {
  const answer = await demo.fetch(new Request(`http://demo.test/api/v1/activity/${NY}/search?from=${day}&till=${day}`));
  const event = ((await answer.json()) as { data: { records_count: number; service: { title: string } }[] }).data.find((e) => e.service.title === title)!;
  return event.records_count;
}

describe('group events on form 10', () => {
  it('asks individual services or group events first; individual services go on as before', async () => {
    const { m } = renderWidget();
    await until(() => m.flow.value?.current === 'record_type');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('What would you like to book?');
    fireEvent.click(await screen.findByRole('button', { name: 'Individual services' }, { timeout: 3000 }));
    expect(m.flow.value?.current).toBe('service');
    expect(m.flow.value?.steps).toEqual(['record_type', 'service', 'staff', 'date', 'time', 'contact', 'confirm']);
    m.back();
    expect(m.flow.value?.current).toBe('record_type');
  });

  it('lists the first day with events in the location’s zone: time, length, team member, price, seats left; past and full ones cannot be chosen', async () => {
    const { m } = renderWidget();
    await toEvents(m);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Choose an event');
    // Monday: the 07:30 class has passed (it is 09:00 in New York), the evening one is ahead.
    expect(document.querySelector('.bw-subtitle')?.textContent).toBe('Monday, November 23, 2026');
    const sunrise = card('Sunrise yoga');
    expect(sunrise.textContent).toContain('7:30');
    expect(sunrise.textContent).toContain('Passed');
    expect(within(sunrise).getByRole('button')).toHaveProperty('disabled', true);
    const evening = card('Evening flow yoga');
    expect(evening.textContent).toMatch(/7:00\s*PM/);
    expect(evening.textContent).toContain('1 hr 15 min');
    expect(evening.textContent).toContain('Maya Chen');
    expect(evening.textContent).toMatch(/\d+ of 20 left/);
    expect(evening.textContent).toContain('Prepayment possible');

    // Tuesday: Reformer pilates is full, said on the card, and it cannot be chosen.
    fireEvent.click(screen.getByRole('gridcell', { name: /November 24/ }));
    await waitFor(() => expect(card('Reformer pilates')).toBeTruthy());
    const pilates = within(card('Reformer pilates')).getByRole('button');
    expect(pilates.textContent).toContain('Full');
    expect(pilates).toHaveProperty('disabled', true);
    expect(pilates.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(pilates.getAttribute('aria-describedby')!)?.textContent).toContain('Full');
  });

  it('books 2 seats of an event once, shows them on confirm, and the seats left drop by 2', async () => {
    const { m, demo, sent } = renderWidget();
    await toEvents(m);
    const before = await seatsTaken(demo, '2026-11-23', 'Evening flow yoga');
    fireEvent.click(within(card('Evening flow yoga')).getByRole('button'));
    const seats = screen.getByRole('spinbutton', { name: 'Places' });
    expect(seats.getAttribute('min')).toBe('1');
    expect(seats.getAttribute('max')).toBe(String(20 - before));
    expect(screen.getByText(`From 1 to ${20 - before}`)).toBeTruthy();
    fireEvent.input(seats, { target: { value: '2' } });
    expect(m.choices.value?.event?.seats).toBe(2);
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(m.flow.value?.current).toBe('contact');
    m.dispatch({ type: 'setContact', contact: { name: 'Ann Lee', phone: '+1 212 555 0100', email: 'ann@example.com' } });
    m.next();
    expect(m.flow.value?.current).toBe('confirm');
    const summary = await waitFor(() => {
      const dl = document.querySelector('.bw-summary');
      expect(dl?.textContent).toContain('Evening flow yoga');
      return dl as HTMLElement;
    });
    expect(summary.textContent).toContain('Places2');
    expect(summary.textContent).toContain('$40 – $60');
    const book = screen.getByRole('button', { name: 'Sign up' });
    // A double press books once.
    fireEvent.click(book);
    fireEvent.click(book);
    await until(() => m.flow.value?.current === 'success');
    expect(sent.filter((p) => p.endsWith('/book'))).toHaveLength(1);
    expect(await seatsTaken(demo, '2026-11-23', 'Evening flow yoga')).toBe(before + 2);
    // The success screen reads the seat booking back, with its booking page link.
    await waitFor(() => expect(document.querySelector('.bw-success__booked')?.textContent).toContain('Evening flow yoga'));
    expect(screen.getByRole('link', { name: 'View or cancel this booking' }).getAttribute('href')).toMatch(/record=\d+&hash=\w+/);
  });

  it('an event that fills up meanwhile: a clear message, the choice dropped and its seats shown afresh', async () => {
    const { m, demo } = renderWidget();
    await toEvents(m);
    fireEvent.click(screen.getByRole('gridcell', { name: /November 25/ }));
    await waitFor(() => expect(card('Sunrise yoga')?.textContent).toContain('1 of 12 left'));
    fireEvent.click(within(card('Sunrise yoga')).getByRole('button'));
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    m.dispatch({ type: 'setContact', contact: { name: 'Ann Lee', phone: '+1 212 555 0100', email: '' } });
    m.next();
    // Someone else takes the last seat.
    const id = m.choices.value!.event!.id;
    const taken = await demo.fetch(
      new Request(`http://demo.test/api/v1/activity/${NY}/${id}/book`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ fullname: 'Bo Park', phone: '+1 212 555 0177', email: '', clients_count: 1 }),
      }),
    );
    expect(taken.status).toBe(201);
    fireEvent.click(await screen.findByRole('button', { name: 'Sign up' }));
    await until(() => m.flow.value?.current === 'event');
    expect((await screen.findByRole('alert')).textContent).toBe('This event has just filled up. Please choose another event or fewer places.');
    await waitFor(() => expect(card('Sunrise yoga').textContent).toContain('Full'));
    expect(within(card('Sunrise yoga')).getByRole('button')).toHaveProperty('disabled', true);
    expect(m.choices.value?.event).toBeUndefined();
  });

  it('at a location that asks for the SMS code: the booking’s code field (where it went, one-time-code), then the seat booked with the code', async () => {
    const { m, demo } = renderWidget(DEMO.forms.chainClasses);
    await until(() => m.flow.value?.current === 'location');
    m.dispatch({ type: 'selectLocation', locationId: DEMO.locations.riga });
    await toEvents(m);
    const open = cards().map((c) => within(c).getByRole('button')).find((b) => !b.hasAttribute('disabled') && b.getAttribute('aria-disabled') !== 'true')!;
    fireEvent.click(open);
    fireEvent.click(screen.getByRole('button', { name: /Continue|Turpināt/ }));
    m.dispatch({ type: 'setContact', contact: { name: 'Ann Lee', phone: '+371 2000 0001', email: '' } });
    m.next();
    expect(m.flow.value?.current).toBe('confirm');
    fireEvent.click(await screen.findByRole('button', { name: /Sign up|Pierakstīties/ }));
    const code = (await screen.findByRole('textbox', { name: /code|kods/i })) as HTMLInputElement;
    expect(code.getAttribute('autocomplete')).toBe('one-time-code');
    expect(document.querySelector('.bw-code [role="status"]')?.textContent).toContain('+371 2000 0001');
    const sent = [...demo.store.smsCodes.entries()].find(([phone]) => phone.replace(/\D/g, '').endsWith('20000001'))![1].code;
    fireEvent.input(code, { target: { value: sent } });
    fireEvent.click(screen.getByRole('button', { name: /Confirm|Apstiprināt|Sign up/ }));
    await until(() => m.flow.value?.current === 'success');
  });
});

