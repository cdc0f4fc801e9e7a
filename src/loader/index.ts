// The script-tag entry: no framework, read by every page that embeds the widget, so it stays
// tiny. It reads its own <script>'s data-* attributes, installs window.BookingWidget (replaying
// the queued stub's calls), places a shadow-rooted <booking-widget> and loads the chosen mode's
// chunk from its own origin: inline and iframe at once, button mode on intent or when idle.
// Everything the mode needs before its first step is asked for at once: its chunks (import()),
// its stylesheet (a preload the widget's own <link> then finds) and, from our proxy, the first
// step's data (booking_start), so no request waits for the answer of another.
import type { Controls, StartMode } from '../embed/context';
import { sheet } from '../embed/sheet';
import { createEmitter } from '../events';
import { installGlobal } from './global';
import { LAUNCHER_CSS, launcher } from './launcher';
import { readOptions, type EmbedOptions, type Mode } from './options';

/** Each mode's files before its first step, entry first, relative to this script's URL; written at build time. */
declare const __BW_ENTRIES__: Record<Mode, string[]>;
/** Whether the API beside the widget is our proxy, with booking_start: the build's, not `npm start`'s demo backend. */
declare const __BW_START__: boolean;

// The page's CSS stops at the element: `all` resets what it declares or lets inherit, except its
// ::before/::after (drawn around the widget) and custom properties (the button's colour).
const HOST_CSS =
  ':host{all:initial!important;display:block!important;--launcher:initial!important;--on-launcher:initial!important}' +
  ':host([hidden]){display:none!important}:host::before,:host::after{display:none!important}';
const script = document.currentScript as HTMLScriptElement | null;
const global = installGlobal(window);

function start(script: HTMLScriptElement) {
  const options = readOptions(script, location.href);
  const events = createEmitter();
  const host = document.createElement('booking-widget');
  host.setAttribute('data-namespace', options.ns);
  const shadow = host.attachShadow({ mode: 'open' });
  shadow.adoptedStyleSheets = [sheet(HOST_CSS + (options.mode === 'button' ? LAUNCHER_CSS : ''))];
  // Inline and iframe widgets go into data-target, else right where the script tag is.
  const target = options.target ? document.querySelector(options.target) : null;
  if (options.target && !target) console.warn(`BookingWidget: nothing matches data-target "${options.target}"`);
  if (target) target.append(host);
  else if (options.mode !== 'button' && script.closest('body')) script.after(host);
  else document.body.append(host);

  let loading: Promise<Controls> | undefined;
  const load = () => {
    if (loading) return loading;
    const start = startData(options);
    return (loading = Promise.all(
      __BW_ENTRIES__[options.mode].map((file) => {
        const href = options.base + file;
        if (!file.endsWith('css')) return import(/* @vite-ignore */ href);
        document.head.append(Object.assign(document.createElement('link'), { rel: 'preload', as: 'style', href }));
      }),
    ).then(
      ([chunk]: { start: StartMode }[]) => chunk!.start({ options, events, host, shadow, start }),
      (error: unknown) => {
        loading = undefined; // the next intent tries again
        events.emit('error', { code: 'load_failed', message: String(error) });
        throw error;
      },
    ));
  };
  const warm = () => void load().catch(() => {});
  // Host calls wait for the chunk, in the order they were made.
  const later =
    <K extends keyof Controls>(method: K) =>
    (...args: Parameters<Controls[K]>) =>
      void load().then((controls) => (controls[method] as (...a: unknown[]) => void)(...args), () => {});

  const stopLauncher = options.mode === 'button' ? launcher(options, shadow, warm, (opener) => later('open')(opener)) : undefined;
  if (options.mode !== 'button') warm();

  const leave = global._add(options.ns, {
    open: later('open'),
    close: later('close'),
    prefill: later('prefill'),
    preselect: later('preselect'),
    theme: later('theme'),
    on: events.on,
    off: events.off,
    destroy() {
      leave();
      stopLauncher?.();
      loading?.then((controls) => controls.destroy(), () => {});
      host.remove();
    },
  }, host);
}

/**
 * The first step's data in one answer (booking_start), asked for while the code loads: only from
 * our proxy beside the widget (no data-api-base), and not for the frame, which asks for its own.
 * A failure is the app's to handle (it falls back to the ordinary requests).
 */
function startData({ apiBase, mode, formId, lang, preselect, base }: EmbedOptions): Promise<Response> | undefined {
  if (!__BW_START__ || apiBase || mode == 'iframe') return;
  const path = `${import.meta.env.VITE_API_BASE || '/api/v1'}/booking_start/${formId}?lang=${lang || ''}&location=${preselect.locationId || ''}`;
  // As the app's own client: no cookies, and the language as Accept-Language (no preflight either way).
  const answer = fetch(new URL(path, base), { credentials: 'omit', headers: lang ? { 'Accept-Language': lang } : {} });
  answer.catch(() => {});
  return answer;
}

if (script) {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => start(script), { once: true });
  else start(script);
}
