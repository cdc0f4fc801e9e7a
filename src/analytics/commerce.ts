// What the widget reports to a business's analytics, as data: GA4's recommended e-commerce events
// (begin_checkout, add_to_cart, purchase) built from the booking's services, and how each tool is
// told about one (gtag, a Tag Manager dataLayer, Meta Pixel's fbq, Yandex Metrica's ym). Pure, no
// DOM: tested in Node (test/analytics-commerce.test.ts). Nothing here ever reads the visitor's
// contact data, and a booking's id is its record id, never its secret hash.
// No import of the app's own modules: the iframe mode's host side (push.ts) ships this too.
import type { Service } from '../api/types';

export const COMMERCE_EVENTS = ['begin_checkout', 'add_to_cart', 'purchase'] as const;
export type CommerceEventName = (typeof COMMERCE_EVENTS)[number];

/** A service as GA4 wants an item: the service's id and title, its price (after discount). */
export interface CommerceItem {
  item_id: string;
  item_name: string;
  price: number;
  quantity: number;
}

/** GA4's parameters for the event; Meta's and Metrica's are made from them. */
export interface CommerceParams {
  /** ISO 4217; left out when the location's currency is only a symbol */
  currency?: string;
  value: number;
  items: CommerceItem[];
  /** purchase only: the (first) record id */
  transaction_id?: string;
  /** purchase only: the host page's campaign (utm_source…), as the visitor arrived */
  utm_source?: string;
  utm_medium?: string;
  utm_campaign?: string;
  utm_term?: string;
  utm_content?: string;
}

export interface CommerceEvent {
  name: CommerceEventName;
  params: CommerceParams;
}

export const UTM_KEYS = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content'] as const;
export type Utm = Partial<Record<(typeof UTM_KEYS)[number], string>>;

/** Items for the given service ids (a repeated id counts twice); unknown ids are left out. */
export function itemsOf(serviceIds: readonly number[], services: readonly Service[]): CommerceItem[] {
  const items: CommerceItem[] = [];
  for (const id of serviceIds) {
    const same = items.find((i) => i.item_id === String(id));
    if (same) {
      same.quantity++;
      continue;
    }
    const service = services.find((s) => s.id === id);
    if (service) items.push({ item_id: String(id), item_name: service.title, price: priceOf(service), quantity: 1 });
  }
  return items;
}

/** The "from" price after the service's discount, in the currency's units, to the cent. */
export function priceOf(service: Pick<Service, 'priceMin' | 'discount'>): number {
  return Math.max(0, Math.round(service.priceMin * (100 - (service.discount || 0))) / 100);
}

/** `currency`: an ISO 4217 code (watch.ts maps a location's "$" or "€" to one); anything else is left out. */
export function commerceEvent(name: CommerceEventName, items: CommerceItem[], currency: string | undefined, extra: Partial<CommerceParams> = {}): CommerceEvent {
  const value = Math.round(items.reduce((sum, i) => sum + i.price * i.quantity, 0) * 100) / 100;
  const code = currency && /^[A-Z]{3}$/.test(currency) ? currency : undefined;
  return { name, params: { ...(code && { currency: code }), value, items, ...extra } };
}

/** The booking made: its first record's id as the transaction, and the campaign the visitor came by. */
export function purchaseEvent(recordIds: readonly number[], items: CommerceItem[], currency: string | undefined, utm: Utm): CommerceEvent {
  return commerceEvent('purchase', items, currency, { transaction_id: String(recordIds[0] ?? ''), ...utm });
}

/** The campaign in a page's query (utm_source…), each value trimmed to 100 characters. */
export function utmOf(search: string): Utm {
  const query = new URLSearchParams(search);
  const utm: Utm = {};
  for (const key of UTM_KEYS) {
    const value = query.get(key)?.trim();
    if (value) utm[key] = value.slice(0, 100);
  }
  return utm;
}

/**
 * The campaign kept for the tab: the page's own when it has one (remembered for the rest of the
 * visit), else the one remembered, so a visitor who came by an ad and moved to the booking page
 * (or reloaded it) is still counted for that ad.
 */
export function keptUtm(search: string, store: Pick<Storage, 'getItem' | 'setItem'> | undefined): Utm {
  const KEY = 'bw-utm';
  const fresh = utmOf(search);
  try {
    if (Object.keys(fresh).length) store?.setItem(KEY, JSON.stringify(fresh));
    else return utmOf(new URLSearchParams(JSON.parse(store?.getItem(KEY) || '{}') as Record<string, string>).toString());
  } catch {
    // Storage refused (private mode, a sandboxed frame): the page's own campaign only.
  }
  return fresh;
}

/** A Tag Manager dataLayer entry (GA4's e-commerce layout); the previous ecommerce object is cleared first. */
export function toDataLayer(event: CommerceEvent): Record<string, unknown>[] {
  const { params } = event;
  const { items, currency, value, transaction_id, ...campaign } = params;
  return [{ ecommerce: null }, { event: event.name, ...campaign, ecommerce: { ...(transaction_id && { transaction_id }), ...(currency && { currency }), value, items } }];
}

/** What a host page's own tools are told about one event: the iframe mode's `analytics` message. */
export interface PageCalls {
  /** gtag(...gtag) */
  gtag: unknown[];
  /** dataLayer.push(...dataLayer), when the page has no gtag */
  dataLayer: Record<string, unknown>[];
  /** fbq(...call) for each */
  fbq: unknown[][];
}

export function pageCalls(event: CommerceEvent): PageCalls {
  return { gtag: toGtag(event), dataLayer: toDataLayer(event), fbq: toPixel(event) };
}

/** gtag('event', name, params) */
export function toGtag(event: CommerceEvent): unknown[] {
  return ['event', event.name, event.params];
}

/** fbq calls: InitiateCheckout, AddToCart, and for a booking Schedule and Lead (Meta's standard events). */
export function toPixel(event: CommerceEvent): unknown[][] {
  const { currency, value, items } = event.params;
  const data = { ...(currency && { currency }), value, content_ids: items.map((i) => i.item_id), content_type: 'product', num_items: items.reduce((n, i) => n + i.quantity, 0) };
  if (event.name === 'begin_checkout') return [['track', 'InitiateCheckout', data]];
  if (event.name === 'add_to_cart') return [['track', 'AddToCart', data]];
  return [
    ['track', 'Schedule', data],
    ['track', 'Lead', { ...(currency && { currency }), value }],
  ];
}

/** ym(counter, 'reachGoal', name, params): Metrica's goals take the order's price and currency. */
export function toMetrika(counter: number, event: CommerceEvent): unknown[] {
  const { currency, value } = event.params;
  return [counter, 'reachGoal', event.name, { order_price: value, ...(currency && { currency }) }];
}
