// After booking: each appointment as a calendar event (Google Calendar and Outlook links, .ics
// file), the way to the location, and the link to the page where the booking can be seen or cancelled.
// Pure functions of what the business has on record; the .ics itself is written by ./ics.ts.
// Their text is in the visitor's language (the calendar shows it as written), joined by Intl.
import type { BookingDetails, CreatedRecord } from '../api/types';
import { parseDateTime } from '../dates/zones';
import { t } from '../i18n';
import { addressLine, comma, formatList } from '../i18n/joins';

export interface CalendarEvent {
  uid: string;
  start: Date;
  end: Date;
  title: string;
  /** The address, as a calendar or map shows it. */
  location: string;
  description: string;
}

/** Where a place is, as one line: its address with the city written once. */
export function placeAddress(place: Pick<BookingDetails['location'], 'address' | 'city'>, code?: string): string {
  return addressLine(place.address, place.city, code);
}

/**
 * One appointment as an event: start and end as instants (the record's offset is honoured); the
 * title, place and details in the visitor's language.
 */
export function calendarEvent(d: BookingDetails, extra: { manageUrl?: string } = {}): CalendarEvent {
  const start = parseDateTime(d.datetime);
  const place = d.location;
  const join = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(comma());
  const line = (label: string, value: string | undefined) => value && t('widget.labelled', { label: t(label), value });
  return {
    uid: `${d.id}.${place.id}@booking-widget`,
    start,
    end: new Date(start.getTime() + Math.max(d.length, 0) * 1000),
    title: join(formatList(d.services.map((s) => s.title)), place.title),
    location: join(place.title, placeAddress(place)),
    description: [
      line('record.master', d.staff.name),
      line('confirm.phone', place.phone),
      line('widget.manage_booking', extra.manageUrl),
    ]
      .filter(Boolean)
      .join('\n'),
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

/**
 * Outlook on the web (outlook.live.com) opens its new-event form with these filled in. Start and
 * end as UTC instants (`…Z`), so the calendar shows them in its owner's zone whatever the location's.
 */
export function outlookCalendarUrl(e: CalendarEvent): string {
  const url = new URL('https://outlook.live.com/calendar/0/deeplink/compose');
  const iso = (at: Date) => at.toISOString().replace(/\.\d{3}Z$/, 'Z');
  url.searchParams.set('path', '/calendar/action/compose');
  url.searchParams.set('rru', 'addevent');
  url.searchParams.set('subject', e.title);
  url.searchParams.set('startdt', iso(e.start));
  url.searchParams.set('enddt', iso(e.end));
  url.searchParams.set('location', e.location);
  url.searchParams.set('body', e.description);
  return url.href;
}

/** Directions by coordinates when the business gave them, else by address. */
export function directionsUrl(place: Pick<BookingDetails['location'], 'address' | 'city' | 'coordinates'>): string {
  const url = new URL('https://www.google.com/maps/dir/');
  url.searchParams.set('api', '1');
  const { coordinates } = place;
  url.searchParams.set('destination', coordinates ? `${coordinates.lat},${coordinates.lon}` : placeAddress(place));
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
