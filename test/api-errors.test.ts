// Every error shape the booking API sends becomes an ApiError the UI can switch on.
import { describe, expect, it } from 'vitest';
import { ApiError, BookingErrorCode, createApi, isApiError, isNetworkError, NetworkError, type Api } from '../src/api';
import { fixture, json, startServer } from './helpers/server';

const booking = {
  contact: { name: 'James Smith', phone: '+1-315-555-0175', email: '', comment: '' },
  appointments: [
    { id: 1, serviceIds: [331], staffId: 6544, datetime: '2025-09-21T23:00:00.000+03:00' },
    { id: 2, serviceIds: [99055], staffId: 6544, datetime: '2025-09-21T23:00:00.000+03:00' },
  ],
};

/** The error createBooking throws when book_record answers with `body` and `status`. */
async function bookingError(answer: () => Response): Promise<unknown> {
  const server = await startServer((api) => {
    api.post('/book_record/1', answer);
  });
  return createApi({ baseUrl: server.baseUrl }).createBooking(1, booking).catch((e: unknown) => e);
}

async function getError(path: string, answer: () => Response, call: (api: Api) => Promise<unknown>): Promise<unknown> {
  const server = await startServer((api) => {
    api.get(path, answer);
  });
  return call(createApi({ baseUrl: server.baseUrl })).catch((e: unknown) => e);
}

describe('booking errors 431–438', () => {
  it.each([
    [431, 422, 'error-431', 'Invalid phone number format'],
    [432, 422, 'error-432', 'Incorrect SMS confirmation code'],
    [434, 403, 'error-434', 'You cannot book online. Please call the business'],
    [435, 422, 'error-435', 'Client name is required'],
    [436, 422, 'error-436', 'No team members available at the selected time'],
    [438, 422, 'error-438', 'The service is no longer available'],
  ])('code %i with HTTP %i gives an ApiError with that code and message', async (code, status, name, message) => {
    const error = await bookingError(() => json(fixture(name), status));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status, code, message });
    expect(isApiError(error, code)).toBe(true);
    expect(isApiError(error, code === 431 ? 432 : 431)).toBe(false);
    expect(isNetworkError(error)).toBe(false);
  });

  it('433 names the appointment whose time was taken (id on the error item)', async () => {
    const error = await bookingError(() => json(fixture('error-433'), 422));
    expect(isApiError(error, BookingErrorCode.SlotTaken)).toBe(true);
    expect(error).toMatchObject({ status: 422, code: 433, appointmentId: 2 });
  });

  it('437 names the overlapping appointment given in meta.appointments', async () => {
    const error = await bookingError(() => json(fixture('error-437-meta'), 422));
    expect(error).toMatchObject({ status: 422, code: 437, appointmentId: 2, message: 'Time overlap with another visit' });
  });

  it('437 names the overlapping appointment given in data.appointments, with string ids and codes', async () => {
    const error = await bookingError(() => json(fixture('error-437-data'), 422));
    expect(error).toMatchObject({ code: 437, appointmentId: 3 });
  });

  it('an error without an appointment id leaves appointmentId unset', async () => {
    const error = (await bookingError(() => json(fixture('error-436'), 422))) as ApiError;
    expect(error.appointmentId).toBeUndefined();
    expect(error.fields).toBeUndefined();
  });
});

describe('other error shapes', () => {
  it('object-keyed meta.errors become field messages', async () => {
    const error = await bookingError(() => json(fixture('error-fields'), 422));
    expect(error).toMatchObject({
      status: 422,
      message: 'Validation failed',
      fields: { email: 'Incorrect email format', phone: 'Wrong number', code: 'Invalid code from SMS' },
    });
    expect((error as ApiError).code).toBeUndefined();
  });

  it('falls back to meta.message when there are no errors', async () => {
    const error = await getError('/bookform/9', () => json(fixture('error-message-only'), 404), (api) => api.getBookingForm(9));
    expect(error).toMatchObject({ status: 404, message: 'Booking form not found' });
  });

  it('a 404 with `meta: []` still gives a clean ApiError', async () => {
    const error = await getError('/book_record/1/2/abc', () => json(fixture('error-404'), 404), (api) => api.getBooking(1, 2, 'abc'));
    expect(isApiError(error)).toBe(true);
    expect(error).toMatchObject({ status: 404 });
    expect((error as ApiError).message).not.toBe('');
    expect((error as ApiError).code).toBeUndefined();
  });

  it('an auth error with top-level `errors: {code, message}` keeps the code and message', async () => {
    const error = await getError('/company/1', () => json(fixture('error-401'), 401), (api) => api.getLocation(1));
    expect(error).toMatchObject({ status: 401, code: 401, message: 'Authentication needed' });
  });

  it('a non-JSON 502 from a gateway gives an ApiError with the HTTP status', async () => {
    const error = await getError(
      '/company/1',
      () => new Response('<html><body>Bad Gateway</body></html>', { status: 502, headers: { 'Content-Type': 'text/html' } }),
      (api) => api.getLocation(1),
    );
    expect(isApiError(error)).toBe(true);
    expect(error).toMatchObject({ status: 502 });
    expect((error as ApiError).message).not.toMatch(/<html/);
  });

  it('a non-JSON error on a POST gives an ApiError with the HTTP status', async () => {
    const error = await bookingError(() => new Response('Internal error', { status: 500 }));
    expect(error).toMatchObject({ status: 500 });
    expect(isApiError(error)).toBe(true);
  });

  it('a success status with a body that is not JSON is an ApiError', async () => {
    const error = await getError('/company/1', () => new Response('<html>maintenance</html>', { status: 200 }), (api) => api.getLocation(1));
    expect(isApiError(error)).toBe(true);
    expect(error).toMatchObject({ status: 200 });
  });

  it('a success status with `success: false` is an ApiError carrying its message', async () => {
    const error = await getError(
      '/company/1',
      () => json({ success: false, data: null, meta: { message: 'Location is not active' } }),
      (api) => api.getLocation(1),
    );
    expect(error).toMatchObject({ status: 200, message: 'Location is not active' });
  });

  it('an empty success body on a GET is an ApiError', async () => {
    const error = await getError('/company/1', () => new Response(null, { status: 200 }), (api) => api.getLocation(1));
    expect(isApiError(error)).toBe(true);
  });
});

describe('error guards', () => {
  it('recognise errors by name too, for errors from another copy of the module', () => {
    const foreign = Object.assign(new Error('taken'), { name: 'ApiError', status: 422, code: 433 });
    expect(isApiError(foreign, 433)).toBe(true);
    const offline = Object.assign(new Error('offline'), { name: 'NetworkError', timedOut: false });
    expect(isNetworkError(offline)).toBe(true);
    expect(isApiError(new Error('x'))).toBe(false);
    expect(isNetworkError(new NetworkError('x', { timedOut: true }))).toBe(true);
    expect(isApiError('not an error')).toBe(false);
  });
});
