// @vitest-environment jsdom
// The success screen as a visitor meets it, on a model booking against the demo backend: that it is
// booked first, then each appointment with its prices and their total, one main action (adding it
// to a calendar, with Google, Apple / .ics and Outlook in one list), then the other actions alike;
// while the business's records load, the same boxes. And the booking page shows prices the same way.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApi } from '../src/api/client';
import type { Slot } from '../src/api/types';
import { App } from '../src/app/App';
import { loadLaterSteps } from '../src/app/later-steps';
import { createManageModel, type ManageModel } from '../src/flow/manage';
import { createBookingModel, type BookingModel } from '../src/flow/model';
import { dataOf } from '../src/flow/query';
import { setLocale } from '../src/i18n';
import { createDemoApp } from '../src/server/demo/app';
import { DEMO } from '../src/server/demo/seed';
import { ManageBooking } from '../src/steps/ManageBooking';
import { until } from './helpers/until';

const NOW = new Date('2026-11-23T14:00:00Z'); // a Monday, 09:00 in New York
const S = DEMO.services;
const T = DEMO.staff;
let model: BookingModel | undefined;
let manage: ManageModel | undefined;

beforeAll(() => loadLaterSteps());

afterEach(() => {
  cleanup();
  model?.dispose();
  manage?.dispose();
  model = manage = undefined;
  setLocale('en-US', null);
  vi.restoreAllMocks();
});

/** A widget on the New York form; the business's read-back of a booking waits for `hold` when given. */
function renderWidget(hold?: Promise<void>, bookingPage?: string) {
  const demo = createDemoApp({ now: () => NOW });
  const api = createApi({
    baseUrl: 'http://demo.test/api/v1',
    fetch: async (input, init) => {
      const request = new Request(input as RequestInfo, init);
      if (hold && request.method === 'GET' && /\/book_record\/\d+\/\d+\/\w+$/.test(new URL(request.url).pathname)) await hold;
      return demo.fetch(request);
    },
  });
  model = createBookingModel({ api, formId: DEMO.forms.newYork, now: () => NOW, remember: false, bookingPage });
  render(<App model={model} />);
  return { demo, m: model };
}

/** Chooses services, a team member, a day (the first bookable unless told) and a time at or after `after`. */
async function choose(m: BookingModel, serviceIds: number[], staffId: number, after = 0, day?: string): Promise<Slot> {
  await until(() => m.flow.value?.current === 'service' && dataOf(m.catalog));
  m.dispatch({ type: 'setServices', serviceIds });
  m.next();
  await until(() => dataOf(m.staff)?.some((s) => s.id === staffId));
  m.dispatch({ type: 'selectStaff', staffId });
  await until(() => dataOf(m.dates)?.bookable.length);
  const date = day ?? dataOf(m.dates)!.bookable[0]!;
  m.dispatch({ type: 'selectDate', date });
  await until(() => m.times.state.value.status === 'ready' && m.times.state.value.key.includes(`:${staffId}:${date}:`));
  const slot = dataOf(m.times)!.find((s) => Date.parse(s.datetime) >= after)!;
  m.dispatch({ type: 'selectSlot', slot });
  return slot;
}

function contact(m: BookingModel) {
  m.dispatch({ type: 'setContact', contact: { name: 'Ann Lee', phone: '+1 212 555 0100', email: 'ann@example.com' } });
  m.next();
  expect(m.flow.value?.current).toBe('confirm');
}

/** Women's haircut ($65–95) and blow-dry ($45, 10 % off) with Olivia, booked. */
async function bookHaircutAndBlowDry(hold?: Promise<void>, bookingPage?: string) {
  const { demo, m } = renderWidget(hold, bookingPage);
  const slot = await choose(m, [S.womensHaircut, S.blowDry], T.olivia);
  contact(m);
  await m.submit();
  expect(m.flow.value?.current).toBe('success');
  return { demo, m, slot };
}

const region = () => screen.getByRole('region', { name: 'You have successfully signed up!' });
const loaded = () => waitFor(() => expect(document.querySelector('.bw-placeholder')).toBeNull());
/** `20261124T150000Z`, as calendars take UTC. */
const stamp = (at: Date) => at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
/** A blob's text (jsdom's Blob has no text()). */
const blobText = (blob: Blob) =>
  new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.readAsText(blob);
  });
/** The rows of a summary list: each term with its description's text. */
const rows = (scope: HTMLElement) =>
  [...scope.querySelectorAll('.bw-summary__row')].map((r) => [r.querySelector('dt')!.textContent, r.querySelector('dd')!.textContent]);

