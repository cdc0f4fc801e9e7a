// The host page's own analytics, when it has them: the widget's commerce events go to its gtag, or
// else its Tag Manager dataLayer, and to its Meta Pixel (fbq). Nothing is loaded into the page and
// nothing is sent when none of them is there. Runs on the host page: in the inline and button
// modes beside the app, in the iframe mode in the loader's frame chunk (src/embed/frame.ts).
import { isCommerceEvent, keptUtm, toDataLayer, toGtag, toPixel, type CommerceEvent, type Utm } from './commerce';

export const TARGETS = ['gtag', 'datalayer', 'fbq'] as const;
export type Target = (typeof TARGETS)[number];

/**
 * The `data-analytics` option: absent or empty, every target; `off`, none; otherwise the targets
 * it names (`gtag`, `datalayer`, `fbq`, separated by commas or spaces).
 */
export function targetsOf(option: string | undefined): Target[] {
  const words = (option || TARGETS.join()).toLowerCase().split(/[\s,]+/);
  return words.includes('off') ? [] : TARGETS.filter((t) => words.includes(t));
}

interface PageAnalytics {
  gtag?: unknown;
  dataLayer?: unknown;
  fbq?: unknown;
}

/** Tells the page's tools about `event`; a booking carries the page's campaign (`utm`). */
export function pushToPage(event: CommerceEvent, targets: readonly Target[], utm: Utm = pageUtm(), page: PageAnalytics = window as PageAnalytics): void {
  const { gtag, dataLayer, fbq } = page;
  if (event.name == 'purchase') event = { ...event, params: { ...event.params, ...utm } };
  try {
    // gtag writes to the dataLayer itself: the objects go there only without it (or when asked for alone).
    if (targets.includes('gtag') && typeof gtag == 'function') gtag(...toGtag(event));
    else if (targets.includes('datalayer') && Array.isArray(dataLayer)) dataLayer.push(...toDataLayer(event));
    if (targets.includes('fbq') && typeof fbq == 'function') for (const call of toPixel(event)) fbq(...call);
  } catch (error) {
    // A page's broken tag must not break the booking.
    console.error(error);
  }
}

/** The host page's campaign, kept for the tab (see keptUtm). */
export function pageUtm(): Utm {
  let store: Storage | undefined;
  try {
    store = sessionStorage;
  } catch {
    // Storage blocked: the page's own query only.
  }
  return keptUtm(location.search, store);
}

/** The iframe mode's host side: an event from the frame, checked, for the page's tools. */
export function pushFromFrame(event: unknown, option: string | undefined): void {
  if (isCommerceEvent(event)) pushToPage(event, targetsOf(option));
}
