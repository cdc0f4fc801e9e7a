// Confirming a booking: book_check, the SMS code when the location asks for one, then
// book_record — exactly once per press, never repeated on its own, and an error that says what
// to do next (failures.ts). A lost answer is checked before anything is sent again (lost-answer.ts).
import { signal, type ReadonlySignal, type Signal } from '@preact/signals';
import type { Api } from '../api/client';
import { isApiError, isNetworkError } from '../api/errors';
import type { Appointment, BookingForm, CreatedRecord, Location, Reminders } from '../api/types';
import { CODE_RESEND_AFTER_MS, validateCode } from './contact';
import { describeFailure, type BookingFailure } from './failures';
import { checkLostBooking, freeMembersBefore, type LostOutcome } from './lost-answer';
import { reminderOffer, remindersToSend } from './reminders';
import { appointmentsOf, type FlowEvent, type FlowState } from './machine';
import type { PendingBooking } from './session';

export { describeFailure, type BookingFailure };

export type BookingPhase = 'idle' | 'checking' | 'sendingCode' | 'awaitingCode' | 'booking' | 'verifying' | 'lost' | 'done';

export interface BookingState {
  phase: BookingPhase;
  code: string;
  codeError?: string;
  codeSentTo?: string;
  /** When the last code was sent (ms since epoch), for the resend cooldown. */
  codeSentAt?: number;
  failure?: BookingFailure;
  /** The value of `failure.field` that was refused, so the message goes once it is changed. */
  refused?: string;
  /** The appointment `failure` names, as sent, so its mark goes once it is changed. */
  refusedAppointment?: Appointment;
  /** Phase 'lost': what checking the lost booking found. */
  lost?: LostOutcome;
}

interface Deps {
  api: Api;
  flow: Signal<FlowState | null>;
  dispatch: (e: FlowEvent) => void;
  location: ReadonlySignal<Location | undefined>;
  contactValid: ReadonlySignal<boolean>;
  /** Reminders the visitor chose on the contact step; with the form and location they give notify_by_*. */
  reminderChoice?: ReadonlySignal<Reminders>;
  form?: ReadonlySignal<BookingForm | undefined>;
  onSlotTaken: () => void;
  onServicesGone: () => void;
  /** A booking request is out, or (undefined) has its answer: survives a reload (session.ts). */
  onAttempt?: (pending: PendingBooking | undefined) => void;
  /** A booking request left unanswered by this page before, or by another tab of the same form. */
  pendingAttempt?: () => PendingBooking | undefined;
  now?: () => number;
}

const IDLE: BookingState = { phase: 'idle', code: '' };
/** A lost booking whose check got no answer is checked again this often, this many times. */
const RECHECK_AFTER_MS = 15_000;
const RECHECK_TRIES = 8;
const BUSY: BookingPhase[] = ['checking', 'sendingCode', 'booking', 'verifying', 'done'];

