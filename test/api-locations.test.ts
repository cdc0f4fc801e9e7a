// Locations of a chain, one location, and the locale strings.
import { describe, expect, it } from 'vitest';
import { createApi } from '../src/api';
import { fixture, json, startServer } from './helpers/server';

describe('getLocations', () => {
  it('asks for the chain with forBooking=1 and reads the documented example', async () => {
    const server = await startServer((api) => {
      api.get('/companies', () => json(fixture('companies')));
    });
    const [first, second] = await createApi({ baseUrl: server.baseUrl }).getLocations(83);

    expect(server.requests[0]?.query.get('group_id')).toBe('83');
    expect(server.requests[0]?.query.get('forBooking')).toBe('1');
    expect(first).toEqual({
      id: 1050,
      title: 'La Visage',
      address: 'New York, 787 Jackson Drive',
      city: 'New York',
      country: 'United States',
      phone: '+1-315-555-0175',
      timezoneName: 'America/New_York',
      phoneConfirmation: true,
      nextSlot: '2023-03-23T10:10:00+03:00',
      currency: '$',
      coordinates: { lat: 40.73061, lon: -73.935242 },
      descriptionHtml: '<p>Welcome to La Visage</p>',
      reminderHours: 1,
      smsRemindersOff: false,
    });
    // string id, 0/1 boolean, phone only in `phones`, no real coordinates
    expect(second).toMatchObject({ id: 1051, phoneConfirmation: false, phone: '+1-315-555-0199' });
    expect(second?.coordinates).toBeUndefined();
    expect(second?.nextSlot).toBeUndefined();
  });
});

describe('getLocation', () => {
  it('asks for one location with forBooking=1 and reads the documented example', async () => {
    const server = await startServer((api) => {
      api.get('/company/37532', () => json(fixture('company')));
    });
    const location = await createApi({ baseUrl: server.baseUrl }).getLocation(37532);
    expect(server.requests[0]?.rawQuery).toBe('forBooking=1');
    expect(location).toMatchObject({
      id: 37532,
      title: 'James Smith LLC',
      timezoneName: 'America/New_York',
      phoneConfirmation: true,
      phone: '',
      currency: '',
      descriptionHtml: 'The <strong>James Smith</strong> location',
    });
  });
});

describe('getLocale', () => {
  it('takes a bare dictionary as it is', async () => {
    const server = await startServer((api) => {
      api.get('/i18n/en-US', () => json(fixture('i18n-en-US')));
    });
    const strings = await createApi({ baseUrl: server.baseUrl }).getLocale('en-US');
    expect(strings).toEqual(fixture('i18n-en-US'));
  });

  it('unwraps a dictionary sent in the success envelope', async () => {
    const server = await startServer((api) => {
      api.get('/i18n/lv-LV', () => json({ success: true, data: { action: { send: 'sūtīt' } }, meta: [] }));
    });
    const strings = await createApi({ baseUrl: server.baseUrl }).getLocale('lv-LV');
    expect(strings).toEqual({ action: { send: 'sūtīt' } });
  });
});
