// The API's JSON envelopes and booking error codes, in one place.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export function ok(c: Context, data: unknown, status: ContentfulStatusCode = 200): Response {
  return c.json({ success: true, data, meta: [] }, status);
}

/** book_check answers 201 with no data, only a message. */
export function created(c: Context): Response {
  return c.json({ success: true, meta: { message: 'Created' } }, 201);
}

/**
 * A booking error. For 433 and 437 the failing appointment's client-side id rides on the error
 * itself: `errors: [{ code: 433, message: '…', id: 1 }]`.
 */
export interface BookingError {
  code: 431 | 432 | 433 | 434 | 435 | 436 | 437 | 438;
  message: string;
  id?: number;
}

export function bookingError(c: Context, error: BookingError): Response {
  const status = error.code === 434 ? 403 : 422;
  return c.json({ success: false, data: null, meta: { message: error.message, errors: [error] } }, status);
}

/** Validation errors other than booking codes: `meta.errors` keyed by field. */
export function fieldErrors(c: Context, errors: Record<string, string[]>): Response {
  const message = Object.values(errors)[0]?.[0] ?? 'Validation failed';
  return c.json({ success: false, data: null, meta: { message, errors } }, 422);
}

export function notFound(c: Context, message = 'Not Found'): Response {
  return c.json({ success: false, data: null, meta: { message } }, 404);
}

export function forbidden(c: Context, message: string): Response {
  return c.json({ success: false, data: null, meta: { message } }, 403);
}

/** Some 404s (a booking looked up with the wrong hash) carry no message at all. */
export function bareNotFound(c: Context): Response {
  return c.json({ success: false, data: null, meta: [] }, 404);
}

export const MESSAGES = {
  431: 'Invalid phone number format',
  432: 'Incorrect SMS confirmation code',
  433: 'The selected time is already taken',
  434: 'You cannot book online. Please contact the location',
  435: 'Client name is required',
  436: 'No team members available at the selected time',
  437: 'The selected time overlaps with another appointment in this booking',
  438: 'The selected service is not available for online booking',
} as const;
