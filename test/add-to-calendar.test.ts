// The booking as a calendar event: times from the record's own offset, the .ics written by
// ical-generator, the Google Calendar, Outlook and directions links, the booking page's address;
// its text in the visitor's language, the city written once.
import { afterEach, describe, expect, it } from 'vitest';
import type { BookingDetails } from '../src/api/types';
import { calendarEvent, directionsUrl, googleCalendarUrl, manageUrl, outlookCalendarUrl } from '../src/flow/add-to-calendar';
import { icsText } from '../src/flow/ics';
import { setLocale } from '../src/i18n';
import fr from '../src/i18n/widget/fr';
import ar from '../src/i18n/widget/ar';

const details: BookingDetails = {
  id: 4820001,
  services: [
    { id: 1, title: "Women's haircut", cost: 65, priceMin: 65, priceMax: 95, discount: 0 },
    { id: 2, title: 'Blow-dry, styling', cost: 45, priceMin: 45, priceMax: 45, discount: 0 },
  ],
  location: {
    id: 101201, title: 'Lumen Studio SoHo', address: '118 Prince Street', city: 'New York', phone: '+1 212 555 0142', currency: 'USD',
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

/** A French form: Altegio's resource for its keys, the bundled French for the widget's own. */
const FRENCH = { record: { master: 'Spécialiste' }, confirm: { phone: 'Téléphone' }, widget: fr.widget };
const ARABIC = { record: { master: 'المختص' }, confirm: { phone: 'الهاتف' }, widget: ar.widget };

afterEach(() => setLocale('en-US', null));

describe('calendarEvent', () => {
  it('starts at the record’s instant and lasts its length', () => {
    const e = calendarEvent(details, { manageUrl: 'https://widget.example/?record=1' });
    expect(e.start.toISOString()).toBe('2026-11-24T15:00:00.000Z');
    expect(e.end.toISOString()).toBe('2026-11-24T16:45:00.000Z');
    // The services as English lists them (a service's own comma stays its own), then the place.
    expect(e.title).toBe("Women's haircut and Blow-dry, styling, Lumen Studio SoHo");
    expect(e.location).toBe('Lumen Studio SoHo, 118 Prince Street, New York');
    expect(e.description.split('\n')).toEqual([
      'Employee: Olivia Bennett',
      'Telephone: +1 212 555 0142',
      'View or cancel this booking: https://widget.example/?record=1',
    ]);
  });

  it('is written in the visitor’s language, joined the language’s way', () => {
    setLocale('fr-FR', FRENCH);
    const e = calendarEvent(details, { manageUrl: 'https://widget.example/?record=1' });
    expect(e.title).toBe("Women's haircut et Blow-dry, styling, Lumen Studio SoHo");
    expect(e.description.split('\n')).toEqual([
      'Spécialiste\u00a0: Olivia Bennett',
      'Téléphone\u00a0: +1 212 555 0142',
      'Voir ou annuler ce rendez-vous\u00a0: https://widget.example/?record=1',
    ]);
    setLocale('ar', ARABIC);
    const arabic = calendarEvent({ ...details, services: [{ ...details.services[0]!, title: 'قص الشعر' }, { ...details.services[1]!, title: 'تصفيف' }] });
    // Arabic lists with "و" and separates with the Arabic comma, never an English ", ".
    expect(arabic.title).toBe('قص الشعر وتصفيف، Lumen Studio SoHo');
    expect(arabic.location).toBe('Lumen Studio SoHo، 118 Prince Street، New York');
    expect(arabic.description.split('\n')[0]).toBe('المختص: Olivia Bennett');
  });

  it('names the city once when the address already has it', () => {
    const place = { ...details.location, address: 'Adelaide, 42 Rundle Mall', city: 'Adelaide' };
    const e = calendarEvent({ ...details, location: place });
    expect(e.location).toBe('Lumen Studio SoHo, Adelaide, 42 Rundle Mall');
    const { coordinates: _c, ...noCoordinates } = place;
    expect(new URL(directionsUrl(noCoordinates)).searchParams.get('destination')).toBe('Adelaide, 42 Rundle Mall');
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
    expect(lines).toContain("SUMMARY:Women's haircut and Blow-dry\\, styling\\, Lumen Studio SoHo");
    expect(lines).toContain('LOCATION:Lumen Studio SoHo\\, 118 Prince Street\\, New York');
    expect(lines).toContain('UID:4820001.101201@booking-widget');
  });

  it('says the appointment in the visitor’s language (French)', () => {
    setLocale('fr-FR', FRENCH);
    const text = icsText([calendarEvent(details, { manageUrl: 'https://widget.example/?record=1' })], new Date('2026-11-20T00:00:00Z'));
    const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n');
    expect(lines).toContain("SUMMARY:Women's haircut et Blow-dry\\, styling\\, Lumen Studio SoHo");
    expect(lines).toContain('DESCRIPTION:Spécialiste\u00a0: Olivia Bennett\\nTéléphone\u00a0: +1 212 555 0142\\nVoir ou annuler ce rendez-vous\u00a0: https://widget.example/?record=1');
  });
});

describe('links', () => {
  it('Google Calendar takes UTC start/end, title, details and address', () => {
    const url = new URL(googleCalendarUrl(calendarEvent(details)));
    expect(url.searchParams.get('dates')).toBe('20261124T150000Z/20261124T164500Z');
    expect(url.searchParams.get('location')).toBe('Lumen Studio SoHo, 118 Prince Street, New York');
  });

  it('Outlook on the web opens its new-event form with the UTC instants, title, address and details', () => {
    const url = new URL(outlookCalendarUrl(calendarEvent(details, { manageUrl: 'https://widget.example/?record=1' })));
    expect(url.origin + url.pathname).toBe('https://outlook.live.com/calendar/0/deeplink/compose');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      path: '/calendar/action/compose',
      rru: 'addevent',
      subject: "Women's haircut and Blow-dry, styling, Lumen Studio SoHo",
      // 10:00 in New York (-05:00) for 1 h 45 min.
      startdt: '2026-11-24T15:00:00Z',
      enddt: '2026-11-24T16:45:00Z',
      location: 'Lumen Studio SoHo, 118 Prince Street, New York',
      body: 'Employee: Olivia Bennett\nTelephone: +1 212 555 0142\nView or cancel this booking: https://widget.example/?record=1',
    });
    // A summer visit in Riga (+03:00): the record's own offset, whatever the visitor's zone.
    const riga = new URL(outlookCalendarUrl(calendarEvent({ ...details, datetime: '2026-07-01T10:00:00+03:00', length: 1800 })));
    expect([riga.searchParams.get('startdt'), riga.searchParams.get('enddt')]).toEqual(['2026-07-01T07:00:00Z', '2026-07-01T07:30:00Z']);
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
