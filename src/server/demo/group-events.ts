// Group events (classes, workshops): a weekly timetable per location, with its own services and
// instructors. Kept apart from the individual services and team members on purpose: the individual
// lists (book_services' `services`, book_staff, free times) stay exactly as they were; group events
// reach visitors through book_services' `events` and the /activity/{location_id}/… endpoints.
//
// An event is a pure function of (timetable row, local date), like seeded-bookings.ts: its id
// encodes both, so the same event always has the same id, whatever "now" is. Seats taken are the
// row's seeded count plus the live bookings of the event (routes/activity.ts).
import type { DemoLocation, DemoService, DemoTeamMember } from './model';
import { DEMO, LOCATIONS } from './seed';
import { localDate, shiftDate, weekday, zonedInstant } from './slots';

/** Online prepayment: the API's `prepaid` values on services and events. */
export type Prepaid = NonNullable<DemoService['prepaid']>;

export interface DemoEventService {
  id: number;
  locationId: number;
  categoryId: number;
  categoryTitle: string;
  title: string;
  priceMin: number;
  priceMax: number;
  comment: string;
  prepaid: Prepaid;
}

/** Instructors teach group events only: they are not in book_staff's list. A team member's card, without the individual schedule. */
export type DemoInstructor = Pick<DemoTeamMember, 'id' | 'locationId' | 'name' | 'specialization' | 'position' | 'rating' | 'votes' | 'comments'>;

export interface TimetableRow {
  /** 0–31, unique across locations: part of the event id. */
  row: number;
  locationId: number;
  serviceId: number;
  staffId: number;
  /** 0 = Sunday … 6 */
  weekdays: number[];
  time: string;
  minutes: number;
  capacity: number;
  /** Seats already taken on every date, or a function of the date (varies day to day). */
  seeded: number | ((date: string) => number);
  /** The event's own prepayment rule (defaults to its service's). */
  prepaid?: Prepaid;
}

export interface DemoEvent {
  id: number;
  row: TimetableRow;
  location: DemoLocation;
  service: DemoEventService;
  staff: DemoInstructor;
  /** Local date in the location's zone. */
  date: string;
  start: number;
  end: number;
  capacity: number;
  seeded: number;
  prepaid: Prepaid;
}

const E = DEMO.events;
const L = DEMO.locations;

export const EVENT_SERVICES: DemoEventService[] = [
  { id: E.services.sunriseYoga, locationId: L.newYork, categoryId: 921, categoryTitle: 'Classes', title: 'Sunrise yoga', priceMin: 25, priceMax: 25, comment: 'Mats provided.', prepaid: 'forbidden' },
  { id: E.services.reformerPilates, locationId: L.newYork, categoryId: 921, categoryTitle: 'Classes', title: 'Reformer pilates', priceMin: 40, priceMax: 40, comment: '', prepaid: 'allowed' },
  { id: E.services.eveningFlow, locationId: L.newYork, categoryId: 921, categoryTitle: 'Classes', title: 'Evening flow yoga', priceMin: 20, priceMax: 30, comment: '', prepaid: 'allowed' },
  { id: E.services.colourWorkshop, locationId: L.newYork, categoryId: 922, categoryTitle: 'Workshops', title: 'At-home colour care workshop', priceMin: 120, priceMax: 120, comment: 'Materials included.', prepaid: 'required' },
  { id: E.services.rigaYoga, locationId: L.riga, categoryId: 931, categoryTitle: 'Nodarbības', title: 'Rīta joga', priceMin: 12, priceMax: 12, comment: '', prepaid: 'forbidden' },
  { id: E.services.rigaPilates, locationId: L.riga, categoryId: 931, categoryTitle: 'Nodarbības', title: 'Pilates', priceMin: 15, priceMax: 15, comment: '', prepaid: 'allowed' },
  { id: E.services.rigaNailClass, locationId: L.riga, categoryId: 932, categoryTitle: 'Meistarklases', title: 'Nagu dizaina meistarklase', priceMin: 60, priceMax: 60, comment: '', prepaid: 'required' },
];

export const INSTRUCTORS: DemoInstructor[] = [
  { id: E.staff.maya, locationId: L.newYork, name: 'Maya Chen', specialization: 'Yoga and pilates teacher', position: { id: 14, title: 'Instructor' }, rating: 4.9, votes: 52, comments: 14 },
  { id: E.staff.noah, locationId: L.newYork, name: 'Noah Price', specialization: 'Colour educator', position: null, rating: 4.7, votes: 12, comments: 3 },
  { id: E.staff.ilze, locationId: L.riga, name: 'Ilze Kalna', specialization: 'Jogas pasniedzēja', position: { id: 23, title: 'Instruktore' }, rating: 4.8, votes: 31, comments: 6 },
  { id: E.staff.marta, locationId: L.riga, name: 'Marta Lūse', specialization: 'Nagu dizainere', position: null, rating: 4.6, votes: 9, comments: 2 },
];

/** 0–(capacity − 2) seats taken, stable per (row, date). */
const varying = (row: number, capacity: number) => (date: string) => {
  let h = row * 31;
  for (const ch of date) h = (h * 33 + ch.charCodeAt(0)) % 1_000_003;
  return h % (capacity - 1);
};

