// The mutable part of one demo instance: bookings made through book_record and SMS codes "sent".
// Everything else (the business itself) is the read-only seed.
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
}

/** Internally a booking also knows the instants it occupies. */
export interface StoredBooking extends DemoBooking {
  start: number;
  end: number;
  /** Whether the client asked for this member (false when booked with "any member"). */
  memberRequested: boolean;
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

  constructor(now: () => Date = () => new Date()) {
    this.clock = now;
  }

  readonly now = (): Date => new Date(this.clock().getTime() + this.clockShift);

  /** Moves the clock so it reads `at` now; it then runs on from there. */
  setClock(at: Date): void {
    this.clockShift = at.getTime() - this.clock().getTime();
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
    return [...seeded, ...created];
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

  findBooking(locationId: number, recordId: number): StoredBooking | undefined {
    return this.bookings.find((b) => b.locationId === locationId && b.recordId === recordId);
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
