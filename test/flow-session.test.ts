// Session memory per booking form: what survives a reload, what never does, what is not trusted.
import { describe, expect, it } from 'vitest';
import type { BookingForm } from '../src/api/types';
import { initialState, transition, type FlowEvent, type FlowState } from '../src/flow/machine';
import { flowMemory, parseSaved } from '../src/flow/session';
import { MemoryStorage } from './helpers/memory-storage';


const form: BookingForm = {
  id: 2, groupId: 0, locationId: 1001, phoneConfirmation: false, lang: 'en-US', langs: [], commentRequired: false,
  showPrivacyPolicy: false, staffCaption: 'specialization', style: { showHeader: true },
  steps: [
    { step: 'service', order: 1, title: 'Service', hidden: false },
    { step: 'staff', order: 2, title: 'Team member', hidden: false },
    { step: 'datetime', order: 3, title: 'Date', hidden: false },
    { step: 'contact', order: 4, title: 'Contact', hidden: false },
  ],
};
const slot = { time: '10:00', duration: 3600, datetime: '2026-11-24T10:00:00-05:00' };

function atContact(): FlowState {
  let s = initialState(form);
  const events: FlowEvent[] = [
    { type: 'setServices', serviceIds: [5] },
    { type: 'next' },
    { type: 'selectStaff', staffId: 7 },
    { type: 'selectDate', date: '2026-11-24' },
    { type: 'selectSlot', slot },
    { type: 'setContact', contact: { name: 'Jane', phone: '+1 212 555 0123' } },
  ];
  for (const e of events) s = transition(s, e);
  return s;
}

describe('flow memory', () => {
  it('brings back the step, the choices and the typed contact data', () => {
    const storage = new MemoryStorage();
    flowMemory(storage, 2).save(atContact());
    const restored = flowMemory(storage, 2).restore(initialState(form));
    expect(restored.current).toBe('contact');
    expect(restored.choices).toMatchObject({ serviceIds: [5], staffId: 7, date: '2026-11-24', slot, contact: { name: 'Jane', phone: '+1 212 555 0123' } });
  });

  it('is kept per form', () => {
    const storage = new MemoryStorage();
    flowMemory(storage, 2).save(atContact());
    expect(flowMemory(storage, 3).restore(initialState(form)).current).toBe('service');
  });

  it('is cleared once booked', () => {
    const storage = new MemoryStorage();
    const memory = flowMemory(storage, 2);
    memory.save(atContact());
    memory.save(transition(atContact(), { type: 'booked', records: [] }));
    expect(storage.length).toBe(0);
  });

  it('never holds an SMS code: the flow has none to give', () => {
    const storage = new MemoryStorage();
    flowMemory(storage, 2).save(atContact());
    expect(storage.getItem('booking-widget:form:2')).not.toMatch(/code/);
  });

  it('does not enter a step whose earlier choice is missing', () => {
    const storage = new MemoryStorage();
    const s = atContact();
    storage.setItem('booking-widget:form:2', JSON.stringify({ v: 1, current: 'contact', choices: { ...s.choices, staffId: undefined }, contactAttempted: false }));
    expect(flowMemory(storage, 2).restore(initialState(form)).current).toBe('staff');
  });

  /** The visitor's clock, a few days before the visit at `slot`. */
  const clock = (at = Date.parse('2026-11-20T09:00:00-05:00')) => ({ ms: at, now() { return this.ms; } });

  it('keeps a booking request that was out, with its key, until it is known not to have been made', () => {
    const c = clock();
    const memory = flowMemory(new MemoryStorage(), 2, () => c.ms);
    memory.save(atContact());
    const pending = {
      appointments: [{ id: 1, serviceIds: [5], staffId: 0, datetime: slot.datetime }],
      slot,
      key: '0c9f4a51-8b7e-4d6a-9f21-3e5c7a1b2d40',
      freeBefore: { 1: [7, 9] },
    };
    memory.markPending(pending);
    memory.save(atContact());
    expect(memory.pending()).toEqual(pending);
    memory.markPending(undefined);
    expect(memory.pending()).toBeUndefined();
  });

  it('keeps typed data 30 minutes after the last change, across a closed tab, then forgets it', () => {
    const c = clock();
    const storage = new MemoryStorage();
    flowMemory(storage, 2, () => c.ms).save(atContact());
    c.ms += 29 * 60_000;
    // The link opened again in a new tab: same storage, a new widget.
    expect(flowMemory(storage, 2, () => c.ms).restore(initialState(form)).choices.contact.name).toBe('Jane');
    c.ms += 2 * 60_000;
    expect(flowMemory(storage, 2, () => c.ms).restore(initialState(form)).current).toBe('service');
    expect(storage.length).toBe(0);
  });

  it('a booking whose outcome is unknown is remembered past 30 minutes, until its time has passed', () => {
    const c = clock();
    const storage = new MemoryStorage();
    const memory = flowMemory(storage, 2, () => c.ms);
    memory.save(atContact());
    memory.markPending({ appointments: [{ id: 1, serviceIds: [5], staffId: 7, datetime: slot.datetime }], slot });
    c.ms += 24 * 3600_000;
    expect(flowMemory(storage, 2, () => c.ms).pending()?.slot).toEqual(slot);
    c.ms = Date.parse(slot.datetime) + 60_000;
    expect(flowMemory(storage, 2, () => c.ms).pending()).toBeUndefined();
  });


  it('drops what it cannot trust, and survives storage that refuses', () => {
    expect(parseSaved({ v: 2 })).toBeUndefined();
    expect(parseSaved({ v: 1, current: 'nowhere', choices: { serviceIds: [] } })).toBeUndefined();
    expect(parseSaved({ v: 1, current: 'service', choices: { serviceIds: ['<x>'] } })).toBeUndefined();
    const odd = parseSaved({ v: 1, current: 'service', choices: { serviceIds: [1], staffId: 'x', contact: { name: 5 } } });
    expect(odd?.choices).toEqual({ serviceIds: [1], contact: { name: '', phone: '', email: '', comment: '' } });
    const refusing = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('full'); }, removeItem: () => {} } as unknown as Storage;
    const memory = flowMemory(refusing, 2);
    expect(() => memory.save(atContact())).not.toThrow();
    expect(memory.restore(initialState(form)).current).toBe('service');
  });
});

