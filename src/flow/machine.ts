// The booking flow as data plus one pure function: (state, event) → state.
// No signals, no fetching, no DOM: it runs and is tested in Node. src/flow/model.ts puts
// signals and data loading on top.
import type { BookingForm, Contact, CreatedRecord, Slot } from '../api/types';

export type StepId = 'city' | 'location' | 'record_type' | 'service' | 'staff' | 'date' | 'time' | 'event' | 'contact' | 'confirm';
export type Screen = StepId | 'success';

/** Team member id meaning "any available team member". */
export const ANY_MEMBER = 0;

export interface Choices {
  /** The city chosen on the city step (large chains). */
  city?: string;
  locationId?: number;
  serviceIds: number[];
  /** ANY_MEMBER (0) for "any team member" */
  staffId?: number;
  /** YYYY-MM-DD, location-local */
  date?: string;
  slot?: Slot;
  contact: Contact;
  /** Individual services or group events, on forms that offer both (the record_type step). */
  recordType?: RecordType;
  /** The group event chosen and the seats wanted (src/flow/group/). */
  event?: ChosenEvent;
}

export type RecordType = 'services' | 'events';

export interface ChosenEvent {
  id: number;
  /** Its start, with the location's offset. */
  datetime: string;
  seats: number;
}

/** A finished appointment: one booking can hold several, at one location (see basket.ts). */
export interface AppointmentChoice {
  /** Its id in the booking request (1, 2, …), named by errors and results. */
  id: number;
  serviceIds: number[];
  staffId: number;
  date: string;
  slot: Slot;
}

export interface FlowState {
  /** Visible steps, in the form's order. */
  steps: StepId[];
  current: Screen;
  /** The appointment being chosen, plus the location and contact data of the whole booking. */
  choices: Choices;
  /** The id of the appointment being chosen. */
  appointmentId: number;
  /** The booking's other appointments, finished. */
  basket: AppointmentChoice[];
  /** While a finished appointment is being changed: how it was, so going back restores it. */
  before?: AppointmentChoice;
  /** The visitor pressed continue on the contact step: show every field error from now on. */
  contactAttempted: boolean;
  booking?: CreatedRecord[];
  /** Forms with a record_type step: the steps of each kind of booking (`steps` is the chosen one's). */
  paths?: Record<RecordType, StepId[]>;
}

export type FlowEvent =
  | { type: 'selectCity'; city: string }
  /** `city`: the location's own, when it was found outside the chosen city (a search, nearest to me). */
  | { type: 'selectLocation'; locationId: number; city?: string }
  | { type: 'setServices'; serviceIds: number[] }
  | { type: 'selectStaff'; staffId: number }
  | { type: 'selectDate'; date: string }
  | { type: 'selectSlot'; slot: Slot }
  | { type: 'setContact'; contact: Partial<Contact> }
  /** Continue from the current step; `contactValid` tells whether the contact step may be left. */
  | { type: 'next'; contactValid?: boolean }
  | { type: 'back' }
  | { type: 'goTo'; step: StepId }
  // Fresh data arrived: drop the choices it no longer allows.
  | { type: 'servicesAvailable'; serviceIds: number[] }
  | { type: 'staffAvailable'; staffIds: number[] }
  | { type: 'datesAvailable'; from: string; to: string; dates: string[] }
  | { type: 'slotsAvailable'; date: string; datetimes: string[] }
  | { type: 'slotTaken' }
  | { type: 'booked'; records: CreatedRecord[] }
  | { type: 'chooseRecordType'; recordType: RecordType }
  /** A group event and its seats; undefined drops the choice (the event filled up meanwhile). */
  | { type: 'selectEvent'; event?: ChosenEvent }
  /** The locations arrived (each one's city): a large chain asks the city first (askCity). */
  | { type: 'askCity'; cities: string[] }
  /** Book again: keep the location and the contact data, start over. */
  | { type: 'restart' };

export const EMPTY_CONTACT: Contact = { name: '', phone: '', email: '', comment: '' };

interface Plan {
  steps: StepId[];
  choices: Choices;
  paths?: Record<RecordType, StepId[]>;
}

/** Steps that choose where, before the kind of booking is asked. */
const PLACE_STEPS = new Set<string>(['city', 'location']);

