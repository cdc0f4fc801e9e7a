// The booking model: the pure flow machine in a signal, plus the data each step needs, loaded
// as soon as the choices make it knowable. Views read these signals and call the actions; they
// never fetch.
import { batch, computed, effect, signal } from '@preact/signals';
import type { Api } from '../api/client';
import type { BookingDetails, BookingForm, Location, Reminders, ServiceCatalog, Slot, TeamMember, BookableDates } from '../api/types';
import { addMonthsTo, lastDayOfMonth, monthOf, todayIn } from '../dates';
import { setLocale, type Dictionary } from '../i18n';
import { withWidgetTexts } from '../i18n/load';
import { validateContact, type ContactErrors } from './contact';
import { ANY_MEMBER, initialState, transition, type Choices, type FlowEvent, type FlowState, type StepId } from './machine';
import { lazyPart } from './lazy-part';
import { createQuery, dataOf, type Query } from './query';
import type { BookingState } from './booking';
import { watchConnection } from './connection';
import type { FlowMemory, PendingBooking } from './session';
import type { AppointmentView } from './appointments';
import { countryOfPhone, isValidPhone } from './phone';

export type { AppointmentView };

export interface ModelOptions {
  api: Api;
  formId: number;
  /** Language asked for by the page; otherwise the form's own. */
  lang?: string;
  preset?: Partial<Choices>;
  now?: () => Date;
  /** Keep the flow and typed contact data across reloads and a closed tab, 30 min (default true). */
  remember?: boolean;
}

const MINUTE = 60_000;

