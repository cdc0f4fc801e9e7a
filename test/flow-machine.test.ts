import { describe, expect, it } from 'vitest';
import type { BookingForm, FormStep, Slot } from '../src/api/types';
import { ANY_MEMBER, initialState, planSteps, transition, type FlowEvent, type FlowState } from '../src/flow/machine';

function form(overrides: Partial<BookingForm> = {}, steps?: FormStep[]): BookingForm {
  return {
    id: 1,
    groupId: 0,
    locationId: 1001,
    phoneConfirmation: false,
    lang: 'en-US',
    langs: [],
    commentRequired: false,
    showPrivacyPolicy: false,
    staffCaption: 'specialization',
    style: { showHeader: true },
    steps: steps ?? [
      { step: 'service', order: 1, title: 'Service', hidden: false },
      { step: 'staff', order: 2, title: 'Team member', hidden: false },
      { step: 'datetime', order: 3, title: 'Date', hidden: false },
      { step: 'contact', order: 4, title: 'Contact', hidden: false },
      { step: 'confirm', order: 5, title: 'Confirm', hidden: false },
    ],
    ...overrides,
  };
}

const slot = (time: string, date = '2026-11-24'): Slot => ({ time, duration: 3600, datetime: `${date}T${time}:00.000-05:00` });

function run(state: FlowState, ...events: FlowEvent[]): FlowState {
  return events.reduce(transition, state);
}

const toTime: FlowEvent[] = [
  { type: 'setServices', serviceIds: [11] },
  { type: 'next' },
  { type: 'selectStaff', staffId: 7 },
  { type: 'selectDate', date: '2026-11-24' },
];

describe('step plan from the booking form', () => {
  it('a single-location form starts at the service step with the location chosen', () => {
    const s = initialState(form());
    expect(s.steps).toEqual(['service', 'staff', 'date', 'time', 'contact', 'confirm']);
    expect(s.current).toBe('service');
    expect(s.choices.locationId).toBe(1001);
  });

  it('a chain form starts at the location step', () => {
    const s = initialState(form({ groupId: 500 }));
    expect(s.steps[0]).toBe('location');
    expect(s.current).toBe('location');
    expect(s.choices.locationId).toBeUndefined();
  });

  it('a chain form with a preset location skips the location step', () => {
    const s = initialState(form({ groupId: 500 }), { locationId: 1002 });
    expect(s.steps).not.toContain('location');
    expect(s.choices.locationId).toBe(1002);
  });

  it('orders steps by num: team member before services', () => {
    const { steps } = planSteps(
      form({}, [
        { step: 'staff', order: 1, title: '', hidden: false },
        { step: 'service', order: 2, title: '', hidden: false },
        { step: 'datetime', order: 3, title: '', hidden: false },
        { step: 'contact', order: 4, title: '', hidden: false },
        { step: 'confirm', order: 5, title: '', hidden: false },
      ]),
    );
    expect(steps).toEqual(['staff', 'service', 'date', 'time', 'contact', 'confirm']);
  });

  it('a hidden service step with a default is skipped and its default chosen', () => {
    const s = initialState(
      form({}, [
        { step: 'staff', order: 2, title: '', hidden: false, defaultValue: -1 },
        { step: 'service', order: 1, title: '', hidden: true, defaultValue: 196 },
        { step: 'datetime', order: 3, title: '', hidden: false },
        { step: 'contact', order: 3, title: '', hidden: false },
        { step: 'confirm', order: 4, title: '', hidden: false },
      ]),
    );
    expect(s.steps).toEqual(['staff', 'date', 'time', 'contact', 'confirm']);
    expect(s.choices.serviceIds).toEqual([196]);
    expect(s.current).toBe('staff');
  });

  it('a hidden team member step means any team member (default -1) or the given one', () => {
    const steps = (def: number): FormStep[] => [
      { step: 'service', order: 1, title: '', hidden: false },
      { step: 'staff', order: 2, title: '', hidden: true, defaultValue: def },
      { step: 'datetime', order: 3, title: '', hidden: false },
    ];
    expect(initialState(form({}, steps(-1))).choices.staffId).toBe(ANY_MEMBER);
    expect(initialState(form({}, steps(42))).choices.staffId).toBe(42);
    expect(initialState(form({}, steps(42))).steps).toEqual(['service', 'date', 'time', 'contact', 'confirm']);
  });

  it('a hidden service step without a default still shows (a booking needs a service)', () => {
    const { steps } = planSteps(form({}, [{ step: 'service', order: 1, title: '', hidden: true }]));
    expect(steps).toContain('service');
  });

  it('a hidden date with a default skips the date step but keeps the time step', () => {
    const s = initialState(
      form({}, [
        { step: 'service', order: 1, title: '', hidden: false },
        { step: 'staff', order: 2, title: '', hidden: false },
        { step: 'datetime', order: 3, title: '', hidden: false, dateHidden: true, dateDefault: '2026-12-01' },
      ]),
    );
    expect(s.steps).toEqual(['service', 'staff', 'time', 'contact', 'confirm']);
    expect(s.choices.date).toBe('2026-12-01');
  });
});

