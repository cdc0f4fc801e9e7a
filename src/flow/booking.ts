// Confirming a booking: book_check, the SMS code when the location asks for one, then
// book_record — exactly once per press, and an error that says what to do next.
import { signal, type ReadonlySignal, type Signal } from '@preact/signals';
import type { Api } from '../api/client';
import { isApiError } from '../api/errors';
import type { Appointment, Location } from '../api/types';
import { validateCode } from './contact';
import type { FlowEvent, FlowState, StepId } from './machine';

export type BookingPhase = 'idle' | 'checking' | 'sendingCode' | 'awaitingCode' | 'booking' | 'done';

export interface BookingFailure {
  /** i18n key of the message */
  message: string;
  /** Altegio error code when the API gave one */
  code?: number;
  /** Where the visitor can fix it, if elsewhere */
  fixAt?: StepId;
  /** i18n key of the action's label */
  action?: string;
  /** Whether pressing confirm again may help (network trouble, server error) */
  retryable?: boolean;
}

export interface BookingState {
  phase: BookingPhase;
  code: string;
  codeError?: string;
  codeSentTo?: string;
  failure?: BookingFailure;
}

interface Deps {
  api: Api;
  flow: Signal<FlowState | null>;
  dispatch: (e: FlowEvent) => void;
  location: ReadonlySignal<Location | undefined>;
  contactValid: ReadonlySignal<boolean>;
  onSlotTaken: () => void;
  onServicesGone: () => void;
}

const IDLE: BookingState = { phase: 'idle', code: '' };

export function createBooking(deps: Deps) {
  const state = signal<BookingState>(IDLE);
  state.name = 'booking';
  const update = (patch: Partial<BookingState>) => (state.value = { ...state.peek(), ...patch });

  function appointments(s: FlowState): Appointment[] {
    const { serviceIds, staffId, slot } = s.choices;
    return [{ id: 1, serviceIds, staffId: staffId ?? 0, datetime: slot!.datetime }];
  }

  async function submit() {
    const s = deps.flow.peek();
    const loc = deps.location.peek();
    const phase = state.peek().phase;
    // A double click or a repeated Enter while a request is out does nothing.
    if (!s || !loc || s.current !== 'confirm' || !s.choices.slot) return;
    if (phase === 'checking' || phase === 'sendingCode' || phase === 'booking' || phase === 'done') return;
    if (!deps.contactValid.peek()) return deps.dispatch({ type: 'goTo', step: 'contact' });

    const appts = appointments(s);
    const { contact } = s.choices;
    try {
      if (phase !== 'awaitingCode') {
        update({ phase: 'checking', failure: undefined });
        await deps.api.checkBooking(loc.id, appts);
        if (loc.phoneConfirmation) {
          update({ phase: 'sendingCode' });
          await deps.api.sendCode(loc.id, { phone: contact.phone, fullname: contact.name });
          update({ phase: 'awaitingCode', codeSentTo: contact.phone, code: '', codeError: undefined });
          return;
        }
      } else {
        const codeError = validateCode(state.peek().code);
        if (codeError) return update({ codeError });
      }
      update({ phase: 'booking', failure: undefined, codeError: undefined });
      const records = await deps.api.createBooking(loc.id, {
        contact,
        appointments: appts,
        code: loc.phoneConfirmation ? state.peek().code.trim() : undefined,
        apiId: newAttemptId(),
      });
      update({ phase: 'done' });
      deps.dispatch({ type: 'booked', records });
    } catch (error) {
      fail(error, phase === 'awaitingCode');
    }
  }

  function fail(error: unknown, hadCode: boolean) {
    const failure = describeFailure(error);
    if (failure.code === 432) {
      return update({ phase: 'awaitingCode', codeError: 'confirm.errors.code.incorrect' });
    }
    update({ phase: hadCode && failure.retryable ? 'awaitingCode' : 'idle', failure });
    if (failure.code === 433 || failure.code === 436 || failure.code === 437) {
      deps.onSlotTaken();
      deps.dispatch({ type: 'slotTaken' });
    } else if (failure.code === 438) {
      deps.onServicesGone();
      deps.dispatch({ type: 'goTo', step: 'service' });
    } else if (failure.fixAt) {
      deps.dispatch({ type: 'goTo', step: failure.fixAt });
    }
  }

  async function resendCode() {
    const s = deps.flow.peek();
    const loc = deps.location.peek();
    if (!s || !loc || state.peek().phase !== 'awaitingCode') return;
    try {
      await deps.api.sendCode(loc.id, { phone: s.choices.contact.phone, fullname: s.choices.contact.name });
      update({ code: '', codeError: undefined, codeSentTo: s.choices.contact.phone });
    } catch (error) {
      update({ failure: describeFailure(error) });
    }
  }

  return {
    state: state as ReadonlySignal<BookingState>,
    submit,
    resendCode,
    setCode: (code: string) => update({ code, codeError: undefined }),
    reset: () => (state.value = IDLE),
  };
}

export function describeFailure(error: unknown): BookingFailure {
  if (!isApiError(error)) return { message: 'widget.network_error', retryable: true };
  switch (error.code) {
    case 431:
      return { code: 431, message: 'confirm.errors.phone.incorrect', fixAt: 'contact' };
    case 432:
      return { code: 432, message: 'confirm.errors.code.incorrect' };
    case 433:
      return { code: 433, message: 'confirm.orderErrors.bigLetter.code_433', action: 'confirm.orderErrorsActions.changeTime', fixAt: 'time' };
    case 434:
      return { code: 434, message: 'widget.blacklisted' };
    case 435:
      return { code: 435, message: 'confirm.errors.name.required', fixAt: 'contact' };
    case 436:
      return { code: 436, message: 'confirm.orderErrors.bigLetter.code_436', action: 'confirm.orderErrorsActions.changeTime', fixAt: 'time' };
    case 437:
      return { code: 437, message: 'confirm.orderErrors.bigLetter.code_437', action: 'confirm.orderErrorsActions.changeRecord', fixAt: 'time' };
    case 438:
      return { code: 438, message: 'confirm.orderErrors.bigLetter.code_438', action: 'confirm.orderErrorsActions.changeService', fixAt: 'service' };
    default:
      return error.status >= 500
        ? { message: 'confirm.orderErrors.bigLetter.server', retryable: true }
        : { message: 'confirm.orderErrors.bigLetter.unknown' };
  }
}

/** One id per booking attempt, so a lost answer can later be matched to the booking it made. */
function newAttemptId(): string {
  const c = globalThis.crypto;
  return c?.randomUUID ? c.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