/** Step order, hidden steps and their defaults from the booking form. */
export function planSteps(form: BookingForm, preset: Partial<Choices> = {}): Plan {
  const choices: Choices = { serviceIds: [], contact: { ...EMPTY_CONTACT }, ...preset };
  if (preset.contact) choices.contact = { ...EMPTY_CONTACT, ...preset.contact };
  const byName = new Map(form.steps.map((s) => [s.step, s]));
  const ordered = [...form.steps].sort((a, b) => a.order - b.order);
  const steps: StepId[] = [];

  const locationStep = byName.get('location');
  if (form.groupId === 0) {
    choices.locationId = form.locationId;
  } else if (locationStep?.hidden && locationStep.defaultValue) {
    choices.locationId ??= locationStep.defaultValue;
  } else if (choices.locationId === undefined) {
    // Altegio's city step (large chains): the city first, then its locations.
    if (form.cityStep) steps.push('city');
    steps.push('location');
  }

  for (const s of ordered) {
    switch (s.step) {
      case 'service':
        if (s.hidden && s.defaultValue) {
          if (choices.serviceIds.length === 0) choices.serviceIds = [s.defaultValue];
        } else steps.push('service');
        break;
      case 'staff':
        if (s.hidden) choices.staffId ??= s.defaultValue && s.defaultValue > 0 ? s.defaultValue : ANY_MEMBER;
        else steps.push('staff');
        break;
      case 'datetime':
        if (s.dateHidden && s.dateDefault) choices.date ??= s.dateDefault;
        else steps.push('date');
        // A time can only be preset once the day's slots are known, so the time step always shows.
        steps.push('time');
        break;
      case 'contact':
        steps.push('contact');
        break;
      default:
        break;
    }
  }
  // Forms may omit steps; the booking still needs each of these, in the usual order, before contact.
  if (!steps.includes('contact')) steps.push('contact');
  for (const needed of ['service', 'staff', 'date', 'time'] as const) {
    if (!steps.includes(needed) && !isComplete(needed, choices, true)) steps.splice(steps.indexOf('contact'), 0, needed);
  }
  steps.push('confirm');
  const services = dedupe(steps);
  // Group events: their own path after the location (and the choice of kind), src/flow/group/.
  const kind = byName.get('record_type')?.recordType;
  if (!kind || kind === 'services') return { steps: services, choices };
  const start = services.slice(0, services.findIndex((step) => !PLACE_STEPS.has(step)));
  if (kind === 'all') {
    services.splice(start.length, 0, 'record_type');
    start.push('record_type');
  } else choices.recordType = 'events';
  const paths = { services, events: [...start, 'event', 'contact', 'confirm'] satisfies StepId[] };
  return { steps: paths[choices.recordType ?? 'services'], choices, paths };
}

export function initialState(form: BookingForm, preset: Partial<Choices> = {}): FlowState {
  const { steps, choices, paths } = planSteps(form, preset);
  return settle({ steps, choices, current: steps[0] ?? 'confirm', appointmentId: 1, basket: [], contactAttempted: false, ...(paths && { paths }) });
}

/** The current choices as a finished appointment, when they are one. */
export function currentAppointment(s: FlowState): AppointmentChoice | undefined {
  const { serviceIds, staffId, date, slot } = s.choices;
  return serviceIds.length && staffId !== undefined && date && slot ? { id: s.appointmentId, serviceIds, staffId, date, slot } : undefined;
}

/** Every finished appointment of the booking, the current one included, in request order. */
export function appointmentsOf(s: FlowState): AppointmentChoice[] {
  const current = currentAppointment(s);
  return [...s.basket, ...(current ? [current] : [])].sort((a, b) => a.id - b.id);
}

/** Makes `a` the appointment being chosen (taking it out of the basket). */
export function makeCurrent(s: FlowState, a: AppointmentChoice, current: Screen = 'confirm'): FlowState {
  const { serviceIds, staffId, date, slot } = a;
  return settle({ ...s, current, before: undefined, appointmentId: a.id, basket: s.basket.filter((b) => b.id !== a.id), choices: { ...s.choices, serviceIds, staffId, date, slot } });
}

