// The hosted page inside an iframe (main.tsx loads this only there): reports its height and the
// widget's events to the parent page, and takes the host API's calls from it, all through
// src/protocol.ts. Only one origin is ever talked to: the `parentOrigin` the loader put in the
// URL, else the referrer's origin.
import { effect } from '@preact/signals';
import { HOST_MESSAGES, WIDGET_EVENTS, listen, post, type HostMessage, type WidgetMessage } from '../protocol';
import { parentOriginOf } from './frame-origin';
import type { WidgetHandle } from './host-api';
import { pageTitle } from './page-lang';

/** Connects when the parent's origin is known; a plain iframe without it just shows the widget. */
export function connectToParent(widget: WidgetHandle, ns: string): () => void {
  const parentOrigin = parentOriginOf(new URL(location.href), document.referrer);
  if (!parentOrigin) return () => {};
  const parent = window.parent;
  const send = (message: WidgetMessage) => post(parent, parentOrigin, ns, message);

  const stops = WIDGET_EVENTS.map((event) => widget.on(event, (payload) => send({ type: event, payload } as WidgetMessage)));
  // Each new step opens at its top.
  stops.push(widget.on('step', () => window.scrollTo(0, 0)));
  // The host names the iframe in the widget's language (its `title`), and renames it on a switch.
  stops.push(effect(() => send({ type: 'title', payload: { title: pageTitle() } })));

  // The page is exactly as tall as the widget (page.css), so its box is the height the frame needs.
  let reported = -1;
  const measure = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === reported) return;
    reported = height;
    send({ type: 'resize', payload: { height } });
  };
  const observer = new ResizeObserver(measure);
  observer.observe(document.documentElement);
  observer.observe(document.body);

  const stopListening = listen<HostMessage>({ origin: parentOrigin, source: () => parent, ns, types: HOST_MESSAGES }, (message) => {
    switch (message.type) {
      case 'prefill':
        return widget.prefill(message.payload);
      case 'preselect':
        return widget.preselect(message.payload);
      case 'theme':
        return widget.theme(message.payload);
      case 'open':
        return widget.open();
      case 'close':
        return widget.close();
      case 'destroy':
        return widget.destroy();
    }
  });

  return () => {
    stops.forEach((stop) => stop());
    observer.disconnect();
    stopListening();
  };
}
