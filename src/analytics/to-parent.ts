// The iframe mode, inside the frame: nothing is loaded here and nothing is sent anywhere but to the
// host page, as an `analytics` message (src/protocol.ts) holding the calls for the page's own
// gtag / dataLayer / fbq, which the loader's frame chunk there makes (src/embed/frame.ts). The
// host page's campaign (utm_*) comes in the frame's address, put there by the loader.
import { parentOriginOf } from '../app/frame-origin';
import type { WidgetHandle } from '../app/host-api';
import type { BookingModel } from '../flow/model';
import { post } from '../protocol';
import { pageCalls } from './commerce';
import { pageUtm } from './push';
import { watchCommerce } from './watch';

export function toParent(model: BookingModel, widget: Pick<WidgetHandle, 'on'>, ns: string): () => void {
  const origin = parentOriginOf(new URL(location.href), document.referrer);
  if (!origin) return () => {};
  pageUtm();
  return watchCommerce(model, widget, (event) => post(window.parent, origin, ns, { type: 'analytics', payload: pageCalls(event) }), pageUtm);
}
