// Group events (classes, workshops): their own part of the flow. The machine knows only that an
// event and its seats are chosen (choices.event); this part loads what the steps show — whether
// the location has events, the days that have them, a day's events with their seats — and books
// seats exactly once (POST activity/{location}/{event}/book with an Idempotency-Key, never sent
// twice for one press; a lost answer is asked about with the same key, which the proxy answers
// from the first attempt instead of booking again).
import { computed, signal, type ReadonlySignal } from '@preact/signals';
import type { Api } from '../../api/client';
import { isApiError } from '../../api/errors';
import type { EventsApi } from '../../api/events';
import type { BookingForm, Location, Reminders } from '../../api/types';
import type { EventService, GroupEvent } from '../../api/types-events';
import { addMonthsTo, lastDayOfMonth, monthOf, todayIn } from '../../dates';
import { outcomeUnknown } from '../booking';
import { CODE_RESEND_AFTER_MS, validateCode } from '../contact';
import { describeFailure } from '../failures';
import type { FlowEvent, FlowState } from '../machine';
import { createQuery, dataOf } from '../query';
import { reminderOffer, remindersToSend } from '../reminders';

export type SeatPhase = 'idle' | 'sendingCode' | 'awaitingCode' | 'booking' | 'lost' | 'done';

export interface SeatBookingState {
  phase: SeatPhase;
  code: string;
  codeError?: string;
  codeSentTo?: string;
  codeSentAt?: number;
  /** i18n key of what went wrong, and whether pressing book again may help. */
  failure?: { message: string; retryable?: boolean; full?: boolean };
}

export interface GroupDeps {
  events: EventsApi;
  api: Pick<Api, 'sendCode' | 'availabilityChanged'>;
  flow: ReadonlySignal<FlowState | null>;
  dispatch: (e: FlowEvent) => void;
  location: ReadonlySignal<Location | undefined>;
  contactValid: ReadonlySignal<boolean>;
  form?: ReadonlySignal<BookingForm | undefined>;
  reminderChoice?: ReadonlySignal<Reminders>;
  now?: () => Date;
}

const MINUTE = 60_000;
const IDLE: SeatBookingState = { phase: 'idle', code: '' };
/** How far ahead the calendar looks (the API lists events up to about two months ahead). */
export const EVENT_MONTHS_AHEAD = 3;

