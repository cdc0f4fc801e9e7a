// The booking's commerce events, heard from the widget's own host events (src/app/model-events.ts:
// step, booked) and priced from what the model already holds (the location's services and
// currency). begin_checkout when the first step shows (again after "Sign up more"), add_to_cart
// for each service once the visitor has moved on with it, purchase when the booking is made.
import type { Service } from '../api/types';
import type { WidgetHandle } from '../app/host-api';
import type { BookingModel } from '../flow/model';
import type { Screen } from '../flow/machine';
import { currencyCode } from '../i18n/format';
import { commerceEvent, itemsOf, purchaseEvent, type CommerceEvent, type Utm } from './commerce';

export type Send = (event: CommerceEvent) => void;

export function watchCommerce(model: BookingModel, widget: Pick<WidgetHandle, 'on'>, send: Send, utm: () => Utm = () => ({})): () => void {
  // Every service seen, so an event still has names and prices while the catalog reloads.
  const known = new Map<number, Service>();
  const services = () => {
    const state = model.catalog.state.peek();
    if (state.status === 'ready') for (const s of state.data.services) known.set(s.id, s);
    return [...known.values()];
  };
  // An ISO 4217 code, as analytics tools want it; none when the location's currency is unknown.
  const currency = () => currencyCode(model.location.peek()?.currency ?? '');
  const chosen = () => {
    const flow = model.flow.peek();
    return flow ? [...flow.basket.flatMap((a) => a.serviceIds), ...flow.choices.serviceIds] : [];
  };
  let begun = false;
  let added = new Set<number>();

  const onStep = (step: Screen) => {
    if (step === 'success') {
      begun = false; // "Sign up more" starts a new booking
      return;
    }
    if (!begun) {
      begun = true;
      added = new Set();
      send(commerceEvent('begin_checkout', itemsOf(chosen(), services()), currency()));
    }
    const fresh = itemsOf([...new Set(chosen())].filter((id) => !added.has(id)), services());
    if (!fresh.length) return;
    for (const item of fresh) added.add(+item.item_id);
    send(commerceEvent('add_to_cart', fresh, currency()));
  };

  const stops = [
    widget.on('step', ({ step }) => onStep(step)),
    widget.on('booked', (booked) => send(purchaseEvent(booked.recordIds, itemsOf(booked.records.flatMap((r) => r.serviceIds), services()), currency(), utm()))),
  ];
  // Loaded after the first step was shown: that step began the booking.
  const now = model.flow.peek()?.current;
  if (now) onStep(now);
  return () => stops.forEach((stop) => stop());
}
