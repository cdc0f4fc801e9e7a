// Checking and creating bookings: the error codes a client must handle, and what a booking changes.
import { describe, expect, it } from 'vitest';
import { DEMO } from '../src/server/demo/seed';
import { demoAt, type Json } from './helpers/demo';

interface Appointment {
  id: number;
  services: number[];
  staff_id: number;
  datetime: string;
}

const NOW = new Date('2026-03-05T14:00:00Z');
const NY = DEMO.locations.newYork;
const RIGA = DEMO.locations.riga;
const S = DEMO.services;
const T = DEMO.staff;
const DAY = '2026-03-10';

function setup() {
  const demo = demoAt(NOW);
  return {
    ...demo,
    get: (path: string) => demo.call('GET', `/api/v1${path}`),
    post: (path: string, payload: unknown) => demo.call('POST', `/api/v1${path}`, payload),
    control: (method: string, path: string) => demo.call(method, `/__demo${path}`),
  };
}

const client = { fullname: 'Ada Lovelace', phone: '+1 (212) 555-0100', email: 'ada@example.com', comment: 'Window seat, please' };
const appointment = (datetime: string, extra: Partial<Appointment> = {}): Appointment => ({
  id: 1, services: [S.womensHaircut], staff_id: T.olivia, datetime, ...extra,
});
const bookingError = (code: number, id?: number) => ({
  success: false,
  data: null,
  meta: { message: expect.any(String), errors: [id === undefined ? { code, message: expect.any(String) } : { code, message: expect.any(String), id }] },
});

describe('book_check', () => {
  it('answers 201 Created when the appointments can be booked', async () => {
    const demo = setup();
    const [slot] = await demo.times(NY, T.olivia, DAY, [S.womensHaircut]);
    const res = await demo.post(`/book_check/${NY}`, { appointments: [appointment(slot!.datetime)] });
    expect(res).toEqual({ status: 201, body: { success: true, meta: { message: 'Created' } } });
    expect((await demo.control('GET', '/bookings')).body).toEqual([]);
  });

  it('refuses an unknown service, a retired one, and one the member does not offer with 438', async () => {
    const demo = setup();
    const [slot] = await demo.times(NY, T.olivia, DAY, [S.womensHaircut]);
    for (const extra of [{ services: [99999] }, { services: [S.retiredKeratin] }, { services: [S.gelManicure] }, { services: [] }]) {
      const res = await demo.post(`/book_check/${NY}`, { appointments: [appointment(slot!.datetime, extra)] });
      expect(res).toEqual({ status: 422, body: bookingError(438, 1) });
    }
  });

  it('refuses overlapping appointments of one request with 437 and the later one\'s id', async () => {
    const demo = setup();
    const slots = await demo.times(NY, T.olivia, DAY, [S.womensHaircut]);
    const first = slots[0]!;
    const second = slots.find((s) => Date.parse(s.datetime) === Date.parse(first.datetime) + 30 * 60_000);
    expect(second).toBeDefined();
    // Same member, overlapping.
    const sameMember = [appointment(first.datetime, { id: 7 }), appointment(second!.datetime, { id: 8 })];
    expect(await demo.post(`/book_check/${NY}`, { appointments: sameMember })).toEqual({ status: 422, body: bookingError(437, 8) });
    // Different members, but the client cannot be in two places at once.
    const twoMembers = [appointment(first.datetime, { id: 1 }), { id: 2, services: [S.gelManicure], staff_id: T.hannah, datetime: first.datetime }];
    expect(await demo.post(`/book_check/${NY}`, { appointments: twoMembers })).toEqual({ status: 422, body: bookingError(437, 2) });
  });

  it('answers 436 when no member is free for "any member", 433 for a taken time', async () => {
    const demo = setup();
    const night = `${DAY}T03:00:00.000-04:00`;
    expect(await demo.post(`/book_check/${NY}`, { appointments: [appointment(night, { staff_id: 0, id: 3 })] })).toEqual({
      status: 422, body: bookingError(436, 3),
    });
    expect(await demo.post(`/book_check/${NY}`, { appointments: [appointment(night, { id: 4 })] })).toEqual({
      status: 422, body: bookingError(433, 4),
    });
  });

  it('reports other validation problems keyed by field', async () => {
    const demo = setup();
    const res = await demo.post(`/book_check/${NY}`, { appointments: [appointment('next tuesday')] });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ success: false, data: null, meta: { errors: { 'appointments.0.datetime': [expect.any(String)] } } });
    expect((await demo.post(`/book_check/${NY}`, {})).body).toMatchObject({ meta: { errors: { appointments: [expect.any(String)] } } });
  });
});