describe('success screen: the booking page a developer names', () => {
  it("links to the deployment's hosted page given as bookingPage (the npm package's files are the app's own)", async () => {
    const { demo } = await bookHaircutAndBlowDry(undefined, 'https://book.example.com/salon/?utm_source=app');
    await loaded();
    const [record] = demo.store.bookings;
    const link = new URL(within(region()).getByRole('link', { name: 'View or cancel this booking' }).getAttribute('href')!);
    expect(`${link.origin}${link.pathname}`).toBe('https://book.example.com/salon/');
    expect(Object.fromEntries(link.searchParams)).toMatchObject({ form: String(DEMO.forms.newYork), record: String(record!.recordId) });
    expect(link.searchParams.get('hash')).toMatch(/^\w+$/);
    expect(link.searchParams.has('utm_source')).toBe(false);
  });
});

describe('success screen: what comes first', () => {
  it('the headline, then each service with its price and the total, then one main action, then the rest alike', async () => {
    const { demo } = await bookHaircutAndBlowDry();
    await loaded();
    const success = region();
    // The step heading (for assistive technology and focus) and the headline shown with the check mark.
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('You have successfully signed up!');
    const head = success.querySelector('.bw-success__head')!;
    expect(head.textContent).toBe('You have successfully signed up!');
    expect(head.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
    // Said once: the heading says it to assistive technology, the headline only shows it.
    expect(head.querySelector('p')!.getAttribute('aria-hidden')).toBe('true');

    // Each service with its price (the discount as the confirm step shows it), then their total.
    const services = [...success.querySelectorAll('.bw-booked__services li')].map((li) => li.textContent);
    expect(services).toEqual([expect.stringMatching(/^Women's haircut \$65 – \$95$/), expect.stringMatching(/^Blow-dry & styling \$40\.50 \$45.*Was \$45.*-10%/)]);
    expect(rows(success).at(-1)).toEqual(['Total', '$105.50 – $135.50']);
    expect(rows(success).map(([term]) => term)).toEqual(['Services', 'Employee', 'date', 'Place', 'Total']);
    // Who was assigned and where, as the business has it.
    expect(success.textContent).toContain('Olivia Bennett');
    expect(success.textContent).toContain('118 Prince Street');

    // One primary action, and it comes after the details; every other action in one secondary style.
    const primary = success.querySelectorAll('.bw-btn--primary');
    expect(primary).toHaveLength(1);
    expect(primary[0]!.textContent).toBe('Add to calendar');
    const details = success.querySelector('.bw-booked')!;
    expect(details.compareDocumentPosition(primary[0]!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const more = success.querySelector('.bw-success__more')!;
    expect(primary[0]!.compareDocumentPosition(more) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const others = [...more.querySelectorAll('a, button')];
    expect(others.map((el) => el.textContent)).toEqual(['View or cancel this booking', 'Directions', 'Sign up more']);
    for (const el of others) expect(el.className).toBe('bw-btn bw-btn--secondary');
    const [record] = demo.store.bookings;
    const manageLink = new URL(within(success).getByRole('link', { name: 'View or cancel this booking' }).getAttribute('href')!);
    expect(manageLink.searchParams.get('record')).toBe(String(record!.recordId));
    expect(new URL(within(success).getByRole('link', { name: 'Directions' }).getAttribute('href')!).searchParams.get('destination')).toBe('40.7251,-73.9991');
    // No underlined links in running text any more.
    expect(success.querySelectorAll('a:not(.bw-btn):not(.bw-calendars__item)')).toHaveLength(0);
  });

  it('while the records load, draws the same rows and buttons, the other actions already there', async () => {
    let release!: () => void;
    const hold = new Promise<void>((r) => (release = r));
    await bookHaircutAndBlowDry(hold);
    const success = region();
    const busy = within(success).getByRole('group', { name: 'Loading…' });
    expect(busy.getAttribute('aria-busy')).toBe('true');
    const before = rows(busy).map(([term]) => term);
    expect(before).toEqual(['Services', 'Employee', 'date', 'Place', 'Total']);
    expect(busy.querySelector('.bw-calendar-add__toggle')).toBeTruthy();
    // Known from the start: nothing of them waits, nothing of them moves.
    expect(within(success).getByRole('link', { name: 'View or cancel this booking' })).toBeTruthy();
    expect(within(success).getByRole('link', { name: 'Directions' })).toBeTruthy();
    expect(within(success).getByRole('button', { name: 'Sign up more' })).toBeTruthy();
    release();
    await loaded();
    expect(rows(region()).map(([term]) => term)).toEqual(before);
  });
});

describe('success screen: add to calendar', () => {
  it('one button opens the list of calendars; Escape closes it and gives focus back; so does a press outside', async () => {
    await bookHaircutAndBlowDry();
    await loaded();
    const toggle = within(region()).getByRole('button', { name: 'Add to calendar' });
    const list = document.getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(list.hidden).toBe(true);

    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(list.hidden).toBe(false);
    const items = [...list.querySelectorAll<HTMLElement>('a, button')];
    expect(items.map((i) => i.textContent)).toEqual(['Google Calendar', 'Apple Calendar or another app (.ics)', 'Outlook.com']);
    // The arrow keys move through the list, round from the last to the first.
    toggle.focus();
    fireEvent.keyDown(toggle, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(items[0]);
    fireEvent.keyDown(items[0]!, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(items[2]);
    fireEvent.keyDown(items[2]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(items[0]);

    const escape = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    items[0]!.dispatchEvent(escape);
    await waitFor(() => expect(toggle.getAttribute('aria-expanded')).toBe('false'));
    expect(list.hidden).toBe(true);
    expect(document.activeElement).toBe(toggle);
    // Taken by the list, so a dialog around the widget stays open.
    expect(escape.defaultPrevented).toBe(true);

    fireEvent.click(toggle);
    expect(list.hidden).toBe(false);
    // (jsdom has no PointerEvent: a plain event of that type, as a browser's would bubble.)
    const press = (el: Element) => act(() => void el.dispatchEvent(new Event('pointerdown', { bubbles: true, composed: true })));
    press(list.querySelector('a')!);
    expect(list.hidden).toBe(false); // a press inside is the visitor choosing
    press(document.body);
    await waitFor(() => expect(list.hidden).toBe(true));
    // Escape with the list closed is not the list's.
    const later = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    toggle.dispatchEvent(later);
    expect(later.defaultPrevented).toBe(false);
  });

  it('Google and Outlook get the booked start and end (the location’s 11:00 as 16:00 UTC), title, place and details; the .ics holds them too', async () => {
    const { slot, demo } = await bookHaircutAndBlowDry();
    await loaded();
    // Olivia's first free time, by the location's clock (New York, winter: UTC−5).
    expect(slot.datetime).toBe('2026-11-24T11:00:00.000-05:00');
    const start = new Date(slot.datetime);
    expect(stamp(start)).toBe('20261124T160000Z');
    const end = new Date(start.getTime() + 105 * 60_000); // 60 + 45 minutes
    fireEvent.click(within(region()).getByRole('button', { name: 'Add to calendar' }));

    const google = new URL(screen.getByRole('link', { name: 'Google Calendar' }).getAttribute('href')!);
    expect(google.origin + google.pathname).toBe('https://calendar.google.com/calendar/render');
    expect(google.searchParams.get('dates')).toBe(`${stamp(start)}/${stamp(end)}`);
    expect(google.searchParams.get('text')).toBe("Women's haircut and Blow-dry & styling, Lumen Studio SoHo");
    expect(google.searchParams.get('location')).toBe('Lumen Studio SoHo, 118 Prince Street, New York, NY');

    const outlookLink = screen.getByRole('link', { name: 'Outlook.com' });
    expect(outlookLink.getAttribute('target')).toBe('_blank');
    const outlook = new URL(outlookLink.getAttribute('href')!);
    expect(outlook.origin + outlook.pathname).toBe('https://outlook.live.com/calendar/0/deeplink/compose');
    expect(outlook.searchParams.get('rru')).toBe('addevent');
    expect(outlook.searchParams.get('startdt')).toBe(start.toISOString().replace('.000', ''));
    expect(outlook.searchParams.get('enddt')).toBe(end.toISOString().replace('.000', ''));
    expect(outlook.searchParams.get('subject')).toBe(google.searchParams.get('text'));
    expect(outlook.searchParams.get('location')).toBe(google.searchParams.get('location'));
    expect(outlook.searchParams.get('body')).toContain('Employee: Olivia Bennett');
    expect(outlook.searchParams.get('body')).toContain(`record=${demo.store.bookings[0]!.recordId}`);

    // The .ics: through the browser's download, named after the record, the same instants.
    const saved: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => (saved.push(blob), 'blob:ics'));
    URL.revokeObjectURL = vi.fn();
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toBe(`booking-${demo.store.bookings[0]!.recordId}.ics`);
    });
    const toggle = within(region()).getByRole('button', { name: 'Add to calendar' });
    fireEvent.click(screen.getByRole('button', { name: 'Apple Calendar or another app (.ics)' }));
    await waitFor(() => expect(clicked).toHaveBeenCalledOnce());
    const ics = (await blobText(saved[0]!)).replace(/\r\n[ \t]/g, '');
    expect(ics).toContain(`DTSTART:${stamp(start)}`);
    expect(ics).toContain(`DTEND:${stamp(end)}`);
    // Saved: the list closes and focus is back on its button.
    await waitFor(() => expect(toggle.getAttribute('aria-expanded')).toBe('false'));
    expect(document.activeElement).toBe(toggle);
  });
});

describe('success screen: several appointments', () => {
  it('each appointment with its price, then one total; a Google and an Outlook link each, named; one .ics; a booking link each', async () => {
    const { demo, m } = renderWidget();
    const first = await choose(m, [S.womensHaircut], T.olivia);
    contact(m);
    await m.addAppointment();
    await choose(m, [S.gelManicure], T.hannah, Date.parse(first.datetime) + 2 * 3600_000, first.datetime.slice(0, 10));
    await m.submit();
    expect(m.flow.value?.current).toBe('success');
    await loaded();
    const success = region();

    const cards = [...success.querySelectorAll<HTMLElement>('.bw-booked__item')];
    expect(cards.map((c) => c.querySelector('h3')?.textContent)).toEqual(['Appointment 1', 'Appointment 2']);
    expect(cards.map((c) => c.querySelector('.bw-booked__services')!.textContent)).toEqual(["Women's haircut $65 – $95", 'Gel manicure $50']);
    // No total inside a card: one for the whole booking, after them.
    for (const card of cards) expect(rows(card).map(([term]) => term)).not.toContain('Total');
    expect(rows(success.querySelector('.bw-booked__sum')!)).toEqual([['Total', '$115 – $145']]);

    fireEvent.click(within(success).getByRole('button', { name: 'Add to calendar' }));
    const names = within(success).getAllByRole('listitem').flatMap((li) => [...li.querySelectorAll('.bw-calendars__item')].map((i) => i.textContent));
    expect(names).toEqual([
      'Google Calendar, Appointment 1',
      'Google Calendar, Appointment 2',
      'Apple Calendar or another app (.ics)',
      'Outlook.com, Appointment 1',
      'Outlook.com, Appointment 2',
    ]);
    const [one, two] = demo.store.bookings;
    const googleTwo = new URL(within(success).getByRole('link', { name: 'Google Calendar, Appointment 2' }).getAttribute('href')!);
    expect(googleTwo.searchParams.get('text')).toBe('Gel manicure, Lumen Studio SoHo');
    expect(googleTwo.searchParams.get('dates')!.split('/')[0]).toBe(stamp(new Date(two!.datetime)));
    const outlookOne = new URL(within(success).getByRole('link', { name: 'Outlook.com, Appointment 1' }).getAttribute('href')!);
    expect(outlookOne.searchParams.get('startdt')).toBe(new Date(one!.datetime).toISOString().replace('.000', ''));

    const manageLinks = within(success.querySelector('.bw-success__more')!).getAllByRole('link', { name: /^View or cancel this booking/ });
    expect(manageLinks.map((a) => a.textContent)).toEqual(['View or cancel this booking: Appointment 1', 'View or cancel this booking: Appointment 2']);
    expect(manageLinks.map((a) => new URL(a.getAttribute('href')!).searchParams.get('record'))).toEqual([String(one!.recordId), String(two!.recordId)]);
  });
});

describe('booking page', () => {
  it('shows each service with its price and their total, as the success screen does', async () => {
    const demo = createDemoApp({ now: () => NOW });
    const api = createApi({ baseUrl: 'http://demo.test/api/v1', fetch: (input, init) => Promise.resolve(demo.fetch(new Request(input as RequestInfo, init))) });
    const location = DEMO.locations.newYork;
    const services = [S.womensHaircut, S.blowDry];
    const [date] = (await api.getDates(location, { serviceIds: services, staffId: T.olivia, from: '2026-11-24', to: '2026-11-30' })).bookable;
    const [slot] = await api.getTimes(location, T.olivia, date!, { serviceIds: services });
    const [record] = await api.createBooking(location, {
      contact: { name: 'Ann Lee', phone: '+1 212 555 0100', email: '', comment: '' },
      appointments: [{ id: 1, serviceIds: services, staffId: T.olivia, datetime: slot!.datetime }],
    });
    manage = createManageModel({ api, formId: DEMO.forms.newYork, locationId: location, recordId: record!.recordId, hash: record!.recordHash, lang: 'en-US', now: () => NOW });
    render(<ManageBooking model={manage} />);
    await waitFor(() => expect(document.querySelector('.bw-booked__services')).toBeTruthy());
    expect(document.querySelector('.bw-booked__services')!.textContent).toMatch(/^Women's haircut \$65 – \$95Blow-dry & styling \$40\.50/);
    expect(rows(document.body).at(-1)).toEqual(['Total', '$105.50 – $135.50']);
  });
});
