// The one global a host page talks to (window.BookingWidget). Calls made through the queued stub
// before the loader ran, and calls for a namespace whose widget is not on the page yet, wait in
// order and are replayed when that widget registers. A widget whose element has left the page
// without destroy() (a single-page app's route change) is destroyed when found so, and its
// namespace goes to the next widget that mounts there.
import type { HostApi } from '../protocol';
import { DEFAULT_NAMESPACE } from './options';

export type { HostApi };
type Command = keyof HostApi;
const COMMANDS: Command[] = ['open', 'close', 'destroy', 'prefill', 'preselect', 'theme', 'on', 'off'];

/** `BookingWidget('prefill', {...})` or `BookingWidget('salon:prefill', {...})`, plus methods. */
export interface GlobalApi extends HostApi {
  (command: string, ...args: unknown[]): void;
  /** The host API of one namespace; usable before its widget exists. */
  ns(name: string): HostApi;
  /** The queued stub's calls, before the loader ran. */
  q?: ArrayLike<unknown>[];
  loaded?: boolean;
  /** For the loader itself: a widget joins the page (its element, `host`); returns its leave function. */
  _add(ns: string, widget: HostApi, host: Element): () => void;
}

export const GLOBAL_NAME = 'BookingWidget';

export function installGlobal(win: Window & { [GLOBAL_NAME]?: GlobalApi }): GlobalApi {
  const existing = win[GLOBAL_NAME];
  // A second loader script on the page joins the first one's registry.
  if (existing && existing.loaded) return existing;

  const widgets: { [ns: string]: [HostApi, Element] } = {};
  const waiting: { [ns: string]: [Command, unknown[]][] } = {};

  /** The namespace's widget while its element is on the page; one found gone is stopped and forgotten. */
  function live(ns: string): HostApi | undefined {
    const [widget, host] = widgets[ns] || [];
    if (host?.isConnected) return widget;
    if (widget) {
      delete widgets[ns];
      widget.destroy();
    }
  }

  function run(command: string, args: unknown[]): void {
    const colon = command.indexOf(':');
    const ns = colon < 0 ? DEFAULT_NAMESPACE : command.slice(0, colon);
    const method = command.slice(colon + 1) as Command;
    if (!COMMANDS.includes(method)) return console.warn(`${GLOBAL_NAME}: no command ${command}`);
    const widget = live(ns);
    if (widget) (widget[method] as (...a: unknown[]) => void)(...args);
    // No widget to destroy (an app's clean-up after its element went): what waited goes with it,
    // and the next widget mounted is not destroyed.
    else if (method === 'destroy') delete waiting[ns];
    else (waiting[ns] ||= []).push([method, args]);
  }

  const api = ((command: unknown, ...args: unknown[]) => run(String(command), args)) as GlobalApi;
  api.ns = (name) => {
    const handle = {} as { [C in Command]: (...args: unknown[]) => void };
    for (const c of COMMANDS) handle[c] = (...args) => run(`${name}:${c}`, args);
    return handle as unknown as HostApi;
  };
  Object.assign(api, api.ns(DEFAULT_NAMESPACE));
  api._add = (ns, widget, host) => {
    if (live(ns)) {
      console.warn(`${GLOBAL_NAME}: namespace ${ns} taken; give each widget a data-namespace`);
      return () => {};
    }
    widgets[ns] = [widget, host];
    const calls = waiting[ns] || [];
    delete waiting[ns];
    for (const [method, args] of calls) (widget[method] as (...a: unknown[]) => void)(...args);
    return () => {
      if (widgets[ns]?.[0] === widget) delete widgets[ns];
    };
  };
  api.loaded = true;
  win[GLOBAL_NAME] = api;
  for (const call of existing?.q || []) run(String(call[0]), [].slice.call(call, 1));
  return api;
}