describe('flow memory with several appointments', () => {
  const other = { time: '12:00', duration: 1800, datetime: '2026-11-24T12:00:00-05:00' };
  /** Two appointments on the confirm step: service 5 at 10:00 (id 1) and 6 at 12:00 (id 2). */
  async function withTwo(): Promise<FlowState> {
    const { moveBasket } = await import('../src/flow/basket');
    let s = moveBasket(transition(atContact(), { type: 'next', contactValid: true }), { type: 'add' });
    for (const e of [
      { type: 'setServices', serviceIds: [6] },
      { type: 'next' },
      { type: 'selectStaff', staffId: 8 },
      { type: 'selectDate', date: '2026-11-24' },
      { type: 'selectSlot', slot: other },
    ] as FlowEvent[]) s = transition(s, e);
    return s;
  }

  it('brings back every appointment with its id, on the step the visitor was on', async () => {
    const storage = new MemoryStorage();
    const before = await withTwo();
    expect(before.current).toBe('confirm');
    flowMemory(storage, 2).save(before);
    const restored = flowMemory(storage, 2).restore(initialState(form));
    expect(restored.current).toBe('confirm');
    expect(restored.basket).toEqual(before.basket);
    expect(restored.appointmentId).toBe(2);
    expect(restored.choices).toMatchObject({ serviceIds: [6], staffId: 8, slot: other });
  });

  it('drops a list it cannot trust (bad entries, repeated ids), keeping the current appointment', async () => {
    const saved = JSON.parse(JSON.stringify({ v: 1, current: 'confirm', choices: (await withTwo()).choices, contactAttempted: true }));
    const good = { id: 1, serviceIds: [5], staffId: 7, date: '2026-11-24', slot };
    expect(parseSaved({ ...saved, basket: [good], appointmentId: 2 })?.basket).toEqual([good]);
    expect(parseSaved({ ...saved, basket: [good], appointmentId: 1 })?.basket).toBeUndefined();
    expect(parseSaved({ ...saved, basket: [{ ...good, slot: null }], appointmentId: 2 })?.basket).toBeUndefined();
    expect(parseSaved({ ...saved, basket: [good, good], appointmentId: 3 })?.basket).toBeUndefined();
    expect(parseSaved({ ...saved, basket: 'x' })?.choices.serviceIds).toEqual([6]);
  });
});