/** Whether a step's choice is made. */
export function isComplete(step: StepId, c: Choices, contactValid: boolean): boolean {
  switch (step) {
    case 'city':
      // A location chosen (found by a search, nearest, remembered) is in a city already.
      return c.city !== undefined || c.locationId !== undefined;
    case 'location':
      return c.locationId !== undefined;
    case 'record_type':
      return c.recordType !== undefined;
    case 'event':
      return (c.event?.seats ?? 0) > 0;
    case 'service':
      return c.serviceIds.length > 0;
    case 'staff':
      return c.staffId !== undefined;
    case 'date':
      return c.date !== undefined;
    case 'time':
      return c.slot !== undefined;
    case 'contact':
      return contactValid;
    case 'confirm':
      return false;
  }
}

export function transition(state: FlowState, event: FlowEvent): FlowState {
  const c = state.choices;
  switch (event.type) {
    case 'selectCity': {
      if (event.city === c.city) return advanceFrom(state, 'city');
      // Another city has other locations: the location and all that belongs to it start over.
      const fresh = { ...state, basket: [], before: undefined, choices: { ...c, city: event.city, locationId: undefined, serviceIds: [], staffId: undefined, date: undefined, slot: undefined } };
      return advanceFrom(fresh, 'city');
    }
    case 'selectLocation': {
      if (event.locationId === c.locationId) return advanceFrom(event.city === undefined ? state : { ...state, choices: { ...c, city: event.city } }, 'location');
      // Services, team members and times belong to one location: start those over.
      const fresh = { ...state, basket: [], before: undefined, choices: { ...c, ...(event.city !== undefined && { city: event.city }), locationId: event.locationId, serviceIds: [], staffId: undefined, date: undefined, slot: undefined, event: undefined } };
      return advanceFrom(fresh, 'location');
    }
    case 'setServices':
      return settle({ ...state, choices: { ...c, serviceIds: unique(event.serviceIds) } });
    case 'selectStaff':
      return advanceFrom({ ...state, choices: { ...c, staffId: event.staffId } }, 'staff');
    case 'selectDate': {
      const slot = c.slot && c.date === event.date ? c.slot : undefined;
      return advanceFrom({ ...state, choices: { ...c, date: event.date, slot } }, 'date');
    }
    case 'selectSlot':
      return advanceFrom({ ...state, choices: { ...c, slot: event.slot } }, 'time');
    case 'setContact':
      return { ...state, choices: { ...c, contact: { ...c.contact, ...event.contact } } };
    case 'next': {
      if (state.current === 'success' || state.current === 'confirm') return state;
      if (state.current === 'contact') {
        const attempted = { ...state, contactAttempted: true };
        return event.contactValid ? advanceFrom(attempted, 'contact', true) : attempted;
      }
      return advanceFrom(state, state.current);
    }
    case 'back': {
      if (state.current === 'success') return state;
      const i = state.steps.indexOf(state.current);
      // Back from an appointment's first step, with others finished: back to the list as it was
      // (a change undone, a new appointment dropped; a finished one is kept).
      if (state.basket.length && (i === 0 || state.steps[i - 1] === 'location')) {
        if (state.before) return makeCurrent(state, state.before);
        return currentAppointment(state) ? settle({ ...state, current: 'confirm' }) : makeCurrent(state, state.basket[state.basket.length - 1]!);
      }
      return i > 0 ? { ...state, current: state.steps[i - 1]! } : state;
    }
    case 'goTo': {
      const target = state.steps.indexOf(event.step);
      if (target < 0 || state.current === 'success') return state;
      // To the list (the browser's back) with an appointment unfinished: as back from its first step.
      if (event.step === 'confirm' && state.basket.length && !currentAppointment(state)) {
        return makeCurrent(state, state.before ?? state.basket[state.basket.length - 1]!);
      }
      // Only back, or forward over steps already done.
      return settle({ ...state, current: event.step });
    }
    case 'servicesAvailable': {
      const kept = c.serviceIds.filter((id) => event.serviceIds.includes(id));
      return kept.length === c.serviceIds.length ? state : settle({ ...state, choices: { ...c, serviceIds: kept } });
    }
    case 'staffAvailable':
      if (c.staffId === undefined || c.staffId === ANY_MEMBER || event.staffIds.includes(c.staffId)) return state;
      return settle({ ...state, choices: { ...c, staffId: undefined } });
    case 'datesAvailable':
      if (!c.date || c.date < event.from || c.date > event.to || event.dates.includes(c.date)) return state;
      return settle({ ...state, choices: { ...c, date: undefined, slot: undefined } });
    case 'slotsAvailable':
      if (!c.slot || c.date !== event.date || event.datetimes.includes(c.slot.datetime)) return state;
      return settle({ ...state, choices: { ...c, slot: undefined } });
    case 'slotTaken':
      return settle({ ...state, choices: { ...c, slot: undefined } });
    case 'booked':
      return { ...state, booking: event.records, current: 'success' };
    case 'chooseRecordType': {
      const steps = state.paths?.[event.recordType];
      if (!steps) return state;
      const kept = c.recordType === event.recordType ? c : { ...c, event: undefined };
      return advanceFrom({ ...state, steps, choices: { ...kept, recordType: event.recordType } }, 'record_type');
    }
    case 'selectEvent':
      return settle({ ...state, choices: { ...c, event: event.event } });
    case 'askCity': {
      // A form without Altegio's city step still asks the city first when its locations make one
      // flat list long: more than 8 of them, in at least 2 cities (2 locations in 2 cities stay a
      // short list: a city step there is a pointless tap). Only on the location step with no
      // location chosen; a city already chosen (a remembered visit) keeps the visitor there. The
      // location step is always first (planSteps), so the city goes first.
      const { cities } = event;
      const { steps, paths } = state;
      if (state.current !== 'location' || c.locationId !== undefined || steps.includes('city') || cities.length < 9 || new Set(cities).size < 2) return state;
      return settle({ ...state, steps: ['city', ...steps], paths: paths && { services: ['city', ...paths.services], events: ['city', ...paths.events] } });
    }
    case 'restart':
      return { steps: state.steps, choices: unasked(state, c.contact), current: state.steps[0] ?? 'confirm', appointmentId: 1, basket: [], contactAttempted: false, ...(state.paths && { paths: state.paths }) };
  }
}

