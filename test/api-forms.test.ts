// The booking form settings (bookform/{id}) as the flow reads them.
import { describe, expect, it } from 'vitest';
import { createApi } from '../src/api';
import { fixture, json, startServer } from './helpers/server';

async function formFrom(name: string, formId = 7) {
  const server = await startServer((api) => {
    api.get(`/bookform/${formId}`, () => json(fixture(name)));
  });
  const form = await createApi({ baseUrl: server.baseUrl }).getBookingForm(formId);
  return { form, server };
}

describe('getBookingForm', () => {
  it('reads the documented example', async () => {
    const { form, server } = await formFrom('bookform');
    expect(server.requests[0]).toMatchObject({ method: 'GET', path: '/api/v1/bookform/7', rawQuery: '' });
    expect(form).toMatchObject({
      id: 7,
      groupId: 1,
      locationId: 1,
      phoneConfirmation: false,
      lang: 'en-US',
      commentRequired: false,
      showPrivacyPolicy: false,
      staffCaption: 'specialization',
      style: { showHeader: true, mainColor: '#666', secondaryColor: '#999', buttonsColor: '#FFF' },
    });
    expect(form.langs).toHaveLength(25);
    expect(form.langs[0]).toEqual({ code: 'en-US', title: 'English' });
    expect(form.commentInputName).toBeUndefined();
  });

  it('orders steps by number and renames master → staff, comfirm → confirm', async () => {
    const { form } = await formFrom('bookform');
    expect(form.steps.map((s) => [s.order, s.step])).toEqual([
      [1, 'service'],
      [2, 'staff'],
      [3, 'datetime'],
      [3, 'contact'],
      [4, 'confirm'],
    ]);
  });

  it('keeps preset values: a hidden service, "any" team member, the default date and time', async () => {
    const { form } = await formFrom('bookform');
    const [service, staff, datetime, contact] = form.steps;
    expect(service).toEqual({ step: 'service', order: 1, title: 'Choose a service', hidden: true, defaultValue: 196 });
    expect(staff).toMatchObject({ step: 'staff', hidden: false, defaultValue: -1 });
    expect(datetime).toEqual({
      step: 'datetime',
      order: 3,
      title: 'Select session date and time',
      hidden: false,
      dateHidden: false,
      timeHidden: false,
      dateDefault: '2025-09-21',
      timeDefault: 27900,
    });
    expect(contact?.defaultValue).toBeUndefined();
  });

  it('reads prose names, string numbers and 0/1 booleans, and chain steps', async () => {
    const { form } = await formFrom('bookform-quirks', 42);
    expect(form).toMatchObject({
      id: 42,
      groupId: 83,
      locationId: 1050,
      phoneConfirmation: true,
      lang: 'lv-LV',
      commentRequired: true,
      commentInputName: 'Wishes',
      bookingNotifyText: 'Please arrive 5 minutes early',
      showPrivacyPolicy: true,
      staffCaption: 'position',
    });
    expect(form.langs).toEqual([
      { code: 'en-US', title: 'English' },
      { code: 'lv-LV', title: 'Latviešu valoda' },
    ]);
    // city and company both become location steps; an unknown step kind is dropped
    expect(form.steps.map((s) => s.step)).toEqual(['location', 'location', 'service', 'staff', 'datetime', 'contact', 'confirm']);
    const [city, company, service, staff, datetime] = form.steps;
    expect(city).toEqual({ step: 'location', order: 1, title: 'City', hidden: false });
    expect(company).toMatchObject({ hidden: true, defaultValue: 1050 });
    expect(service?.defaultValue).toBeUndefined(); // 0 is no preset service
    expect(staff).toMatchObject({ hidden: true, defaultValue: 0 }); // 0 = any team member
    expect(datetime).toMatchObject({ dateHidden: true, timeHidden: true, dateDefault: '2025-12-31', timeDefault: 36000 });
  });

  it('reads the style: header switch, logo, background and palettes', async () => {
    const { form } = await formFrom('bookform-quirks', 42);
    expect(form.style).toEqual({
      showHeader: false,
      logo: 'https://example.com/logo.png',
      headerBackground: 'https://example.com/bg.jpg',
      primaryPalette: 'teal',
      accentPalette: 'amber',
      warnPalette: 'red',
      backgroundPalette: 'grey',
    });
  });
});