export function createBooking(deps: Deps) {
  const now = deps.now ?? Date.now;
  /** A booking answer was lost in this page: a later "taken" may be the visitor's own booking. */
  let hadLost = false;
  let recheckTimer: ReturnType<typeof setTimeout> | undefined;
  let recheckTries = 0;
  const state = signal<BookingState>(IDLE);
  state.name = 'booking';
  const update = (patch: Partial<BookingState>) => (state.value = { ...state.peek(), ...patch });

  /** Every appointment of the booking, each with its own id (1, 2, …), in one request. */
  function appointments(s: FlowState): Appointment[] {
    return appointmentsOf(s).map(({ id, serviceIds, staffId, slot }) => ({ id, serviceIds, staffId, datetime: slot.datetime }));
  }

  async function submit() {
    const s = deps.flow.peek();
    const loc = deps.location.peek();
    const { phase, lost } = state.peek();
    // A double click or a repeated Enter while a request is out does nothing.
    if (!s || !loc || s.current !== 'confirm' || !s.choices.slot || BUSY.includes(phase)) return;
    // After a lost answer, booking again is offered only once we know the first one was not made.
    if (phase === 'lost' && lost !== 'notMade' && lost !== 'unsure') return;
    if (!deps.contactValid.peek()) return deps.dispatch({ type: 'goTo', step: 'contact' });
    // Another tab (or an earlier visit) sent a booking whose answer never came: settle that first.
    const elsewhere = phase === 'lost' ? undefined : deps.pendingAttempt?.();
    if (elsewhere) return resumeLost(elsewhere);

    const appts = appointments(s);
    const { contact } = s.choices;
    /** Set once the booking request may go out: from then on a failure is not a plain refusal. */
    let attempt: PendingBooking | undefined;
    try {
      if (phase !== 'awaitingCode') {
        update({ phase: 'checking', failure: undefined, lost: undefined });
        await deps.api.checkBooking(loc.id, appts);
        if (loc.phoneConfirmation) {
          update({ phase: 'sendingCode' });
          await deps.api.sendCode(loc.id, { phone: contact.phone, fullname: contact.name });
          update({ phase: 'awaitingCode', codeSentTo: contact.phone, codeSentAt: now(), code: '', codeError: undefined });
          return;
        }
      } else {
        const codeError = validateCode(state.peek().code);
        if (codeError) return update({ codeError });
      }
      update({ phase: 'booking', failure: undefined, codeError: undefined });
      // With "any team member", who can take the time now: compared afterwards should the answer be lost.
      const freeBefore = await freeMembersBefore(deps.api, loc.id, appts);
      attempt = { appointments: appts, slot: s.choices.slot, key: newAttemptId(), ...(freeBefore && { freeBefore }) };
      // Marked before it is sent: a reload or another tab from here on checks before booking again.
      deps.onAttempt?.(attempt);
      const records = await deps.api.createBooking(loc.id, {
        contact,
        appointments: appts,
        code: loc.phoneConfirmation ? state.peek().code.trim() : undefined,
        ...notifyFields(remindersToSend(reminderOffer(deps.form?.peek(), loc, contact.email), deps.reminderChoice?.peek() ?? {})),
        apiId: attempt.key,
      });
      if (records.length === 0) throw new Error('The booking answer named no record');
      succeed(records);
    } catch (error) {
      if (attempt && outcomeUnknown(error)) return verify(attempt);
      if (attempt) deps.onAttempt?.(undefined);
      fail(error, phase === 'awaitingCode', appts);
    }
  }

  function succeed(records: CreatedRecord[]) {
    deps.onAttempt?.(undefined);
    update({ phase: 'done', failure: undefined });
    deps.dispatch({ type: 'booked', records });
  }

  /** The booking was sent and its answer lost: find out whether it was made (lost-answer.ts). */
  async function verify(attempt: PendingBooking) {
    const loc = deps.location.peek();
    if (!loc || state.peek().phase === 'verifying') return;
    hadLost = true;
    update({ phase: 'verifying', failure: undefined, codeError: undefined });
    const found = await checkLostBooking(deps.api, loc.id, attempt);
    if (found.kind === 'made') return succeed(found.records);
    if (found.kind === 'refused') {
      deps.onAttempt?.(undefined);
      update({ phase: 'idle' });
      return fail(found.error, false, attempt.appointments);
    }
    // Only a booking known not to exist is forgotten; otherwise a reload checks again.
    if (found.outcome === 'notMade') deps.onAttempt?.(undefined);
    update({ phase: 'lost', lost: found.outcome });
    // No answer to the check either: try again by itself a few times (and when back online).
    clearTimeout(recheckTimer);
    if (found.outcome === 'unreachable' && recheckTries < RECHECK_TRIES) {
      recheckTries++;
      recheckTimer = setTimeout(() => void verify(attempt), RECHECK_AFTER_MS);
    } else if (found.outcome !== 'unreachable') recheckTries = 0;
  }

  /** Back on confirm with the lost attempt's time, and check it. */
  function resumeLost(pending: PendingBooking) {
    deps.dispatch({ type: 'selectSlot', slot: pending.slot });
    deps.dispatch({ type: 'goTo', step: 'confirm' });
    void verify(pending);
  }

  function fail(error: unknown, hadCode: boolean, appts: Appointment[]) {
    const failure = describeFailure(error);
    // After a lost answer the time may be taken by the visitor's own booking: never say "someone else".
    if (hadLost && (failure.code === 433 || failure.code === 436)) {
      failure.message = 'widget.taken_maybe_yours';
      failure.callBusiness = true;
      delete failure.fixAt; // told on confirm, beside the business's phone
    }
    if (failure.code === 432) {
      return update({ phase: 'awaitingCode', codeError: 'confirm.errors.code.incorrect' });
    }
    // A failure fixed on a step this form hides is told here, with the business's phone as the
    // way forward (the visitor cannot change what the form chose for them).
    const steps = deps.flow.peek()?.steps ?? [];
    if (failure.fixAt && !steps.includes(failure.fixAt)) {
      delete failure.fixAt;
      delete failure.action;
      failure.callBusiness = true;
    }
    const contact = deps.flow.peek()?.choices.contact;
    const refused = failure.field && contact ? contact[failure.field] : undefined;
    const refusedAppointment = appts.find((a) => a.id === failure.appointmentId);
    update({ phase: hadCode && failure.retryable ? 'awaitingCode' : 'idle', failure, refused, refusedAppointment });
    // Several appointments: the visitor stays on the list, where the one named is marked with
    // its own way to change it (basket.ts); the others stay as they are.
    const marked = appts.length > 1 && refusedAppointment !== undefined;
    if (failure.code === 433 || failure.code === 436 || failure.code === 437) {
      deps.onSlotTaken();
      if (marked) return;
      if (!failure.fixAt) return;
      // 433/436: the time is gone for this member; 437 keeps it, so the visitor sees what clashes.
      if (failure.code !== 437) deps.dispatch({ type: 'slotTaken' });
      deps.dispatch({ type: 'goTo', step: 'time' });
    } else if (failure.code === 438) {
      deps.onServicesGone();
      if (!marked && failure.fixAt) deps.dispatch({ type: 'goTo', step: 'service' });
    } else if (failure.fixAt) {
      deps.dispatch({ type: 'goTo', step: failure.fixAt });
    }
  }

  async function resendCode() {
    const s = deps.flow.peek();
    const loc = deps.location.peek();
    const b = state.peek();
    if (!s || !loc || b.phase !== 'awaitingCode') return;
    if (b.codeSentAt !== undefined && now() - b.codeSentAt < CODE_RESEND_AFTER_MS) return;
    // Cleared at the press, not on the answer, so a code typed meanwhile is not wiped.
    update({ code: '', codeError: undefined, codeSentAt: now(), failure: undefined });
    try {
      await deps.api.sendCode(loc.id, { phone: s.choices.contact.phone, fullname: s.choices.contact.name });
      update({ codeSentTo: s.choices.contact.phone });
    } catch (error) {
      update({ failure: describeFailure(error), codeSentAt: b.codeSentAt });
    }
  }

  return {
    state: state as ReadonlySignal<BookingState>,
    submit,
    resendCode,
    /** Checks again whether a booking whose answer was lost exists (e.g. when back online). */
    recheck: () => {
      const { phase, lost } = state.peek();
      const s = deps.flow.peek();
      if (phase !== 'lost' || lost !== 'unreachable' || !s?.choices.slot) return;
      void verify(deps.pendingAttempt?.() ?? { appointments: appointments(s), slot: s.choices.slot });
    },
    /** After a reload while a booking request was out: back on confirm, and check first. */
    resumePending: resumeLost,
    setCode: (code: string) => update({ code, codeError: undefined }),
    /** The visitor changed a choice after a failure: its message no longer applies. */
    clearFailure: () => {
      if (state.peek().failure) update({ failure: undefined, refused: undefined, refusedAppointment: undefined });
    },
    reset: () => {
      clearTimeout(recheckTimer);
      deps.onAttempt?.(undefined);
      state.value = IDLE;
    },
    dispose: () => clearTimeout(recheckTimer),
  };
}

/**
 * Whether a failed booking request may still have made the booking: no whole answer (network,
 * timeout, an answer that could not be read), a server error on either hop, or the proxy saying
 * it cannot know. Only a refusal the booking service itself gave (4xx with its envelope) means
 * nothing was made.
 */
export function outcomeUnknown(error: unknown): boolean {
  if (isNetworkError(error)) return true;
  if (!isApiError(error)) return true; // an answer that named no record, say
  if (error.outcome !== undefined) return true;
  return error.status >= 500 || error.status < 400 || error.status === 408;
}

/** One id per booking attempt, sent as api_id and as the proxy's Idempotency-Key. */
function newAttemptId(): string {
  const c = globalThis.crypto;
  return c?.randomUUID ? c.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

function notifyFields(r: Reminders): { notifyBySms?: number; notifyByEmail?: number } {
  return { ...(r.sms !== undefined ? { notifyBySms: r.sms } : {}), ...(r.email !== undefined ? { notifyByEmail: r.email } : {}) };
}
