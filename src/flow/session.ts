// Nothing lost on a reload or a closed tab: the flow's step, choices and typed contact data are
// kept in local storage, one entry per booking form, for 30 minutes after the last change, and
// dropped once the booking is made. The SMS code is never kept (it lives in the booking state,
// not the flow). A mark also says "a booking request was out and its answer never came", so a
// reload, the link opened again or another tab checks before letting the visitor book again;
// that mark is kept until the visit's time has passed, however long that is.
import type { Appointment, Contact, Slot } from '../api/types';
import type { FreeBefore } from './lost-answer';
import { transition, type AppointmentChoice, type Choices, type FlowState, type StepId } from './machine';

/** How long typed data is kept after the visitor's last change. */
export const KEEP_TYPED_MS = 30 * 60_000;
/** Never longer than this, even for a booking whose outcome is unknown. */
const KEEP_PENDING_MAX_MS = 90 * 24 * 3600_000;

interface Saved {
  v: 1;
  /** When it was written (ms since epoch); entries without it are from a session store and kept. */
  savedAt?: number;
  current: StepId;
  choices: Choices;
  contactAttempted: boolean;
  /** The booking's other appointments and the current one's id (absent in older entries). */
  basket?: AppointmentChoice[];
  appointmentId?: number;
  /** A booking request was sent and no answer has arrived: what it asked for. */
  pending?: PendingBooking;
}

export interface PendingBooking {
  appointments: Appointment[];
  slot: Slot;
  /** The attempt's Idempotency-Key: the proxy can tell what became of it. */
  key?: string;
  /** With "any team member": who could take each appointment's time right before sending. */
  freeBefore?: FreeBefore;
}

export interface FlowMemory {
  /** The saved flow laid over a fresh start from the form; the fresh one when nothing fits. */
  restore(fresh: FlowState): FlowState;
  save(state: FlowState): void;
  /** The booking request that was out when the page went away, if one was. */
  pending(): PendingBooking | undefined;
  markPending(pending: PendingBooking | undefined): void;
  clear(): void;
}

/**
 * Local storage when the page allows it, so a closed tab loses nothing; session storage where
 * only that is allowed; none in sandboxed frames and some private modes.
 */
export function visitorStore(): Storage | undefined {
  for (const name of ['localStorage', 'sessionStorage'] as const) {
    try {
      const s = globalThis[name];
      s?.getItem('');
      if (s) return s;
    } catch {
      // forbidden here: try the next
    }
  }
  return undefined;
}

export function flowMemory(storage: Storage | undefined, formId: number, now: () => number = Date.now): FlowMemory {
  const key = `booking-widget:form:${formId}`;
  const read = (): Saved | undefined => {
    let saved: Saved | undefined;
    try {
      saved = parseSaved(JSON.parse(storage?.getItem(key) ?? 'null'));
    } catch {
      return undefined;
    }
    if (saved && expired(saved, now())) {
      write(undefined);
      return undefined;
    }
    return saved;
  };
  const write = (saved: Saved | undefined) => {
    try {
      if (saved) storage?.setItem(key, JSON.stringify(saved));
      else storage?.removeItem(key);
    } catch {
      // Full or forbidden: the widget still works, it just cannot remember.
    }
  };

  return {
    restore(fresh) {
      const saved = read();
      if (!saved) return fresh;
      const choices: Choices = { ...fresh.choices, contact: { ...fresh.choices.contact, ...nonEmpty(saved.choices.contact) } };
      // What a hidden step or the page fixed stays as the form says; the rest is the visitor's.
      if (fresh.steps.includes('location')) choices.locationId = saved.choices.locationId ?? fresh.choices.locationId;
      // With the location step: a large chain may ask the city first once its locations are here (askCity).
      if (fresh.steps.includes('location') && saved.choices.city !== undefined) choices.city = saved.choices.city;
      if (fresh.steps.includes('service') && saved.choices.serviceIds.length) choices.serviceIds = saved.choices.serviceIds;
      if (fresh.steps.includes('staff')) choices.staffId = saved.choices.staffId ?? fresh.choices.staffId;
      if (fresh.steps.includes('date')) choices.date = saved.choices.date ?? fresh.choices.date;
      if (choices.date === saved.choices.date) choices.slot = saved.choices.slot;
      const state = { ...fresh, choices, contactAttempted: saved.contactAttempted };
      // Finished appointments belong to the location they were chosen at.
      if (saved.basket?.length && choices.locationId === saved.choices.locationId) {
        state.basket = saved.basket;
        state.appointmentId = saved.appointmentId ?? Math.max(...saved.basket.map((a) => a.id)) + 1;
      }
      // goTo settles: a step whose earlier choice is missing is not entered.
      return fresh.steps.includes(saved.current) ? transition(state, { type: 'goTo', step: saved.current }) : state;
    },
    save(state) {
      if (state.current === 'success') return write(undefined);
      const { current, choices, contactAttempted, basket, appointmentId } = state;
      write({ v: 1, savedAt: now(), current, choices, contactAttempted, basket, appointmentId, pending: read()?.pending });
    },
    pending: () => read()?.pending,
    markPending(pending) {
      const saved = read();
      if (saved) write({ ...saved, savedAt: now(), pending });
    },
    clear: () => write(undefined),
  };
}

