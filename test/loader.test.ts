// @vitest-environment jsdom
// The script-tag loader without a browser: its data-* attributes, and the global's queue, which
// replays calls made before the loader ran and calls for a widget that is not on the page yet.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installGlobal, type GlobalApi, type HostApi } from '../src/loader/global';
import { readOptions } from '../src/loader/options';

const PAGE = 'https://shop.example/book/';

function script(attributes: Record<string, string>, src = 'https://widget.example/widget.js'): HTMLScriptElement {
  const el = document.createElement('script');
  el.src = src;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(`data-${name}`, value);
  return el;
}

describe('reading the script tag', () => {
  it('reads every attribute', () => {
    const options = readOptions(
      script({
        form: '4', mode: 'inline', target: '#book', 'api-base': '/booking-api/v1', lang: 'lv-LV', location: '7', services: '3, 5,x',
        staff: '0', 'button-text': 'Book a visit', 'button-position': 'top-left', 'button-color': '#0b6e4f', theme: 'dark', namespace: 'riga', font: 'inherit',
      }),
      PAGE,
    );
    expect(options).toEqual({
      ns: 'riga',
      mode: 'inline',
      formId: 4,
      target: '#book',
      apiBase: 'https://shop.example/booking-api/v1',
      lang: 'lv-LV',
      preselect: { locationId: 7, serviceIds: [3, 5], staffId: 0 },
      themeMode: 'dark',
      font: 'inherit',
      button: { text: 'Book a visit', position: 'top-left', color: '#0b6e4f' },
      base: 'https://widget.example/',
    });
  });

  it('falls back to defaults for missing or malformed values', () => {
    const options = readOptions(
      script({ form: 'abc', mode: 'popup', 'button-position': 'middle', theme: 'neon', namespace: 'has space', lang: '<x>', staff: '-1' }),
      PAGE,
    );
    expect(options).toMatchObject({
      ns: 'default',
      mode: 'button',
      formId: 1,
      lang: undefined,
      preselect: {},
      themeMode: undefined,
      button: { text: 'Book online', position: 'bottom-right' },
    });
    expect(options.apiBase).toBeUndefined();
  });

  it('renders inline when a target is given without a mode', () => {
    expect(readOptions(script({ target: '#book' }), PAGE).mode).toBe('inline');
  });

  it('finds the app next to the loader, wherever the loader is served from', () => {
    expect(readOptions(script({}, 'https://cdn.example/booking/v1/widget.js'), PAGE).base).toBe('https://cdn.example/booking/v1/');
  });
});

type Win = Window & { BookingWidget?: GlobalApi };

function fakeWidget(): HostApi & { calls: unknown[][] } {
  const calls: unknown[][] = [];
  const record = (name: string) => (...args: unknown[]) => void calls.push([name, ...args]);
  return {
    calls,
    open: record('open'), close: record('close'), destroy: record('destroy'), prefill: record('prefill'),
    preselect: record('preselect'), theme: record('theme'), on: record('on'), off: record('off'),
  };
}

/** A widget's element, on the page. */
function onPage(): HTMLElement {
  return document.body.appendChild(document.createElement('booking-widget'));
}

/** The stub snippet from the README (Embedding), as a host page pastes it. */
function pasteStub(win: Win) {
  const stub = function (...args: unknown[]) {
    (stub.q = stub.q || []).push(args);
  } as unknown as GlobalApi;
  win.BookingWidget = win.BookingWidget || stub;
}

describe('the global and its queue', () => {
  afterEach(() => {
    delete (window as Win).BookingWidget;
    document.querySelectorAll('booking-widget').forEach((el) => el.remove());
  });

  it('replays calls made to the stub before the loader ran, in order, once the widget is there', () => {
    const win = window as Win;
    pasteStub(win);
    const handler = () => {};
    win.BookingWidget!('on', 'booked', handler);
    win.BookingWidget!('prefill', { name: 'Ann' });
    win.BookingWidget!('open');

    const global = installGlobal(win);
    expect(win.BookingWidget).toBe(global);
    const widget = fakeWidget();
    global._add('default', widget, onPage());
    expect(widget.calls).toEqual([['on', 'booked', handler], ['prefill', { name: 'Ann' }], ['open']]);
  });

  it('keeps namespaces apart: a call reaches its own widget only', () => {
    const global = installGlobal(window as Win);
    const soho = fakeWidget();
    const riga = fakeWidget();
    global._add('soho', soho, onPage());
    global('riga:preselect', { serviceIds: [3] }); // riga is not on the page yet: it waits
    global.ns('soho').open();
    global._add('riga', riga, onPage());
    expect(soho.calls).toEqual([['open']]);
    expect(riga.calls).toEqual([['preselect', { serviceIds: [3] }]]);
  });

  it('offers the default widget as methods on the global', () => {
    const global = installGlobal(window as Win);
    const widget = fakeWidget();
    global._add('default', widget, onPage());
    global.theme({ mode: 'dark' });
    global.close();
    expect(widget.calls).toEqual([['theme', { mode: 'dark' }], ['close']]);
  });

  it('a second loader on the page joins the first; a taken namespace is refused', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const first = installGlobal(window as Win);
    expect(installGlobal(window as Win)).toBe(first);
    const widget = fakeWidget();
    const leave = first._add('default', widget, onPage());
    first._add('default', fakeWidget(), onPage());
    expect(warn).toHaveBeenCalled();
    leave();
    const next = fakeWidget();
    first._add('default', next, onPage());
    first('open');
    expect(next.calls).toEqual([['open']]);
    warn.mockRestore();
  });

  it("frees the namespace of a widget whose element left the page without destroy(), for the next one", () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const global = installGlobal(window as Win);
    const old = fakeWidget();
    const oldHost = onPage();
    global._add('default', old, oldHost);
    global('open');
    oldHost.remove(); // a single-page app's route change
    global.theme({ mode: 'dark' }); // no widget on the page: it waits for the next one
    expect(old.calls).toEqual([['open'], ['destroy']]);
    const next = fakeWidget();
    global._add('default', next, onPage());
    global.close();
    expect(next.calls).toEqual([['theme', { mode: 'dark' }], ['close']]);
    expect(old.calls).toEqual([['open'], ['destroy']]);

    // Found gone when the next one mounts, too: the old one is stopped, the new one takes its calls.
    const third = fakeWidget();
    document.querySelectorAll('booking-widget').forEach((el) => el.remove());
    global._add('default', third, onPage());
    global.open();
    expect(next.calls.at(-1)).toEqual(['destroy']);
    expect(third.calls).toEqual([['open']]);
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it("an app's destroy() after its element went destroys that widget, not the next one", () => {
    const global = installGlobal(window as Win);
    const old = fakeWidget();
    const oldHost = onPage();
    global._add('default', old, oldHost);
    oldHost.remove(); // the framework removes the element, then its clean-up runs
    global.prefill({ name: 'Ann' });
    global.destroy();
    expect(old.calls).toEqual([['destroy']]);
    const next = fakeWidget();
    global._add('default', next, onPage());
    global.open();
    expect(next.calls).toEqual([['open']]);
  });

  it('warns about an unknown command instead of throwing', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const global = installGlobal(window as Win);
    expect(() => global('explode')).not.toThrow();
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});
