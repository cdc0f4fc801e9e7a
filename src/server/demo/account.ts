// The visitor's account: sign-in tokens, and the seeded visitor's own history (bookings made
// before the demo started, online and by phone). A visitor's records are every booking with their
// phone (compared by digits): the ones booked in this demo (DemoStore.bookings) and the seeded ones.
//
// The seeded visitor's upcoming bookings sit exactly on times seeded-bookings.ts already marks busy,
// so the free times everyone else sees are the same as without them. Moving or cancelling one frees
// that seeded time (`claims`).
import { findService } from './availability';
import type { DemoLocation, DemoTeamMember, Interval } from './model';
import { eventsBetween } from './group-events';
import { DEMO, LOCATIONS, SERVICES, TEAM } from './seed';
import { seededBusy } from './seeded-bookings';
import { formatSlotDatetime, localDate, shiftDate, zonedInstant } from './slots';
import { onlyDigits, type DemoStore, type StoredBooking } from './store';

export interface DemoUser {
  id: number;
  phone: string;
  name: string;
  email: string;
}

const FIRST_SEEDED_RECORD_ID = 4_710_001;
const SEEDED_USER_ID = 880_001;

export class AccountState {
  /** user_token → phone digits */
  private tokens = new Map<string, string>();
  private users = new Map<string, DemoUser>();
  private nextUserId = SEEDED_USER_ID + 1;
  private seededRecords: StoredBooking[] | undefined;

  constructor(private readonly store: DemoStore) {}

  /** Back to the seed; the seeded history is laid out again from the clock's "now" when next asked. */
  reset(): void {
    this.tokens.clear();
    this.users.clear();
    this.nextUserId = SEEDED_USER_ID + 1;
    this.seededRecords = undefined;
  }

  /** The seeded history is laid out again when next asked for, around the clock's "now" then. */
  relayHistory(): void {
    this.seededRecords = undefined;
  }

  /** The seeded visitor's bookings (laid out relative to "now" on first use). */
  seeded(): StoredBooking[] {
    this.seededRecords ??= seedVisitorHistory(this.store.nowMs());
    return this.seededRecords;
  }

  /** Every booking: made in this demo, then the seeded history. */
  allRecords(): StoredBooking[] {
    return [...this.store.bookings, ...this.seeded()];
  }

  /** A member's busy time with the seeded visitor's moves and cancellations applied. */
  adjustBusy(member: DemoTeamMember, date: string, tz: string, seeded: Interval[]): Interval[] {
    const mine = this.seeded().filter((b) => b.staffId === member.id);
    if (mine.length === 0) return seeded;
    const claimed = new Set(mine.map((b) => b.claims));
    const kept = seeded.filter((s) => !claimed.has(s.start));
    const live = mine.filter((b) => !b.deletedAt && localDate(b.start, tz) === date).map(({ start, end }) => ({ start, end }));
    return [...kept, ...live];
  }

  /** Signs a phone in: a fresh token each time; the user is created on first sign-in. */
  signIn(phone: string): { token: string; user: DemoUser } {
    const user = this.userFor(phone);
    const token = crypto.randomUUID().replace(/-/g, '').slice(0, 22);
    this.tokens.set(token, onlyDigits(phone));
    return { token, user };
  }

  /** The signed-in user of a token, or undefined. */
  userOf(token: string | undefined): DemoUser | undefined {
    const digits = token ? this.tokens.get(token) : undefined;
    return digits === undefined ? undefined : this.users.get(digits);
  }

  /** The user's bookings at the given locations (all locations when none are given), newest first. */
  recordsOf(user: DemoUser, locationIds?: number[]): StoredBooking[] {
    const digits = onlyDigits(user.phone);
    return this.allRecords()
      .filter((b) => onlyDigits(b.phone) === digits && (!locationIds || locationIds.includes(b.locationId)))
      .sort((a, b) => b.start - a.start);
  }

