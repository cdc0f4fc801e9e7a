// The booking as an iCalendar file for any calendar app. ical-generator writes the format (line
// folding, escaping, UTC times); it is loaded only when a visitor asks for the file.
import ical from 'ical-generator';
import type { CalendarEvent } from './add-to-calendar';

export function icsText(events: CalendarEvent[], now: Date = new Date()): string {
  const calendar = ical({ prodId: { company: 'Booking widget', product: 'Appointments', language: 'EN' } });
  for (const e of events) {
    calendar.createEvent({
      id: e.uid,
      stamp: now,
      start: e.start,
      end: e.end,
      summary: e.title,
      location: e.location,
      description: e.description,
    });
  }
  return calendar.toString();
}

/** Saves the file through the browser's download, from any embed mode (no page navigation). */
export function downloadIcs(events: CalendarEvent[], fileName: string): void {
  const blob = new Blob([icsText(events)], { type: 'text/calendar;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
