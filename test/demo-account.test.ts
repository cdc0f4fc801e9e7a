// The visitor's account in the demo backend: sign-in by SMS code, the user's records (online and
// by phone), cancelling and moving a booking with the user token under the location's rules.
import { describe, expect, it } from 'vitest';
import { CHANGE_DISABLED_MESSAGE, CHANGE_TOO_LATE_MESSAGE } from '../src/server/demo/routes/account';
import { DEMO } from '../src/server/demo/seed';
import { demoAt, type Json } from './helpers/demo';

// Thursday 5 March 2026, 09:00 in New York.
const NOW = new Date('2026-03-05T14:00:00Z');
const NY = DEMO.locations.newYork;
const RIGA = DEMO.locations.riga;
const PARTNER = 'Bearer partner-token';

interface RecordJson {
  id: number;
  date: string;
  datetime: string;
  online: boolean;
  deleted: boolean;
  activity_id: number;
  clients_count: number;
  master_requested: boolean;
  company: { id: number; allow_change_record: boolean; allow_change_record_delay_step: number };
  staff: { id: string; name: string };
  services: { id: number }[];
}

function setup(now = NOW) {
  const demo = demoAt(now);
  const request = async (method: string, path: string, options: { token?: string; header?: 'authorization' | 'x-user-token'; body?: unknown } = {}) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (options.token && options.header === 'x-user-token') headers['X-User-Token'] = options.token;
    else if (options.token) headers.Authorization = `${PARTNER}, User ${options.token}`;
    const res = await demo.app.request(`/api/v1${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as Json };
  };
  const signIn = async (phone: string = DEMO.visitor.phone) => {
    await demo.call('POST', `/api/v1/book_code/${NY}`, { phone, fullname: '' });
    const res = await request('POST', '/user/auth', { body: { phone, code: DEMO.smsCode } });
    return (res.body.data as Json).user_token as string;
  };
  const records = async (token: string, query = '') => ((await request('GET', `/user/records${query}`, { token })).body.data as RecordJson[]);
  return { ...demo, request, signIn, records };
}

/** 'HH:mm' times offered for a member on a date. */
async function timesOf(demo: ReturnType<typeof setup>, location: number, staff: number, date: string, service: number) {
  return (await demo.times(location, staff, date, [service])).map((s) => s.datetime);
}

describe('sign-in: POST user/auth {phone, code}', () => {
  it('answers a user token for the code sent to the phone, 432 for any other code, 431 for a bad phone', async () => {
    const demo = setup();
    const phone = DEMO.visitor.phone;
    expect(((await demo.request('POST', '/user/auth', { body: { phone, code: '1234' } })).body.meta as Json).errors).toMatchObject([{ code: 432 }]);
    await demo.call('POST', `/api/v1/book_code/${NY}`, { phone, fullname: '' });
    expect((await demo.request('POST', '/user/auth', { body: { phone, code: '9999' } })).status).toBe(422);
    expect(((await demo.request('POST', '/user/auth', { body: { phone: 'abc', code: '1234' } })).body.meta as Json).errors).toMatchObject([{ code: 431 }]);
    const ok = await demo.request('POST', '/user/auth', { body: { phone: '+1-212-555-0123', code: '1234' } });
    expect(ok.status).toBe(200);
    expect(ok.body.data).toMatchObject({ user_token: expect.stringMatching(/^\w{16,}$/), name: 'Alex Morgan', email: DEMO.visitor.email });
  });

  it('the user’s data needs the token: 401 in the API’s words without it, either header with it', async () => {
    const demo = setup();
    const refused = await demo.request('GET', '/booking/user/data');
    expect(refused.status).toBe(401);
    expect(refused.body).toEqual({ errors: { code: 401, message: 'Authentication needed' }, meta: { message: 'Authentication needed.' } });
    expect((await demo.request('GET', '/booking/user/data', { token: 'made-up' })).status).toBe(401);
    const token = await demo.signIn();
    // The bare object of the reference's example, the token also under "0".
    expect((await demo.request('GET', '/booking/user/data', { token })).body).toMatchObject({ 0: token, user_token: token, name: 'Alex Morgan' });
    expect((await demo.request('GET', '/booking/user/data', { token, header: 'x-user-token' })).status).toBe(200);
  });
});

describe('GET user/records', () => {
  it('gives the seeded visitor’s history: upcoming and past, online and by phone, a class seat, at the form’s locations', async () => {
    const demo = setup();
    const token = await demo.signIn();
    const all = await demo.records(token);
    const upcoming = all.filter((r) => Date.parse(r.date) > NOW.getTime());
    const past = all.filter((r) => Date.parse(r.date) < NOW.getTime());
    expect(upcoming.length).toBe(4); // New York ×2, Riga, the class
    expect(past.length).toBe(2);
    expect(all.filter((r) => !r.online).length).toBe(2); // one upcoming and one past made by phone
    expect(upcoming.some((r) => !r.online)).toBe(true);
    expect(all.filter((r) => r.activity_id !== 0)).toMatchObject([{ clients_count: 1, staff: { name: 'Maya Chen' } }]);
    expect(all.every((r) => !r.deleted)).toBe(true);
    // Newest first.
    expect(all.map((r) => r.date)).toEqual([...all.map((r) => r.date)].sort().reverse());
    const nyOnly = await demo.records(token, `?company_id=${NY}`);
    expect(nyOnly.length).toBe(5);
    expect(nyOnly.every((r) => r.company.id === NY)).toBe(true);
    expect((await demo.records(token, `?group_id=${DEMO.groupId}`)).length).toBe(6);
  });

  it('needs the token; a visitor who booked online sees that booking once signed in; no one sees another’s', async () => {
    const demo = setup();
    expect((await demo.request('GET', '/user/records')).status).toBe(401);
    const phone = '+1 212 555 0100';
    const [slot] = await demo.times(NY, 0, '2026-03-10', [DEMO.services.mensHaircut]);
    await demo.call('POST', `/api/v1/book_record/${NY}`, {
      fullname: 'Ada Lovelace', phone, email: '', appointments: [{ id: 1, services: [DEMO.services.mensHaircut], staff_id: 0, datetime: slot!.datetime }],
    });
    const ada = await demo.signIn('+1 (212) 555-0100');
    const records = await demo.records(ada);
    expect(records).toMatchObject([{ online: true, services: [{ id: DEMO.services.mensHaircut }], master_requested: false }]);
    const alex = await demo.signIn();
    expect((await demo.request('GET', `/user/records/${records[0]!.id}/any`, { token: alex })).status).toBe(404);
    const one = await demo.request('GET', `/user/records/${records[0]!.id}/any`, { token: ada });
    expect(one.body.data).toMatchObject([{ id: records[0]!.id }]); // a list of one, as the reference shows
  });

  it('leaves the free times as they were: the seeded visitor’s upcoming visits sit on times already taken, and no booking is listed', async () => {
    const demo = setup();
    expect((await demo.call('GET', '/__demo/bookings')).body).toEqual([]);
    const token = await demo.signIn();
    const [visit] = (await demo.records(token, `?company_id=${NY}`)).filter((r) => r.activity_id === 0 && r.online && Date.parse(r.date) > NOW.getTime());
    const staff = Number(visit!.staff.id);
    const offered = await timesOf(demo, NY, staff, visit!.date.slice(0, 10), visit!.services[0]!.id);
    expect(offered).not.toContain(visit!.date);
  });
});

describe('PUT book_record/{location}/{record}: moving a booking', () => {
  async function upcomingVisit(demo: ReturnType<typeof setup>, token: string, online = true) {
    const r = (await demo.records(token, `?company_id=${NY}`)).find((x) => x.activity_id === 0 && x.online === online && Date.parse(x.date) > NOW.getTime())!;
    return { ...r, staffId: Number(r.staff.id), serviceId: r.services[0]!.id, day: r.date.slice(0, 10) };
  }

  it('moves it to another free time: the old time is free again, the new one taken, the record says so', async () => {
    const demo = setup();
    const token = await demo.signIn();
    const visit = await upcomingVisit(demo, token);
    const target = '2026-03-20';
    const [to] = await timesOf(demo, NY, visit.staffId, target, visit.serviceId);
    const res = await demo.request('PUT', `/book_record/${NY}/${visit.id}`, { token, body: { datetime: to, comment: 'Moved online' } });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ id: visit.id, date: to, comment: 'Moved online', staff: { id: String(visit.staffId) } });
    expect(await timesOf(demo, NY, visit.staffId, target, visit.serviceId)).not.toContain(to);
    expect(await timesOf(demo, NY, visit.staffId, visit.day, visit.serviceId)).toContain(visit.date);
    expect((await demo.records(token)).find((r) => r.id === visit.id)?.date).toBe(to);
  });

  it('moves a booking made by phone too, and one booked online in this demo', async () => {
    const demo = setup();
    const token = await demo.signIn();
    const byPhone = await upcomingVisit(demo, token, false);
    const [to] = await timesOf(demo, NY, byPhone.staffId, '2026-03-21', byPhone.serviceId);
    expect((await demo.request('PUT', `/book_record/${NY}/${byPhone.id}`, { token, body: { datetime: to } })).status).toBe(200);

    const [slot] = await demo.times(NY, DEMO.staff.marcus, '2026-03-10', [DEMO.services.mensHaircut]);
    const made = await demo.call('POST', `/api/v1/book_record/${NY}`, {
      fullname: 'Alex Morgan', phone: DEMO.visitor.phone, email: '', appointments: [{ id: 1, services: [DEMO.services.mensHaircut], staff_id: DEMO.staff.marcus, datetime: slot!.datetime }],
    });
    const recordId = (made.body.data as { record_id: number }[])[0]!.record_id;
    const later = (await demo.times(NY, DEMO.staff.marcus, '2026-03-10', [DEMO.services.mensHaircut])).at(-1)!.datetime;
    expect((await demo.request('PUT', `/book_record/${NY}/${recordId}`, { token, body: { datetime: later } })).status).toBe(200);
    expect(demo.store.bookings[0]).toMatchObject({ datetime: later, staffId: DEMO.staff.marcus });
    expect(await timesOf(demo, NY, DEMO.staff.marcus, '2026-03-10', DEMO.services.mensHaircut)).toContain(slot!.datetime);
  });

  it('refuses a taken time (433), no token (401), another’s booking (404)', async () => {
    const demo = setup();
    const token = await demo.signIn();
    const visit = await upcomingVisit(demo, token);
    const free = await timesOf(demo, NY, visit.staffId, '2026-03-20', visit.serviceId);
    // Someone else takes the member's first free time that day; moving onto it is refused.
    await demo.call('POST', `/api/v1/book_record/${NY}`, {
      fullname: 'Ada Lovelace', phone: '+1 212 555 0100', email: '', appointments: [{ id: 1, services: [visit.serviceId], staff_id: visit.staffId, datetime: free[0] }],
    });
    const taken = await demo.request('PUT', `/book_record/${NY}/${visit.id}`, { token, body: { datetime: free[0] } });
    expect(taken.status).toBe(422);
    expect((taken.body.meta as Json).errors).toMatchObject([{ code: 433 }]);
    expect((await demo.records(token)).find((r) => r.id === visit.id)?.date).toBe(visit.date);
    expect((await demo.request('PUT', `/book_record/${NY}/${visit.id}`, { body: { datetime: free[1] } })).status).toBe(401);
    const other = await demo.signIn('+1 212 555 0177');
    expect((await demo.request('PUT', `/book_record/${NY}/${visit.id}`, { token: other, body: { datetime: free[1] } })).status).toBe(404);
  });

  it('honours the location’s rules: not within allow_change_record_delay_step of the visit, not where allow_change_record is off', async () => {
    const demo = setup();
    const token = await demo.signIn();
    const visit = await upcomingVisit(demo, token);
    expect(visit.company).toMatchObject({ allow_change_record: true, allow_change_record_delay_step: 4 * 3600 });
    const [slot, , later] = await demo.times(NY, DEMO.staff.marcus, '2026-03-10', [DEMO.services.mensHaircut]);
    const made = await demo.call('POST', `/api/v1/book_record/${NY}`, {
      fullname: 'Alex Morgan', phone: DEMO.visitor.phone, email: '', appointments: [{ id: 1, services: [DEMO.services.mensHaircut], staff_id: DEMO.staff.marcus, datetime: slot!.datetime }],
    });
    const recordId = (made.body.data as { record_id: number }[])[0]!.record_id;
    // Three hours before the visit: too late (the sign-in survives the clock's jump).
    await demo.call('POST', '/__demo/clock', { now: new Date(Date.parse(slot!.datetime) - 3 * 3600_000).toISOString() });
    const late = await demo.request('PUT', `/book_record/${NY}/${recordId}`, { token, body: { datetime: later!.datetime } });
    expect(late.status).toBe(403);
    expect((late.body.meta as Json).message).toBe(CHANGE_TOO_LATE_MESSAGE);
    // Five hours before: still in time.
    await demo.call('POST', '/__demo/clock', { now: new Date(Date.parse(slot!.datetime) - 5 * 3600_000).toISOString() });
    expect((await demo.request('PUT', `/book_record/${NY}/${recordId}`, { token, body: { datetime: later!.datetime } })).status).toBe(200);

    const fresh = setup();
    const t = await fresh.signIn();
    const riga = (await fresh.records(t, `?company_id=${RIGA}`))[0]!;
    expect(riga.company.allow_change_record).toBe(false);
    const refused = await fresh.request('PUT', `/book_record/${RIGA}/${riga.id}`, { token: t, body: { datetime: '2026-03-20T10:00:00.000+02:00' } });
    expect(refused.status).toBe(403);
    expect((refused.body.meta as Json).message).toBe(CHANGE_DISABLED_MESSAGE);
    const seat = (await fresh.records(t)).find((r) => r.activity_id !== 0)!;
    expect((await fresh.request('PUT', `/book_record/${NY}/${seat.id}`, { token: t, body: { datetime: '2026-03-20T10:00:00.000-04:00' } })).status).toBe(403);
  });
});

describe('DELETE user/records/{id}/{hash} with the user token', () => {
  it('cancels the user’s own booking whatever the hash, frees its time; another user’s token cannot', async () => {
    const demo = setup();
    const token = await demo.signIn();
    const visit = (await demo.records(token, `?company_id=${NY}`)).find((r) => r.activity_id === 0 && Date.parse(r.date) > NOW.getTime())!;
    const other = await demo.signIn('+1 212 555 0177');
    expect((await demo.request('DELETE', `/user/records/${visit.id}/wrong`, { token: other })).status).toBe(404);
    expect((await demo.request('DELETE', `/user/records/${visit.id}/wrong`)).status).toBe(404);
    expect((await demo.request('DELETE', `/user/records/${visit.id}/wrong`, { token })).status).toBe(204);
    expect((await demo.records(token)).find((r) => r.id === visit.id)?.deleted).toBe(true);
    const offered = await timesOf(demo, NY, Number(visit.staff.id), visit.date.slice(0, 10), visit.services[0]!.id);
    expect(offered).toContain(visit.date);
  });
});