describe('book_record', () => {
  it('creates a booking that takes its slot, lists it, and shows its details by hash', async () => {
    const demo = setup();
    const before = await demo.times(NY, T.olivia, DAY, [S.womensHaircut]);
    const slot = before[2]!;
    const res = await demo.post(`/book_record/${NY}`, {
      ...client, notify_by_sms: 24, notify_by_email: 0, api_id: 'try-1', appointments: [appointment(slot.datetime)],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ success: true, meta: [], data: [{ id: 1, record_id: expect.any(Number), record_hash: expect.stringMatching(/^[0-9a-f]{32}$/) }] });
    const created = (res.body.data as Json[])[0]!;

    const after = await demo.times(NY, T.olivia, DAY, [S.womensHaircut]);
    expect(after.map((s) => s.datetime)).not.toContain(slot.datetime);
    // Nothing that would overlap the new hour is offered either.
    const taken = Date.parse(slot.datetime);
    expect(after.some((s) => Math.abs(Date.parse(s.datetime) - taken) < 3600_000)).toBe(false);

    const list = (await demo.control('GET', '/bookings')).body as unknown as Json[];
    expect(list).toEqual([{
      recordId: created.record_id, recordHash: created.record_hash, locationId: NY, staffId: T.olivia,
      serviceIds: [S.womensHaircut], datetime: slot.datetime, fullname: client.fullname, phone: client.phone,
      email: client.email, comment: client.comment, apiId: 'try-1', notifyBySms: 24, notifyByEmail: 0, createdAt: NOW.toISOString(),
    }]);

    const details = await demo.get(`/book_record/${NY}/${created.record_id}/${created.record_hash}`);
    expect(details.status).toBe(200);
    const data = details.body.data as Json;
    expect(data.datetime).toBe(`${DAY}T${slot.time}:00-0400`);
    expect(data).toMatchObject({ id: created.record_id, length: 3600, comment: client.comment, deleted: false, services: [{ id: S.womensHaircut }] });

    const wrong = await demo.get(`/book_record/${NY}/${created.record_id}/0000`);
    expect(wrong).toEqual({ status: 404, body: { success: false, data: null, meta: [] } });
  });

  it('refuses to book the same slot twice with 433 and the appointment id', async () => {
    const demo = setup();
    const [slot] = await demo.times(NY, T.olivia, DAY, [S.womensHaircut]);
    const body = { ...client, appointments: [appointment(slot!.datetime, { id: 5 })] };
    expect((await demo.post(`/book_record/${NY}`, body)).status).toBe(201);
    expect(await demo.post(`/book_record/${NY}`, body)).toEqual({ status: 422, body: bookingError(433, 5) });
    expect(await demo.post(`/book_check/${NY}`, body)).toEqual({ status: 422, body: bookingError(433, 5) });
  });

  it('books several appointments in one request: one record each, answered by the client\'s ids', async () => {
    const demo = setup();
    const [haircut] = await demo.times(NY, T.olivia, DAY, [S.womensHaircut]);
    const later = (await demo.times(NY, T.hannah, DAY, [S.gelManicure])).find((s) => Date.parse(s.datetime) >= Date.parse(haircut!.datetime) + 2 * 3600_000);
    const appointments = [appointment(haircut!.datetime, { id: 1 }), { id: 2, services: [S.gelManicure], staff_id: T.hannah, datetime: later!.datetime }];
    expect((await demo.post(`/book_check/${NY}`, { appointments })).status).toBe(201);
    const res = await demo.post(`/book_record/${NY}`, { ...client, appointments });
    expect(res.status).toBe(201);
    const data = res.body.data as Json[];
    expect(data.map((r) => r.id)).toEqual([1, 2]);
    expect(new Set(data.map((r) => r.record_id)).size).toBe(2);
    const list = (await demo.control('GET', '/bookings')).body as unknown as Json[];
    expect(list.map((b) => [b.recordId, b.staffId, b.serviceIds, b.datetime])).toEqual([
      [data[0]!.record_id, T.olivia, [S.womensHaircut], haircut!.datetime],
      [data[1]!.record_id, T.hannah, [S.gelManicure], later!.datetime],
    ]);
  });

  it('makes none of a request\'s appointments when one of them is refused', async () => {
    const demo = setup();
    const slots = await demo.times(NY, T.olivia, DAY, [S.womensHaircut]);
    const first = slots[0];
    const third = slots.find((s) => Date.parse(s.datetime) >= Date.parse(first!.datetime) + 2 * 3600_000);
    expect((await demo.post(`/book_record/${NY}`, { ...client, appointments: [appointment(third!.datetime)] })).status).toBe(201);
    const both = [appointment(first!.datetime, { id: 1 }), appointment(third!.datetime, { id: 2 })];
    expect(await demo.post(`/book_record/${NY}`, { ...client, appointments: both })).toEqual({ status: 422, body: bookingError(433, 2) });
    expect((await demo.control('GET', '/bookings')).body).toHaveLength(1);
  });

  it('assigns a free member offering the services when booked with any member', async () => {
    const demo = setup();
    const [slot] = await demo.times(NY, 0, DAY, [S.womensHaircut]);
    const res = await demo.post(`/book_record/${NY}`, { ...client, appointments: [appointment(slot!.datetime, { staff_id: 0 })] });
    expect(res.status).toBe(201);
    const [booking] = (await demo.control('GET', '/bookings')).body as unknown as Json[];
    expect([T.olivia, T.sofia, T.daniel]).toContain(booking?.staffId);
    const memberTimes = await demo.times(NY, booking?.staffId as number, DAY, [S.womensHaircut]);
    expect(memberTimes.map((s) => s.datetime)).not.toContain(slot!.datetime);
  });

  it('checks the client: 435 without a name, 431 for an implausible phone, 434 (403) when blacklisted', async () => {
    const demo = setup();
    const [slot] = await demo.times(NY, T.olivia, DAY, [S.womensHaircut]);
    const appointments = [appointment(slot!.datetime)];
    expect(await demo.post(`/book_record/${NY}`, { ...client, fullname: '  ', appointments })).toEqual({ status: 422, body: bookingError(435) });
    for (const phone of ['12345', '+1 (21) 55', 'call me', '+1 212 555 0100 1234 5678']) {
      expect(await demo.post(`/book_record/${NY}`, { ...client, phone, appointments })).toEqual({ status: 422, body: bookingError(431) });
    }
    expect(await demo.post(`/book_record/${NY}`, { ...client, phone: '12125550199', appointments })).toEqual({ status: 403, body: bookingError(434) });
    expect((await demo.control('GET', '/bookings')).body).toEqual([]);
  });

  it('needs the SMS code at Riga: 432 without or with a wrong one, success with the demo code', async () => {
    const demo = setup();
    const [slot] = await demo.times(RIGA, T.liga, '2026-03-10', [S.rigaWomensHaircut]);
    const phone = '+371 2612 3456';
    const body = { ...client, phone, appointments: [{ id: 1, services: [S.rigaWomensHaircut], staff_id: T.liga, datetime: slot!.datetime }] };
    expect(await demo.post(`/book_record/${RIGA}`, body)).toEqual({ status: 422, body: bookingError(432) });
    expect(await demo.post(`/book_record/${RIGA}`, { ...body, code: DEMO.smsCode })).toEqual({ status: 422, body: bookingError(432) });

    expect((await demo.post(`/book_code/${RIGA}`, { phone, fullname: client.fullname })).status).toBe(201);
    expect((await demo.control('GET', '/sms')).body).toEqual([{ phone, code: '1234', sentAt: NOW.toISOString() }]);
    expect(await demo.post(`/book_record/${RIGA}`, { ...body, code: '0000' })).toEqual({ status: 422, body: bookingError(432) });
    const ok = await demo.post(`/book_record/${RIGA}`, { ...body, phone: '+37126123456', code: 1234 });
    expect(ok.status).toBe(201);
    const details = await demo.get(`/book_record/${RIGA}/${(ok.body.data as Json[])[0]?.record_id}/${(ok.body.data as Json[])[0]?.record_hash}`);
    expect((details.body.data as Json).datetime).toBe(`2026-03-10T${slot!.time}:00+0200`);
  });

  it('New York needs no SMS code', async () => {
    const demo = setup();
    const [slot] = await demo.times(NY, T.marcus, DAY, [S.mensHaircut]);
    const res = await demo.post(`/book_record/${NY}`, { ...client, appointments: [appointment(slot!.datetime, { services: [S.mensHaircut], staff_id: T.marcus })] });
    expect(res.status).toBe(201);
  });
});

describe('control routes', () => {
  it('reset brings back the seed', async () => {
    const demo = setup();
    const [slot] = await demo.times(NY, T.olivia, DAY, [S.womensHaircut]);
    await demo.post(`/book_record/${NY}`, { ...client, appointments: [appointment(slot!.datetime)] });
    await demo.post(`/book_code/${RIGA}`, { phone: '+371 2612 3456', fullname: 'Ada' });
    expect((await demo.control('POST', '/reset')).status).toBe(200);
    expect((await demo.control('GET', '/bookings')).body).toEqual([]);
    expect((await demo.control('GET', '/sms')).body).toEqual([]);
    expect((await demo.times(NY, T.olivia, DAY, [S.womensHaircut]))[0]).toEqual(slot);
  });

  it('every instance has its own state', async () => {
    const a = setup();
    const b = setup();
    const [slot] = await a.times(NY, T.olivia, DAY, [S.womensHaircut]);
    await a.post(`/book_record/${NY}`, { ...client, appointments: [appointment(slot!.datetime)] });
    expect((await b.control('GET', '/bookings')).body).toEqual([]);
  });
});
