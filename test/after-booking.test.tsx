// @vitest-environment jsdom
// The contact step's extras (required comment, reminders, privacy consent) and the booking page
// (seeing and cancelling one booking), rendered on models backed by the demo backend.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../src/api/client';
import type { BookingDetails, BookingForm, Location } from '../src/api/types';
import { reminderOffer, remindersToSend } from '../src/flow/reminders';
import { App } from '../src/app/App';
import { cancelRule, createManageModel, type ManageModel } from '../src/flow/manage';
import { createBookingModel, type BookingModel } from '../src/flow/model';
import { createDemoApp, type DemoApp } from '../src/server/demo/app';
import { DEMO } from '../src/server/demo/seed';
import { addEnglish, setLocale } from '../src/i18n';
import { enLater } from '../src/i18n/en-later';
import { ManageBooking } from '../src/steps/ManageBooking';
import { reminderHours } from '../src/steps/ContactExtras';

const NOW = new Date('2026-11-23T14:00:00Z');
// As the booking page's chunk does (src/app/manage.tsx).
addEnglish(enLater);
let model: BookingModel | undefined;
let manage: ManageModel | undefined;

afterEach(() => {
  cleanup();
  model?.dispose();
  manage?.dispose();
  model = manage = undefined;
  setLocale('en-US', null);
});

function apiOn(demo: DemoApp) {
  return createApi({
    baseUrl: 'http://demo.test/api/v1',
    fetch: (input, init) => Promise.resolve(demo.fetch(new Request(input as RequestInfo, init))),
  });
}

const heading = () => screen.getByRole('heading', { level: 2 });