export function createGroupEvents(deps: GroupDeps) {
  const now = deps.now ?? (() => new Date());
  const { events } = deps;
  const locationId = computed(() => deps.location.value?.id);
  const tz = computed(() => deps.location.value?.timezoneName ?? 'UTC');
  const today = computed(() => todayIn(tz.value, now()));
  const chosen = computed(() => deps.flow.value?.choices.event);

  /** The location's group-event services: none means it has no group events. */
  const services = createQuery<EventService[]>(
    'groupServices',
    () => {
      const loc = locationId.value;
      return loc === undefined ? null : { key: `event-services:${loc}`, load: () => events.eventServices(loc) };
    },
    { maxAgeMs: 30 * MINUTE },
  );

  const month = signal<string | null>(null);
  month.name = 'groupMonth';
  const day = signal<string | null>(null);
  day.name = 'groupDay';
  const shownMonth = computed(() => month.value ?? monthOf(day.value ?? chosenDay.value ?? today.value));
  const chosenDay = computed(() => {
    const e = chosen.value;
    return e ? e.datetime.slice(0, 10) : undefined;
  });

  /** The shown month's days that have events, from today on (past events cannot be booked). */
  const days = createQuery<string[]>(
    'groupDays',
    () => {
      const loc = locationId.value;
      if (loc === undefined) return null;
      const m = shownMonth.value;
      const first = `${m}-01`;
      const from = first < today.value ? today.value : first;
      const till = lastDayOfMonth(m);
      if (till < from) return { key: `event-days:${loc}:${m}:none`, load: async () => [] };
      return { key: `event-days:${loc}:${m}:${from}`, load: () => events.searchDates(loc, { from, till }) };
    },
    { maxAgeMs: MINUTE },
  );

  /** The day whose events are listed: the one chosen, else the shown month's first with events. */
  const shownDay = computed(() => {
    const d = day.value ?? chosenDay.value;
    if (d && monthOf(d) === shownMonth.value) return d;
    return dataOf(days)?.[0];
  });

  let fresh = false;
  const dayEvents = createQuery<GroupEvent[]>(
    'groupEvents',
    () => {
      const loc = locationId.value;
      const d = shownDay.value;
      if (loc === undefined || !d) return null;
      const q = { from: d, till: d, count: 100 };
      return {
        key: `events:${loc}:${d}`,
        load: () => {
          // After a refusal the seats left are read past every cache.
          const options = fresh ? { fresh: true } : {};
          fresh = false;
          return events.search(loc, q, options).then((page) => page.events);
        },
      };
    },
    {
      maxAgeMs: 30_000,
      onData: (list) => {
        // The chosen event is gone or has fewer seats left now: the choice follows.
        const e = chosen.peek();
        if (!e || state.peek().phase === 'booking' || state.peek().phase === 'done') return;
        const now_ = list.find((x) => x.id === e.id);
        if (!now_ && list.length && e.datetime.slice(0, 10) === shownDay.peek()) deps.dispatch({ type: 'selectEvent', event: undefined });
        else if (now_ && now_.seatsLeft < e.seats) deps.dispatch({ type: 'selectEvent', event: now_.seatsLeft > 0 ? { ...e, seats: now_.seatsLeft } : undefined });
      },
    },
  );

  /** The chosen event as last listed (the confirm step's summary). */
  const chosenEvent = signal<GroupEvent | undefined>(undefined);
  chosenEvent.name = 'groupChosenEvent';

  const state = signal<SeatBookingState>(IDLE);
  state.name = 'seatBooking';
  const update = (patch: Partial<SeatBookingState>) => (state.value = { ...state.peek(), ...patch });
  /** The attempt whose answer was lost: sent again only with the same key, so it books once. */
  let lostKey: string | undefined;

  function choose(event: GroupEvent, seats: number) {
    if (event.seatsLeft < 1 || Date.parse(event.datetime) <= now().getTime()) return;
    chosenEvent.value = event;
    if (state.peek().failure) update({ failure: undefined });
    deps.dispatch({ type: 'selectEvent', event: { id: event.id, datetime: event.datetime, seats: Math.min(Math.max(1, seats), event.seatsLeft) } });
  }

  /** Fresh seats for the shown day, past every cache (after a refusal). */
  function reread() {
    deps.api.availabilityChanged();
    fresh = true;
    days.invalidate('event-days:');
    dayEvents.invalidate('events:');
  }

  async function submit() {
    const s = deps.flow.peek();
    const loc = deps.location.peek();
    const e = s?.choices.event;
    const { phase } = state.peek();
    // A double click or a repeated Enter while a request is out does nothing.
    if (!s || !loc || !e || s.current !== 'confirm' || phase === 'sendingCode' || phase === 'booking' || phase === 'done') return;
    if (!deps.contactValid.peek()) return deps.dispatch({ type: 'goTo', step: 'contact' });
    const { contact } = s.choices;
    if (loc.phoneConfirmation && phase !== 'awaitingCode' && !lostKey) {
      update({ phase: 'sendingCode', failure: undefined });
      try {
        await deps.api.sendCode(loc.id, { phone: contact.phone, fullname: contact.name });
        update({ phase: 'awaitingCode', codeSentTo: contact.phone, codeSentAt: now().getTime(), code: '', codeError: undefined });
      } catch (error) {
        update({ phase: 'idle', failure: describeFailure(error) });
      }
      return;
    }
    if (loc.phoneConfirmation) {
      const codeError = validateCode(state.peek().code);
      if (codeError) return update({ codeError });
    }
    const key = lostKey ?? newAttemptId();
    lostKey = key;
    update({ phase: 'booking', failure: undefined, codeError: undefined });
    try {
      const notify = remindersToSend(reminderOffer(deps.form?.peek(), loc, contact.email), deps.reminderChoice?.peek() ?? {});
      const booked = await events.book(loc.id, e.id, {
        contact,
        seats: e.seats,
        ...(loc.phoneConfirmation ? { code: state.peek().code.trim() } : {}),
        ...(notify.sms !== undefined ? { notifyBySms: notify.sms } : {}),
        ...(notify.email !== undefined ? { notifyByEmail: notify.email } : {}),
        apiId: key,
      });
      lostKey = undefined;
      update({ phase: 'done' });
      reread();
      deps.dispatch({ type: 'booked', records: [{ appointmentId: 1, recordId: booked.recordId, recordHash: booked.recordHash }] });
    } catch (error) {
      // The answer was lost: the booking may be made. Only the same attempt may be sent again.
      if (outcomeUnknown(error)) return update({ phase: 'lost', failure: { message: 'widget.seats_lost', retryable: true } });
      lostKey = undefined;
      fail(error);
    }
  }

  function fail(error: unknown) {
    if (isApiError(error) && error.code === 432) return update({ phase: 'awaitingCode', codeError: 'confirm.errors.code.incorrect' });
    if (isApiError(error) && error.code === 433) {
      // Filled up (or started) meanwhile: say so, drop the choice, and show the seats left now.
      update({ phase: 'idle', failure: { message: 'widget.event_full_now', full: true } });
      reread();
      deps.dispatch({ type: 'selectEvent', event: undefined });
      return;
    }
    const failure = describeFailure(error);
    update({ phase: 'idle', failure: { message: failure.message, retryable: failure.retryable } });
    if (failure.field || failure.fixAt === 'contact') deps.dispatch({ type: 'goTo', step: 'contact' });
  }

  async function resendCode() {
    const s = deps.flow.peek();
    const loc = deps.location.peek();
    const b = state.peek();
    if (!s || !loc || b.phase !== 'awaitingCode') return;
    if (b.codeSentAt !== undefined && now().getTime() - b.codeSentAt < CODE_RESEND_AFTER_MS) return;
    update({ code: '', codeError: undefined, codeSentAt: now().getTime(), failure: undefined });
    try {
      await deps.api.sendCode(loc.id, { phone: s.choices.contact.phone, fullname: s.choices.contact.name });
    } catch (error) {
      update({ failure: describeFailure(error), codeSentAt: b.codeSentAt });
    }
  }

  return {
    services,
    hasEvents: computed(() => {
      const s = services.state.value;
      return s.status === 'ready' ? s.data.length > 0 : undefined;
    }),
    days,
    dayEvents,
    today,
    tz,
    shownMonth,
    shownDay,
    chosen,
    chosenEvent,
    booking: state as ReadonlySignal<SeatBookingState>,
    minMonth: computed(() => monthOf(today.value)),
    maxMonth: computed(() => addMonthsTo(monthOf(today.value), EVENT_MONTHS_AHEAD)),
    showMonth: (m: string) => {
      month.value = m;
      day.value = null;
    },
    showDay: (d: string) => {
      day.value = d;
      month.value = monthOf(d);
    },
    choose,
    /** Whether an event has started (it can no longer be booked). */
    started: (event: GroupEvent) => Date.parse(event.datetime) <= now().getTime(),
    /** Seats for the chosen event, 1 up to its seats left. */
    setSeats: (seats: number) => {
      const e = chosenEvent.peek();
      if (e && chosen.peek()?.id === e.id) choose(e, seats);
    },
    submit,
    resendCode,
    setCode: (code: string) => update({ code, codeError: undefined }),
    reset: () => {
      lostKey = undefined;
      state.value = IDLE;
    },
    dispose() {
      for (const q of [services, days, dayEvents]) q.dispose();
    },
  };
}

export type GroupEvents = ReturnType<typeof createGroupEvents>;

function newAttemptId(): string {
  const c = globalThis.crypto;
  return c?.randomUUID ? c.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
