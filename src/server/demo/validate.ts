// The checks book_check and book_record share: can these appointments be booked as asked?
import { findMember, findService, memberFreeAt, membersOffering } from './availability';
import { type BookingError, MESSAGES } from './envelope';
import type { DemoLocation, DemoTeamMember } from './model';
import { localDate, overlaps, parseClientDatetime } from './slots';
import type { DemoStore } from './store';

export interface PlannedAppointment {
  /** The client's own id for the appointment, echoed back. */
  id: number;
  serviceIds: number[];
  member: DemoTeamMember;
  /** false when the client asked for "any member" and we picked one. */
  memberRequested: boolean;
  datetime: string;
  start: number;
  end: number;
}

export type PlanResult =
  | { ok: true; appointments: PlannedAppointment[] }
  | { ok: false; error: BookingError }
  | { ok: false; fields: Record<string, string[]> };

interface Parsed {
  id: number;
  serviceIds: number[];
  staffId: number;
  datetime: string;
  start: number;
  end: number;
}

const MINUTE = 60_000;
const toInt = (v: unknown) => (typeof v === 'number' || typeof v === 'string' ? Number(v) : NaN);

/**
 * Order of checks: shape → 438 (services, per member) → 437 (overlaps inside the request) →
 * 433/436 (free time). 433, 436 and 437 carry the failing appointment's id.
 */
export function planAppointments(store: DemoStore, location: DemoLocation, body: unknown): PlanResult {
  const list = (body as { appointments?: unknown } | null)?.appointments;
  if (!Array.isArray(list) || list.length === 0) {
    return { ok: false, fields: { appointments: ['The appointments field is required.'] } };
  }
  const parsed: Parsed[] = [];
  for (const [i, raw] of list.entries()) {
    const a = (raw ?? {}) as Record<string, unknown>;
    const id = Number.isFinite(toInt(a.id)) ? toInt(a.id) : i + 1;
    const serviceIds = Array.isArray(a.services) ? a.services.map(toInt) : [];
    const staffId = a.staff_id === undefined || a.staff_id === null ? 0 : toInt(a.staff_id);
    const start = parseClientDatetime(a.datetime, location.timezoneName);
    if (start === null) return { ok: false, fields: { [`appointments.${i}.datetime`]: ['Invalid datetime.'] } };
    if (!Number.isInteger(staffId)) return { ok: false, fields: { [`appointments.${i}.staff_id`]: ['Invalid staff_id.'] } };

    const services = serviceIds.map((sid) => findService(location.id, sid));
    if (services.length === 0 || services.some((s) => !s || !s.bookable)) return fail(438, id);
    const minutes = services.reduce((sum, s) => sum + (s?.duration ?? 0), 0);
    if (staffId !== 0) {
      const member = findMember(location.id, staffId);
      if (!member) return fail(436, id);
      if (!serviceIds.every((sid) => member.serviceIds.includes(sid))) return fail(438, id);
    }
    parsed.push({ id, serviceIds, staffId, datetime: String(a.datetime), start, end: start + minutes * MINUTE });
  }

  // One client cannot be in two chairs at once, whoever serves them.
  for (const [j, later] of parsed.entries()) {
    if (parsed.slice(0, j).some((earlier) => overlaps(earlier, later))) return fail(437, later.id);
  }

  const appointments: PlannedAppointment[] = [];
  for (const p of parsed) {
    const date = localDate(p.start, location.timezoneName);
    const isFree = (m: DemoTeamMember) => memberFreeAt(store, location, m, date, p.start, p.serviceIds);
    if (p.staffId !== 0) {
      const member = findMember(location.id, p.staffId);
      if (!member || !isFree(member)) return fail(433, p.id);
      appointments.push({ ...p, member, memberRequested: true });
    } else {
      const member = membersOffering(location.id, p.serviceIds)
        .sort((a, b) => b.weight - a.weight)
        .find(isFree);
      if (!member) return fail(436, p.id);
      appointments.push({ ...p, member, memberRequested: false });
    }
  }
  return { ok: true, appointments };
}

function fail(code: BookingError['code'], id: number): PlanResult {
  return { ok: false, error: { code, message: MESSAGES[code], id } };
}
