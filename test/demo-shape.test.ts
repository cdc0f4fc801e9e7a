// The demo backend answers with the field names of the documented examples, quirks included.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDemoApp } from '../src/server/demo/app';
import enUS from '../src/server/demo/locales/en-US.json';
import { en as widgetEnglish } from '../src/i18n/en';
import { enLater } from '../src/i18n/en-later';
import { DEMO } from '../src/server/demo/seed';

type Json = Record<string, unknown>;

const NOW = new Date('2026-03-05T14:00:00Z');
const { app } = createDemoApp({ now: () => NOW });
const NY = DEMO.locations.newYork;
const RIGA = DEMO.locations.riga;

const documented = (name: string): Json =>
  JSON.parse(readFileSync(new URL(`./fixtures/documented/${name}.json`, import.meta.url), 'utf8')) as Json;

async function get(path: string): Promise<{ status: number; body: Json }> {
  const res = await app.request(`/api/v1${path}`);
  return { status: res.status, body: (await res.json()) as Json };
}

async function post(path: string, payload: unknown): Promise<{ status: number; body: Json }> {
  const res = await app.request(`/api/v1${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(payload),
  });
  return { status: res.status, body: (await res.json()) as Json };
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Paths of documented keys our answer lacks, looking into nested objects and first array items. */
function missingKeys(doc: unknown, ours: unknown, skip: string[] = [], path = ''): string[] {
  if (Array.isArray(doc) && Array.isArray(ours)) {
    return doc.length && ours.length ? missingKeys(doc[0], ours[0], skip, `${path}[]`) : [];
  }
  if (!isObject(doc) || !isObject(ours)) return [];
  return Object.keys(doc).flatMap((key) => {
    const here = path ? `${path}.${key}` : key;
    if (skip.includes(here)) return [];
    if (!(key in ours)) return [here];
    return missingKeys(doc[key], ours[key], skip, here);
  });
}

describe('answers carry the documented field names', () => {
  it('bookform, including the datetime step and the `comfirm` spelling', async () => {
    const { status, body } = await get(`/bookform/${DEMO.forms.chain}`);
    expect(status).toBe(200);
    const doc = documented('bookform');
    const data = body.data as Json;
    expect(missingKeys({ ...doc, data: { ...(doc.data as Json), steps: [] } }, body)).toEqual([]);
    const ourSteps = data.steps as Json[];
    for (const step of (doc.data as Json).steps as Json[]) {
      const ours = ourSteps.find((s) => s.step === step.step);
      // date_default/time_default are "if set"; the demo forms set none.
      expect(missingKeys(step, ours, ['date_default', 'time_default', 'default'])).toEqual([]);
    }
    expect(ourSteps.map((s) => s.step)).toEqual(['service', 'master', 'datetime', 'contact', 'comfirm']);
    expect(data.group_id).toBe(DEMO.groupId);
    expect(data).toMatchObject({ specialization_display_mode: 0, comment_required: false });
  });

  it('bookform variants: single location, hidden preset service, Riga with SMS confirmation', async () => {
    const ny = (await get(`/bookform/${DEMO.forms.newYork}`)).body.data as Json;
    expect(ny).toMatchObject({ group_id: 0, company_id: NY, phone_confirmation: false });
    const preset = (await get(`/bookform/${DEMO.forms.newYorkPresetService}`)).body.data as Json;
    const serviceStep = (preset.steps as Json[]).find((s) => s.step === 'service');
    expect(serviceStep).toMatchObject({ hidden: true });
    expect(Number(serviceStep?.default)).toBe(DEMO.services.womensHaircut);
    const riga = (await get(`/bookform/${DEMO.forms.riga}`)).body.data as Json;
    expect(riga).toMatchObject({ group_id: 0, phone_confirmation: true, lang: 'lv-LV' });
    expect(Number(riga.company_id)).toBe(RIGA);
    expect((riga.langs as Json[]).map((l) => l.code)).toEqual(['en-US', 'lv-LV']);
    expect((await get('/bookform/999')).status).toBe(404);
  });

  it('bookform palettes: a light and a dark one, named as the API names them', async () => {
    const light = (await get(`/bookform/${DEMO.forms.lightPalette}`)).body.data as Json;
    expect(light).toMatchObject({ group_id: 0, company_id: NY });
    expect(light.style).toMatchObject({
      primaryPalette: 'yellow', accentPalette: 'light-blue', warnPalette: 'amber', backgroundPalette: 'white',
    });
    const dark = (await get(`/bookform/${DEMO.forms.darkPalette}`)).body.data as Json;
    expect(dark).toMatchObject({ group_id: 0, company_id: NY });
    expect(dark.style).toMatchObject({
      primaryPalette: 'deep-purple', accentPalette: 'pink', warnPalette: 'red', backgroundPalette: 'black',
    });
  });

  it('companies with next_slot written without a colon in the offset', async () => {
    const { body } = await get(`/companies?group_id=${DEMO.groupId}&forBooking=1`);
    expect(missingKeys(documented('companies'), body)).toEqual([]);
    const list = body.data as Json[];
    expect(list.map((l) => l.id)).toEqual([NY, RIGA]);
    expect(list[0]).toMatchObject({ timezone_name: 'America/New_York', timezone: -5, currency_short_title: 'USD', phone_confirmation: false });
    expect(list[1]).toMatchObject({ timezone_name: 'Europe/Riga', currency_short_title: 'EUR', phone_confirmation: true });
    expect(list[0]?.next_slot).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00-0[45]00$/);
    const plain = (await get(`/companies?group_id=${DEMO.groupId}`)).body.data as Json[];
    expect(plain[0]).not.toHaveProperty('next_slot');
  });

  it('one location', async () => {
    const { body } = await get(`/company/${RIGA}?forBooking=1`);
    // groups and bookforms come only with show_groups / showBookforms.
    expect(missingKeys(documented('company'), body, ['data.groups', 'data.bookforms'])).toEqual([]);
    expect((body.data as Json).next_slot).toMatch(/\+0[23]00$/);
    expect((await get('/company/1')).status).toBe(404);
  });

  it('book_services: `category`, and `seance_length` with or without a team-member filter', async () => {
    const byMember = await get(`/book_services/${NY}?staff_id=${DEMO.staff.marcus}`);
    expect(missingKeys(documented('book_services'), byMember.body)).toEqual([]);
    const services = (byMember.body.data as Json).services as Json[];
    expect(services.map((s) => s.id).sort()).toEqual([DEMO.services.mensHaircut, DEMO.services.kidsHaircut].sort());
    expect(services.every((s) => typeof s.seance_length === 'number')).toBe(true);

    const all = (await get(`/book_services/${NY}`)).body.data as Json;
    expect((all.services as Json[]).length).toBe(12);
    expect((all.services as Json[]).every((s) => typeof s.seance_length === 'number')).toBe(true);
    expect((all.services as Json[]).map((s) => s.id)).not.toContain(DEMO.services.retiredKeratin);
    expect((all.category as Json[]).length).toBe(4);
  });

  it('book_staff: only members offering all services; position an object or []', async () => {
    const { body } = await get(`/book_staff/${NY}?service_ids[]=${DEMO.services.womensHaircut}&service_ids[]=${DEMO.services.highlights}`);
    const [docBookable, docOther] = (documented('book_staff').data as Json[]);
    const members = body.data as Json[];
    expect(members.map((m) => m.id).sort()).toEqual([DEMO.staff.olivia, DEMO.staff.sofia].sort());
    const bookable = members.find((m) => m.bookable === true);
    expect(missingKeys(docBookable, bookable)).toEqual([]);
    expect(bookable?.seances).toEqual([]);
    expect(bookable?.seance_date).toMatch(/^\d{4}-\d\d-\d\d$/);

    const everyone = (await get(`/book_staff/${NY}`)).body.data as Json[];
    expect(everyone).toHaveLength(6);
    for (const m of everyone) expect(missingKeys(docOther, m)).toEqual([]);
    expect(everyone.find((m) => m.id === DEMO.staff.marcus)?.position).toEqual([]);
    expect(everyone.find((m) => m.id === DEMO.staff.olivia)?.position).toMatchObject({ title: 'Stylist' });
    expect(everyone.find((m) => m.id === DEMO.staff.hannah)?.avatar).toBe('');
    expect(everyone.find((m) => m.id === DEMO.staff.olivia)?.avatar).toBe('/demo/avatars/olivia.svg');
  });

  it('book_staff_seances, book_times and book_dates', async () => {
    const q = `service_ids[]=${DEMO.services.womensHaircut}`;
    const seances = await get(`/book_staff_seances/${NY}/${DEMO.staff.olivia}?${q}`);
    expect(missingKeys(documented('book_staff_seances'), seances.body)).toEqual([]);
    const times = await get(`/book_times/${NY}/${DEMO.staff.olivia}/2026-03-10?${q}`);
    expect(missingKeys(documented('book_times'), times.body)).toEqual([]);
    const dates = await get(`/book_dates/${NY}?${q}`);
    // Month keys are data, not field names: only the four fields are held against the example.
    const month = { booking_days: {}, working_days: {} };
    expect(missingKeys({ ...documented('book_dates'), data: { ...(documented('book_dates').data as Json), ...month } }, dates.body)).toEqual([]);
    const data = dates.body.data as Json;
    expect(Object.keys(data.booking_days as Json).every((k) => /^(1[0-2]|[1-9])$/.test(k))).toBe(true);
  });

  it('book_check, book_record and booking details', async () => {
    const slot = ((await get(`/book_times/${NY}/${DEMO.staff.olivia}/2026-03-10?service_ids[]=${DEMO.services.womensHaircut}`)).body.data as Json[])[0];
    const appointments = [{ id: 1, services: [DEMO.services.womensHaircut], staff_id: DEMO.staff.olivia, datetime: slot?.datetime }];
    const check = await post(`/book_check/${NY}`, { appointments });
    expect(check).toEqual({ status: 201, body: documented('book_check') });

    const record = await post(`/book_record/${NY}`, { phone: '+1 212 555 0100', fullname: 'Ada Client', email: '', appointments });
    expect(record.status).toBe(201);
    expect(missingKeys(documented('book_record'), record.body)).toEqual([]);
    const [created] = record.body.data as Json[];
    const details = await get(`/book_record/${NY}/${created?.record_id}/${created?.record_hash}`);
    expect(missingKeys({ data: documented('book_record-details') }, details.body)).toEqual([]);
  });

  it('book_code answers like the documented example', async () => {
    const { status, body } = await post(`/book_code/${RIGA}`, { phone: '+371 2000 0000', fullname: 'Ada' });
    expect(status).toBe(201);
    expect(body).toEqual(documented('book_code'));
  });
});

describe('locale resources', () => {
  type Dict = { [key: string]: string | Dict };
  const leaves = (d: Dict, prefix = ''): string[] =>
    Object.entries(d).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : leaves(v, `${prefix}${k}.`)));

  it('serves en-US verbatim and lv-LV with the same nesting, plus the widget\'s own keys', async () => {
    const en = await get('/i18n/en-US');
    expect(en.body).toEqual({ success: true, data: enUS, meta: [] });
    const lv = (await get('/i18n/lv-LV')).body.data as Dict;
    const english = new Set(leaves(enUS as Dict));
    expect(leaves(lv).filter((k) => !english.has(k) && !k.startsWith('widget.'))).toEqual([]);
    for (const key of ['header', 'button', 'back', 'proceed', 'service', 'master', 'date', 'steps', 'company', 'from', 'h', 'm', 'user-data-form']) {
      const enKeys = leaves(enUS as Dict).filter((k) => k === key || k.startsWith(`${key}.`));
      expect(leaves(lv).filter((k) => k === key || k.startsWith(`${key}.`))).toEqual(enKeys);
    }
    for (const key of ['time.the_part_of_day.morning', 'time.noTimes', 'confirm.first_name', 'confirm.errors.code.incorrect', 'confirm.orderErrors.code_433', 'confirm.phone_confirm', 'record.booking_success', 'login.request_new_sms_code']) {
      expect(leaves(lv)).toContain(key);
    }
    expect((lv.confirm as Dict).first_name).toBe('Vārds');
  });

  it('serves lv-LV and he-IL with every key the widget uses', async () => {
    const used = [...leaves(widgetEnglish as Dict), ...leaves(enLater as Dict)];
    for (const code of ['lv-LV', 'he-IL']) {
      const served = new Set(leaves((await get(`/i18n/${code}`)).body.data as Dict));
      expect(used.filter((k) => !served.has(k)), code).toEqual([]);
    }
  });

  it('answers an unknown language and an unknown path with a 404 envelope', async () => {
    expect(await get('/i18n/xx-XX')).toMatchObject({ status: 404, body: { success: false, data: null, meta: { message: expect.any(String) } } });
    expect(await get('/no/such/thing')).toMatchObject({ status: 404, body: { success: false, data: null } });
  });
});
