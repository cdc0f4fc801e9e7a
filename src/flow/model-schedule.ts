// What can be booked at the chosen location: the catalog (narrowed to a team member when the form
// asks for the member first), the team members who do the chosen services, and the calendar: the
// month shown, its bookable days, the chosen day's free times, the next step's times fetched
// ahead, and a team member's nearest free times (their own chunk).
import { batch, computed, effect, signal, type ReadonlySignal } from '@preact/signals';
import type { Api } from '../api/client';
import type { BookableDates, ServiceCatalog, Slot, TeamMember } from '../api/types';
import { addMonthsTo, lastDayOfMonth, monthOf, todayIn } from '../dates';
import { lazyPart } from './lazy-part';
import { ANY_MEMBER, type Choices, type FlowEvent, type FlowState } from './machine';
import { createQuery, dataOf } from './query';

export interface ScheduleInputs {
  api: Api;
  flow: ReadonlySignal<FlowState | null>;
  choices: ReadonlySignal<Choices | undefined>;
  dispatch: (event: FlowEvent) => void;
  now: () => Date;
  locationId: ReadonlySignal<number | undefined>;
  tz: ReadonlySignal<string>;
  /** Choices made by the page: its location is known before the form. */
  preset?: Partial<Choices>;
  /** Fresh times leave the chosen time alone (a booking that may hold it is being looked into). */
  holdSlot: () => boolean;
}

