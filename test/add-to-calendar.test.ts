// The booking as a calendar event: times from the record's own offset, the .ics written by
// ical-generator, the Google Calendar and directions links, the booking page's address.
import { describe, expect, it } from 'vitest';
import type { BookingDetails } from '../src/api/types';
import { calendarEvent, directionsUrl, googleCalendarUrl, manageUrl } from '../src/flow/add-to-calendar';
import { icsText } from '../src/flow/ics';

const details: BookingDetails = {
  id: 4820001,
  services: [{ id: 1, title: "Women's haircut", cost: 65 }, { id: 2, title: 'Blow-dry, styling', cost: 45 }],
  location: {
    id: 101201, title: 'Lumen Studio SoHo', address: '118 Prince Street', city: 'New York', phone: '+1 212 555 0142',
    coordinates: { lat: 40.7251, lon: -73.9991 }, allowDelete: true, deleteDelaySeconds: 0,
  },
  staff: { id: 201, name: 'Olivia Bennett' },
  datetime: '2026-11-24T10:00:00-05:00',
  length: 6300,
  comment: '',
  deleted: false,
  notifyBySms: 24,
  notifyByEmail: 0,
};

describe('calendarEvent', () => {
  it('starts at the record’s instant and lasts its length', () => {
    const e = calendarEvent(details, { manageUrl: 'https://widget.example/?record=1' });
    expect(e.start.toISOString()).toBe('2026-11-24T15:00:00.000Z');
    expect(e.end.toISOString()).toBe('2026-11-24T16:45:00.000Z');
    expect(e.title).toBe("Women's haircut, Blow-dry, styling · Lumen Studio SoHo");
    expect(e.location).toBe('Lumen Studio SoHo, 118 Prince Street, New York');
    expect(e.description.split('\n')).toEqual(['Olivia Bennett', '+1 212 555 0142', 'https://widget.example/?record=1']);
  });
});

describe('icsText', () => {
  it('writes one VEVENT per appointment, in UTC, with escaped text', () => {
    const e = calendarEvent(details);
    const text = icsText([e, { ...e, uid: 'second@booking-widget' }], new Date('2026-11-20T00:00:00Z'));
    const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(lines).toContain('DTSTART:20261124T150000Z');
    expect(lines).toContain('DTEND:20261124T164500Z');
    expect(lines).toContain("SUMMARY:Women's haircut\\, Blow-dry\\, styling · Lumen Studio SoHo");
    expect(lines).toContain('LOCATION:Lumen Studio SoHo\\, 118 Prince Street\\, New York');
    expect(lines).toContain('UID:4820001.101201@booking-widget');
  });
});

describe('links', () => {
  it('Google Calendar takes UTC start/end, title, details and address', () => {
    const url = new URL(googleCalendarUrl(calendarEvent(details)));
    expect(url.searchParams.get('dates')).toBe('20261124T150000Z/20261124T164500Z');
    expect(url.searchParams.get('location')).toBe('Lumen Studio SoHo, 118 Prince Street, New York');
  });

  it('directions go to the coordinates, or to the address without them', () => {
    expect(new URL(directionsUrl(details.location)).searchParams.get('destination')).toBe('40.7251,-73.9991');
    const { coordinates: _c, ...noCoordinates } = details.location;
    expect(new URL(directionsUrl(noCoordinates)).searchParams.get('destination')).toBe('118 Prince Street, New York');
  });

  it('the booking page is the hosted page with the record, its hash, the form and location', () => {
    const url = new URL(manageUrl({ appointmentId: 1, recordId: 7, recordHash: 'ab12' }, { formId: 2, locationId: 101201, lang: 'lv-LV' }, 'https://widget.example/?form=9'));
    expect(url.origin + url.pathname).toBe('https://widget.example/');
    expect(Object.fromEntries(url.searchParams)).toEqual({ form: '2', location: '101201', record: '7', hash: 'ab12', lang: 'lv-LV' });
  });
});
