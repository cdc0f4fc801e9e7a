// Booking: SMS code, validation, creation and the booking details page.
import { describe, expect, it } from 'vitest';
import { createApi, type BookingRequest } from '../src/api';
import { fixture, json, startServer } from './helpers/server';

describe('sendCode', () => {
  it('posts the phone and name to book_code', async () => {
    const server = await startServer((api) => {
      api.post('/book_code/4564', () => json(fixture('book_code'), 201));
    });
    await createApi({ baseUrl: server.baseUrl }).sendCode(4564, { phone: '+1-315-555-0175', fullname: 'James Smith' });
    expect(server.requests[0]).toMatchObject({
      method: 'POST',
      path: '/api/v1/book_code/4564',
      body: { phone: '+1-315-555-0175', fullname: 'James Smith' },
    });
  });
});

describe('checkBooking', () => {
  it('passes a slot datetime back unchanged and accepts an empty 201', async () => {
    const server = await startServer((api) => {
      api.get('/book_times/4564/6544/2025-12-06', () => json(fixture('book_times-quirks')));
      api.post('/book_check/4564', () => new Response(null, { status: 201 }));
    });
    const client = createApi({ baseUrl: server.baseUrl });
    const [slot] = await client.getTimes(4564, 6544, '2025-12-06', { serviceIds: [331] });
    await expect(
      client.checkBooking(4564, [{ id: 1, serviceIds: [331], staffId: 6544, datetime: slot!.datetime }]),
    ).resolves.toBeUndefined();
    expect(server.requests[1]?.body).toEqual({
      appointments: [{ id: 1, services: [331], staff_id: 6544, datetime: '2025-12-06T09:00:00.000-05:00' }],
    });
  });

  it('accepts a 201 with the documented JSON body', async () => {
    const server = await startServer((api) => {
      api.post('/book_check/4564', () => json(fixture('book_check'), 201));
    });
    await expect(createApi({ baseUrl: server.baseUrl }).checkBooking(4564, [])).resolves.toBeUndefined();
  });
});

describe('createBooking', () => {
  const request: BookingRequest = {
    contact: { name: 'James Smith', phone: '+1-315-555-0175', email: 'james@example.com', comment: 'test appointment!' },
    code: '38829',
    notifyBySms: 6,
    notifyByEmail: 24,
    apiId: 'attempt-1',
    appointments: [
      { id: 1, serviceIds: [331], staffId: 6544, datetime: '2025-09-21T23:00:00.000+03:00' },
      { id: 2, serviceIds: [99055], staffId: 0, datetime: '2025-12-06T09:30:00-0500' },
    ],
  };

  it('posts the documented body and returns the created records', async () => {
    const server = await startServer((api) => {
      api.post('/book_record/4564', () => json(fixture('book_record'), 201));
    });
    const records = await createApi({ baseUrl: server.baseUrl }).createBooking(4564, request);
    expect(server.requests[0]?.body).toEqual({
      phone: '+1-315-555-0175',
      fullname: 'James Smith',
      email: 'james@example.com',
      comment: 'test appointment!',
      code: '38829',
      notify_by_sms: 6,
      notify_by_email: 24,
      api_id: 'attempt-1',
      appointments: [
        { id: 1, services: [331], staff_id: 6544, datetime: '2025-09-21T23:00:00.000+03:00' },
        { id: 2, services: [99055], staff_id: 0, datetime: '2025-12-06T09:30:00-0500' },
      ],
    });
    expect(records).toEqual([
      { appointmentId: 1, recordId: 2820023, recordHash: '567df655304da9b98487769426d4e76e' },
      { appointmentId: 2, recordId: 2820024, recordHash: '34a45ddabdd446d5d33bdd27fbf855b2' },
    ]);
  });

  it('leaves out the optional fields it was not given', async () => {
    const server = await startServer((api) => {
      api.post('/book_record/4564', () => json(fixture('book_record'), 201));
    });
    const { code: _code, notifyBySms: _sms, notifyByEmail: _email, apiId: _apiId, ...bare } = request;
    await createApi({ baseUrl: server.baseUrl }).createBooking(4564, bare);
    expect(Object.keys(server.requests[0]?.body as object)).toEqual(['phone', 'fullname', 'email', 'comment', 'appointments']);
  });
});

