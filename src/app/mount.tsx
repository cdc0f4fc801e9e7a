// Mounting the widget into a shadow root (or an element) with its host API: what the script-tag
// embed's chunks call (src/embed/*). The stylesheet is linked as a file from the widget's own
// origin, so a host with a strict Content-Security-Policy needs no 'unsafe-inline'.
import type { Preselection, Prefill, Theme } from '../protocol';
import { createHostApi, type WidgetHandle } from './host-api';
import { startWidget } from './start';
import stylesheet from './widget.css?url';

export type { WidgetHandle };

export interface MountOptions {
  formId: number;
  /** Absolute, or relative to the widget's own origin; default VITE_API_BASE or /api/v1 there. */
  apiBase?: string;
  lang?: string;
  preselect?: Preselection;
  prefill?: Prefill;
  theme?: Theme;
  /** 'inherit' lets the page's font in; by default the widget keeps its own. */
  font?: 'inherit';
  /**
   * The deployment's hosted booking page (`npm run serve`'s root), for the success screen's *View
   * or cancel this booking*; default the page the widget's files come from, which is right for the
   * script tag and the iframe. The npm package's files are the app's own: give it there.
   */
  bookingPage?: string;
  /** Let the browser's back/forward buttons move between steps; off, as the page's history is the host's. */
  history?: boolean;
  /**
   * The commerce events for the page's own gtag / dataLayer / Meta Pixel: `off`, or the tools to
   * tell (`gtag`, `datalayer`, `fbq`); all of them when absent (README "Conversion tracking").
   */
  analytics?: string;
  /** The shadow root already holds the widget's stylesheet (the npm package adopts it as a constructed sheet): nothing to link. */
  styled?: boolean;
  /**
   * The loader's booking_start request (`{apiBase}/booking_start/{formId}`), sent while this code
   * loaded: the first step's data comes from it; when it fails, the widget asks as without it.
   */
  start?: Promise<Response>;
}

/** The built stylesheet's URL on the widget's own origin, whichever page imported us. */
export const STYLESHEET_URL = new URL(stylesheet, import.meta.url).href;

export function mountWidget(root: ShadowRoot | HTMLElement, options: MountOptions): WidgetHandle {
  const rootNode = root instanceof ShadowRoot ? root : root.getRootNode();
  const shadow = rootNode instanceof ShadowRoot ? rootNode : null;
  // Custom properties go where they inherit into .bw-root: the shadow host, or the given element.
  const themed = root instanceof ShadowRoot ? (root.host as HTMLElement) : root;
  if (options.font === 'inherit') themed.dataset.font = 'inherit';

  const container = document.createElement('div');
  let link: HTMLLinkElement | undefined;
  if (shadow && !options.styled) {
    // Shown once styled, so the visitor never sees unstyled markup.
    container.hidden = true;
    link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = STYLESHEET_URL;
    const show = () => (container.hidden = false);
    link.addEventListener('load', show);
    link.addEventListener('error', show);
    shadow.prepend(link);
  }
  root.append(container);

  const started = startWidget(container, options);
  const widget = createHostApi(started, {
    formId: options.formId,
    themed,
    theme: options.theme,
    prefill: options.prefill,
    onDestroy() {
      container.remove();
      link?.remove();
    },
  });
  // The page's analytics hear of the booking through a chunk of their own, once the first step is
  // on screen (its events stop with the widget's own).
  if (options.analytics != 'off') widget.on('ready', () => void import('../analytics/page').then((m) => m.trackOnPage(started.model, widget, options.analytics), () => {}));
  return widget;
}