describe('moving forward', () => {
  it('each choice moves to the next step; services need continue', () => {
    let s = initialState(form({ groupId: 500 }));
    s = transition(s, { type: 'selectLocation', locationId: 1001 });
    expect(s.current).toBe('service');
    s = transition(s, { type: 'setServices', serviceIds: [11, 12, 11] });
    expect(s.current).toBe('service');
    expect(s.choices.serviceIds).toEqual([11, 12]);
    s = transition(s, { type: 'next' });
    expect(s.current).toBe('staff');
    s = transition(s, { type: 'selectStaff', staffId: ANY_MEMBER });
    expect(s.current).toBe('date');
    s = transition(s, { type: 'selectDate', date: '2026-11-24' });
    expect(s.current).toBe('time');
    s = transition(s, { type: 'selectSlot', slot: slot('10:00') });
    expect(s.current).toBe('contact');
  });

  it('continue without a service stays on the service step', () => {
    const s = run(initialState(form()), { type: 'next' });
    expect(s.current).toBe('service');
  });

  it('the contact step is left only when valid, and marks the attempt', () => {
    let s = run(initialState(form()), ...toTime, { type: 'selectSlot', slot: slot('10:00') });
    s = transition(s, { type: 'next', contactValid: false });
    expect(s.current).toBe('contact');
    expect(s.contactAttempted).toBe(true);
    s = transition(s, { type: 'next', contactValid: true });
    expect(s.current).toBe('confirm');
  });

  it('a booking moves to success; restart keeps the contact data and the fixed choices', () => {
    let s = run(
      initialState(form()),
      ...toTime,
      { type: 'selectSlot', slot: slot('10:00') },
      { type: 'setContact', contact: { name: 'Ann', phone: '+1 212 555 0100' } },
      { type: 'next', contactValid: true },
      { type: 'booked', records: [{ appointmentId: 1, recordId: 9, recordHash: 'h' }] },
    );
    expect(s.current).toBe('success');
    expect(transition(s, { type: 'back' }).current).toBe('success');
    s = transition(s, { type: 'restart' });
    expect(s.current).toBe('service');
    expect(s.choices.contact.name).toBe('Ann');
    expect(s.choices.locationId).toBe(1001);
    expect(s.choices.serviceIds).toEqual([]);
    expect(s.choices.slot).toBeUndefined();
  });
});