export function createSchedule({ api, flow, choices, dispatch, now, locationId, tz, preset, holdSlot }: ScheduleInputs) {
  /** Whether the team member is chosen before the services (the form may order steps so). */
  const staffFirst = computed(() => {
    const steps = flow.value?.steps ?? [];
    return steps.indexOf('staff') >= 0 && steps.indexOf('staff') < steps.indexOf('service');
  });
  const serviceKey = computed(() => [...(choices.value?.serviceIds ?? [])].sort((a, b) => a - b).join(','));

  const catalog = createQuery<ServiceCatalog>(
    'services',
    () => {
      const loc = locationId.value;
      if (loc === undefined) return null;
      const staffId = staffFirst.value ? choices.value?.staffId : undefined;
      const q = staffId ? { staffId } : {};
      return { key: `services:${loc}:${staffId ?? ''}`, load: () => api.getServices(loc, q) };
    },
    { maxAgeMs: 5 * 60_000, onData: (c) => dispatch({ type: 'servicesAvailable', serviceIds: c.services.map((s) => s.id) }) },
  );

  // A location named by the page is known before the form: ask for its services alongside the
  // form instead of after it, one round trip less before the first step. (Without a staff-first
  // order the key is the one the catalog will ask for; otherwise the answer is simply unused.)
  const presetLocation = preset?.locationId;
  if (presetLocation !== undefined) {
    catalog.prefetch({ key: `services:${presetLocation}:`, load: () => api.getServices(presetLocation, {}) });
  }

  const staff = createQuery<TeamMember[]>(
    'staff',
    () => {
      const loc = locationId.value;
      const ids = choices.value?.serviceIds ?? [];
      if (loc === undefined || (!staffFirst.value && ids.length === 0)) return null;
      return { key: `staff:${loc}:${serviceKey.value}`, load: () => api.getStaff(loc, { serviceIds: ids }) };
    },
    { maxAgeMs: 2 * 60_000, onData: (list) => dispatch({ type: 'staffAvailable', staffIds: list.map((m) => m.id) }) },
  );


  /** The month the calendar shows, YYYY-MM; null: the chosen day's, else the first free day's. */
  const month = signal<string | null>(null, { name: 'calendarMonth' });
  /** First day with free time for the current choice of team member: where the calendar opens. */
  const firstFreeDate = computed(() => {
    const list = dataOf(staff) ?? [];
    const id = choices.value?.staffId;
    const dates = list.filter((m) => m.bookable && m.nextDate && (id === ANY_MEMBER || m.id === id)).map((m) => m.nextDate!);
    return dates.sort()[0];
  });
  const today = computed(() => todayIn(tz.value, now()));
  const shownMonth = computed(() => month.value ?? monthOf(choices.value?.date ?? firstFreeDate.value ?? today.value));

  const dates = createQuery<BookableDates>(
    'dates',
    () => {
      const c = choices.value;
      const loc = locationId.value;
      if (!c || loc === undefined || c.staffId === undefined || c.serviceIds.length === 0) return null;
      const m = shownMonth.value;
      const q = { serviceIds: c.serviceIds, staffId: c.staffId, from: `${m}-01`, to: lastDayOfMonth(m) };
      return { key: `dates:${loc}:${c.staffId}:${serviceKey.value}:${m}`, load: () => api.getDates(loc, q) };
    },
    {
      maxAgeMs: 60_000,
      onData: (d, key) => {
        const m = key.slice(key.lastIndexOf(':') + 1);
        dispatch({ type: 'datesAvailable', from: `${m}-01`, to: lastDayOfMonth(m), dates: d.bookable });
      },
    },
  );

  const times = createQuery<Slot[]>(
    'times',
    () => {
      const c = choices.value;
      const loc = locationId.value;
      if (!c || loc === undefined || c.staffId === undefined || !c.date || c.serviceIds.length === 0) return null;
      const { staffId, date, serviceIds } = c;
      return { key: `times:${loc}:${staffId}:${date}:${serviceKey.value}`, load: () => api.getTimes(loc, staffId, date, { serviceIds }) };
    },
    {
      maxAgeMs: 30_000,
      onData: (slots, key) => {
        if (!holdSlot()) dispatch({ type: 'slotsAvailable', date: key.split(':')[3]!, datetimes: slots.map((s) => s.datetime) });
      },
    },
  );

  /** A team member's nearest free times: made (and its code loaded) once the date or time step is reached. */
  const nearest = lazyPart('nearest', () =>
    import('./nearest').then((m) => m.createNearest({ api, flow, locationId, serviceKey, staff, dates, times, shownMonth, today })),
  );
  const stopNearest = effect(() => {
    const at = flow.value?.current;
    // Without it the steps simply offer no shortcut.
    if (!nearest.part.peek() && (at === 'date' || at === 'time')) nearest.load().catch(() => undefined);
  });

  // Next step's data before it is asked for: times of the first bookable day of the shown month.
  const stopPrefetch = effect(() => {
    const c = choices.value;
    const d = dataOf(dates);
    const loc = locationId.value;
    if (!c || !d || loc === undefined || c.date || c.staffId === undefined) return;
    const first = d.bookable[0];
    if (!first) return;
    const { staffId, serviceIds } = c;
    times.prefetch({ key: `times:${loc}:${staffId}:${first}:${serviceKey.peek()}`, load: () => api.getTimes(loc, staffId, first, { serviceIds }) });
  });

  return {
    staffFirst,
    serviceKey,
    catalog,
    staff,
    month,
    today,
    shownMonth,
    dates,
    times,
    nearest: nearest.part,
    showMonth: (m: string) => (month.value = m),
    /** A free time found outside the shown day or month: its month, its day and the time, in one tap. */
    takeSlot: (date: string, slot: Slot) =>
      batch(() => {
        month.value = monthOf(date);
        dispatch({ type: 'selectDate', date });
        dispatch({ type: 'selectSlot', slot });
      }),
    /** Opens the calendar at a day found outside the shown month, and chooses it. */
    takeDate: (date: string) =>
      batch(() => {
        month.value = monthOf(date);
        dispatch({ type: 'selectDate', date });
      }),
    shiftMonth: (n: number) => (month.value = addMonthsTo(shownMonth.peek(), n)),
    /** Stops the effects (the queries, nearest's too, are the model's to dispose). */
    dispose() {
      stopNearest();
      stopPrefetch();
    },
  };
}
