// Errors the booking API client throws. The UI switches on these (see API-NOTES.md for the codes):
// an ApiError means the service answered and said no; a NetworkError means no answer came at all.

/** Altegio booking error codes (HTTP 422, or 403 for 434). */
export const BookingErrorCode = {
  InvalidPhone: 431,
  WrongSmsCode: 432,
  SlotTaken: 433,
  ClientBlacklisted: 434,
  NameMissing: 435,
  NoTeamMemberFree: 436,
  AppointmentsOverlap: 437,
  ServiceUnavailable: 438,
} as const;

export type BookingErrorCode = (typeof BookingErrorCode)[keyof typeof BookingErrorCode];

export interface ApiErrorDetails {
  status: number;
  message: string;
  /** The error code in the answer (431–438 for booking errors) when one is given. */
  code?: number;
  /** The client-side appointment id named by a 433 or 437 answer. */
  appointmentId?: number;
  /** Validation messages keyed by field name. */
  fields?: Record<string, string>;
  /**
   * The booking proxy's word on a booking attempt it cannot settle: 'pending' (still out),
   * 'unknown' (sent, answer lost), 'unseen' (never reached it).
   */
  outcome?: BookingOutcome;
}

export type BookingOutcome = 'pending' | 'unknown' | 'unseen';

/** The booking service answered with an error (or with a body we could not read). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code?: number;
  readonly appointmentId?: number;
  readonly fields?: Record<string, string>;
  readonly outcome?: BookingOutcome;

  constructor(details: ApiErrorDetails, options?: { cause?: unknown }) {
    super(details.message, options);
    this.status = details.status;
    if (details.code !== undefined) this.code = details.code;
    if (details.appointmentId !== undefined) this.appointmentId = details.appointmentId;
    if (details.fields !== undefined) this.fields = details.fields;
    if (details.outcome !== undefined) this.outcome = details.outcome;
  }
}

/** No answer arrived: offline, DNS failure, dropped connection, or the request timed out. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
  readonly timedOut: boolean;

  constructor(message: string, options: { timedOut: boolean; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.timedOut = options.timedOut;
  }
}

// The name checks keep the guards working when two copies of this module end up in one page.
export function isApiError(error: unknown, code?: number): error is ApiError {
  const isOne =
    error instanceof ApiError ||
    (error instanceof Error && error.name === 'ApiError' && typeof (error as ApiError).status === 'number');
  return isOne && (code === undefined || (error as ApiError).code === code);
}

export function isNetworkError(error: unknown): error is NetworkError {
  return (
    error instanceof NetworkError ||
    (error instanceof Error && error.name === 'NetworkError' && typeof (error as NetworkError).timedOut === 'boolean')
  );
}