describe('going back', () => {
  it('back moves one visible step back and keeps every choice', () => {
    let s = run(initialState(form()), ...toTime, { type: 'selectSlot', slot: slot('10:00') });
    s = run(s, { type: 'back' }, { type: 'back' }, { type: 'back' });
    expect(s.current).toBe('staff');
    expect(s.choices.slot?.time).toBe('10:00');
    expect(s.choices.date).toBe('2026-11-24');
  });

  it('back on the first step does nothing', () => {
    const s = initialState(form());
    expect(transition(s, { type: 'back' })).toEqual(s);
  });

  it('changing services keeps the team member while they still offer them, drops them when not', () => {
    let s = run(initialState(form()), ...toTime, { type: 'goTo', step: 'service' });
    s = transition(s, { type: 'setServices', serviceIds: [11, 13] });
    s = transition(s, { type: 'staffAvailable', staffIds: [7, 8] });
    expect(s.choices.staffId).toBe(7);
    s = transition(s, { type: 'staffAvailable', staffIds: [8] });
    expect(s.choices.staffId).toBeUndefined();
    expect(s.choices.date).toBe('2026-11-24');
  });

  it('"any team member" survives any team list', () => {
    let s = run(initialState(form()), { type: 'setServices', serviceIds: [11] }, { type: 'next' }, { type: 'selectStaff', staffId: ANY_MEMBER });
    s = transition(s, { type: 'staffAvailable', staffIds: [] });
    expect(s.choices.staffId).toBe(ANY_MEMBER);
  });

  it('a dropped choice sends the visitor back to the step that asks for it', () => {
    let s = run(initialState(form()), ...toTime, { type: 'selectSlot', slot: slot('10:00') });
    expect(s.current).toBe('contact');
    s = transition(s, { type: 'staffAvailable', staffIds: [8] });
    expect(s.current).toBe('staff');
  });

  it('a date no longer bookable is dropped with its time; other months are left alone', () => {
    let s = run(initialState(form()), ...toTime, { type: 'selectSlot', slot: slot('10:00') });
    s = transition(s, { type: 'datesAvailable', from: '2026-12-01', to: '2026-12-31', dates: [] });
    expect(s.choices.date).toBe('2026-11-24');
    s = transition(s, { type: 'datesAvailable', from: '2026-11-01', to: '2026-11-30', dates: ['2026-11-25'] });
    expect(s.choices.date).toBeUndefined();
    expect(s.choices.slot).toBeUndefined();
    expect(s.current).toBe('date');
  });

  it('a time no longer free is dropped; a time still free is kept', () => {
    let s = run(initialState(form()), ...toTime, { type: 'selectSlot', slot: slot('10:00') }, { type: 'goTo', step: 'time' });
    s = transition(s, { type: 'slotsAvailable', date: '2026-11-24', datetimes: [slot('10:00').datetime, slot('11:00').datetime] });
    expect(s.choices.slot?.time).toBe('10:00');
    s = transition(s, { type: 'slotsAvailable', date: '2026-11-24', datetimes: [slot('11:00').datetime] });
    expect(s.choices.slot).toBeUndefined();
    expect(s.current).toBe('time');
  });

  it('picking another day drops the time of the old day', () => {
    const s = run(initialState(form()), ...toTime, { type: 'selectSlot', slot: slot('10:00') }, { type: 'goTo', step: 'date' }, { type: 'selectDate', date: '2026-11-25' });
    expect(s.choices.slot).toBeUndefined();
    expect(s.current).toBe('time');
  });

  it('services no longer offered are removed from the choice', () => {
    let s = run(initialState(form()), { type: 'setServices', serviceIds: [11, 12] });
    s = transition(s, { type: 'servicesAvailable', serviceIds: [12, 13] });
    expect(s.choices.serviceIds).toEqual([12]);
  });

  it('choosing another location starts services, team member and time over', () => {
    let s = initialState(form({ groupId: 500 }));
    s = run(s, { type: 'selectLocation', locationId: 1001 }, ...toTime, { type: 'goTo', step: 'location' });
    s = transition(s, { type: 'selectLocation', locationId: 1002 });
    expect(s.choices).toMatchObject({ locationId: 1002, serviceIds: [], staffId: undefined, date: undefined });
    expect(s.current).toBe('service');
  });

  it('re-choosing the same location keeps everything', () => {
    let s = run(initialState(form({ groupId: 500 })), { type: 'selectLocation', locationId: 1001 }, ...toTime, { type: 'goTo', step: 'location' });
    s = transition(s, { type: 'selectLocation', locationId: 1001 });
    expect(s.choices.staffId).toBe(7);
    expect(s.current).toBe('service');
  });

  it('goTo cannot jump over a step that is not done', () => {
    const s = run(initialState(form()), { type: 'goTo', step: 'confirm' });
    expect(s.current).toBe('service');
  });

  it('a taken slot returns to the time step with everything else kept', () => {
    let s = run(
      initialState(form()),
      ...toTime,
      { type: 'selectSlot', slot: slot('10:00') },
      { type: 'next', contactValid: true },
    );
    expect(s.current).toBe('confirm');
    s = transition(s, { type: 'slotTaken' });
    expect(s.current).toBe('time');
    expect(s.choices).toMatchObject({ serviceIds: [11], staffId: 7, date: '2026-11-24' });
  });
});

describe('forms that leave steps out', () => {
  it('adds the steps a booking needs in the usual order, before contact', () => {
    const { steps } = planSteps(form({}, [{ step: 'staff', order: 1, title: '', hidden: false }]));
    expect(steps).toEqual(['staff', 'service', 'date', 'time', 'contact', 'confirm']);
  });
});
