// Whether the visitor may still cancel or move one of their bookings online, by the location's
// rules (allow_delete_record / allow_change_record and their delay before the visit). Pure.
import type { UserRecord } from '../api/types-events';
import { parseDateTime } from '../dates/zones';

export type ChangeRule =
  | { kind: 'allowed' }
  /** The location takes it by phone only (or, to move, a group event's seat). */
  | { kind: 'forbidden' }
  /** Online, it closes this long before the visit. */
  | { kind: 'tooLate'; delaySeconds: number }
  | { kind: 'past' }
  | { kind: 'deleted' };

export function startOf(record: UserRecord): number {
  return parseDateTime(record.datetime).getTime();
}

export function ruleFor(record: UserRecord, what: 'cancel' | 'move', now: Date): ChangeRule {
  if (record.deleted) return { kind: 'deleted' };
  const start = startOf(record);
  if (start <= now.getTime()) return { kind: 'past' };
  const place = record.location;
  const allowed = what === 'cancel' ? place.allowDelete : place.allowChange && record.activityId === 0;
  if (!allowed) return { kind: 'forbidden' };
  const delaySeconds = what === 'cancel' ? place.deleteDelaySeconds : place.changeDelaySeconds;
  if (start - delaySeconds * 1000 <= now.getTime()) return { kind: 'tooLate', delaySeconds };
  return { kind: 'allowed' };
}

/** Upcoming first-to-last; past (and cancelled) newest first. */
export function splitRecords(records: readonly UserRecord[], now: Date): { upcoming: UserRecord[]; past: UserRecord[] } {
  const at = now.getTime();
  const upcoming = records.filter((r) => !r.deleted && startOf(r) > at).sort((a, b) => startOf(a) - startOf(b));
  const past = records.filter((r) => r.deleted || startOf(r) <= at).sort((a, b) => startOf(b) - startOf(a));
  return { upcoming, past };
}
