// SMS code, validation, creating a booking, reading it back and cancelling it; the privacy policy.
import type { Context, Hono } from 'hono';
import { findService } from '../availability';
import { bareNotFound, bookingError, created, fieldErrors, forbidden, MESSAGES, notFound, ok } from '../envelope';
import type { DemoLocation } from '../model';
import { BLACKLISTED_PHONES, DEMO_SMS_CODE, LOCATIONS, TEAM } from '../seed';
import { formatCompactDatetime, formatSlotDatetime } from '../slots';
import { type DemoStore, onlyDigits, type StoredBooking } from '../store';
import { planAppointments, type PlanResult } from '../validate';
import { companyJson } from '../wire';
import { intParam, locationParam } from './params';

type Body = Record<string, unknown>;

async function readBody(c: Context): Promise<Body> {
  const body: unknown = await c.req.json().catch(() => null);
  return body && typeof body === 'object' ? (body as Body) : {};
}

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');
const optionalText = (v: unknown) => (v === undefined || v === null || v === '' ? undefined : text(v));
const optionalNumber = (v: unknown) => (v === undefined || v === null || v === '' ? undefined : Number(v));

/** Plausible: 7–15 digits once `+ - ( )` and spaces are stripped, and nothing else in it. */
export function plausiblePhone(phone: string): boolean {
  const stripped = phone.replace(/[+\-() ]/g, '');
  return /^\d{7,15}$/.test(stripped);
}

function planFailure(c: Context, result: Exclude<PlanResult, { ok: true }>): Response {
  return 'error' in result ? bookingError(c, result.error) : fieldErrors(c, result.fields);
}

function detailsJson(booking: StoredBooking, location: DemoLocation): Record<string, unknown> {
  const tz = location.timezoneName;
  const member = TEAM.find((m) => m.id === booking.staffId);
  const services = booking.serviceIds.map((id) => findService(location.id, id)).filter((s) => s !== undefined);
  return {
    id: booking.recordId,
    services: services.map((s) => ({
      id: s.id, title: s.title, cost: s.priceMin, price_min: s.priceMin, price_max: s.priceMax,
      discount: s.discount, amount: 1, seance_length: s.duration * 60,
    })),
    // Booking details give the timezone as a string, unlike the locations list.
    company: {
      ...companyJson(location), timezone: String(location.timezone), phones: [], currency_short_title: location.currency,
      allow_change_record_delay_step: location.deleteDelaySeconds, allow_delete_record_delay_step: location.deleteDelaySeconds,
    },
    staff: member && {
      // Ids sometimes come back as strings; this one does.
      id: String(member.id), name: member.name, specialization: member.specialization,
      position: member.position ?? [], show_rating: member.showRating ? 1 : 0, rating: member.rating,
      votes_count: member.votes, comments_count: member.comments,
    },
    clients_count: 1,
    date: formatSlotDatetime(booking.start, tz),
    // The quirk: an offset without a colon.
    datetime: formatCompactDatetime(booking.start, tz),
    create_date: formatCompactDatetime(Date.parse(booking.createdAt), tz),
    comment: booking.comment,
    deleted: booking.deletedAt !== undefined,
    attendance: 0,
    length: Math.round((booking.end - booking.start) / 1000),
    notify_by_sms: booking.notifyBySms ?? 0,
    notify_by_email: booking.notifyByEmail ?? 0,
    master_requested: booking.memberRequested,
    online: true,
    api_id: booking.apiId ?? '',
    last_change_date: formatCompactDatetime(Date.parse(booking.createdAt), tz),
    prepaid: false,
    prepaid_confirmed: false,
    activity_id: 0,
  };
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
    const fullname = text(body.fullname);
    const phone = text(body.phone);
    const email = text(body.email);
    const code = optionalText(body.code);
    if (!fullname) return bookingError(c, { code: 435, message: MESSAGES[435] });
    if (!plausiblePhone(phone)) return bookingError(c, { code: 431, message: MESSAGES[431] });
    if (BLACKLISTED_PHONES.some((p) => onlyDigits(p) === onlyDigits(phone))) {
      return bookingError(c, { code: 434, message: MESSAGES[434] });
    }
    if (location.phoneConfirmation && (!code || code !== store.smsCodeFor(phone))) {
      return bookingError(c, { code: 432, message: MESSAGES[432] });
    }
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return fieldErrors(c, { email: ['Invalid email.'] });

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
    return ok(c, detailsJson(booking, location));
  });

  api.get('/privacy_policy/:location_id', (c) => {
    const location = locationParam(c);
    if (!location) return notFound(c, 'Location not found');
    return ok(c, { agreement: { content: location.privacyPolicyHtml } }); // as the reference's example
  });

  // Without a user token the hash is the proof of ownership. A wrong hash, an unknown or an
  // already cancelled booking are all "not found"; the location's rules answer 403.
  api.delete('/user/records/:record_id/:record_hash', (c) => {
    const id = intParam(c.req.param('record_id')) ?? -1;
    const booking = store.bookings.find((b) => b.recordId === id);
    if (!booking || booking.deletedAt || booking.recordHash !== c.req.param('record_hash')) return bareNotFound(c);
    const location = LOCATIONS.find((l) => l.id === booking.locationId);
    const closesAt = booking.start - (location?.deleteDelaySeconds ?? 0) * 1000;
    if (!location?.allowDeleteRecord) return forbidden(c, 'Online cancellation is not available. Please contact the location.');
    if (store.nowMs() >= closesAt) return forbidden(c, 'It is too late to cancel this appointment online. Please contact the location.');
    store.cancelBooking(booking);
    return c.body(null, 204);
  });
}
