// The booking model: the pure flow machine in a signal, plus the data each step needs, loaded
// as soon as the choices make it knowable. Views read these signals and call the actions; they
// never fetch. Each concern is its own part (model-*.ts), made here from the others it reads.
import { batch, computed, effect, signal } from '@preact/signals';
import type { Api } from '../api/client';
import { dataOf } from './query';
import { ANY_MEMBER, transition, type Choices, type FlowEvent, type FlowState, type StepId } from './machine';
import { createBookingPart } from './model-booking';
import { groupPart } from './group/part';
import { createContact } from './model-contact';
import { createForm } from './model-form';
import { createMemory } from './model-memory';
import { createSchedule } from './model-schedule';
import { watchConnection } from './connection';
import type { AppointmentView } from './appointments';

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
  /** The deployment's hosted page, for the success screen's link to a booking (default: where the widget's files are). */
  bookingPage?: string;
}

export function createBookingModel(options: ModelOptions) {
  const { api, formId, preset } = options;
  const flow = signal<FlowState | null>(null, { name: 'flow' });
  function dispatch(event: FlowEvent) {
    const s = flow.peek();
    if (s) flow.value = transition(s, event);
  }
  const choices = computed(() => flow.value?.choices);
  /** What every part may read. */
  const core = { api, formId, preset, flow, choices, dispatch, now: options.now ?? (() => new Date()) };

  // Each part gets what it reads of the parts before it and returns its signals and actions; what
  // only the parts use is kept out of the model (the rest is spread into it below).
  const remembering = createMemory({ ...core, remember: options.remember });
  const { locationId, ...form } = createForm({ ...core, lang: options.lang, start: remembering.start });
  // The locations here (and whenever the flow starts over): a large chain may ask the city first (machine.ts askCity).
  const stopAskCity = effect(() => {
    const cities = dataOf(form.locations)?.map((l) => l.city);
    if (cities && flow.value?.current === 'location') dispatch({ type: 'askCity', cities });
  });
  // The schedule and confirming read each other (a booking being looked into keeps its time; a
  // taken time is asked for again), as do the contact and the booking (a valid contact is booked;
  // a refused field stays in error): those reads come later, once the booking is made below.
  const { staffFirst, serviceKey, month, dispose: stopSchedule, ...schedule } = createSchedule({ ...core, ...form, locationId, holdSlot: () => holdSlot() });
  const contact = createContact({ ...core, ...form, locationId, booking: computed(() => confirm.booking.value) });
  const { holdSlot, reset, dispose: stopBooking, ...confirm } = createBookingPart({ ...core, ...form, ...schedule, ...contact, locationId, staffFirst, session: remembering });

  // Group events: their own part (src/flow/group/), made when a form's visitor reaches them.
  const group = groupPart(api, { flow, dispatch, location: form.location, contactValid: contact.contactValid, form: form.formData, reminderChoice: contact.reminderChoice, now: core.now });

  /** The choices resolved to the things they name, for summaries. */
  const selection = computed(() => {
    const c = choices.value;
    const services = dataOf(schedule.catalog)?.services ?? [];
    const chosen = (c?.serviceIds ?? []).flatMap((id) => services.filter((s) => s.id === id));
    const memberId = c?.staffId;
    const member = memberId ? dataOf(schedule.staff)?.find((m) => m.id === memberId) : undefined;
    const assigned = memberId === ANY_MEMBER ? dataOf(confirm.booked)?.[0]?.staff.name : undefined;
    return {
      location: form.location.value,
      services: chosen,
      memberName: assigned || member?.name,
      slot: c?.slot,
      duration: c?.slot?.duration ?? chosen.reduce((sum, s) => sum + (s.duration ?? 0), 0),
    };
  });

  /** Every query of the parts: asked again when back online, dropped with the model. */
  const queries = () => [form.form, form.locale, form.locations, schedule.catalog, schedule.staff, schedule.dates, schedule.times, schedule.nearest.peek(), contact.privacyPolicy, confirm.booked];
  // Back online: ask again for whatever failed meanwhile, and finish checking a lost booking.
  const connection = watchConnection(() => {
    for (const q of queries()) if (q?.state.peek().status === 'error') q.retry();
    confirm.recheck();
  });

  return {
    bookingPage: options.bookingPage,
    flow,
    choices,
    ...form,
    ...schedule,
    ...contact,
    ...confirm,
    online: connection.online,
    selection,
    group,
    dispatch,
    go: (step: StepId) => dispatch({ type: 'goTo', step }),
    next: () => dispatch({ type: 'next', contactValid: contact.contactValid.peek() }),
    back: () => dispatch({ type: 'back' }),
    restart: () =>
      batch(() => {
        reset();
        group.part.peek()?.reset();
        month.value = null;
        dispatch({ type: 'restart' });
      }),
    dispose() {
      for (const q of queries()) q?.dispose();
      stopSchedule();
      stopBooking();
      group.part.peek()?.dispose();
      remembering.dispose();
      connection.dispose();
      stopAskCity();
    },
  };
}

export type BookingModel = ReturnType<typeof createBookingModel>;