export function createBookingModel(options: ModelOptions) {
  const { api, formId } = options;
  const now = options.now ?? (() => new Date());

  const flow = signal<FlowState | null>(null);
  flow.name = 'flow';
  const langOverride = signal(options.lang);
  langOverride.name = 'lang';
  /** The month the calendar shows, YYYY-MM. */
  const month = signal<string | null>(null);
  month.name = 'calendarMonth';

  // Session memory is its own small chunk, loaded beside the form; the flow starts once both are here.
  const memoryLoad = options.remember === false || !hasWebStorage() ? undefined : import('./session').then((m) => m.flowMemory(m.visitorStore(), formId, () => now().getTime()), () => undefined);
  const memory = signal<FlowMemory | undefined>(undefined);
  memory.name = 'flowMemory';
  /** A booking request that was out when the page was left: checked before anything else. */
  let pendingAtStart: PendingBooking | undefined;
  /** Until that is known and being checked, fresh times do not drop its time. */
  let holdSlot = memoryLoad !== undefined;

  function dispatch(event: FlowEvent) {
    const s = flow.peek();
    if (s) flow.value = transition(s, event);
  }
  const choices = computed(() => flow.value?.choices);

  const form: Query<BookingForm> = createQuery('form', () => ({ key: `form:${formId}`, load: () => api.getBookingForm(formId) }), {
    maxAgeMs: 30 * MINUTE,
    onData: (f) => {
      const start = () => {
        if (!flow.peek()) flow.value = memory.peek()?.restore(initialState(f, options.preset)) ?? initialState(f, options.preset);
      };
      if (!memoryLoad) return start();
      void memoryLoad.then((m) => {
        pendingAtStart = m?.pending();
        holdSlot = pendingAtStart !== undefined;
        memory.value = m;
        start();
      });
    },
  });
  const formData = computed(() => dataOf(form));

  const lang = computed(() => langOverride.value ?? formData.value?.lang);
  // The resource and the language's bundled widget texts (its own chunk) are requested together.
  const locale = createQuery<Record<string, unknown>>(
    'locale',
    () => {
      const l = lang.value;
      return l ? { key: `i18n:${l}`, load: () => withWidgetTexts(l, api.getLocale(l)) } : null;
    },
    { maxAgeMs: 30 * MINUTE, onData: (dict, key) => setLocale(key.slice('i18n:'.length), dict as Dictionary) },
  );

  const locations = createQuery<Location[]>(
    'locations',
    () => {
      const f = formData.value;
      if (!f) return null;
      return f.groupId
        ? { key: `locations:${f.groupId}`, load: () => api.getLocations(f.groupId) }
        : { key: `location:${f.locationId}`, load: async () => [await api.getLocation(f.locationId)] };
    },
    { maxAgeMs: 5 * MINUTE },
  );
  const location = computed<Location | undefined>(() => {
    const id = choices.value?.locationId;
    return dataOf(locations)?.find((l) => l.id === id);
  });
  const locationId = computed(() => choices.value?.locationId);
  const tz = computed(() => location.value?.timezoneName ?? 'UTC');

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
    { maxAgeMs: 5 * MINUTE, onData: (c) => dispatch({ type: 'servicesAvailable', serviceIds: c.services.map((s) => s.id) }) },
  );

  // A location named by the page is known before the form: ask for its services alongside the
  // form instead of after it, one round trip less before the first step. (Without a staff-first
  // order the key is the one the catalog will ask for; otherwise the answer is simply unused.)
  const presetLocation = options.preset?.locationId;
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
    { maxAgeMs: 2 * MINUTE, onData: (list) => dispatch({ type: 'staffAvailable', staffIds: list.map((m) => m.id) }) },
  );

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
      maxAgeMs: MINUTE,
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
        // While a lost booking is being looked into, its time (probably taken by it) stays chosen.
        const phase = confirming.part.peek()?.state.peek().phase;
        if (holdSlot || phase === 'verifying' || phase === 'lost') return;
        dispatch({ type: 'slotsAvailable', date: key.split(':')[3]!, datetimes: slots.map((s) => s.datetime) });
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

  /** The visitor accepted the privacy policy; asked only when the form shows one. */
  const consent = signal(false);
  consent.name = 'consent';
  // The policy is the business's own text: asked for only when the form shows it, once the
  // visitor reaches the step where it is accepted.
  const privacyPolicy = createQuery<string>(
    'privacyPolicy',
    () => {
      const loc = locationId.value;
      const at = flow.value?.current;
      if (!formData.value?.showPrivacyPolicy || loc === undefined || (at !== 'contact' && at !== 'confirm')) return null;
      return { key: `privacy:${loc}`, load: () => api.getPrivacyPolicy(loc) };
    },
    { maxAgeMs: 30 * MINUTE },
  );

  /** Reminders the visitor changed; the others keep the location's default (reminders.ts). */
  const reminderChoice = signal<Reminders>({});
  reminderChoice.name = 'reminders';

  /** Numbers typed without a country code are read as numbers of the location's country. */
  const phoneCountry = computed(() => countryOfPhone(location.value?.phone));
  const contactErrors = computed<ContactErrors>(() => {
    const c = choices.value;
    const f = formData.value;
    if (!c || !f) return {};
    const country = phoneCountry.value;
    const errors = validateContact(c.contact, {
      commentRequired: f.commentRequired,
      phoneValid: (p) => isValidPhone(p, country),
      consent: f.showPrivacyPolicy ? consent.value : undefined,
    });
    // A field the booking service refused (431, 435) stays in error until it is changed.
    const b = bookingState.value;
    const field = b.failure?.field;
    if (field && c.contact[field] === b.refused) errors[field] ??= b.failure!.message;
    return errors;
  });
  const contactValid = computed(() => Object.keys(contactErrors.value).length === 0);

  // Confirming is code only the last step needs: it loads once a time is chosen, not at start.
  const confirming = lazyPart('confirming', () =>
    import('./booking').then(({ createBooking }) =>
      createBooking({
        api,
        flow,
        dispatch,
        location,
        contactValid,
        reminderChoice,
        form: formData,
        onSlotTaken: () => {
          // Fresh from the booking service, past every cache: the taken time must not come back.
          api.availabilityChanged();
          times.invalidate('times:');
          dates.invalidate('dates:');
          staff.invalidate('staff:');
        },
        onServicesGone: () => {
          api.availabilityChanged();
          catalog.invalidate('services:');
        },
        onAttempt: (pending) => memory.peek()?.markPending(pending),
        pendingAttempt: () => memory.peek()?.pending(),
      }),
    ),
  );
  const bookingState = computed<BookingState>(() => confirming.part.value?.state.value ?? { phase: 'idle', code: '' });

  // Several appointments: their list and the moves over it load with the confirm step (appointments.ts).
  const several = lazyPart('appointments', () =>
    import('./appointments').then(({ createAppointments }) =>
      createAppointments({
        api, flow, locationId, staffFirst, catalog, staff, booked, failure: bookingState,
        clearFailure: () => confirming.part.peek()?.clearFailure(),
      }),
    ),
  );

  const stopConfirmPreload = effect(() => {
    if (choices.value?.slot) confirming.load().catch(() => undefined);
    if (choices.value?.slot || flow.value?.basket.length) several.load().catch(() => undefined);
  });
  let resuming = false;
  const stopResume = effect(() => {
    const pending = memory.value && pendingAtStart;
    if (resuming || !pending || !location.value || !flow.value) return;
    resuming = true;
    void confirming.load().then((c) => {
      c.resumePending(pending);
      holdSlot = false;
    });
  });

  // Back online: ask again for whatever failed meanwhile, and finish checking a lost booking.
  const connection = watchConnection(() => {
    for (const q of [form, locale, locations, catalog, staff, dates, times, nearest.part.peek(), privacyPolicy, booked]) if (q?.state.peek().status === 'error') q.retry();
    confirming.part.peek()?.recheck();
  });
  const stopRemember = effect(() => {
    const s = flow.value;
    const m = memory.value;
    if (s && m) m.save(s);
  });

  /**
   * Every record of the booking, read back after success: the success screen shows what the
   * business has on record (who was assigned for "any", the time, the address to find it).
   */
  const booked = createQuery<BookingDetails[]>('bookedDetails', () => {
    const records = flow.value?.booking;
    const loc = locationId.value;
    if (!records?.length || loc === undefined) return null;
    return {
      key: `records:${records.map((r) => r.recordId).join(',')}`,
      load: () => Promise.all(records.map((r) => api.getBooking(loc, r.recordId, r.recordHash))),
    };
  });

  /** The choices resolved to the things they name, for summaries. */
  const selection = computed(() => {
    const c = choices.value;
    const services = dataOf(catalog)?.services ?? [];
    const chosen = (c?.serviceIds ?? []).flatMap((id) => services.filter((s) => s.id === id));
    const memberId = c?.staffId;
    const member = memberId ? dataOf(staff)?.find((m) => m.id === memberId) : undefined;
    const assigned = memberId === ANY_MEMBER ? dataOf(booked)?.[0]?.staff.name : undefined;
    return {
      location: location.value,
      services: chosen,
      memberName: assigned || member?.name,
      slot: c?.slot,
      duration: c?.slot?.duration ?? chosen.reduce((sum, s) => sum + (s.duration ?? 0), 0),
    };
  });

  function go(step: StepId) {
    dispatch({ type: 'goTo', step });
  }


  return {
    // state
    flow,
    choices,
    form,
    formData,
    locale,
    lang,
    locations,
    location,
    tz,
    catalog,
    staff,
    dates,
    times,
    nearest: nearest.part,
    today,
    shownMonth,
    contactErrors,
    contactValid,
    phoneCountry,
    booking: bookingState,
    online: connection.online,
    selection,
    /** Every finished appointment of the booking, in request order (one, or several). */
    appointments: computed(() => several.part.value?.list.value ?? []),
    /** Created records, one per appointment (`appointmentId` names it in `appointments`). */
    records: computed(() => flow.value?.booking ?? []),
    consent,
    privacyPolicy,
    reminderChoice,
    booked,
    // actions
    dispatch,
    go,
    /** Keep the finished appointment(s) and choose another, at the same location. */
    addAppointment: () => several.load().then((a) => a.move({ type: 'add' })),
    removeAppointment: (id: number) => several.load().then((a) => a.move({ type: 'remove', id })),
    /** Make appointment `id` the one being chosen, at `step` (where its failure is fixed by default). */
    changeAppointment: (id: number, step?: StepId) => several.load().then((a) => a.change(id, step)),
    next: () => dispatch({ type: 'next', contactValid: contactValid.peek() }),
    back: () => dispatch({ type: 'back' }),
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
    setLang: (l: string) => (langOverride.value = l),
    setConsent: (given: boolean) => (consent.value = given),
    setReminder: (channel: keyof Reminders, hours: number) => (reminderChoice.value = { ...reminderChoice.peek(), [channel]: hours }),
    submit: () => confirming.load().then((c) => c.submit()),
    setCode: (code: string) => confirming.part.peek()?.setCode(code),
    resendCode: () => confirming.load().then((c) => c.resendCode()),
    recheck: () => confirming.part.peek()?.recheck(),
    restart: () =>
      batch(() => {
        confirming.part.peek()?.reset();
        month.value = null;
        dispatch({ type: 'restart' });
      }),
    dispose() {
      for (const q of [form, locale, locations, catalog, staff, dates, times, nearest.part.peek(), booked, privacyPolicy]) q?.dispose();
      stopNearest();
      several.part.peek()?.dispose();
      confirming.part.peek()?.dispose();
      stopPrefetch();
      stopConfirmPreload();
      stopResume();
      stopRemember();
      connection.dispose();
    },
  };
}

export type BookingModel = ReturnType<typeof createBookingModel>;

/** Web storage can be missing (Node) or forbidden (sandboxed frames, some private modes). */
function hasWebStorage(): boolean {
  try {
    return (typeof localStorage !== 'undefined' && localStorage !== null) || (typeof sessionStorage !== 'undefined' && sessionStorage !== null);
  } catch {
    return false;
  }
}
