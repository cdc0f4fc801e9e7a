// @vitest-environment jsdom
// "My bookings" in the widget: the header's entry, signing in with the SMS code, the visitor's
// upcoming and past bookings (the one made by phone too), moving and cancelling one by the
// location's rules, booking one again, and the contact step filled from the account. Rendered on a
// booking model backed by the demo backend, the account's calls going to it over fetch.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApi } from '../src/api/client';
import { App } from '../src/app/App';
import { SESSION_KEY } from '../src/account/session';
import { createBookingModel, type BookingModel } from '../src/flow/model';
import { createDemoApp, type DemoApp } from '../src/server/demo/app';
import { DEMO } from '../src/server/demo/seed';
import { setLocale } from '../src/i18n';

// Monday 23 November 2026, 09:00 in New York: the seeded visitor has three bookings ahead, two past.
const NOW = new Date('2026-11-23T14:00:00Z');
const BASE = 'http://demo.test/api/v1';
let model: BookingModel | undefined;
let demo: DemoApp;
let calls: { url: string; headers: Headers }[];

beforeEach(() => {
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
  demo = createDemoApp({ now: () => new Date() });
  calls = [];
  const fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input as RequestInfo, init);
    calls.push({ url: request.url, headers: request.headers });
    return Promise.resolve(demo.fetch(request));
  };
  vi.stubGlobal('fetch', fetch);
});

afterEach(() => {
  cleanup();
  model?.dispose();
  model = undefined;
  sessionStorage.clear();
  localStorage.clear();
  vi.unstubAllGlobals();
  vi.useRealTimers();
  setLocale('en-US', null);
});

async function openAccount(formId: number = DEMO.forms.newYork) {
  model = createBookingModel({ api: createApi({ baseUrl: BASE }), formId, remember: false });
  render(<App model={model} apiBase={BASE} />);
  fireEvent.click(await screen.findByRole('button', { name: 'My bookings' }));
  await waitFor(() => expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('My bookings'));
  return model;
}

