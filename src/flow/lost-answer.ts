// The booking request went out but its answer never came (connection dropped, timeout): the
// booking may or may not exist. Sending it again blindly could book twice, so first ask.
//
// The public booking API cannot look a booking up by the `api_id` we send with it, so we ask
// book_check about the very same appointment instead. Our own booking would occupy that time:
// - 433/436 (the time is taken now)  → most likely ours went through; the visitor is told so and
//   given the business's phone to make sure (someone else could, rarely, have taken it meanwhile);
// - the time is still free for the named team member → ours was not made; booking again is safe;
// - "any team member" and still free → another member may be free too, so we cannot tell: the
//   visitor is told to check with the business before booking again;
// - no answer again → we say so and check again when the connection is back.
import type { Api } from '../api/client';
import { isApiError, isNetworkError } from '../api/errors';
import type { Appointment } from '../api/types';
import { ANY_MEMBER } from './machine';

export type LostOutcome = 'madeLikely' | 'notMade' | 'unsure' | 'unreachable';

export async function checkLostBooking(api: Api, locationId: number, appointments: Appointment[]): Promise<LostOutcome> {
  try {
    await api.checkBooking(locationId, appointments);
    return appointments.some((a) => a.staffId === ANY_MEMBER) ? 'unsure' : 'notMade';
  } catch (error) {
    if (isApiError(error, 433) || isApiError(error, 436)) return 'madeLikely';
    return isNetworkError(error) ? 'unreachable' : 'unsure';
  }
}
