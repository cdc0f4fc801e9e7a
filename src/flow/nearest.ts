// A team member's nearest free times (book_staff_seances), behind the calendar's "earliest free
// time" and the way out of a month or a day without free times. Only the date and time steps need
// them, so this loads with those steps, not with the first screen.
import type { ReadonlySignal } from '@preact/signals';
import { computed } from '@preact/signals';
import type { Api } from '../api/client';
import type { BookableDates, NearestSlots, Slot, TeamMember } from '../api/types';
import { ANY_MEMBER, type FlowState } from './machine';
import { createQuery, dataOf, type Query } from './query';

export interface NearestInputs {
  api: Api;
  flow: ReadonlySignal<FlowState | null>;
  locationId: ReadonlySignal<number | undefined>;
  serviceKey: ReadonlySignal<string>;
  staff: Query<TeamMember[]>;
  dates: Query<BookableDates>;
  times: Query<Slot[]>;
  shownMonth: ReadonlySignal<string>;
  today: ReadonlySignal<string>;
}

export function createNearest({ api, flow, locationId, serviceKey, staff, dates, times, shownMonth, today }: NearestInputs): Query<NearestSlots> {
  /**
   * The day from which the nearest free times are worth asking for: on the date step, today (the
   * "earliest available" shortcut) or, when the shown month has no free day, the month's first
   * day; on the time step, a chosen day without free times. Null where nothing needs them.
   */
  const from = computed(() => {
    const c = flow.value?.choices;
    const screen = flow.value?.current;
    if (!c || c.staffId === undefined || c.serviceIds.length === 0) return null;
    if (screen === 'time') return c.date && dataOf(times)?.length === 0 ? c.date : null;
    if (screen !== 'date') return null;
    const start = `${shownMonth.value}-01`;
    return dataOf(dates)?.bookable.length === 0 && start > today.value ? start : today.value;
  });
  /** Whose nearest times to ask for: the chosen member, or for "any" the one free soonest. */
  const member = computed(() => {
    const id = flow.value?.choices.staffId;
    if (id !== ANY_MEMBER) return id;
    const free = (dataOf(staff) ?? []).filter((m) => m.bookable && m.nextDate);
    return free.sort((a, b) => (a.nextDate! < b.nextDate! ? -1 : a.nextDate! > b.nextDate! ? 1 : 0))[0]?.id;
  });
  return createQuery<NearestSlots>(
    'nearest',
    () => {
      const day = from.value;
      const id = member.value;
      const loc = locationId.value;
      const serviceIds = flow.value?.choices.serviceIds ?? [];
      if (!day || id === undefined || loc === undefined) return null;
      return {
        key: `nearest:${loc}:${id}:${serviceKey.value}:${day}`,
        load: () => api.getNearestSlots(loc, id, { serviceIds, datetime: day }),
      };
    },
    { maxAgeMs: 30_000 },
  );
}
