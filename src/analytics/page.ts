// The inline and button modes (and the npm package): the widget runs in the host's page, so its
// commerce events go straight to the page's own gtag / dataLayer / fbq (push.ts). A chunk of its
// own, loaded once the first step is on screen.
import type { WidgetHandle } from '../app/host-api';
import type { BookingModel } from '../flow/model';
import { pageUtm, pushToPage } from './push';
import { watchCommerce } from './watch';

/** `option` is the `data-analytics` attribute (or the mount option): see allows(). */
export function trackOnPage(model: BookingModel, widget: Pick<WidgetHandle, 'on'>, option?: string): () => void {
  // Kept now, while the page still has the campaign in its address (a single-page app may drop it).
  pageUtm();
  return watchCommerce(model, widget, (event) => pushToPage(event, option));
}