/** Typed data lasts 30 minutes; a booking whose outcome is unknown is remembered until its time. */
function expired(saved: Saved, at: number): boolean {
  if (saved.savedAt === undefined) return false;
  if (saved.pending) {
    const visit = Date.parse(saved.pending.slot.datetime);
    return at - saved.savedAt > KEEP_PENDING_MAX_MS || (!Number.isNaN(visit) && visit < at);
  }
  return at - saved.savedAt > KEEP_TYPED_MS;
}

const STEPS: StepId[] = ['city', 'location', 'service', 'staff', 'date', 'time', 'contact', 'confirm'];
const isId = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isText = (v: unknown): v is string => typeof v === 'string' && v.length <= 2000;

/** Storage is the page's: anything odd in it is dropped rather than trusted. */
export function parseSaved(raw: unknown): Saved | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const r = raw as Record<string, unknown>;
  const c = (r.choices ?? {}) as Record<string, unknown>;
  if (r.v !== 1 || !STEPS.includes(r.current as StepId) || !Array.isArray(c.serviceIds) || !c.serviceIds.every(isId)) return undefined;
  const contact = (c.contact ?? {}) as Record<string, unknown>;
  const choices: Choices = {
    serviceIds: c.serviceIds,
    contact: {
      name: isText(contact.name) ? contact.name : '',
      phone: isText(contact.phone) ? contact.phone : '',
      email: isText(contact.email) ? contact.email : '',
      comment: isText(contact.comment) ? contact.comment : '',
    },
  };
  if (isId(c.locationId)) choices.locationId = c.locationId;
  if (isText(c.city)) choices.city = c.city;
  if (isId(c.staffId)) choices.staffId = c.staffId;
  if (typeof c.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(c.date)) choices.date = c.date;
  const slot = c.slot as Partial<Slot> | undefined;
  if (slot && isText(slot.datetime) && isText(slot.time)) choices.slot = slot as Slot;
  const saved: Saved = { v: 1, current: r.current as StepId, choices, contactAttempted: r.contactAttempted === true };
  if (typeof r.savedAt === 'number' && Number.isFinite(r.savedAt)) saved.savedAt = r.savedAt;
  const basket = Array.isArray(r.basket) ? r.basket.filter(isAppointment) : [];
  const ids = new Set(basket.map((a) => a.id));
  if (basket.length && ids.size === basket.length && isId(r.appointmentId) && !ids.has(r.appointmentId)) {
    saved.basket = basket;
    saved.appointmentId = r.appointmentId;
  }
  const pending = r.pending as PendingBooking | undefined;
  if (pending && Array.isArray(pending.appointments) && pending.slot && isText(pending.slot.datetime)) {
    saved.pending = {
      appointments: pending.appointments,
      slot: pending.slot,
      ...(typeof pending.key === 'string' && /^[\w-]{16,80}$/.test(pending.key) ? { key: pending.key } : {}),
      ...(pending.freeBefore && typeof pending.freeBefore === 'object' ? { freeBefore: pending.freeBefore } : {}),
    };
  }
  return saved;
}

function isAppointment(v: unknown): v is AppointmentChoice {
  const a = (v ?? {}) as Partial<AppointmentChoice>;
  return (
    isId(a.id) && Array.isArray(a.serviceIds) && a.serviceIds.length > 0 && a.serviceIds.every(isId) && isId(a.staffId) &&
    typeof a.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(a.date) && !!a.slot && isText(a.slot.datetime) && isText(a.slot.time) && typeof a.slot.duration === 'number'
  );
}

function nonEmpty(contact: Contact): Partial<Contact> {
  return Object.fromEntries(Object.entries(contact).filter(([, v]) => v !== ''));
}
