// Conversion tracking as a business and a host page see it: which events, with which values,
// never the visitor's personal data, the campaign kept with the booking, and the option that
// turns each target off.
import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import type { Location, Service } from '../src/api/types';
import { commerceEvent, itemsOf, keptUtm, purchaseEvent, toDataLayer, toMetrika, toPixel, type CommerceEvent } from '../src/analytics/commerce';
import { analyticsOf } from '../src/analytics/ids';
import { allows, pushToPage } from '../src/analytics/push';
import { watchCommerce } from '../src/analytics/watch';
import { createEmitter } from '../src/events';
import type { BookingModel } from '../src/flow/model';
import type { FlowState } from '../src/flow/machine';

const service = (id: number, title: string, priceMin: number, discount = 0): Service => ({ id, title, categoryId: 1, priceMin, priceMax: priceMin + 20, discount, comment: '', weight: 0 });
const SERVICES = [service(5001, "Women's haircut", 65), service(5002, 'Colour', 120, 10), service(5003, 'Blow-dry', 35)];
const CONTACT = { name: 'Ann Smith', phone: '+1 212 555 0147', email: 'ann@example.com', comment: 'Short on the sides' };

/** The parts of the booking model the tracking reads, with a visitor who typed her contact data. */
function fakeModel(currency = 'USD') {
  const flow = signal<FlowState | null>({
    steps: ['service', 'staff', 'date', 'time', 'contact', 'confirm'],
    current: 'service',
    choices: { serviceIds: [], contact: CONTACT, locationId: 101201 },
    appointmentId: 1,
    basket: [],
    contactAttempted: false,
  });
  const model = {
    flow,
    catalog: { state: signal({ status: 'ready', key: 'services', data: { categories: [], services: SERVICES } }) },
    location: signal({ id: 101201, currency } as Location),
  } as unknown as BookingModel;
  const choose = (serviceIds: number[], current: FlowState['current']) => (flow.value = { ...flow.value!, current, choices: { ...flow.value!.choices, serviceIds } });
  return { model, choose };
}

function track(currency?: string, utm = {}) {
  const { model, choose } = fakeModel(currency);
  const events = createEmitter();
  const sent: CommerceEvent[] = [];
  watchCommerce(model, events, (e) => sent.push(e), () => utm);
  return { events, sent, choose };
}

describe('the booking as commerce events', () => {
  it('begins when the first step shows, adds each service once the visitor moves on, and purchases with value and currency', () => {
    const { events, sent, choose } = track('USD', { utm_source: 'newsletter', utm_campaign: 'spring' });
    expect(sent.map((e) => e.name)).toEqual(['begin_checkout']);
    expect(sent[0]!.params).toEqual({ currency: 'USD', value: 0, items: [] });

    choose([5001, 5002], 'staff');
    events.emit('step', { step: 'staff' });
    events.emit('step', { step: 'date' }); // nothing new chosen: nothing sent
    expect(sent.map((e) => e.name)).toEqual(['begin_checkout', 'add_to_cart']);
    expect(sent[1]!.params).toEqual({
      currency: 'USD',
      value: 173,
      items: [
        { item_id: '5001', item_name: "Women's haircut", price: 65, quantity: 1 },
        { item_id: '5002', item_name: 'Colour', price: 108, quantity: 1 },
      ],
    });

    events.emit('booked', { recordIds: [9001], datetime: '2026-12-08T10:00:00-05:00', serviceIds: [5001, 5002], records: [{ recordId: 9001, datetime: '2026-12-08T10:00:00-05:00', serviceIds: [5001, 5002] }] });
    const purchase = sent[2]!;
    expect(purchase.name).toBe('purchase');
    expect(purchase.params).toMatchObject({ transaction_id: '9001', value: 173, currency: 'USD', utm_source: 'newsletter', utm_campaign: 'spring' });
    expect(purchase.params.items).toHaveLength(2);
  });

  it('never carries the name, phone, e-mail or comment the visitor typed', () => {
    const { events, sent, choose } = track();
    choose([5001], 'contact');
    events.emit('step', { step: 'contact' });
    events.emit('booked', { recordIds: [9002], datetime: '', serviceIds: [5001], records: [{ recordId: 9002, datetime: '', serviceIds: [5001] }] });
    const everything = JSON.stringify([sent, sent.map(toDataLayer), sent.map(toPixel), sent.map((e) => toMetrika(1, e))]);
    for (const value of Object.values(CONTACT)) expect(everything).not.toContain(value);
    expect(everything).not.toMatch(/ann|555|example\.com/i);
  });

  it('starts over after "Sign up more": a new begin_checkout and the services added again', () => {
    const { events, sent, choose } = track();
    choose([5003], 'staff');
    events.emit('step', { step: 'staff' });
    events.emit('booked', { recordIds: [1], datetime: '', serviceIds: [5003], records: [{ recordId: 1, datetime: '', serviceIds: [5003] }] });
    events.emit('step', { step: 'success' });
    events.emit('step', { step: 'service' });
    events.emit('step', { step: 'staff' });
    expect(sent.map((e) => e.name)).toEqual(['begin_checkout', 'add_to_cart', 'purchase', 'begin_checkout', 'add_to_cart']);
  });

  it('counts a service booked twice as two, and takes a location\'s currency symbol as its code', () => {
    const items = itemsOf([5003, 5003, 404], SERVICES);
    expect(items).toEqual([{ item_id: '5003', item_name: 'Blow-dry', price: 35, quantity: 2 }]);
    expect(purchaseEvent([7, 8], items, 'EUR', {}).params).toMatchObject({ transaction_id: '7', value: 70, currency: 'EUR' });
    expect(commerceEvent('add_to_cart', items, 'zł?').params).not.toHaveProperty('currency');
    const { sent } = track('€');
    expect(sent[0]!.params.currency).toBe('EUR');
    expect(track('credits').sent[0]!.params).not.toHaveProperty('currency');
  });
});