export const TIMETABLE: TimetableRow[] = [
  // Nearly full: 1 of 12 left every time.
  { row: 0, locationId: L.newYork, serviceId: E.services.sunriseYoga, staffId: E.staff.maya, weekdays: [1, 3, 5], time: '07:30', minutes: 60, capacity: 12, seeded: 11 },
  // Full every time.
  { row: 1, locationId: L.newYork, serviceId: E.services.reformerPilates, staffId: E.staff.maya, weekdays: [2, 4], time: '18:00', minutes: 50, capacity: 6, seeded: 6 },
  { row: 2, locationId: L.newYork, serviceId: E.services.eveningFlow, staffId: E.staff.maya, weekdays: [1, 3], time: '19:00', minutes: 75, capacity: 20, seeded: varying(2, 20) },
  // Prepayment required, plenty of room.
  { row: 3, locationId: L.newYork, serviceId: E.services.colourWorkshop, staffId: E.staff.noah, weekdays: [6], time: '10:00', minutes: 180, capacity: 8, seeded: 2 },
  { row: 8, locationId: L.riga, serviceId: E.services.rigaYoga, staffId: E.staff.ilze, weekdays: [2, 4, 6], time: '08:00', minutes: 60, capacity: 10, seeded: 9 },
  { row: 9, locationId: L.riga, serviceId: E.services.rigaPilates, staffId: E.staff.ilze, weekdays: [1, 3], time: '18:30', minutes: 55, capacity: 12, seeded: varying(9, 12) },
  { row: 10, locationId: L.riga, serviceId: E.services.rigaNailClass, staffId: E.staff.marta, weekdays: [6], time: '12:00', minutes: 120, capacity: 6, seeded: 6 },
];

/** Events are listed this many days back (past ones: not bookable) and ahead of today. */
export const EVENTS_PAST_DAYS = 28;
export const EVENTS_AHEAD_DAYS = 60;
/** Events per search page when `count` is absent, and the most a page may ask for. */
export const EVENTS_PAGE_SIZE = 25;
export const EVENTS_PAGE_MAX = 100;

const ID_BASE = 30_000_000;
const ROWS_PER_DAY = 32;
const EPOCH_DAY = Date.UTC(2020, 0, 1);

function dayNumber(date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - EPOCH_DAY) / 86_400_000);
}

function dateOfDay(day: number): string {
  return new Date(EPOCH_DAY + day * 86_400_000).toISOString().slice(0, 10);
}

export function eventService(locationId: number, id: number): DemoEventService | undefined {
  return EVENT_SERVICES.find((s) => s.locationId === locationId && s.id === id);
}

export function instructor(id: number): DemoInstructor | undefined {
  return INSTRUCTORS.find((s) => s.id === id);
}

function occurrence(row: TimetableRow, date: string): DemoEvent | undefined {
  const location = LOCATIONS.find((l) => l.id === row.locationId);
  const service = eventService(row.locationId, row.serviceId);
  const staff = instructor(row.staffId);
  if (!location || !service || !staff || !row.weekdays.includes(weekday(date))) return undefined;
  const start = zonedInstant(date, row.time, location.timezoneName);
  return {
    id: ID_BASE + dayNumber(date) * ROWS_PER_DAY + row.row,
    row, location, service, staff, date, start,
    end: start + row.minutes * 60_000,
    capacity: row.capacity,
    seeded: Math.min(row.capacity, typeof row.seeded === 'number' ? row.seeded : row.seeded(date)),
    prepaid: row.prepaid ?? service.prepaid,
  };
}

/** The dates events exist on, seen from `now`: a few weeks back to the booking horizon. */
export function eventWindow(now: number, tz: string): { first: string; last: string } {
  const today = localDate(now, tz);
  return { first: shiftDate(today, -EVENTS_PAST_DAYS), last: shiftDate(today, EVENTS_AHEAD_DAYS) };
}

/** A location's events from `from` to `till` (both local dates, included), clipped to the window, by start. */
export function eventsBetween(location: DemoLocation, from: string, till: string, now: number): DemoEvent[] {
  const window = eventWindow(now, location.timezoneName);
  const first = from > window.first ? from : window.first;
  const last = till < window.last ? till : window.last;
  const rows = TIMETABLE.filter((r) => r.locationId === location.id);
  const out: DemoEvent[] = [];
  for (let date = first; date <= last; date = shiftDate(date, 1)) {
    for (const row of rows) {
      const event = occurrence(row, date);
      if (event) out.push(event);
    }
  }
  return out.sort((a, b) => a.start - b.start || a.row.row - b.row.row);
}

/** The event with this id at this location, if it is in the window. */
export function findEvent(location: DemoLocation, id: number, now: number): DemoEvent | undefined {
  if (!Number.isInteger(id) || id < ID_BASE) return undefined;
  const rowNumber = (id - ID_BASE) % ROWS_PER_DAY;
  const date = dateOfDay(Math.floor((id - ID_BASE) / ROWS_PER_DAY));
  const row = TIMETABLE.find((r) => r.row === rowNumber && r.locationId === location.id);
  const window = eventWindow(now, location.timezoneName);
  if (!row || date < window.first || date > window.last) return undefined;
  return occurrence(row, date);
}

/** Group-event services of a location, as book_services' `events` lists them. */
export function eventServicesOf(locationId: number): DemoEventService[] {
  return EVENT_SERVICES.filter((s) => s.locationId === locationId);
}
