// Errors the proxy answers itself use the API's own error envelope, so the widget's API client
// reads them exactly like the upstream's.

export interface ErrorEnvelope {
  readonly success: false;
  readonly data: null;
  readonly meta: { readonly message: string };
}

export function errorEnvelope(message: string): ErrorEnvelope {
  return { success: false, data: null, meta: { message } };
}

export const MESSAGES = {
  notPublic: 'This endpoint is not available through the booking proxy',
  notFound: 'Not found',
  wrongMethod: 'Method not allowed for this endpoint',
  originRefused: 'This origin is not allowed to use the booking proxy',
  tooLarge: 'Request body is too large',
  notJson: 'Request body must be JSON (Content-Type: application/json)',
  tooMany: (seconds: number) => `Too many requests, try again in ${seconds} s`,
  unreachable: 'The booking service cannot be reached, please try again later',
  timeout: 'The booking service did not answer in time, please try again later',
  upstreamFailed: 'The booking service had a problem, please try again later',
  internal: 'Internal error in the booking proxy',
  upstreamBusy: 'The booking service is busy, please try again in a moment',
  uploadCut: 'The request body did not arrive whole',
  outcomeUnknown: 'The booking may or may not have been made: its answer was lost. Check before booking again',
  attemptUnseen: 'This booking attempt never reached the booking proxy',
  badStart: 'booking_start takes a form id (digits), and optionally lang (a language tag) and location (digits)',
  badAttemptKey: 'Idempotency-Key must be 16 to 80 letters, digits, - or _',
  badUserToken: 'X-User-Token is not a user token',
  signInFirst: 'Authentication needed.',
  signInThrottled: (minutes: number) => `Too many sign-in attempts, try again in ${minutes} min`,
} as const;
