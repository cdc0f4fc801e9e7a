// The mutable part of one demo instance: bookings made through book_record and SMS codes "sent".
// Everything else (the business itself) is the read-only seed.
import { AccountState } from './account';
import type { DemoTeamMember, Interval } from './model';
import { seededBusy } from './seeded-bookings';

/** A booking as `GET /__demo/bookings` lists it. */
export interface DemoBooking {
  recordId: number;
  recordHash: string;
  locationId: number;
  staffId: number;
  serviceIds: number[];
  /** Exactly the string the client sent. */
  datetime: string;
  fullname: string;
  phone: string;
  email: string;
  comment: string;
  code?: string;
  apiId?: string;
  notifyBySms?: number;
  notifyByEmail?: number;
  createdAt: string;
  /** Set when the visitor cancelled it (DELETE user/records); its time is free again. */
  deletedAt?: string;
  /** A seat booking of a group event (POST activity/…/book): the event's id and the seats taken. */
  activityId?: number;
  clientsCount?: number;
  /** false: made by the front desk (the seeded visitor's "by phone" bookings); true when absent. */
  online?: boolean;
  /** Set when the visitor moved it (PUT book_record). */
  changedAt?: string;
}

/** Internally a booking also knows the instants it occupies. */
export interface StoredBooking extends DemoBooking {
  start: number;
  end: number;
  /** Whether the client asked for this member (false when booked with "any member"). */
  memberRequested: boolean;
  /** The start of the seeded busy stretch this booking stands for (the seeded visitor's, account.ts). */
  claims?: number;
}

const FIRST_RECORD_ID = 4_820_001;

export class DemoStore {
  /** Milliseconds `POST /__demo/clock` moved the clock by; a reset moves it back. */
  private clockShift = 0;
  private readonly clock: () => Date;
  bookings: StoredBooking[] = [];
  /** Last SMS code per phone as the client typed it. */
  smsCodes = new Map<string, { code: string; sentAt: string }>();
  private nextRecordId = FIRST_RECORD_ID;
  private seededCache = new Map<string, Interval[]>();
  /** Sign-in tokens and the seeded visitor's history (account.ts). */
  readonly accounts: AccountState;

  constructor(now: () => Date = () => new Date()) {
    this.clock = now;
    this.accounts = new AccountState(this);
  }

  readonly now = (): Date => new Date(this.clock().getTime() + this.clockShift);

  /** Moves the clock so it reads `at` now; it then runs on from there. */
  setClock(at: Date): void {
    this.clockShift = at.getTime() - this.clock().getTime();
    // The seeded visitor's history is laid out again around the new "now" (sign-ins stay).
    this.accounts.relayHistory();
  }

  nowMs(): number {
    return this.now().getTime();
  }

  /** Back to the seed. */
  reset(): void {
    this.bookings = [];
    this.smsCodes.clear();
    this.nextRecordId = FIRST_RECORD_ID;
    this.clockShift = 0;
    this.accounts.reset();
  }

  /** Seeded and created bookings of one member on one local date. */
  busy(member: DemoTeamMember, date: string, tz: string): Interval[] {
    const key = `${member.id}:${date}`;
    let seeded = this.seededCache.get(key);
    if (!seeded) {
      seeded = seededBusy(member, date, tz);
      this.seededCache.set(key, seeded);
    }
    const created = this.bookings.filter((b) => b.staffId === member.id && !b.deletedAt).map(({ start, end }) => ({ start, end }));
    return [...this.accounts.adjustBusy(member, date, tz, seeded), ...created];
  }

  addBooking(booking: Omit<StoredBooking, 'recordId' | 'recordHash' | 'createdAt'>): StoredBooking {
    const stored: StoredBooking = {
      ...booking,
      recordId: this.nextRecordId++,
      recordHash: crypto.randomUUID().replace(/-/g, ''),
      createdAt: this.now().toISOString(),
    };
    this.bookings.push(stored);
    return stored;
  }

  /** A booking made in this demo or one of the seeded visitor's. */
  findBooking(locationId: number, recordId: number): StoredBooking | undefined {
    return this.accounts.allRecords().find((b) => b.locationId === locationId && b.recordId === recordId);
  }

  /** Marks a booking cancelled; it stays readable (as `deleted: true`), like the real API's. */
  cancelBooking(booking: StoredBooking): void {
    booking.deletedAt = this.now().toISOString();
  }

  recordSms(phone: string, code: string): void {
    this.smsCodes.set(phone, { code, sentAt: this.now().toISOString() });
  }

  /** The code last sent to this phone, matched by digits so formatting differences don't matter. */
  smsCodeFor(phone: string): string | undefined {
    const digits = onlyDigits(phone);
    for (const [sentTo, { code }] of this.smsCodes) if (onlyDigits(sentTo) === digits) return code;
    return undefined;
  }
}

export function onlyDigits(phone: string): string {
  return phone.replace(/\D/g, '');
}
