// The host page's own analytics, when it has them: the widget's commerce events go to its gtag, or
// else its Tag Manager dataLayer, and to its Meta Pixel (fbq). Nothing is loaded into the page and
// nothing is sent when none of them is there. The inline and button modes (and the npm package)
// call this beside the app; the iframe mode's host side (src/embed/frame.ts) does the same with the
// calls the frame sends, in a few lines of its own so the other modes' shared chunk stays as it is.
import { keptUtm, pageCalls, type CommerceEvent, type PageCalls, type Utm } from './commerce';

interface PageTools {
  gtag?: unknown;
  dataLayer?: unknown;
  fbq?: unknown;
}

/**
 * Whether the `data-analytics` option (or the mount option) lets the widget tell `target`
 * (`gtag`, `datalayer`, `fbq`): absent, every one; containing `off`, none; otherwise those named.
 */
export function allows(option: string | undefined, target: 'gtag' | 'datalayer' | 'fbq'): boolean {
  const o = (option ?? 'gtag datalayer fbq').toLowerCase();
  return !o.includes('off') && o.includes(target);
}

/** Makes the calls on the page's tools that are there and allowed. */
export function callPageTools({ gtag, dataLayer, fbq }: PageCalls, option: string | undefined, page: PageTools = window as PageTools): void {
  try {
    // gtag writes to the dataLayer itself: the objects go there only without it (or when asked for alone).
    if (allows(option, 'gtag') && typeof page.gtag == 'function') page.gtag(...gtag);
    else if (allows(option, 'datalayer') && Array.isArray(page.dataLayer)) page.dataLayer.push(...dataLayer);
    if (allows(option, 'fbq') && typeof page.fbq == 'function') for (const call of fbq) page.fbq(...call);
  } catch (error) {
    // A page's broken tag must not break the booking.
    console.error(error);
  }
}

/** Tells the page's tools about `event`; a booking carries the page's campaign (`utm`). */
export function pushToPage(event: CommerceEvent, option: string | undefined, utm: Utm = pageUtm(), page?: PageTools): void {
  if (event.name == 'purchase') event = { ...event, params: { ...event.params, ...utm } };
  callPageTools(pageCalls(event), option, page);
}

/** The page's campaign, kept for the tab (see keptUtm). */
export function pageUtm(): Utm {
  let store: Storage | undefined;
  try {
    store = sessionStorage;
  } catch {
    // Storage blocked: the page's own query only.
  }
  return keptUtm(location.search, store);
}
