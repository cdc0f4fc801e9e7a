// After booking: each appointment as a calendar event (Google Calendar link, .ics file), the way
// to the location, and the link to the page where the booking can be seen or cancelled.
// Pure functions of what the business has on record; the .ics itself is written by ./ics.ts.
import type { BookingDetails, CreatedRecord } from '../api/types';
import { parseDateTime } from '../dates/zones';

export interface CalendarEvent {
  uid: string;
  start: Date;
  end: Date;
  title: string;
  /** The address, as a calendar or map shows it. */
  location: string;
  description: string;
}

/** One appointment as an event: start and end as instants (the record's offset is honoured). */
export function calendarEvent(d: BookingDetails, extra: { manageUrl?: string } = {}): CalendarEvent {
  const start = parseDateTime(d.datetime);
  const services = d.services.map((s) => s.title).join(', ');
  const place = d.location;
  const address = place.address.includes(place.city) ? place.address : [place.address, place.city].filter(Boolean).join(', ');
  return {
    uid: `${d.id}.${place.id}@booking-widget`,
    start,
    end: new Date(start.getTime() + Math.max(d.length, 0) * 1000),
    title: [services, place.title].filter(Boolean).join(' · '),
    location: [place.title, address].filter(Boolean).join(', '),
    description: [d.staff.name, place.phone, extra.manageUrl].filter(Boolean).join('\n'),
  };
}

/** `20260310T150000Z`: the form both Google Calendar and iCalendar take for UTC. */
export function utcStamp(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

export function googleCalendarUrl(e: CalendarEvent): string {
  const url = new URL('https://calendar.google.com/calendar/render');
  url.searchParams.set('action', 'TEMPLATE');
  url.searchParams.set('text', e.title);
  url.searchParams.set('dates', `${utcStamp(e.start)}/${utcStamp(e.end)}`);
  url.searchParams.set('details', e.description);
  url.searchParams.set('location', e.location);
  return url.href;
}

/** Directions by coordinates when the business gave them, else by address. */
export function directionsUrl(place: BookingDetails['location']): string {
  const url = new URL('https://www.google.com/maps/dir/');
  url.searchParams.set('api', '1');
  const { coordinates } = place;
  url.searchParams.set('destination', coordinates ? `${coordinates.lat},${coordinates.lon}` : [place.address, place.city].filter(Boolean).join(', '));
  return url.href;
}

/** The hosted page (this deployment's own index page): it works the same from every embed mode. */
export function hostedPageUrl(): string {
  return new URL(import.meta.env.BASE_URL || '/', import.meta.url).href;
}

/** The hosted page showing one booking, with a way to cancel it (src/app/manage.tsx). */
export function manageUrl(
  record: CreatedRecord,
  where: { formId: number; locationId: number; lang?: string },
  base: string = hostedPageUrl(),
): string {
  const url = new URL(base);
  url.search = '';
  const p = url.searchParams;
  p.set('form', String(where.formId));
  p.set('location', String(where.locationId));
  p.set('record', String(record.recordId));
  p.set('hash', record.recordHash);
  if (where.lang) p.set('lang', where.lang);
  return url.href;
}