async function signIn(code = '1234') {
  fireEvent.input(await screen.findByLabelText(/Telephone/, {}, { timeout: 5000 }), { target: { value: DEMO.visitor.phone } });
  fireEvent.click(screen.getByRole('button', { name: 'Send code' }));
  const field = await screen.findByLabelText(/The code/);
  expect(field.getAttribute('autocomplete')).toBe('one-time-code');
  expect(field.getAttribute('inputmode')).toBe('numeric');
  // Pasted with its words around it, as some SMS apps copy it: the digits are kept.
  fireEvent.input(field, { target: { value: `Code ${code}` } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

const upcoming = () => screen.getByRole('region', { name: 'Upcoming' });
const past = () => screen.getByRole('region', { name: 'Past' });
/** The bookings listed in a region (each one's services are a list of their own inside it). */
const cards = (region: HTMLElement) => [...region.querySelectorAll<HTMLElement>(':scope > ul > li')];
const cardOf = (region: HTMLElement, text: RegExp) => cards(region).find((li) => text.test(li.textContent ?? ''))!;

describe('signing in', () => {
  it('opens from the header, refuses a wrong code beside the field, then lists upcoming and past bookings, the one made by phone too', async () => {
    await openAccount();
    await signIn('9999');
    expect(await screen.findByText('Invalid code from SMS')).toBeTruthy();
    fireEvent.input(screen.getByLabelText(/The code/), { target: { value: '1234' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('region', { name: 'Upcoming' });
    await waitFor(() => expect(cards(upcoming())).toHaveLength(3));
    // In the location's time, soonest first; the manicure was booked by phone.
    const items = cards(upcoming()).map((li) => li.textContent);
    expect(items[0]).toMatch(/Women's haircut.*Olivia Bennett.*Wednesday, November 25, 2026 at 10:30/);
    expect(items[1]).toMatch(/Gel manicure.*Hannah Kim.*2:00/);
    expect(cards(past()).map((li) => li.textContent)).toEqual([
      expect.stringMatching(/Women's haircut.*November 11/),
      expect.stringMatching(/Brow shaping.*October 14/),
    ]);
    expect(screen.getByText(/Signed in as/).textContent).toBe('Signed in as +1 212 555 0123');
    // The token is this tab's only, sent in its own header, never in Authorization.
    const token = JSON.parse(sessionStorage.getItem(SESSION_KEY)!).token as string;
    expect(token).toBeTruthy();
    expect(JSON.stringify({ ...localStorage })).not.toContain(token);
    const records = calls.find((c) => c.url.includes('/user/records'))!;
    expect(records.url).toContain(`company_id=${DEMO.locations.newYork}`);
    expect(records.headers.get('X-User-Token')).toBe(token);
    expect(records.headers.get('Authorization')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('button', { name: 'Send code' })).toBeTruthy();
    expect(sessionStorage.getItem(SESSION_KEY)).toBeNull();
  });

  it('says when to try again after too many attempts (429 with Retry-After)', async () => {
    const inner = globalThis.fetch;
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) =>
      String(input instanceof Request ? input.url : input).endsWith('/user/auth')
        ? Promise.resolve(new Response(JSON.stringify({ success: false, data: null, meta: { message: 'Too many sign-in attempts, try again in 15 min' } }), { status: 429, headers: { 'Retry-After': '840', 'Content-Type': 'application/json' } }))
        : inner(input, init),
    );
    await openAccount();
    await signIn();
    expect(await screen.findByText('Too many attempts. Please try again in 14 min.', {}, { timeout: 3000 })).toBeTruthy();
  });

  it('signs in again when the token has expired (401), saying so', async () => {
    await openAccount();
    sessionStorage.setItem(SESSION_KEY, JSON.stringify({ token: 'expired-token', user: { id: 1, name: 'A', phone: '+1 212 555 0123', email: '' } }));
    cleanup();
    model!.dispose();
    await openAccount();
    expect(await screen.findByText('You have been signed out. Please sign in again.')).toBeTruthy();
    expect(sessionStorage.getItem(SESSION_KEY)).toBeNull();
  });
});

describe('a booking', () => {
  it('moves to another free time with the same team member: the old time is free again, the new one taken', async () => {
    await openAccount();
    await signIn();
    await screen.findByRole('region', { name: 'Upcoming' });
    await waitFor(() => expect(cards(upcoming())).toHaveLength(3));
    const haircut = cardOf(upcoming(), /Women's haircut/);
    fireEvent.click(within(haircut).getByRole('button', { name: 'Reschedule' }));
    expect(await screen.findByRole('heading', { name: 'Reschedule' })).toBeTruthy();
    const free = async (date: string) => {
      const res = await demo.fetch(new Request(`${BASE}/book_times/${DEMO.locations.newYork}/${DEMO.staff.olivia}/${date}?service_ids[]=${DEMO.services.womensHaircut}`));
      return ((await res.json()) as { data: { time: string }[] }).data.map((s) => s.time);
    };
    expect(await free('2026-11-25')).not.toContain('10:30');
    const target = (await free('2026-11-26'))[0]!;
    const [hh, mm] = target.split(':').map(Number);
    const label = `${hh! % 12 || 12}:${String(mm).padStart(2, '0')}`;
    // The calendar shows the days with free time for the same services and team member.
    await waitFor(() => expect(screen.getByRole('gridcell', { name: /November 26, 2026/ }).classList).toContain('bw-cal-day--free'));
    fireEvent.click(screen.getByRole('gridcell', { name: /November 26, 2026/ }));
    fireEvent.click((await screen.findAllByRole('button', { name: new RegExp(`\\b${label}\\b`) })).find((b) => b.classList.contains('bw-time'))!);
    fireEvent.click(screen.getByRole('button', { name: new RegExp(`^Move to Thursday, November 26, 2026 at ${label}`) }));
    expect((await screen.findByText(/Your booking has been moved to/)).textContent).toMatch(new RegExp(`^Your booking has been moved to Thursday, November 26, 2026 at ${label}`));
    await waitFor(() => expect(cardOf(upcoming(), /Women's haircut/).textContent).toMatch(new RegExp(`November 26, 2026 at ${label}`)));
    expect(await free('2026-11-25')).toContain('10:30');
    expect(await free('2026-11-26')).not.toContain(target);
  });

  it('is cancelled after a confirmation, and then listed as cancelled', async () => {
    await openAccount();
    await signIn();
    await screen.findByRole('region', { name: 'Upcoming' });
    await waitFor(() => expect(cards(upcoming())).toHaveLength(3));
    const manicure = cardOf(upcoming(), /Gel manicure/);
    fireEvent.click(within(manicure).getByRole('button', { name: 'Cancel appointment' }));
    const question = within(manicure).getByRole('group');
    expect(document.activeElement?.textContent).toMatch(/Are you sure/);
    fireEvent.click(within(question).getByRole('button', { name: 'Keep it' }));
    expect(within(manicure).queryByRole('group')).toBeNull();
    fireEvent.click(within(manicure).getByRole('button', { name: 'Cancel appointment' }));
    fireEvent.click(within(within(manicure).getByRole('group')).getByRole('button', { name: 'Cancel appointment' }));
    expect(await screen.findByText('Your appointment has been deleted.')).toBeTruthy();
    await waitFor(() => expect(cards(upcoming())).toHaveLength(2));
    expect(cardOf(past(), /Gel manicure/).textContent).toMatch(/Cancelled/);
  });

  it('a group event seat is neither moved nor booked again here, with why', async () => {
    await openAccount();
    await signIn();
    await screen.findByRole('region', { name: 'Upcoming' });
    await waitFor(() => expect(cards(upcoming())).toHaveLength(3));
    const yoga = cardOf(upcoming(), /Evening flow yoga/);
    expect(within(yoga).queryByRole('button', { name: 'Reschedule' })).toBeNull();
    expect(within(yoga).queryByRole('button', { name: 'Book again' })).toBeNull();
    expect(yoga.textContent).toMatch(/cannot be moved online/);
  });

  it('is booked again: the flow starts with its services and team member, and the contact step is filled from the account', async () => {
    const m = await openAccount();
    await signIn();
    await screen.findByRole('region', { name: 'Past' });
    await waitFor(() => expect(cards(past())).toHaveLength(2));
    fireEvent.click(within(cardOf(past(), /Brow shaping/)).getByRole('button', { name: 'Book again' }));
    // The services ticked (more may be added), the team member chosen: on to the calendar.
    await waitFor(() => expect((screen.getByRole('checkbox', { name: /Brow shaping/ }) as HTMLInputElement).checked).toBe(true));
    expect(m.choices.value?.serviceIds).toEqual([DEMO.services.browShaping]);
    expect(m.choices.value?.staffId).toBe(DEMO.staff.grace);
    expect(screen.getByRole('button', { name: 'My bookings' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(m.flow.value?.current).toBe('staff'));
    // The team member step's view is in the later steps' chunk: it may still be loading.
    fireEvent.click(await screen.findByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(m.flow.value?.current).toBe('date'));
    await waitFor(() => expect(m.dates.state.value.status).toBe('ready'));
    const day = (await screen.findAllByRole('gridcell')).find((c) => c.getAttribute('aria-disabled') !== 'true' && c.textContent);
    fireEvent.click(day!);
    const slot = (await screen.findAllByRole('button', { name: /, / })).find((b) => b.classList.contains('bw-time'))!;
    fireEvent.click(slot);
    await waitFor(() => expect(m.flow.value?.current).toBe('contact'));
    await waitFor(() => expect((screen.getByLabelText(/^Name/) as HTMLInputElement).value).toBe(DEMO.visitor.name));
    expect((screen.getByLabelText(/Telephone/) as HTMLInputElement).value).toBe(DEMO.visitor.phone);
    expect((screen.getByLabelText(/Email/) as HTMLInputElement).value).toBe(DEMO.visitor.email);
  });
});
