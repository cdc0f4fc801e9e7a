// Moving one booking: the days and free times for the same services with the same team member (or
// anyone, when it was booked with "any member"), read through the booking API as the flow's own
// date and time steps read them, then PUT through the account API. A refused move says why and,
// when the time was taken meanwhile, offers the fresh free times.
import { batch, signal, type Signal } from '@preact/signals';
import type { AccountApi } from '../api/account';
import { isSignInNeeded } from '../api/account';
import type { Api } from '../api/client';
import { isApiError, isNetworkError } from '../api/errors';
import type { BookableDates, Slot } from '../api/types';
import type { UserRecord } from '../api/types-events';
import { lastDayOfMonth, monthOf } from '../dates';
import { ANY_MEMBER } from '../flow/machine';
import { createQuery, type Query } from '../flow/query';
import { formatDuration } from '../i18n/format';
import { ruleFor } from './rules';

export interface Message {
  key: string;
  values?: Record<string, string | number>;
}

export type MovePhase = 'choosing' | 'moving';

export interface Reschedule {
  record: UserRecord;
  month: Signal<string>;
  date: Signal<string | undefined>;
  slot: Signal<Slot | undefined>;
  phase: Signal<MovePhase>;
  error: Signal<Message | undefined>;
  dates: Query<BookableDates>;
  times: Query<Slot[]>;
  showMonth(month: string): void;
  selectDate(date: string): void;
  selectSlot(slot: Slot): void;
  /** Resolves to the new time when moved. */
  submit(): Promise<string | undefined>;
  dispose(): void;
}

export interface RescheduleOptions {
  api: Api;
  account: AccountApi;
  record: UserRecord;
  /** Today at the location (YYYY-MM-DD). */
  today: string;
  now: () => Date;
  onSignInNeeded(): void;
}

export function createReschedule(o: RescheduleOptions): Reschedule {
  const { api, account, record } = o;
  const loc = record.location.id;
  const staffId = record.memberRequested && record.staff.id ? record.staff.id : ANY_MEMBER;
  const serviceIds = record.services.map((s) => s.id);
  const month = signal(monthOf(o.today));
  const date = signal<string | undefined>(undefined);
  const slot = signal<Slot | undefined>(undefined);
  const phase = signal<MovePhase>('choosing');
  const error = signal<Message | undefined>(undefined);

  const dates = createQuery<BookableDates>(
    'reschedule.dates',
    () => {
      const m = month.value;
      return { key: m, load: () => api.getDates(loc, { serviceIds, staffId, from: `${m}-01`, to: lastDayOfMonth(m) }) };
    },
    { maxAgeMs: 60_000 },
  );
  const times = createQuery<Slot[]>(
    'reschedule.times',
    () => {
      const d = date.value;
      return d ? { key: d, load: () => api.getTimes(loc, staffId, d, { serviceIds }) } : null;
    },
    { maxAgeMs: 30_000 },
  );

  return {
    record,
    month,
    date,
    slot,
    phase,
    error,
    dates,
    times,
    showMonth: (m) => (month.value = m),
    selectDate: (d) =>
      batch(() => {
        date.value = d;
        slot.value = undefined;
        error.value = undefined;
      }),
    selectSlot: (s) =>
      batch(() => {
        slot.value = s;
        error.value = undefined;
      }),
    async submit() {
      const chosen = slot.peek();
      if (phase.peek() === 'moving') return;
      if (!chosen) {
        error.value = { key: 'header.choose_time' };
        return;
      }
      phase.value = 'moving';
      error.value = undefined;
      try {
        const moved = await account.reschedule(loc, record.id, { datetime: chosen.datetime });
        return moved.datetime || chosen.datetime;
      } catch (e) {
        if (isSignInNeeded(e)) o.onSignInNeeded();
        error.value = refusal(e, record, o.now());
        if (isApiError(e) && (e.code === 433 || e.code === 436)) {
          // Taken meanwhile: fresh days and times, past the browser's cache, and the time unchosen.
          api.availabilityChanged();
          batch(() => {
            slot.value = undefined;
            times.invalidate();
            dates.invalidate();
          });
        }
      } finally {
        phase.value = 'choosing';
      }
      return undefined;
    },
    dispose() {
      dates.dispose();
      times.dispose();
    },
  };
}

/** Why a move was refused, in the words the visitor needs to go on. */
export function refusal(e: unknown, record: UserRecord, now: Date): Message {
  if (isNetworkError(e)) return { key: 'widget.network_error' };
  if (isSignInNeeded(e)) return { key: 'widget.session_ended' };
  if (isApiError(e) && (e.code === 433 || e.code === 436)) return { key: 'widget.slot_taken' };
  if (isApiError(e) && e.status === 403) {
    const rule = ruleFor(record, 'move', now);
    return rule.kind === 'tooLate' ? { key: 'widget.move_too_late', values: { time: formatDuration(rule.delaySeconds) } } : { key: 'widget.move_forbidden' };
  }
  return { key: 'widget.move_failed' };
}
