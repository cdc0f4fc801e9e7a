// Several appointments in one booking: the moves the confirm step offers (add another, remove
// one, change one) as pure functions over the flow state, and the times a new appointment may
// take. Only the confirm step needs them, so they load with it, not in the first chunk.
//
// The booking keeps its finished appointments in `basket`; the one being chosen lives in the
// usual choices, so every step works on it unchanged. Each keeps its request id for life, so an
// error naming an id (433, 436, 437, 438) marks the right one whatever was changed meanwhile.
import type { Slot } from '../api/types';
import { normaliseOffset } from '../dates';
import { appointmentsOf, currentAppointment, makeCurrent, settle, unasked, type AppointmentChoice, type FlowState, type StepId } from './machine';

export type BasketMove =
  /** Keep the finished appointment(s) and start another at the same location. */
  | { type: 'add' }
  | { type: 'remove'; id: number }
  /** Make appointment `id` the one being chosen, at `step`; `dropSlot` when its time is gone. */
  | { type: 'change'; id: number; step: StepId; dropSlot?: boolean };

export function moveBasket(state: FlowState, move: BasketMove): FlowState {
  if (state.current === 'success') return state;
  const current = currentAppointment(state);
  switch (move.type) {
    case 'add': {
      if (!current) return state;
      const all = [...state.basket, current];
      const started: FlowState = {
        ...state,
        basket: all,
        before: undefined,
        appointmentId: Math.max(...all.map((a) => a.id)) + 1,
        choices: unasked(state, state.choices.contact),
        current: 'confirm',
      };
      // settle() stops at the first choice the new appointment still needs.
      return settle(started);
    }
    case 'remove': {
      if (appointmentsOf(state).length < 2) return state; // a booking keeps at least one
      if (move.id !== state.appointmentId) return { ...state, basket: state.basket.filter((a) => a.id !== move.id) };
      return makeCurrent(state, state.basket[state.basket.length - 1]!);
    }
    case 'change': {
      const target = move.id === state.appointmentId ? current : state.basket.find((a) => a.id === move.id);
      // Only from a list of finished appointments (the confirm step), never mid-choice.
      if (!target || !current || !state.steps.includes(move.step)) return state;
      const swapped = move.id === state.appointmentId ? state : { ...state, basket: [...state.basket, current] };
      const made = makeCurrent(swapped, target);
      const choices = move.dropSlot ? { ...made.choices, slot: undefined } : made.choices;
      return settle({ ...made, choices, current: move.step, before: target });
    }
  }
}

/** Start and end (ms) of an appointment at `datetime` lasting `seconds`. */
function span(datetime: string, seconds: number): [number, number] {
  const start = Date.parse(normaliseOffset(datetime));
  return [start, start + seconds * 1000];
}

/**
 * The times a new appointment may take: none overlapping another appointment of the booking.
 * The API knows nothing of appointments not yet booked, so it offers those times as free; and it
 * refuses any two appointments of one request that overlap (437), whoever serves them.
 */
export function withoutClashes(slots: Slot[], others: AppointmentChoice[]): Slot[] {
  if (!others.length) return slots;
  const taken = others.map((a) => span(a.slot.datetime, a.slot.duration));
  return slots.filter((s) => {
    const [start, end] = span(s.datetime, s.duration);
    return !taken.some(([from, to]) => start < to && from < end);
  });
}
