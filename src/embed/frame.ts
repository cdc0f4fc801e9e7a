// Iframe mode: the hosted page in a frame, sized from its resize messages so the visitor never
// sees an inner scroll bar. This chunk stays small: the app itself runs inside the frame.
// Messages go only to the widget's origin and are accepted only from that origin and that frame
// (src/protocol.ts).
import type { PageCalls } from '../analytics/commerce';
import { listen, post, WIDGET_MESSAGES, type HostMessage, type WidgetMessage } from '../protocol';
import type { EmbedOptions } from '../loader/options';
import { sheet } from './sheet';
import type { StartMode } from './context';

export const start: StartMode = ({ options, events, shadow }) => {
  shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet('iframe{display:block;width:100%;height:480px;border:0}')];
  const origin = new URL(options.base).origin;
  const iframe = document.createElement('iframe');
  // English until the framed page says its title in the widget's language (a 'title' message).
  iframe.title = 'Book an appointment';
  iframe.src = frameUrl(options);

  // Host calls made before the frame is ready wait for it.
  let ready = false;
  const queue: HostMessage[] = [];
  const send = (message: HostMessage) => {
    if (ready && iframe.contentWindow) post(iframe.contentWindow, origin, options.ns, message);
    else queue.push(message);
  };
  const stop = listen<WidgetMessage>({ origin, source: () => iframe.contentWindow, ns: options.ns, types: WIDGET_MESSAGES }, (message) => {
    if (message.type === 'resize') {
      iframe.style.height = `${Math.max(0, Math.ceil(message.payload.height))}px`;
      return;
    }
    if (message.type === 'analytics') return callPageTools(message.payload, options.analytics);
    if (message.type === 'title') {
      const { title } = message.payload;
      if (typeof title === 'string' && title.trim()) iframe.title = title.slice(0, 200);
      return;
    }
    if (message.type === 'ready' && !ready) {
      ready = true;
      queue.splice(0).forEach(send);
    }
    // A new step starts at its top: bring the frame's top back into view if it scrolled away.
    if (message.type === 'step' && iframe.getBoundingClientRect().top < 0) iframe.scrollIntoView();
    events.emit(message.type, message.payload as never);
  });

  shadow.append(iframe);
  if (options.themeMode) send({ type: 'theme', payload: { mode: options.themeMode } });

  return {
    open: () => send({ type: 'open', payload: {} }),
    close: () => send({ type: 'close', payload: {} }),
    destroy() {
      stop();
      iframe.remove();
    },
    prefill: (payload) => send({ type: 'prefill', payload }),
    preselect: (payload) => send({ type: 'preselect', payload }),
    theme: (payload) => send({ type: 'theme', payload }),
  };
};

/**
 * The frame's `analytics` message: calls for the page's own gtag (else its dataLayer) and fbq, made
 * when the page has them and `data-analytics` allows each (as src/analytics/push.ts does for the
 * other modes; written here, as anything this chunk imports would join the chunk all modes load).
 */
function callPageTools({ gtag, dataLayer, fbq }: PageCalls, option = 'gtag datalayer fbq'): void {
  const page = window as unknown as { gtag?: (...a: unknown[]) => void; dataLayer?: unknown; fbq?: (...a: unknown[]) => void };
  const allows = (target: string) => !/off/i.test(option) && option.toLowerCase().includes(target);
  try {
    if (allows('gtag') && typeof page.gtag == 'function') page.gtag(...gtag);
    else if (allows('datalayer') && Array.isArray(page.dataLayer)) page.dataLayer.push(...dataLayer);
    if (allows('fbq') && typeof page.fbq == 'function') for (const call of fbq) page.fbq(...call);
  } catch (error) {
    console.error(error); // a page's broken tag must not break the booking
  }
}

/** The hosted page in frame mode. The API base is never put in the URL: the frame uses its own. */
export function frameUrl(options: EmbedOptions): string {
  const url = new URL('index.html', options.base);
  const p = url.searchParams;
  p.set('embed', 'frame');
  p.set('ns', options.ns);
  p.set('parentOrigin', location.origin);
  p.set('form', String(options.formId));
  const { locationId, serviceIds, staffId } = options.preselect;
  if (options.lang) p.set('lang', options.lang);
  if (locationId) p.set('location', String(locationId));
  if (serviceIds) p.set('service', serviceIds.join(','));
  if (staffId !== undefined) p.set('staff', String(staffId));
  // The page's campaign, reported with a booking (src/analytics/to-parent.ts).
  for (const [key, value] of new URLSearchParams(location.search)) if (key.startsWith('utm_')) p.set(key, value);
  return url.href;
}
