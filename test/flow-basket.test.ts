// Several appointments in one booking: adding, removing and changing them on the confirm step,
// going back out of one, hidden steps, the step invariant, and the times a new one may take.
import { describe, expect, it } from 'vitest';
import type { BookingForm, FormStep, Slot } from '../src/api/types';
import { moveBasket, withoutClashes, type BasketMove } from '../src/flow/basket';
import { appointmentsOf, initialState, transition, type FlowEvent, type FlowState } from '../src/flow/machine';

function form(steps?: FormStep[], overrides: Partial<BookingForm> = {}): BookingForm {
  return {
    id: 1, groupId: 0, locationId: 1001, phoneConfirmation: false, smsEnabled: true, lang: 'en-US', langs: [],
    commentRequired: false, showPrivacyPolicy: false, staffCaption: 'specialization', style: { showHeader: true },
    steps: steps ?? [
      { step: 'service', order: 1, title: '', hidden: false },
      { step: 'staff', order: 2, title: '', hidden: false },
      { step: 'datetime', order: 3, title: '', hidden: false },
      { step: 'contact', order: 4, title: '', hidden: false },
    ],
    ...overrides,
  };
}

const slot = (time: string, minutes = 60, date = '2026-11-24'): Slot => ({ time, duration: minutes * 60, datetime: `${date}T${time}:00.000-05:00` });
const run = (s: FlowState, ...events: FlowEvent[]) => events.reduce(transition, s);
const move = (s: FlowState, ...moves: BasketMove[]) => moves.reduce(moveBasket, s);

const choose = (serviceId: number, staffId: number, time: string): FlowEvent[] => [
  { type: 'setServices', serviceIds: [serviceId] },
  { type: 'next' },
  { type: 'selectStaff', staffId },
  { type: 'selectDate', date: '2026-11-24' },
  { type: 'selectSlot', slot: slot(time) },
];

/** One appointment chosen, contact given, on the confirm step. */
function atConfirm(f = form()): FlowState {
  return run(initialState(f), ...choose(11, 7, '10:00'), { type: 'setContact', contact: { name: 'Ann', phone: '+1 212 555 0100' } }, { type: 'next', contactValid: true });
}

/** Two appointments: haircut with 7 at 10:00 (id 1), manicure with 8 at 12:00 (id 2). */
function withTwo(): FlowState {
  return run(move(atConfirm(), { type: 'add' }), ...choose(22, 8, '12:00'));
}