async function reachContact(formId: number) {
  const demo = createDemoApp({ now: () => NOW });
  model = createBookingModel({ api: apiOn(demo), formId, now: () => NOW, remember: false });
  render(<App model={model} />);
  fireEvent.click(await screen.findByRole('checkbox', { name: /Men's haircut/ }));
  fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
  fireEvent.click(await screen.findByRole('button', { name: /Marcus Reed/ }));
  await waitFor(() => expect(model!.dates.state.value.status).toBe('ready'));
  const day = (await screen.findAllByRole('gridcell')).find((c) => c.getAttribute('aria-disabled') !== 'true' && c.textContent);
  fireEvent.click(day!);
  const slot = (await screen.findAllByRole('button', { name: /, / })).find((b) => b.classList.contains('bw-time'))!;
  fireEvent.click(slot);
  await waitFor(() => expect(heading().textContent).toBe('Entering contact details'));
  fireEvent.input(screen.getByLabelText(/^Name/), { target: { value: 'Ann Lee' } });
  fireEvent.input(screen.getByLabelText(/Telephone/), { target: { value: '+1 212 555 0100' } });
  return { demo, m: model };
}

describe('contact step: what the form asks for', () => {
  it('a required comment under the form’s own label, and the privacy policy accepted, before continuing', async () => {
    const { m } = await reachContact(DEMO.forms.newYorkConsent);
    expect(screen.getByText('A card is not needed: you pay at the studio.')).toBeTruthy();
    const comment = screen.getByLabelText(/^Hair length and anything we should know/);
    const consent = screen.getByRole('checkbox', { name: 'I accept the privacy policy' });
    expect(consent.getAttribute('aria-invalid')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(m.flow.value?.current).toBe('contact');
    expect(comment.getAttribute('aria-invalid')).toBe('true');
    expect(consent.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('bw-consent-error')?.textContent).toMatch(/agree to the processing of personal data/);

    fireEvent.input(comment, { target: { value: 'Short' } });
    fireEvent.click(consent);
    expect(consent.getAttribute('aria-invalid')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(heading().textContent).toBe('Confirmation'));
  });

  it('the policy is asked for only when the form shows it, and shown only cleaned', async () => {
    const first = await reachContact(DEMO.forms.newYork);
    expect(screen.queryByRole('checkbox', { name: 'I accept the privacy policy' })).toBeNull();
    expect(first.m.privacyPolicy.state.value.status).toBe('idle');
    cleanup();
    model?.dispose();
    await reachContact(DEMO.forms.newYorkConsent);
    const fieldset = screen.getByRole('group', { name: 'Privacy Policy' });
    const about = await within(fieldset).findByText('Read the privacy policy');
    fireEvent(about.closest('details')!, new Event('toggle'));
    await waitFor(() => expect(fieldset.textContent).toContain('only to manage your appointments'));
    expect(fieldset.querySelector('a[href="mailto:privacy@lumen-studio.example"]')).toBeTruthy();
  });

  it('reminders: SMS with the location’s default; e-mail once an address is typed; "Do not send" is 0', async () => {
    const { m } = await reachContact(DEMO.forms.newYork);
    const sms = screen.getByRole('combobox', { name: 'By SMS' }) as HTMLSelectElement;
    expect(sms.value).toBe('24');
    expect(screen.queryByRole('combobox', { name: 'By e-mail' })).toBeNull();
    fireEvent.input(screen.getByLabelText(/^Email/), { target: { value: 'ann@example.com' } });
    const email = screen.getByRole('combobox', { name: 'By e-mail' }) as HTMLSelectElement;
    expect([...email.options].map((o) => o.textContent)).toContain('Do not send');
    fireEvent.change(sms, { target: { value: '0' } });
    fireEvent.change(email, { target: { value: '3' } });
    expect(m.reminderChoice.value).toEqual({ sms: 0, email: 3 });
    expect(sms.value).toBe('0');
    expect(email.value).toBe('3');
  });

  it('sends per offered channel the choice or the default, nothing for a channel not offered', () => {
    const loc = { reminderHours: 2, smsRemindersOff: false } as Location;
    expect(remindersToSend(reminderOffer(undefined, loc, ''), {})).toEqual({ sms: 2 });
    expect(remindersToSend(reminderOffer(undefined, loc, 'a@b.co'), { email: 0 })).toEqual({ sms: 2, email: 0 });
    expect(reminderOffer({ smsEnabled: false } as BookingForm, loc, '').sms).toBe(false);
    expect(reminderOffer(undefined, { ...loc, smsRemindersOff: true }, '').sms).toBe(false);
    expect(reminderOffer(undefined, { smsRemindersOff: false } as Location, '').hours).toBe(24);
  });

  it('offers the usual hours plus the location’s own default, in order', () => {
    expect(reminderHours(24)).toEqual([1, 2, 3, 6, 12, 24, 48]);
    expect(reminderHours(5)).toEqual([1, 2, 3, 5, 6, 12, 24, 48]);
  });
});

describe('booking page', () => {
  async function bookAndOpen(location: number, service: number, now = NOW) {
    const demo = createDemoApp({ now: () => NOW });
    const api = apiOn(demo);
    const [date] = (await api.getDates(location, { serviceIds: [service], staffId: 0, from: '2026-11-24', to: '2026-11-30' })).bookable;
    const [slot] = await api.getTimes(location, 0, date!, { serviceIds: [service] });
    const phone = location === DEMO.locations.riga ? '+371 2000 0000' : '+1 212 555 0100';
    if (location === DEMO.locations.riga) await api.sendCode(location, { phone, fullname: 'Ann' });
    const [record] = await api.createBooking(location, {
      contact: { name: 'Ann Lee', phone, email: '', comment: '' },
      appointments: [{ id: 1, serviceIds: [service], staffId: 0, datetime: slot!.datetime }],
      code: location === DEMO.locations.riga ? DEMO.smsCode : undefined,
    });
    manage = createManageModel({ api, formId: 1, locationId: location, recordId: record!.recordId, hash: record!.recordHash, lang: 'en-US', now: () => now });
    render(<ManageBooking model={manage} />);
    await waitFor(() => expect(document.querySelector('.bw-summary')).toBeTruthy());
    return { demo, record: record! };
  }

  it('cancels only after a confirmation, then says so', async () => {
    const { demo } = await bookAndOpen(DEMO.locations.newYork, DEMO.services.mensHaircut);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel appointment' }));
    const question = screen.getByRole('group', { name: /Are you sure/ });
    expect(demo.store.bookings[0]?.deletedAt).toBeUndefined();
    fireEvent.click(within(question).getByRole('button', { name: 'Cancel appointment' }));
    await screen.findByText('Your appointment has been deleted.');
    expect(demo.store.bookings[0]?.deletedAt).toEqual(expect.any(String));
  });

  it('where cancelling online is not allowed, says why with the business’s phone and no button', async () => {
    await bookAndOpen(DEMO.locations.riga, DEMO.services.rigaMensHaircut);
    expect(screen.getByRole('alert').textContent).toContain('It is not possible to cancel an appointment online');
    expect(screen.getByRole('link', { name: '+371 6720 1234' }).getAttribute('href')).toBe('tel:+37167201234');
    expect(screen.queryByRole('button', { name: 'Cancel appointment' })).toBeNull();
  });
});

describe('booking page: the booking form', () => {
  it('is asked for once, for both the page’s colours and, when the link names none, its language', async () => {
    const demo = createDemoApp({ now: () => NOW });
    const api = apiOn(demo);
    let asked = 0;
    const counted = { ...api, getBookingForm: (id: number) => (asked++, api.getBookingForm(id)) };
    manage = createManageModel({ api: counted, formId: DEMO.forms.newYork, locationId: DEMO.locations.newYork, recordId: 1, hash: 'x', now: () => NOW });
    const form = await manage.form;
    expect(form.style).toBeDefined();
    await waitFor(() => expect(manage!.lang.value).toBe(form.lang));
    expect(asked).toBe(1);
  });
});

describe('cancelRule', () => {
  const details = (over: Partial<BookingDetails['location']> = {}, deleted = false): BookingDetails => ({
    id: 1, services: [], staff: { id: 1, name: 'A' }, datetime: '2026-11-24T10:00:00-05:00', length: 1800, comment: '', deleted,
    notifyBySms: 0, notifyByEmail: 0,
    location: { id: 1, title: 'L', address: 'A', city: 'C', phone: '', currency: 'USD', allowDelete: true, deleteDelaySeconds: 7200, ...over },
  });
  const at = (iso: string) => new Date(iso);
  it('allows until the delay before the visit, then closes; never for a forbidden, past or cancelled one', () => {
    expect(cancelRule(details(), at('2026-11-24T12:59:00Z'))).toEqual({ kind: 'allowed' });
    expect(cancelRule(details(), at('2026-11-24T13:00:00Z'))).toEqual({ kind: 'tooLate', delaySeconds: 7200 });
    expect(cancelRule(details({ allowDelete: false }), at('2026-11-20T00:00:00Z'))).toEqual({ kind: 'forbidden' });
    expect(cancelRule(details(), at('2026-11-24T15:00:00Z'))).toEqual({ kind: 'past' });
    expect(cancelRule(details({}, true), at('2026-11-20T00:00:00Z'))).toEqual({ kind: 'deleted' });
  });
});
