// The iframe mode, inside the frame: nothing is loaded here and nothing is sent anywhere but to the
// host page, as an `analytics` message (src/protocol.ts); the loader's frame chunk there gives it
// to the page's own gtag / dataLayer / fbq and adds the page's campaign (src/embed/frame.ts).
import { parentOriginOf } from '../app/frame-origin';
import type { WidgetHandle } from '../app/host-api';
import type { BookingModel } from '../flow/model';
import { post } from '../protocol';
import { watchCommerce } from './watch';

export function toParent(model: BookingModel, widget: Pick<WidgetHandle, 'on'>, ns: string): () => void {
  const origin = parentOriginOf(new URL(location.href), document.referrer);
  if (!origin) return () => {};
  return watchCommerce(model, widget, (payload) => post(window.parent, origin, ns, { type: 'analytics', payload }));
}