describe('adding an appointment', () => {
  it('keeps the finished one and starts another at the service step, same location, contact kept', () => {
    const s = move(atConfirm(), { type: 'add' });
    expect(s.current).toBe('service');
    expect(s.basket).toEqual([{ id: 1, serviceIds: [11], staffId: 7, date: '2026-11-24', slot: slot('10:00') }]);
    expect(s.appointmentId).toBe(2);
    const { locationId, serviceIds, staffId, date, slot: time } = s.choices;
    expect({ locationId, serviceIds, staffId, date, time }).toEqual({ locationId: 1001, serviceIds: [], staffId: undefined, date: undefined, time: undefined });
    expect(s.choices.contact.name).toBe('Ann');
  });

  it('the new one returns to confirm without the contact step, and the booking lists both in order', () => {
    const s = withTwo();
    expect(s.current).toBe('confirm');
    expect(appointmentsOf(s).map((a) => [a.id, a.serviceIds[0], a.staffId, a.slot.time])).toEqual([
      [1, 11, 7, '10:00'],
      [2, 22, 8, '12:00'],
    ]);
  });

  it('a third gets the next id', () => {
    const s = run(move(withTwo(), { type: 'add' }), ...choose(33, 7, '15:00'));
    expect(appointmentsOf(s).map((a) => a.id)).toEqual([1, 2, 3]);
  });

  it('is not possible before the current appointment is finished', () => {
    const half = run(initialState(form()), { type: 'setServices', serviceIds: [11] }, { type: 'next' });
    expect(move(half, { type: 'add' })).toBe(half);
  });

  it('hidden steps keep their defaults: a new appointment starts at the first step still asked', () => {
    const f = form([
      { step: 'service', order: 1, title: '', hidden: true, defaultValue: 11 },
      { step: 'staff', order: 2, title: '', hidden: false },
      { step: 'datetime', order: 3, title: '', hidden: true, dateHidden: true, dateDefault: '2026-11-24' },
      { step: 'contact', order: 4, title: '', hidden: false },
    ]);
    let s = run(initialState(f), { type: 'selectStaff', staffId: 7 }, { type: 'selectSlot', slot: slot('10:00') }, { type: 'setContact', contact: { name: 'Ann' } }, { type: 'next', contactValid: true });
    expect(s.current).toBe('confirm');
    s = move(s, { type: 'add' });
    expect(s.current).toBe('staff');
    expect(s.choices).toMatchObject({ serviceIds: [11], date: '2026-11-24' });
    expect(s.choices.staffId).toBeUndefined();
  });

  it('with the team member hidden too, a new appointment starts at the date step', () => {
    const f = form([
      { step: 'service', order: 1, title: '', hidden: true, defaultValue: 11 },
      { step: 'staff', order: 2, title: '', hidden: true, defaultValue: 7 },
      { step: 'datetime', order: 3, title: '', hidden: false },
      { step: 'contact', order: 4, title: '', hidden: false },
    ]);
    let s = run(initialState(f), { type: 'selectDate', date: '2026-11-24' }, { type: 'selectSlot', slot: slot('10:00') }, { type: 'next', contactValid: true });
    s = move(s, { type: 'add' });
    expect(s.current).toBe('date');
    expect(s.choices).toMatchObject({ serviceIds: [11], staffId: 7 });
    expect(s.choices.date).toBeUndefined();
  });
});

describe('removing an appointment', () => {
  it('removes a finished one; the others keep their ids', () => {
    const s = move(withTwo(), { type: 'remove', id: 1 });
    expect(s.current).toBe('confirm');
    expect(appointmentsOf(s).map((a) => [a.id, a.serviceIds[0]])).toEqual([[2, 22]]);
  });

  it('removing the current one makes the last finished one current', () => {
    const s = move(withTwo(), { type: 'remove', id: 2 });
    expect(s.current).toBe('confirm');
    expect(s.basket).toEqual([]);
    expect(s.appointmentId).toBe(1);
    expect(s.choices).toMatchObject({ serviceIds: [11], staffId: 7, slot: slot('10:00') });
  });

  it('the last appointment cannot be removed', () => {
    const s = atConfirm();
    expect(move(s, { type: 'remove', id: 1 })).toBe(s);
  });
});

describe('changing an appointment', () => {
  it('"change" on a finished one makes it current at that step; the other one waits in the list', () => {
    const s = move(withTwo(), { type: 'change', id: 1, step: 'time' });
    expect(s.current).toBe('time');
    expect(s.appointmentId).toBe(1);
    expect(s.choices).toMatchObject({ serviceIds: [11], staffId: 7, slot: slot('10:00') });
    expect(s.basket.map((a) => a.id)).toEqual([2]);
    const done = run(s, { type: 'selectSlot', slot: slot('09:00') });
    expect(done.current).toBe('confirm');
    expect(appointmentsOf(done).map((a) => [a.id, a.slot.time])).toEqual([
      [1, '09:00'],
      [2, '12:00'],
    ]);
  });

  it('a time that is gone is dropped, so the time step asks again', () => {
    const s = move(withTwo(), { type: 'change', id: 1, step: 'time', dropSlot: true });
    expect(s.current).toBe('time');
    expect(s.choices.slot).toBeUndefined();
  });

  it('back from its first step undoes the change and returns to the list as it was', () => {
    const changed = run(move(withTwo(), { type: 'change', id: 1, step: 'service' }), { type: 'setServices', serviceIds: [44] }, { type: 'next' });
    expect(changed.current).toBe('staff');
    const back = run(changed, { type: 'back' }, { type: 'back' });
    expect(back.current).toBe('confirm');
    expect(appointmentsOf(back).map((a) => [a.id, a.serviceIds[0]])).toEqual([
      [1, 11],
      [2, 22],
    ]);
  });

  it('a step the form hides cannot be changed', () => {
    const s = withTwo();
    const noStaffStep = { ...s, steps: s.steps.filter((x) => x !== 'staff') };
    expect(move(noStaffStep, { type: 'change', id: 1, step: 'staff' })).toBe(noStaffStep);
  });
});