  private userFor(phone: string): DemoUser {
    const digits = onlyDigits(phone);
    let user = this.users.get(digits);
    if (!user) {
      const visitor = DEMO.visitor;
      if (digits === onlyDigits(visitor.phone)) {
        user = { id: SEEDED_USER_ID, phone: visitor.phone, name: visitor.name, email: visitor.email };
      } else {
        // Named as on their latest booking, when they have one.
        const latest = this.allRecords().filter((b) => onlyDigits(b.phone) === digits).at(-1);
        user = { id: this.nextUserId++, phone, name: latest?.fullname ?? '', email: latest?.email ?? '' };
      }
      this.users.set(digits, user);
    }
    return user;
  }
}

/**
 * The seeded visitor's history: in New York two upcoming visits (one made online, one by phone) and
 * two past ones; in Riga one upcoming; a seat at New York's next evening yoga class.
 */
function seedVisitorHistory(now: number): StoredBooking[] {
  const ny = LOCATIONS.find((l) => l.id === DEMO.locations.newYork)!;
  const riga = LOCATIONS.find((l) => l.id === DEMO.locations.riga)!;
  let nextId = FIRST_SEEDED_RECORD_ID;
  const visitor = DEMO.visitor;
  const record = (location: DemoLocation, member: DemoTeamMember, serviceIds: number[], slot: Interval, online: boolean, extra: Partial<StoredBooking> = {}): StoredBooking => ({
    recordId: nextId++,
    recordHash: `seeded${String(nextId).padStart(10, '0')}`,
    locationId: location.id,
    staffId: member.id,
    serviceIds,
    datetime: formatSlotDatetime(slot.start, location.timezoneName),
    start: slot.start,
    end: slot.end,
    memberRequested: true,
    fullname: visitor.name,
    phone: visitor.phone,
    email: visitor.email,
    comment: '',
    createdAt: new Date(Math.min(now, slot.start) - 9 * 86_400_000).toISOString(),
    online,
    ...extra,
  });
  const member = (id: number) => TEAM.find((m) => m.id === id)!;
  const out: StoredBooking[] = [];

  const upcoming = (location: DemoLocation, staffId: number, fromDays: number) => {
    const found = firstSeededVisit(location, member(staffId), now, fromDays);
    if (found) out.push(record(location, member(staffId), [found.serviceId], found.slot, staffId !== DEMO.staff.hannah, { claims: found.slot.start }));
  };
  upcoming(ny, DEMO.staff.olivia, 1);
  // Booked by phone with the front desk.
  upcoming(ny, DEMO.staff.hannah, 2);
  upcoming(riga, DEMO.staff.liga, 3);

  const today = localDate(now, ny.timezoneName);
  const past = (days: number, staffId: number, serviceId: number, time: string, online: boolean) => {
    const start = zonedInstant(shiftDate(today, -days), time, ny.timezoneName);
    const minutes = findService(ny.id, serviceId)?.duration ?? 60;
    out.push(record(ny, member(staffId), [serviceId], { start, end: start + minutes * 60_000 }, online));
  };
  past(12, DEMO.staff.olivia, DEMO.services.womensHaircut, '11:00', true);
  past(40, DEMO.staff.grace, DEMO.services.browShaping, '15:30', false);

  const yoga = eventsBetween(ny, shiftDate(today, 1), shiftDate(today, 14), now).find((e) => e.service.id === DEMO.events.services.eveningFlow);
  if (yoga) {
    out.push({ ...record(ny, member(DEMO.staff.olivia), [yoga.service.id], yoga, true), staffId: yoga.staff.id, activityId: yoga.id, clientsCount: 1 });
  }
  return out;
}

/** The first seeded busy stretch from `fromDays` on that one of the member's services fills exactly. */
function firstSeededVisit(location: DemoLocation, member: DemoTeamMember, now: number, fromDays: number): { slot: Interval; serviceId: number } | undefined {
  const tz = location.timezoneName;
  const today = localDate(now, tz);
  for (let day = fromDays; day < fromDays + 21; day++) {
    for (const slot of seededBusy(member, shiftDate(today, day), tz)) {
      const minutes = (slot.end - slot.start) / 60_000;
      const service = SERVICES.find((s) => s.bookable && s.locationId === location.id && member.serviceIds.includes(s.id) && s.duration === minutes);
      if (service) return { slot, serviceId: service.id };
    }
  }
  return undefined;
}
