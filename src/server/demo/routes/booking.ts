// SMS code, validation, creating a booking, reading it back and cancelling it; the privacy policy.
import type { Context, Hono } from 'hono';
import { bareNotFound, bookingError, created, fieldErrors, forbidden, MESSAGES, notFound, ok } from '../envelope';
import type { DemoLocation } from '../model';
import { recordJson } from '../records';
import { BLACKLISTED_PHONES, DEMO_SMS_CODE, LOCATIONS } from '../seed';
import { type DemoStore, onlyDigits } from '../store';
import { planAppointments, type PlanResult } from '../validate';
import { userToken } from './account';
import { intParam, locationParam } from './params';

export type Body = Record<string, unknown>;

export async function readBody(c: Context): Promise<Body> {
  const body: unknown = await c.req.json().catch(() => null);
  return body && typeof body === 'object' ? (body as Body) : {};
}

export const text = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');
export const optionalText = (v: unknown) => (v === undefined || v === null || v === '' ? undefined : text(v));
export const optionalNumber = (v: unknown) => (v === undefined || v === null || v === '' ? undefined : Number(v));

/** Plausible: 7–15 digits once `+ - ( )` and spaces are stripped, and nothing else in it. */
export function plausiblePhone(phone: string): boolean {
  const stripped = phone.replace(/[+\-() ]/g, '');
  return /^\d{7,15}$/.test(stripped);
}

/**
 * The booker's contact as book_record checks it, in the API's order: name, phone, blacklist, the
 * SMS code where the location asks for one, e-mail. A refusal is the answer to send.
 */
export function checkedContact(c: Context, store: DemoStore, location: DemoLocation, body: Body): Response | { fullname: string; phone: string; email: string; code: string | undefined } {
  const fullname = text(body.fullname);
  const phone = text(body.phone);
  const email = text(body.email);
  const code = optionalText(body.code);
  if (!fullname) return bookingError(c, { code: 435, message: MESSAGES[435] });
  if (!plausiblePhone(phone)) return bookingError(c, { code: 431, message: MESSAGES[431] });
  if (BLACKLISTED_PHONES.some((p) => onlyDigits(p) === onlyDigits(phone))) return bookingError(c, { code: 434, message: MESSAGES[434] });
  if (location.phoneConfirmation && (!code || code !== store.smsCodeFor(phone))) return bookingError(c, { code: 432, message: MESSAGES[432] });
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return fieldErrors(c, { email: ['Invalid email.'] });
  return { fullname, phone, email, code };
}

function planFailure(c: Context, result: Exclude<PlanResult, { ok: true }>): Response {
  return 'error' in result ? bookingError(c, result.error) : fieldErrors(c, result.fields);
}

export function bookingRoutes(api: Hono, store: DemoStore): void {
  api.post('/book_code/:location_id', async (c) => {
    const location = locationParam(c);
    if (!location) return notFound(c, 'Location not found');
    const phone = text((await readBody(c)).phone);
    if (!plausiblePhone(phone)) return bookingError(c, { code: 431, message: MESSAGES[431] });
    // Nothing is sent: the demo code is always the same, and /__demo/sms shows it.
    store.recordSms(phone, DEMO_SMS_CODE);
    return created(c);
  });

  api.post('/book_check/:location_id', async (c) => {
    const location = locationParam(c);
    if (!location) return notFound(c, 'Location not found');
    const plan = planAppointments(store, location, await readBody(c));
    return plan.ok ? created(c) : planFailure(c, plan);
  });

  api.post('/book_record/:location_id', async (c) => {
    const location = locationParam(c);
    if (!location) return notFound(c, 'Location not found');
    const body = await readBody(c);
    const contact = checkedContact(c, store, location, body);
    if (contact instanceof Response) return contact;
    const { fullname, phone, email, code } = contact;

    const plan = planAppointments(store, location, body);
    if (!plan.ok) return planFailure(c, plan);
    const records = plan.appointments.map((a) => {
      const booking = store.addBooking({
        locationId: location.id, staffId: a.member.id, serviceIds: a.serviceIds, datetime: a.datetime,
        start: a.start, end: a.end, memberRequested: a.memberRequested,
        fullname, phone, email, comment: text(body.comment),
        code, apiId: optionalText(body.api_id),
        notifyBySms: optionalNumber(body.notify_by_sms), notifyByEmail: optionalNumber(body.notify_by_email),
      });
      return { id: a.id, record_id: booking.recordId, record_hash: booking.recordHash };
    });
    return ok(c, records, 201);
  });

  api.get('/book_record/:location_id/:record_id/:record_hash', (c) => {
    const location = locationParam(c);
    if (!location) return notFound(c, 'Location not found');
    const booking = store.findBooking(location.id, intParam(c.req.param('record_id')) ?? -1);
    if (!booking || booking.recordHash !== c.req.param('record_hash')) return bareNotFound(c);
    return ok(c, recordJson(booking, location));
  });

  api.get('/privacy_policy/:location_id', (c) => {
    const location = locationParam(c);
    if (!location) return notFound(c, 'Location not found');
    return ok(c, { agreement: { content: location.privacyPolicyHtml } }); // as the reference's example
  });

  // Without a user token the hash is the proof of ownership; with one, the record being the user's
  // is (any hash will do). A wrong hash, an unknown or an already cancelled booking are all
  // "not found"; the location's rules answer 403.
  api.delete('/user/records/:record_id/:record_hash', (c) => {
    const id = intParam(c.req.param('record_id')) ?? -1;
    const booking = store.accounts.allRecords().find((b) => b.recordId === id);
    const user = store.accounts.userOf(userToken(c));
    const owned = booking !== undefined && user !== undefined && onlyDigits(booking.phone) === onlyDigits(user.phone);
    if (!booking || booking.deletedAt || (!owned && booking.recordHash !== c.req.param('record_hash'))) return bareNotFound(c);
    const location = LOCATIONS.find((l) => l.id === booking.locationId);
    const closesAt = booking.start - (location?.deleteDelaySeconds ?? 0) * 1000;
    if (!location?.allowDeleteRecord) return forbidden(c, 'Online cancellation is not available. Please contact the location.');
    if (store.nowMs() >= closesAt) return forbidden(c, 'It is too late to cancel this appointment online. Please contact the location.');
    store.cancelBooking(booking);
    return c.body(null, 204);
  });
}
