// mount(element, options) for the npm package: the widget in a shadow root on an element of the
// developer's page, with the same host API the script tag's handle has. The stylesheet is bundled
// as a string and adopted as a constructed sheet, so the host app's bundler needs no CSS set-up
// and a strict Content-Security-Policy host needs no 'unsafe-inline'.
import { mountWidget, type MountOptions as AppMountOptions, type WidgetHandle } from '../app/mount';
import widgetCss from '../app/widget.css?inline';

export interface MountOptions extends Omit<AppMountOptions, 'apiBase' | 'history' | 'styled'> {
  /**
   * The booking proxy in front of Altegio (README "Going live"): absolute, or relative to the
   * page. Default `/api/v1` on the page's own origin.
   */
  apiBase?: string;
}

// What the page could declare around the shadow host and `all` does not reset: its
// ::before/::after are drawn on the element itself (the script tag's host hides them too).
const HOST_CSS = ':host::before,:host::after{display:none!important}';

/** Shadow roots this package attached: the only ones it mounts into again. */
const ours = new WeakSet<ShadowRoot>();
const mounted = new WeakMap<ShadowRoot, WidgetHandle>();
let sheets: CSSStyleSheet[] | undefined;

function styleSheets(): CSSStyleSheet[] {
  // Made on first use, never at import: server rendering imports this module without a DOM.
  return (sheets ||= [HOST_CSS, widgetCss].map((css) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    return sheet;
  }));
}

/** The element's shadow root for the widget: attached and styled here, or the one attached before. */
export function shadowFor(element: HTMLElement): ShadowRoot {
  const existing = element.shadowRoot;
  if (existing && !ours.has(existing)) throw new Error('BookingWidget: the element already has a shadow root of its own; mount into an empty element');
  if (existing) return existing;
  const shadow = element.attachShadow({ mode: 'open' });
  shadow.adoptedStyleSheets = [...styleSheets()];
  ours.add(shadow);
  return shadow;
}

/** Whether a shadow root on the element was attached by someone else (e.g. the script-tag loader). */
export function foreignShadow(element: HTMLElement): boolean {
  return !!element.shadowRoot && !ours.has(element.shadowRoot);
}

/** The API base the widget calls: the option resolved against the page, or the page's /api/v1. */
export function apiBaseOf(given: string | undefined): string {
  return new URL(given || '/api/v1', document.baseURI).href;
}

/**
 * Renders the widget into `element` (its children are not shown: give it an empty element) and
 * returns its host API. Mounting again into the same element replaces the widget there.
 */
export function mount(element: HTMLElement, options: MountOptions): WidgetHandle {
  const shadow = shadowFor(element);
  mounted.get(shadow)?.destroy();
  const widget = mountWidget(shadow, { ...options, apiBase: apiBaseOf(options.apiBase), styled: true });
  mounted.set(shadow, widget);
  const destroy = widget.destroy;
  let destroyed = false;
  widget.destroy = () => {
    if (destroyed) return;
    destroyed = true;
    if (mounted.get(shadow) === widget) mounted.delete(shadow);
    destroy();
  };
  return widget;
}