describe('getBooking', () => {
  it('reads the bare documented example and puts a colon in the offset', async () => {
    const server = await startServer((api) => {
      api.get('/book_record/4564/13132699/567df655', () => json(fixture('book_record-details')));
    });
    const details = await createApi({ baseUrl: server.baseUrl }).getBooking(4564, 13132699, '567df655');
    expect(details).toEqual({
      id: 13132699,
      services: [{ id: 389043, title: 'Correction of extended nails', cost: 2300, priceMin: 2300, priceMax: 2300, discount: 0 }],
      location: {
        id: 4564,
        title: 'Nail studio',
        address: 'New York, 787 Jackson Drive',
        city: 'New York',
        phone: '+1-315-555-0175',
        currency: 'USD',
        coordinates: { lat: 40.73061, lon: -73.935242 },
        allowDelete: true,
        deleteDelaySeconds: 0,
      },
      staff: { id: 55436, name: 'Natalia' },
      datetime: '2017-10-24T17:30:00+00:00',
      length: 1800,
      comment: '',
      deleted: true,
      notifyBySms: 0,
      notifyByEmail: 0,
    });
  });

  it('reads an enveloped answer with string ids and a -0500 offset', async () => {
    const server = await startServer((api) => {
      api.get('/book_record/4564/30358/abc', () => json(fixture('book_record-details-wrapped')));
    });
    const details = await createApi({ baseUrl: server.baseUrl }).getBooking(4564, 30358, 'abc');
    expect(details).toMatchObject({
      id: 30358,
      services: [{ id: 2838, title: 'Foot massage', cost: 0 }],
      staff: { id: 924, name: 'Alice' },
      datetime: '2026-01-17T19:30:00-05:00',
      length: 3600,
      comment: 'Window seat',
      deleted: false,
    });
  });
});

describe('getPrivacyPolicy', () => {
  it('reads the policy text as the reference shows it (data.agreement.content), or bare', async () => {
    const server = await startServer((api) => {
      api.get('/privacy_policy/4564', () => json({ success: true, data: { agreement: { content: '<p>We keep your data safe.</p>' } }, meta: [] }));
      api.get('/privacy_policy/4565', () => json({ success: true, data: '<p>Plain</p>', meta: [] }));
    });
    const api = createApi({ baseUrl: server.baseUrl });
    expect(await api.getPrivacyPolicy(4564)).toBe('<p>We keep your data safe.</p>');
    expect(await api.getPrivacyPolicy(4565)).toBe('<p>Plain</p>');
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/v1/privacy_policy/4564', 'GET /api/v1/privacy_policy/4565']);
  });
});

describe('cancelBooking', () => {
  it('sends DELETE user/records/{id}/{hash} once and accepts an empty 204', async () => {
    const server = await startServer((api) => {
      api.delete('/user/records/2820023/567df655', (c) => c.body(null, 204));
    });
    await createApi({ baseUrl: server.baseUrl }).cancelBooking(2820023, '567df655');
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['DELETE /api/v1/user/records/2820023/567df655']);
  });

  it('turns a refusal into an ApiError with its status and message, without retrying', async () => {
    const server = await startServer((api) => {
      api.delete('/user/records/1/h', (c) => c.json({ success: false, data: null, meta: { message: 'Cancelling is not allowed' } }, 403));
      api.delete('/user/records/2/h', (c) => c.json({ success: false, data: null, meta: [] }, 404));
    });
    const api = createApi({ baseUrl: server.baseUrl });
    await expect(api.cancelBooking(1, 'h')).rejects.toMatchObject({ status: 403, message: 'Cancelling is not allowed' });
    await expect(api.cancelBooking(2, 'h')).rejects.toMatchObject({ status: 404 });
    expect(server.requests).toHaveLength(2);
  });
});
