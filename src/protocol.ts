// Every message that crosses the frame boundary, and every event a host page can subscribe to.
// Messages are grouped by direction, wrapped in a named envelope, posted to an explicit origin
// (never '*') and accepted only from the expected origin AND window. README.md (Embedding) documents
// this file for embedders; keep the two in step.
import type { PageCalls } from './analytics/commerce';
import type { Screen } from './flow/machine';

/** The envelope's name: anything without it is not ours and is dropped. */
export const ENVELOPE = 'booking-widget';

/** A confirmed booking. Deliberately no personal data: hosts forward these to analytics. */
export interface BookedEvent {
  recordIds: number[];
  /** ISO 8601 with the location's offset; with several appointments, the first one's */
  datetime: string;
  /** Every service booked, across all appointments */
  serviceIds: number[];
  /** One per appointment (a booking can hold several), in the order they were booked. */
  records: BookedRecord[];
}

export interface BookedRecord {
  recordId: number;
  /** ISO 8601 with the location's offset */
  datetime: string;
  serviceIds: number[];
}

export interface ErrorEvent {
  /** The booking API's code (e.g. 433 slot taken) or a name such as 'form_unavailable' */
  code: number | string;
  /**
   * English in every language, by contract: hosts' code and logs match on it (`code` is the stable
   * part). The visitor reads the message in their own language inside the widget.
   */
  message: string;
}

/** Events a host can subscribe to with on(); the same in every embed mode. */
export interface WidgetEvents {
  /** The first step is on screen. */
  ready: { formId: number };
  step: { step: Screen };
  booked: BookedEvent;
  error: ErrorEvent;
  /** The modal opened (button mode) or the widget was shown. */
  open: Record<string, never>;
  /** The modal closed (Escape, close button, close()) or the widget was hidden. */
  close: Record<string, never>;
}
export type WidgetEventName = keyof WidgetEvents;
export const WIDGET_EVENTS: readonly WidgetEventName[] = ['ready', 'step', 'booked', 'error', 'open', 'close'];

export interface Prefill {
  name?: string;
  phone?: string;
  email?: string;
  comment?: string;
}

export interface Preselection {
  locationId?: number;
  serviceIds?: number[];
  /** 0 means any team member */
  staffId?: number;
}

export type ThemeMode = 'light' | 'dark' | 'auto';

/** Colours default to the booking form's own; any given here win. Values are CSS values. */
export interface Theme {
  mode?: ThemeMode;
  primary?: string;
  onPrimary?: string;
  bg?: string;
  surface?: string;
  text?: string;
  muted?: string;
  border?: string;
  error?: string;
  radius?: string;
  font?: string;
}

/** What a host page can call on one widget: the global's methods, the same in every mode. */
export interface HostApi {
  open(): void;
  close(): void;
  destroy(): void;
  prefill(contact: Prefill): void;
  preselect(selection: Preselection): void;
  theme(theme: Theme): void;
  on<E extends WidgetEventName>(event: E, handler: (payload: WidgetEvents[E]) => void): void;
  off<E extends WidgetEventName>(event: E, handler: (payload: WidgetEvents[E]) => void): void;
}

type Message<T extends string, P> = { type: T; payload: P };

/** widget (frame) → host page */
export type WidgetMessage =
  | { [K in WidgetEventName]: Message<K, WidgetEvents[K]> }[WidgetEventName]
  /** The frame's content height in CSS px, so the host sizes it with no inner scroll bar. */
  | Message<'resize', { height: number }>
  /** The page's title in the widget's language: the host names the iframe with it. */
  | Message<'title', { title: string }>
  /** A booking's progress for the host page's own gtag / dataLayer / fbq, as the calls to make (src/analytics/); no personal data. */
  | Message<'analytics', PageCalls>;

/** host page → widget (frame) */
export type HostMessage =
  | Message<'open', Record<string, never>>
  | Message<'close', Record<string, never>>
  | Message<'prefill', Prefill>
  | Message<'preselect', Preselection>
  | Message<'theme', Theme>
  | Message<'destroy', Record<string, never>>;

export const WIDGET_MESSAGES: readonly WidgetMessage['type'][] = [...WIDGET_EVENTS, 'resize', 'title', 'analytics'];
export const HOST_MESSAGES: readonly HostMessage['type'][] = ['open', 'close', 'prefill', 'preselect', 'theme', 'destroy'];

/** What travels: the message inside the named envelope, with the widget's namespace. */
export type Envelope<M extends { type: string; payload: unknown }> = M & { source: typeof ENVELOPE; ns: string };

/** Posts a message to exactly one origin. */
export function post<M extends WidgetMessage | HostMessage>(target: Window, origin: string, ns: string, message: M): void {
  if (!origin || origin === '*' || origin === 'null') throw new Error('booking widget: a target origin is required');
  const envelope = { source: ENVELOPE, ns, type: message.type, payload: message.payload };
  target.postMessage(envelope, origin);
}

export interface ListenOptions<M extends { type: string }> {
  /** Only this origin is accepted, e.g. 'https://shop.example' */
  origin: string;
  /** Only messages from this window (the frame's contentWindow, or window.parent) */
  source: () => MessageEventSource | null;
  ns: string;
  /** The types this side accepts: WIDGET_MESSAGES on the host, HOST_MESSAGES in the frame */
  types: readonly M['type'][];
}

/** Calls `handler` for our messages only; anything from another origin, window or namespace is dropped. */
export function listen<M extends WidgetMessage | HostMessage>(
  options: ListenOptions<M>,
  handler: (message: M) => void,
  target: Pick<Window, 'addEventListener' | 'removeEventListener'> = window,
): () => void {
  const onMessage = (event: MessageEvent) => {
    const message = accept<M>(event, options);
    if (message) handler(message);
  };
  target.addEventListener('message', onMessage as EventListener);
  return () => target.removeEventListener('message', onMessage as EventListener);
}

/** The message inside `event` if it passes every check, otherwise undefined. */
export function accept<M extends WidgetMessage | HostMessage>(event: MessageEvent, options: ListenOptions<M>): M | undefined {
  if (event.origin !== options.origin) return undefined;
  const source = options.source();
  if (!source || event.source !== source) return undefined;
  const data: unknown = event.data;
  if (!data || typeof data !== 'object') return undefined;
  const envelope = data as Partial<Envelope<M>>;
  if (envelope.source !== ENVELOPE || envelope.ns !== options.ns) return undefined;
  if (!(options.types as readonly unknown[]).includes(envelope.type)) return undefined;
  const payload = envelope.payload ?? {};
  if (typeof payload !== 'object') return undefined;
  return { type: envelope.type, payload } as M;
}