/**
 * A fresh start of the choices: what no step asks for (hidden defaults, a single location) is
 * kept as the form set it; the rest is asked again.
 */
export function unasked(state: FlowState, contact: Contact): Choices {
  const c = state.choices;
  const keep: Choices = { serviceIds: [], contact };
  for (const [step, key] of [['location', 'locationId'], ['staff', 'staffId']] as const) {
    if (!state.steps.includes(step) && c[key] !== undefined) keep[key] = c[key];
  }
  if (!state.steps.includes('service')) keep.serviceIds = c.serviceIds;
  if (!state.steps.includes('date')) keep.date = c.date;
  if (!state.steps.includes('record_type')) keep.recordType = c.recordType;
  return keep;
}

/** Move to the step after `from` if `from` is complete. */
function advanceFrom(state: FlowState, from: StepId, contactValid = false): FlowState {
  if (!isComplete(from, state.choices, contactValid)) return settle(state);
  const i = state.steps.indexOf(from);
  let next = state.steps[i + 1];
  // Another appointment of a booking whose contact step was passed goes straight back to confirm.
  if (next === 'contact' && state.basket.length && state.contactAttempted) next = state.steps[i + 2];
  return settle({ ...state, current: next ?? state.current });
}

/**
 * The one invariant: the visitor is never on a step after one whose choice is missing.
 * When fresh data drops a choice, the flow returns to the step that asks for it.
 */
export function settle(state: FlowState): FlowState {
  const at = state.current;
  if (at === 'success') return state;
  // Back on confirm, a change is done: nothing to restore any more.
  if (at === 'confirm' && state.before) state = { ...state, before: undefined };
  const currentIndex = state.steps.indexOf(at);
  for (let i = 0; i < currentIndex; i++) {
    const step = state.steps[i]!;
    // The contact step's validity is checked when it is left; a later change is caught at confirm.
    if (step === 'contact') continue;
    if (!isComplete(step, state.choices, true)) return { ...state, current: step };
  }
  return state;
}

function unique(ids: number[]): number[] {
  return [...new Set(ids)];
}

function dedupe(steps: StepId[]): StepId[] {
  return [...new Set(steps)];
}
