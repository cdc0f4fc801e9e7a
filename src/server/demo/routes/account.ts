// The visitor's account: sign-in with the SMS code (the code is sent by POST book_code), the user's
// data and records, and moving a booking (PUT book_record/{location_id}/{record_id}). Cancelling
// with a user token is DELETE user/records/… in booking.ts.
import type { Context, Hono } from 'hono';
import { findMember, memberFreeAt, membersOffering } from '../availability';
import { bareNotFound, bookingError, fieldErrors, forbidden, MESSAGES, notFound, ok } from '../envelope';
import type { DemoLocation } from '../model';
import { recordJson } from '../records';
import { LOCATIONS } from '../seed';
import { localDate, parseClientDatetime } from '../slots';
import { onlyDigits, type DemoStore, type StoredBooking } from '../store';
import { plausiblePhone } from './booking';
import { intParam, locationParam } from './params';

export const CHANGE_DISABLED_MESSAGE = 'Unable to reschedule online. Please contact the location.';
export const CHANGE_TOO_LATE_MESSAGE = 'It is too late to reschedule this appointment online. Please contact the location.';
export const CHANGE_EVENT_MESSAGE = 'A group event booking cannot be moved online. Please contact the location.';

/**
 * The user token: `Authorization: Bearer <partner>, User <user>` as the API takes it, or the
 * `X-User-Token` header the widget sends (the proxy turns it into the former; the dev server has no
 * proxy in front of this backend).
 */
export function userToken(c: Context): string | undefined {
  const fromAuthorization = /(?:^|,)\s*User\s+([^\s,]+)/i.exec(c.req.header('Authorization') ?? '')?.[1];
  return fromAuthorization ?? (c.req.header('X-User-Token')?.trim() || undefined);
}

/** The API's answer without a (valid) user token: `errors` at the top level, as the reference shows. */
export function authenticationNeeded(c: Context): Response {
  return c.json({ errors: { code: 401, message: 'Authentication needed' }, meta: { message: 'Authentication needed.' } }, 401);
}

type Body = Record<string, unknown>;
const text = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

async function readBody(c: Context): Promise<Body> {
  const body: unknown = await c.req.json().catch(() => null);
  return body && typeof body === 'object' ? (body as Body) : {};
}

function locationOf(booking: StoredBooking): DemoLocation | undefined {
  return LOCATIONS.find((l) => l.id === booking.locationId);
}

export function accountRoutes(api: Hono, store: DemoStore): void {
  const accounts = store.accounts;

  api.post('/user/auth', async (c) => {
    const body = await readBody(c);
    const phone = text(body.phone);
    const code = text(body.code);
    if (!plausiblePhone(phone)) return bookingError(c, { code: 431, message: MESSAGES[431] });
    if (!code || code !== store.smsCodeFor(phone)) return bookingError(c, { code: 432, message: MESSAGES[432] });
    const { token, user } = accounts.signIn(phone);
    return ok(c, { id: user.id, user_token: token, name: user.name, phone: user.phone, login: user.phone, email: user.email, avatar: '' });
  });

  // As the reference's example: the bare object, no envelope, the token also under "0".
  api.get('/booking/user/data', (c) => {
    const token = userToken(c);
    const user = accounts.userOf(token);
    if (!user) return authenticationNeeded(c);
    return c.json({ 0: token, id: user.id, user_token: token, name: user.name, phone: user.phone, login: user.phone, email: user.email, avatar: '' });
  });

  // `company_id` or `group_id` narrows to a form's locations; without either, every location's.
  api.get('/user/records', (c) => {
    const user = accounts.userOf(userToken(c));
    if (!user) return authenticationNeeded(c);
    const companyId = intParam(c.req.query('company_id'));
    const groupId = intParam(c.req.query('group_id'));
    const locations = LOCATIONS.filter((l) => (companyId === undefined || l.id === companyId) && (groupId === undefined || l.groupId === groupId));
    const records = accounts.recordsOf(user, locations.map((l) => l.id));
    return ok(c, records.map((b) => recordJson(b, locationOf(b)!)));
  });

  // Signed in, the id is enough (the hash is not checked); the answer is a list of one, as the reference shows.
  api.get('/user/records/:record_id/:record_hash', (c) => {
    const user = accounts.userOf(userToken(c));
    if (!user) return authenticationNeeded(c);
    const id = intParam(c.req.param('record_id'));
    const booking = accounts.recordsOf(user).find((b) => b.recordId === id);
    if (!booking) return bareNotFound(c);
    return ok(c, [recordJson(booking, locationOf(booking)!)]);
  });

  // Moves the user's booking to another time: the same services, the same team member (or, when it
  // was booked with "any member", whoever is free then), within the location's rules.
  api.put('/book_record/:location_id/:record_id', async (c) => {
    const location = locationParam(c);
    if (!location) return notFound(c, 'Location not found');
    const user = accounts.userOf(userToken(c));
    if (!user) return authenticationNeeded(c);
    const booking = store.findBooking(location.id, intParam(c.req.param('record_id')) ?? -1);
    if (!booking || booking.deletedAt || onlyDigits(booking.phone) !== onlyDigits(user.phone)) return bareNotFound(c);
    if (booking.activityId !== undefined) return forbidden(c, CHANGE_EVENT_MESSAGE);
    if (!location.allowChangeRecord) return forbidden(c, CHANGE_DISABLED_MESSAGE);
    if (store.nowMs() >= booking.start - location.changeDelaySeconds * 1000) return forbidden(c, CHANGE_TOO_LATE_MESSAGE);

    const body = await readBody(c);
    const start = parseClientDatetime(body.datetime, location.timezoneName);
    if (start === null) return fieldErrors(c, { datetime: ['The datetime field is required.'] });
    const date = localDate(start, location.timezoneName);
    // The booking's own time does not stand in its way while it moves (synchronous: nothing else runs meanwhile).
    const deletedAt = booking.deletedAt;
    booking.deletedAt = 'moving';
    let member;
    try {
      const isFree = (m: NonNullable<ReturnType<typeof findMember>>) => memberFreeAt(store, location, m, date, start, booking.serviceIds);
      if (booking.memberRequested) {
        const own = findMember(location.id, booking.staffId);
        member = own && isFree(own) ? own : undefined;
      } else {
        member = membersOffering(location.id, booking.serviceIds).sort((a, b) => b.weight - a.weight).find(isFree);
      }
    } finally {
      if (deletedAt === undefined) delete booking.deletedAt;
      else booking.deletedAt = deletedAt;
    }
    if (!member) return bookingError(c, booking.memberRequested ? { code: 433, message: MESSAGES[433] } : { code: 436, message: MESSAGES[436] });

    const length = booking.end - booking.start;
    booking.staffId = member.id;
    booking.start = start;
    booking.end = start + length;
    booking.datetime = String(body.datetime);
    if (typeof body.comment === 'string') booking.comment = body.comment.trim();
    booking.changedAt = store.now().toISOString();
    return ok(c, recordJson(booking, location));
  });
}