describe('the host page’s own tools', () => {
  const event = purchaseEvent([9001], itemsOf([5001], SERVICES), 'USD', {});

  it('gives a Tag Manager dataLayer the GA4 e-commerce objects, with the page’s campaign on the booking', () => {
    const page = { dataLayer: [] as unknown[] };
    pushToPage(event, undefined, { utm_source: 'ad' }, page);
    expect(page.dataLayer).toEqual([
      { ecommerce: null },
      { event: 'purchase', utm_source: 'ad', ecommerce: { transaction_id: '9001', currency: 'USD', value: 65, items: [{ item_id: '5001', item_name: "Women's haircut", price: 65, quantity: 1 }] } },
    ]);
  });

  it('calls gtag instead when the page has it, and Meta Pixel with Schedule and Lead', () => {
    const calls: unknown[][] = [];
    const page = { dataLayer: [] as unknown[], gtag: (...a: unknown[]) => calls.push(['gtag', ...a]), fbq: (...a: unknown[]) => calls.push(['fbq', ...a]) };
    pushToPage(event, undefined, {}, page);
    expect(page.dataLayer).toEqual([]);
    expect(calls).toEqual([
      ['gtag', 'event', 'purchase', expect.objectContaining({ transaction_id: '9001', value: 65, currency: 'USD' })],
      ['fbq', 'track', 'Schedule', { currency: 'USD', value: 65, content_ids: ['5001'], content_type: 'product', num_items: 1 }],
      ['fbq', 'track', 'Lead', { currency: 'USD', value: 65 }],
    ]);
  });

  it('tells no one with data-analytics="off", and only the named targets otherwise', () => {
    const calls: unknown[] = [];
    const page = { dataLayer: [] as unknown[], gtag: () => calls.push('gtag'), fbq: () => calls.push('fbq') };
    pushToPage(event, 'off', {}, page);
    expect(calls).toEqual([]);
    expect(page.dataLayer).toEqual([]);
    pushToPage(event, 'datalayer, FBQ', {}, page);
    expect(calls).toEqual(['fbq', 'fbq']);
    expect(page.dataLayer).toHaveLength(2);
    expect(['gtag', 'datalayer', 'fbq'].filter((t) => allows('gtag', t as 'gtag'))).toEqual(['gtag']);
  });

  it('a broken page tag does not break the booking', () => {
    const page = { gtag: () => { throw new Error('broken'); } };
    const error = console.error;
    console.error = () => {};
    expect(() => pushToPage(event, undefined, {}, page)).not.toThrow();
    console.error = error;
  });
});

describe('the campaign (utm_*)', () => {
  it('is kept for the tab when the page that had it is left', () => {
    const stored = new Map<string, string>();
    const store = { getItem: (k: string) => stored.get(k) ?? null, setItem: (k: string, v: string) => void stored.set(k, v) };
    expect(keptUtm('?form=1&utm_source=instagram&utm_medium=social&utm_campaign=%20spring%20&fbclid=x', store)).toEqual({ utm_source: 'instagram', utm_medium: 'social', utm_campaign: 'spring' });
    expect(keptUtm('?form=1', store)).toEqual({ utm_source: 'instagram', utm_medium: 'social', utm_campaign: 'spring' });
    expect(keptUtm('?utm_source=google', store)).toEqual({ utm_source: 'google' });
    expect(keptUtm('?utm_source=a', undefined)).toEqual({ utm_source: 'a' });
  });
});

describe('the form’s tracking ids', () => {
  it('reads GA4, Meta Pixel and Metrica ids, and drops what could not be one', () => {
    const form = (wire: Record<string, unknown>) => analyticsOf({ steps: [], style: {}, ...wire });
    expect(form({ google_analytics_id: 'G-DEMO12345', facebook_pixel_id: '1234567890123', metrika_counter_id: 98765432 })).toEqual({ ga: 'G-DEMO12345', pixel: '1234567890123', metrika: '98765432' });
    expect(form({ google_analytics_id: 'UA-125358345-1', facebook_pixel_id: '', metrika_counter_id: 0 })).toBeUndefined();
    expect(form({ google_analytics_id: 'G-1"><script>', facebook_pixel_id: '12345&x=1' })).toBeUndefined();
  });
});
