// After booking: reading the privacy policy, reminders kept on the record, and cancelling by the
// record's hash under each location's rules.
import { describe, expect, it } from 'vitest';
import { DEMO } from '../src/server/demo/seed';
import { demoAt, type Json } from './helpers/demo';

const NOW = new Date('2026-03-05T14:00:00Z');
const NY = DEMO.locations.newYork;
const RIGA = DEMO.locations.riga;

function setup(now = NOW) {
  const demo = demoAt(now);
  const { call } = demo;
  /** Books the first free time of a service on a day, with the given extra body fields. */
  const book = async (location: number, service: number, date: string, extra: Json = {}) => {
    const datetime = (await demo.times(location, 0, date, [service]))[0]!.datetime;
    if (location === RIGA) await call('POST', `/api/v1/book_code/${RIGA}`, { phone: '+371 2000 0000', fullname: 'Ada' });
    const res = await call('POST', `/api/v1/book_record/${location}`, {
      fullname: 'Ada Lovelace', phone: location === RIGA ? '+371 2000 0000' : '+1 212 555 0100', email: '', comment: '',
      ...(location === RIGA ? { code: DEMO.smsCode } : {}),
      appointments: [{ id: 1, services: [service], staff_id: 0, datetime }], ...extra,
    });
    const [record] = res.body.data as { record_id: number; record_hash: string }[];
    return { ...record!, datetime };
  };
  return { ...demo, book };
}

describe('privacy policy', () => {
  it('answers the location’s policy text, and 404 for an unknown location', async () => {
    const demo = setup();
    const res = await demo.call('GET', `/api/v1/privacy_policy/${NY}`);
    expect(res.status).toBe(200);
    expect(((res.body.data as Json).agreement as Json).content).toMatch(/^<p>Lumen Studio keeps your name/);
    expect((await demo.call('GET', '/api/v1/privacy_policy/999')).status).toBe(404);
  });

  it('is asked for by the consent form only', async () => {
    const demo = setup();
    const flag = async (form: number) => ((await demo.call('GET', `/api/v1/bookform/${form}`)).body.data as Json).is_show_privacy_policy;
    expect(await flag(DEMO.forms.newYorkConsent)).toBe(1);
    expect(await flag(DEMO.forms.newYork)).toBe(0);
  });
});

describe('reminders and cancel rules on the record', () => {
  it('keeps notify_by_sms / notify_by_email as sent and gives the location’s cancel rules', async () => {
    const demo = setup();
    const { record_id, record_hash } = await demo.book(NY, DEMO.services.mensHaircut, '2026-03-10', { notify_by_sms: 0, notify_by_email: 24 });
    const details = (await demo.call('GET', `/api/v1/book_record/${NY}/${record_id}/${record_hash}`)).body.data as Json;
    expect(details).toMatchObject({ notify_by_sms: 0, notify_by_email: 24, deleted: false });
    expect(details.company).toMatchObject({ allow_delete_record: true, allow_delete_record_delay_step: 7200, coordinate_lat: 40.7251 });
  });
});

describe('DELETE user/records/{id}/{hash}', () => {
  it('cancels with the right hash: the record reads deleted and its time is free again', async () => {
    const demo = setup();
    const date = '2026-03-10';
    const { record_id, record_hash, datetime } = await demo.book(NY, DEMO.services.mensHaircut, date);
    const free = async () => (await demo.times(NY, DEMO.staff.marcus, date, [DEMO.services.mensHaircut])).map((s) => s.datetime);
    expect(await free()).not.toContain(datetime);

    expect((await demo.call('DELETE', `/api/v1/user/records/${record_id}/wrong`)).status).toBe(404);
    const res = await demo.call('DELETE', `/api/v1/user/records/${record_id}/${record_hash}`);
    expect(res.status).toBe(204);
    expect(((await demo.call('GET', `/api/v1/book_record/${NY}/${record_id}/${record_hash}`)).body.data as Json).deleted).toBe(true);
    expect(await free()).toContain(datetime);
    const listed = (await demo.call('GET', '/__demo/bookings')).body as unknown as Json[];
    expect(listed[0]?.deletedAt).toEqual(expect.any(String));
    // A second cancel finds nothing to cancel.
    expect((await demo.call('DELETE', `/api/v1/user/records/${record_id}/${record_hash}`)).status).toBe(404);
  });

  it('refuses with 403 where the location takes cancellations by phone only (Riga)', async () => {
    const demo = setup();
    const { record_id, record_hash } = await demo.book(RIGA, DEMO.services.rigaMensHaircut, '2026-03-10');
    const res = await demo.call('DELETE', `/api/v1/user/records/${record_id}/${record_hash}`);
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ success: false, data: null, meta: { message: expect.stringMatching(/not available/) } });
  });

  it('refuses with 403 inside the delay before the visit (New York: 2 hours)', async () => {
    const demo = setup();
    const { record_id, record_hash, datetime } = await demo.book(NY, DEMO.services.mensHaircut, '2026-03-10');
    demo.store.setClock(new Date(Date.parse(datetime) - 3600_000));
    const res = await demo.call('DELETE', `/api/v1/user/records/${record_id}/${record_hash}`);
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ meta: { message: expect.stringMatching(/too late/) } });
  });
});
