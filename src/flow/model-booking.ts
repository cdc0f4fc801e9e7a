// The booking: confirming (book_check, the SMS code, book_record; its own chunk, loaded once a
// time is chosen), several appointments in one booking, the records read back after success, and
// a booking request left unanswered by an earlier page, checked first.
import { computed, effect, type ReadonlySignal, type Signal } from '@preact/signals';
import type { Api } from '../api/client';
import type { BookingDetails, BookingForm, Location, Reminders, ServiceCatalog, Slot, TeamMember, BookableDates } from '../api/types';
import type { BookingState } from './booking';
import { lazyPart } from './lazy-part';
import type { FlowEvent, FlowState, StepId } from './machine';
import type { Remembering } from './model-memory';
import { createQuery, type Query } from './query';

export interface BookingInputs {
  api: Api;
  flow: Signal<FlowState | null>;
  dispatch: (event: FlowEvent) => void;
  formData: ReadonlySignal<BookingForm | undefined>;
  location: ReadonlySignal<Location | undefined>;
  locationId: ReadonlySignal<number | undefined>;
  staffFirst: ReadonlySignal<boolean>;
  catalog: Query<ServiceCatalog>;
  staff: Query<TeamMember[]>;
  dates: Query<BookableDates>;
  times: Query<Slot[]>;
  contactValid: ReadonlySignal<boolean>;
  reminderChoice: ReadonlySignal<Reminders>;
  /** The remembered session: its memory, and a booking request left unanswered by an earlier page. */
  session: Remembering;
}

export function createBookingPart({ api, flow, dispatch, formData, location, locationId, staffFirst, catalog, staff, dates, times, contactValid, reminderChoice, session }: BookingInputs) {
  const memory = session.memory;

  // Confirming is code only the last step needs: it loads once a time is chosen, not at start.
  const confirming = lazyPart('confirming', () =>
    import('./booking').then((m) =>
      m.createBooking({
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
  const booking = computed<BookingState>(() => confirming.part.value?.state.value ?? { phase: 'idle', code: '' });

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

  // Several appointments: their list and the moves over it load with the confirm step (appointments.ts).
  const several = lazyPart('appointments', () =>
    import('./appointments').then((m) =>
      m.createAppointments({
        api, flow, locationId, staffFirst, catalog, staff, booked, failure: booking,
        clearFailure: () => confirming.part.peek()?.clearFailure(),
      }),
    ),
  );

  const stopConfirmPreload = effect(() => {
    const c = flow.value;
    if (c?.choices.slot) confirming.load().catch(() => undefined);
    if (c?.choices.slot || c?.basket.length) several.load().catch(() => undefined);
  });
  let resuming = false;
  const stopResume = effect(() => {
    const pending = memory.value && session.pending;
    if (resuming || !pending || !location.value || !flow.value) return;
    resuming = true;
    void confirming.load().then((c) => {
      c.resumePending(pending);
      session.holdSlot = false;
    });
  });

  return {
    /** Where confirming is: checking, the SMS code, booking, a lost answer, done; and its failure. */
    booking,
    booked,
    /** Fresh times leave the chosen time alone: a lost booking (probably holding it) is being looked into. */
    holdSlot() {
      const phase = confirming.part.peek()?.state.peek().phase;
      return session.holdSlot || phase === 'verifying' || phase === 'lost';
    },
    /** Every finished appointment of the booking, in request order (one, or several). */
    appointments: computed(() => several.part.value?.list.value ?? []),
    /** Created records, one per appointment (`appointmentId` names it in `appointments`). */
    records: computed(() => flow.value?.booking ?? []),
    /** Keep the finished appointment(s) and choose another, at the same location. */
    addAppointment: () => several.load().then((a) => a.move({ type: 'add' })),
    removeAppointment: (id: number) => several.load().then((a) => a.move({ type: 'remove', id })),
    /** Make appointment `id` the one being chosen, at `step` (where its failure is fixed by default). */
    changeAppointment: (id: number, step?: StepId) => several.load().then((a) => a.change(id, step)),
    submit: () => confirming.load().then((c) => c.submit()),
    setCode: (code: string) => confirming.part.peek()?.setCode(code),
    resendCode: () => confirming.load().then((c) => c.resendCode()),
    recheck: () => confirming.part.peek()?.recheck(),
    reset: () => confirming.part.peek()?.reset(),
    dispose() {
      several.part.peek()?.dispose();
      confirming.part.peek()?.dispose();
      stopConfirmPreload();
      stopResume();
    },
  };
}
