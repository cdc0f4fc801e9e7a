// The booking request went out but its answer never came whole (connection dropped, timeout, a
// 5xx or an answer that could not be read, on either hop: browser → proxy or proxy → Altegio).
// The booking may or may not exist. Sending it again blindly could book twice, so first ask:
//
// 1. The proxy, by the attempt's key (`GET booking_attempts/{key}`, sends nothing upstream). When
//    the proxy has the answer (only the browser's hop lost it), that answer settles it: the
//    records, or the refusal. 'pending' (the proxy is still waiting) is asked again shortly.
// 2. Otherwise Altegio, through book_check of the very same appointments (the public API cannot
//    look a booking up by the api_id we send). Our own booking would occupy that time:
//    - 433/436 (the time is taken now) → most likely ours went through: said so, with the
//      business's phone to make sure (someone else could, rarely, have taken it meanwhile);
//    - still free for the named team member → ours was not made; booking again is safe;
//    - "any team member" and still free: who could take that time was noted right before
//      sending; if one of them no longer can, ours most likely took them; if all still can,
//      ours was not made; without that note we cannot tell and say so;
//    - no answer again (offline, or a 5xx from a proxy or gateway) → we say so and check again
//      when the connection is back, every 15 s meanwhile, or when the visitor asks.
import type { Api } from '../api/client';
import { isApiError, isNetworkError } from '../api/errors';
import type { Appointment, CreatedRecord } from '../api/types';
import { ANY_MEMBER } from './machine';

export type LostOutcome = 'madeLikely' | 'notMade' | 'unsure' | 'unreachable';

export type LostCheck =
  | { kind: 'made'; records: CreatedRecord[] }
  /** The proxy has the upstream's refusal of this very attempt: nothing was made. */
  | { kind: 'refused'; error: unknown }
  | { kind: 'lost'; outcome: LostOutcome };

/** Per appointment id (with "any team member"): who could take its time right before sending. */
export type FreeBefore = Record<number, number[]>;

export interface LostAttempt {
  appointments: Appointment[];
  /** The attempt's Idempotency-Key (absent in marks saved by older versions). */
  key?: string;
  freeBefore?: FreeBefore;
}

const PENDING_WAIT_MS = 1500;
const PENDING_ASKS = 8;

export async function checkLostBooking(api: Api, locationId: number, attempt: LostAttempt, wait = sleep): Promise<LostCheck> {
  if (attempt.key) {
    for (let ask = 0; ask < PENDING_ASKS; ask++) {
      try {
        const records = await api.bookingAttempt(attempt.key);
        if (records.length > 0) return { kind: 'made', records };
        break;
      } catch (error) {
        if (isNetworkError(error)) return { kind: 'lost', outcome: 'unreachable' };
        // The proxy is still waiting for the upstream's answer: ask again in a moment.
        if (isApiError(error) && error.outcome === 'pending') {
          await wait(PENDING_WAIT_MS);
          continue;
        }
        // The upstream's own refusal of this attempt (a booking error code, or another 4xx of its).
        if (isApiError(error) && error.outcome === undefined && error.status >= 400 && error.status < 500 && error.status !== 404 && error.status !== 403 && error.status !== 405) {
          return { kind: 'refused', error };
        }
        break; // unknown, unseen, or no proxy that keeps attempts: ask Altegio
      }
    }
  }
  return { kind: 'lost', outcome: await checkWithAltegio(api, locationId, attempt) };
}

async function checkWithAltegio(api: Api, locationId: number, { appointments, freeBefore }: LostAttempt): Promise<LostOutcome> {
  try {
    await api.checkBooking(locationId, appointments);
  } catch (error) {
    if (isApiError(error, 433) || isApiError(error, 436)) return 'madeLikely';
    return noAnswer(error) ? 'unreachable' : 'unsure';
  }
  const anyMember = appointments.filter((a) => a.staffId === ANY_MEMBER);
  if (anyMember.length === 0) return 'notMade';
  try {
    for (const a of anyMember) {
      const before = freeBefore?.[a.id];
      if (!before) return 'unsure';
      const now = new Set(await api.freeMembersAt(locationId, a.serviceIds, a.datetime));
      if (before.some((id) => !now.has(id))) return 'madeLikely';
    }
    return 'notMade';
  } catch (error) {
    return noAnswer(error) ? 'unreachable' : 'unsure';
  }
}

/** The check itself got no answer (the network, or a 5xx/429 from a proxy or gateway): ask again later. */
function noAnswer(error: unknown): boolean {
  return isNetworkError(error) || (isApiError(error) && error.code === undefined && (error.status >= 500 || error.status === 429 || error.status === 408));
}

/** Who can take each "any team member" appointment's time now; undefined when it cannot be told. */
export async function freeMembersBefore(api: Api, locationId: number, appointments: Appointment[]): Promise<FreeBefore | undefined> {
  const anyMember = appointments.filter((a) => a.staffId === ANY_MEMBER);
  if (anyMember.length === 0) return undefined;
  try {
    const lists = await Promise.all(anyMember.map((a) => api.freeMembersAt(locationId, a.serviceIds, a.datetime)));
    return Object.fromEntries(anyMember.map((a, i) => [a.id, lists[i]!]));
  } catch {
    return undefined; // booking goes on; should its answer be lost, we will say we cannot tell
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
