// The flow with a record_type step (forms that offer group events): the kind of booking chooses
// the steps that follow; group events have their own path (event, contact, confirm).
import { describe, expect, it } from 'vitest';
import type { BookingForm, FormStep } from '../src/api/types';
import { initialState, transition, type FlowEvent, type FlowState } from '../src/flow/machine';

const STEPS: FormStep[] = [
  { step: 'service', order: 1, title: 'Service', hidden: false },
  { step: 'staff', order: 2, title: 'Team member', hidden: false },
  { step: 'datetime', order: 3, title: 'Date', hidden: false },
  { step: 'contact', order: 4, title: 'Contact', hidden: false },
  { step: 'confirm', order: 5, title: 'Confirm', hidden: false },
];

function form(recordType: FormStep['recordType'] | undefined, groupId = 0): BookingForm {
  const kind: FormStep[] = recordType ? [{ step: 'record_type', order: 0, title: 'Kind', hidden: false, recordType }] : [];
  return {
    id: 10, groupId, locationId: 1001, phoneConfirmation: false, lang: 'en-US', langs: [], commentRequired: false,
    showPrivacyPolicy: false, staffCaption: 'specialization', style: { showHeader: true }, steps: [...kind, ...STEPS],
  };
}

const run = (state: FlowState, ...events: FlowEvent[]) => events.reduce(transition, state);
const event = { id: 77, datetime: '2026-11-23T19:00:00-05:00', seats: 2 };

describe('record_type step', () => {
  it('forms without it are as before', () => {
    expect(initialState(form(undefined)).steps).toEqual(['service', 'staff', 'date', 'time', 'contact', 'confirm']);
    expect(initialState(form('services')).steps).toEqual(['service', 'staff', 'date', 'time', 'contact', 'confirm']);
  });

  it('asks the kind first (after the location on a chain), then follows the chosen path', () => {
    const start = initialState(form('all', 5));
    expect(start.steps).toEqual(['location', 'record_type', 'service', 'staff', 'date', 'time', 'contact', 'confirm']);
    const kind = run(start, { type: 'selectLocation', locationId: 1001 });
    expect(kind.current).toBe('record_type');
    const events = run(kind, { type: 'chooseRecordType', recordType: 'events' });
    expect(events.steps).toEqual(['location', 'record_type', 'event', 'contact', 'confirm']);
    expect(events.current).toBe('event');
    // Continue needs an event with seats.
    expect(run(events, { type: 'next' }).current).toBe('event');
    const chosen = run(events, { type: 'selectEvent', event }, { type: 'next' });
    expect(chosen.current).toBe('contact');
    // Back to the kind and the other path: the event is dropped.
    const services = run(chosen, { type: 'back' }, { type: 'back' }, { type: 'chooseRecordType', recordType: 'services' });
    expect(services.current).toBe('service');
    expect(services.choices.event).toBeUndefined();
    expect(services.steps).toEqual(['location', 'record_type', 'service', 'staff', 'date', 'time', 'contact', 'confirm']);
  });

  it('booking again asks the kind again, and either path can be taken', () => {
    const s = run(initialState(form('all')), { type: 'chooseRecordType', recordType: 'events' }, { type: 'selectEvent', event });
    const again = run(s, { type: 'booked', records: [{ appointmentId: 1, recordId: 9, recordHash: 'h' }] }, { type: 'restart' });
    expect(again.current).toBe('record_type');
    expect(again.choices.recordType).toBeUndefined();
    expect(run(again, { type: 'chooseRecordType', recordType: 'events' }).current).toBe('event');
    expect(run(again, { type: 'chooseRecordType', recordType: 'services' }).current).toBe('service');
  });

  it('an event that fills up meanwhile returns the visitor to the events', () => {
    const s = run(initialState(form('all')), { type: 'chooseRecordType', recordType: 'events' }, { type: 'selectEvent', event }, { type: 'next' });
    const confirm = run(s, { type: 'setContact', contact: { name: 'A', phone: '+1 212 555 0100' } }, { type: 'next', contactValid: true });
    expect(confirm.current).toBe('confirm');
    expect(run(confirm, { type: 'selectEvent', event: undefined }).current).toBe('event');
  });

  it('a form presetting group events goes straight to them; booking again keeps the kind', () => {
    const s = initialState(form('events'));
    expect(s.steps).toEqual(['event', 'contact', 'confirm']);
    expect(s.current).toBe('event');
    const booked = run(s, { type: 'selectEvent', event }, { type: 'booked', records: [{ appointmentId: 1, recordId: 9, recordHash: 'h' }] });
    const again = run(booked, { type: 'restart' });
    expect(again.current).toBe('event');
    expect(again.choices.recordType).toBe('events');
    expect(again.choices.event).toBeUndefined();
  });
});