describe('going back out of a new appointment', () => {
  it('back from its first step drops it and returns to the list', () => {
    const adding = run(move(withTwo(), { type: 'add' }), { type: 'setServices', serviceIds: [55] });
    expect(adding.current).toBe('service');
    const back = transition(adding, { type: 'back' });
    expect(back.current).toBe('confirm');
    expect(appointmentsOf(back).map((a) => a.id)).toEqual([1, 2]);
  });

  it('going to the list (the browser\'s back) with the new one unfinished drops it too', () => {
    const adding = run(move(withTwo(), { type: 'add' }), { type: 'setServices', serviceIds: [55] }, { type: 'next' });
    expect(adding.current).toBe('staff');
    const back = transition(adding, { type: 'goTo', step: 'confirm' });
    expect(back.current).toBe('confirm');
    expect(appointmentsOf(back).map((a) => [a.id, a.serviceIds[0]])).toEqual([
      [1, 11],
      [2, 22],
    ]);
  });

  it('a single appointment keeps the usual back (the first step has none)', () => {
    const s = initialState(form());
    expect(transition(s, { type: 'back' })).toEqual(s);
  });
});

describe('the step invariant with several appointments', () => {
  it('fresh data that drops the current choice returns to its step; finished ones stay', () => {
    const s = run(withTwo(), { type: 'staffAvailable', staffIds: [7] });
    expect(s.current).toBe('staff');
    expect(s.basket.map((a) => a.id)).toEqual([1]);
  });

  it('another location empties the list (a booking is for one location)', () => {
    const chain = form(undefined, { groupId: 500 });
    let s = run(initialState(chain), { type: 'selectLocation', locationId: 1001 }, ...choose(11, 7, '10:00'), { type: 'next', contactValid: true });
    s = run(move(s, { type: 'add' }), { type: 'goTo', step: 'location' }, { type: 'selectLocation', locationId: 1002 });
    expect(s.basket).toEqual([]);
    expect(s.current).toBe('service');
  });

  it('booking again starts with one empty appointment', () => {
    const s = run(withTwo(), { type: 'booked', records: [] }, { type: 'restart' });
    expect(s.basket).toEqual([]);
    expect(s.appointmentId).toBe(1);
    expect(appointmentsOf(s)).toEqual([]);
  });
});

describe('times for a new appointment', () => {
  const booked = [{ id: 1, serviceIds: [11], staffId: 7, date: '2026-11-24', slot: slot('10:00', 60) }];

  it('leaves out times overlapping another appointment of the booking, whoever serves it', () => {
    const offered = ['08:30', '09:00', '09:30', '10:00', '10:30', '10:59', '11:00', '11:30'].map((t) => slot(t, 60));
    expect(withoutClashes(offered, booked).map((s) => s.time)).toEqual(['08:30', '09:00', '11:00', '11:30']);
  });

  it('uses each time\'s own length: a long visit before the booked one clashes', () => {
    expect(withoutClashes([slot('08:00', 150), slot('08:00', 90), slot('08:00', 120)], booked).map((s) => s.duration)).toEqual([5400, 7200]);
  });

  it('reads the offsets the API writes in either form', () => {
    const compact = { time: '10:30', duration: 1800, datetime: '2026-11-24T10:30:00-0500' };
    const otherZone = { time: '17:30', duration: 1800, datetime: '2026-11-24T17:30:00+02:00' }; // 10:30 in New York
    expect(withoutClashes([compact, otherZone], booked)).toEqual([]);
  });

  it('with no other appointment, every time stays', () => {
    const offered = [slot('10:00')];
    expect(withoutClashes(offered, [])).toBe(offered);
  });
});
