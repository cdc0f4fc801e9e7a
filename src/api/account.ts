// The visitor's account: sign-in with an SMS code, their bookings (online and made by phone) at the
// form's locations, cancelling and moving one. The user token travels in `X-User-Token`, never in
// Authorization: the proxy composes `Bearer <partner>, User <user>` upstream for these calls only.
//   const account = createAccountApi({ baseUrl: '/api/v1', lang }, () => session?.token);
//   await account.sendCode(locationId, phone);
//   session = await account.signIn(phone, code);
//   const records = await account.records({ groupId });
// A 401 (isSignInNeeded) means the token is gone or expired: sign in again.
import { normaliseOffset } from '../dates';
import type { ApiOptions } from './client';
import { isApiError } from './errors';
import { createRequest, seg, WRITE_TIMEOUT_MS, type RequestInit } from './request';
import type { AccountUser, UserRecord, UserSession } from './types-events';
import { bool, isObject, list, num, obj, optStr, pick, str, type WireObject } from './wire';

export const USER_TOKEN_HEADER = 'X-User-Token';

export interface AccountApi {
  /** Sends the sign-in code by SMS (POST book_code). */
  sendCode(locationId: number, phone: string): Promise<void>;
  signIn(phone: string, code: string): Promise<UserSession>;
  user(): Promise<AccountUser>;
  /** The visitor's bookings at one location (`locationId`) or a chain's (`groupId`); newest first. */
  records(where: { locationId?: number; groupId?: number }): Promise<UserRecord[]>;
  /** Signed in, the record's id is enough; the hash (when known) is sent too, as the path asks for one. */
  cancel(recordId: number, recordHash?: string): Promise<void>;
  /** Moves a booking to `datetime` (exactly as a free time gave it); answers the booking as it is now. */
  reschedule(locationId: number, recordId: number, change: { datetime: string; comment?: string }): Promise<UserRecord>;
}

/** The token is gone, expired or was never given: the visitor must sign in (again). */
export function isSignInNeeded(error: unknown): boolean {
  return isApiError(error) && error.status === 401;
}

export function createAccountApi(options: ApiOptions, userToken: () => string | undefined): AccountApi {
  const request = createRequest(options);
  /** A user call: the token in its own header, and never kept by the browser's cache. */
  const asUser = (init: RequestInit = {}): RequestInit => {
    const token = userToken();
    return { ...init, fresh: true, headers: { ...init.headers, ...(token ? { [USER_TOKEN_HEADER]: token } : {}) } };
  };
  return {
    async sendCode(locationId, phone) {
      await request('post', `book_code/${seg(locationId)}`, { json: { phone, fullname: '' } });
    },
    async signIn(phone, code) {
      const data = obj(await request('post', 'user/auth', { json: { phone, code }, timeoutMs: WRITE_TIMEOUT_MS }));
      const token = str(data.user_token);
      if (!token) throw new TypeError('The sign-in answer carried no user token');
      return { token, user: toUser(data, phone) };
    },
    async user() {
      return toUser(obj(await request('get', 'booking/user/data', asUser())), '');
    },
    async records(where) {
      const query = where.groupId ? { group_id: where.groupId } : { company_id: where.locationId };
      const data = await request('get', 'user/records', asUser({ query }));
      return normaliseUserRecords(data);
    },
    async cancel(recordId, recordHash) {
      // Never retried (only GETs are): a second DELETE after a lost answer would only 404.
      await request('delete', `user/records/${seg(recordId)}/${seg(recordHash || '0')}`, asUser());
    },
    async reschedule(locationId, recordId, change) {
      const json = { datetime: change.datetime, ...(change.comment !== undefined ? { comment: change.comment } : {}) };
      const data = await request('put', `book_record/${seg(locationId)}/${seg(recordId)}`, asUser({ json, timeoutMs: WRITE_TIMEOUT_MS }));
      return toRecord(obj(Array.isArray(data) ? data[0] : data));
    },
  };
}

function toUser(raw: WireObject, phone: string): AccountUser {
  return { id: num(raw.id), name: str(raw.name), phone: str(raw.phone) || phone, email: str(raw.email) };
}

/** A list, newest first; also a single record or a list of one (the reference shows both). */
export function normaliseUserRecords(raw: unknown): UserRecord[] {
  const items = Array.isArray(raw) ? raw : isObject(raw) && 'id' in raw ? [raw] : [];
  return items
    .filter(isObject)
    .map(toRecord)
    .sort((a, b) => Date.parse(b.datetime) - Date.parse(a.datetime));
}

function toRecord(raw: WireObject): UserRecord {
  const location = obj(pick(raw, 'company', 'location'));
  const staff = obj(raw.staff);
  const seats = Math.max(1, num(raw.clients_count, 1));
  const hash = optStr(pick(raw, 'hash', 'record_hash'));
  return {
    id: num(raw.id),
    ...(hash ? { hash } : {}),
    // `date` carries the offset with a colon; `datetime` is sometimes written without one.
    datetime: normaliseOffset(str(pick(raw, 'date', 'datetime'))),
    length: num(pick(raw, 'length', 'seance_length')),
    deleted: bool(raw.deleted),
    online: bool(raw.online, true),
    memberRequested: bool(raw.master_requested, true),
    activityId: num(raw.activity_id),
    seats,
    comment: str(raw.comment),
    services: list(raw.services)
      .filter(isObject)
      .map((s) => ({ id: num(s.id), title: str(s.title), cost: num(s.cost), priceMin: num(s.price_min), priceMax: num(s.price_max), amount: num(s.amount, 1) })),
    staff: { id: num(staff.id), name: str(staff.name) },
    location: {
      id: num(location.id),
      title: str(location.title),
      address: str(location.address),
      phone: str(location.phone) || str(list(location.phones)[0]),
      currency: str(location.currency_short_title),
      // Absent means the business did not say no: the request itself has the last word.
      allowDelete: bool(location.allow_delete_record, true),
      deleteDelaySeconds: Math.max(0, num(location.allow_delete_record_delay_step)),
      allowChange: bool(location.allow_change_record, true),
      changeDelaySeconds: Math.max(0, num(location.allow_change_record_delay_step)),
    },
  };
}
