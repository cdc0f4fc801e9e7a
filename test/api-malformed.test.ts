// Malformed answers (nulls, wrong types, empty lists, missing fields) read as empty or default
// values, never a throw: each step then shows its "nothing here" message or its choices.
import { describe, expect, it } from 'vitest';
import { normaliseBookingDetails, normaliseCreatedRecords } from '../src/api/booking';
import { normaliseBookingForm } from '../src/api/forms';
import { normaliseLocation, normaliseLocations } from '../src/api/locations';
import { normaliseBookableDates, normaliseNearestSlots, normaliseSlots } from '../src/api/schedule';
import { normaliseServiceCatalog } from '../src/api/services';
import { normaliseTeam } from '../src/api/staff';

/** What a broken server or proxy has been seen to send instead of the documented data. */
const JUNK: unknown[] = [null, undefined, '', 'error', 0, 42, true, [], {}, [null], [1, 'a', []], { id: null }];

describe('answers that are not what was documented', () => {
  it.each(JUNK.map((j) => [JSON.stringify(j) ?? 'undefined', j]))('reads %s as nothing to choose', (_label, junk) => {
    expect(normaliseLocations(junk)).toEqual([]);
    expect(normaliseServiceCatalog(junk)).toEqual({ categories: [], services: [] });
    expect(normaliseTeam(junk)).toEqual([]);
    expect(normaliseSlots(junk)).toEqual([]);
    expect(normaliseNearestSlots(junk)).toEqual({ slots: [] });
    expect(normaliseBookableDates(junk, '2026-03-05')).toEqual({ bookable: [], working: [] });
    expect(normaliseCreatedRecords(junk)).toEqual([]);
  });

  it.each(JUNK.map((j) => [JSON.stringify(j) ?? 'undefined', j]))('reads %s as a form with defaults', (_label, junk) => {
    const form = normaliseBookingForm(junk, 7);
    expect(form).toMatchObject({ id: 7, groupId: 0, locationId: 0, langs: [], steps: [], style: { showHeader: true } });
    expect(normaliseLocation(junk)).toMatchObject({ id: 0, title: '', descriptionHtml: '', phone: '' });
    expect(normaliseBookingDetails(junk)).toMatchObject({ services: [], staff: { name: '' }, datetime: '' });
  });
});

describe('fields of the wrong type', () => {
  const wrong = { id: '12', title: null, name: { en: 'x' }, address: ['a'], description: 42, information: false, weight: 'heavy' };

  it('locations: text fields become empty strings, never "null" or "[object Object]"', () => {
    const [location] = normaliseLocations([{ ...wrong, phones: null, timezone_name: 3, next_slot: {}, coordinate_lat: 'x' }]);
    expect(location).toMatchObject({ id: 12, title: '', address: '', descriptionHtml: '42', phone: '', timezoneName: '3' });
    expect(location).not.toHaveProperty('nextSlot');
    expect(location).not.toHaveProperty('coordinates');
  });

  it('services and categories: titles empty, numbers zero, no duration or image from junk', () => {
    const catalog = normaliseServiceCatalog({
      category: [{ ...wrong, title: ['Hair'] }, null],
      services: [{ ...wrong, price_min: 'free', seance_length: null, image: {} }, 'x'],
    });
    expect(catalog.categories).toEqual([{ id: 12, title: '', weight: 0 }]);
    expect(catalog.services).toEqual([{ id: 12, title: '', categoryId: 0, priceMin: 0, priceMax: 0, discount: 0, comment: '', weight: 0 }]);
  });

  it('team members: no name, no HTML, no photo, a hidden rating stays hidden', () => {
    const [member] = normaliseTeam([{ ...wrong, avatar: 7, position: 'Stylist', show_rating: '0', rating: '5', seance_date: null }]);
    expect(member).toMatchObject({ id: 12, name: '', informationHtml: '', rating: null, bookable: false, avatar: '7' });
    expect(member).not.toHaveProperty('position');
    expect(member).not.toHaveProperty('nextDate');
  });

  it('slots and dates: junk entries are skipped, real ones kept', () => {
    expect(normaliseSlots([null, 'x', { time: '10:00', seance_length: '3600', datetime: '2026-03-05T10:00:00-05:00' }])).toEqual([
      { time: '10:00', duration: 3600, datetime: '2026-03-05T10:00:00-05:00' },
    ]);
    expect(normaliseBookableDates({ booking_dates: ['2026-03-09', null, 'soon'], booking_days: { 3: [10, 'x', 40], 13: [1] } }, '2026-03-05').bookable).toEqual([
      '2026-03-09',
      '2026-03-10',
    ]);
  });
});
