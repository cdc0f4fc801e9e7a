// The host's event subscriptions, shared by the loader and the app so both speak the same map
// (WidgetEvents in src/protocol.ts). No dependencies: the loader ships it.
import type { WidgetEventName, WidgetEvents } from './protocol';

export type Handler<E extends WidgetEventName> = (payload: WidgetEvents[E]) => void;

export interface Emitter {
  on<E extends WidgetEventName>(event: E, handler: Handler<E>): () => void;
  off<E extends WidgetEventName>(event: E, handler: Handler<E>): void;
  emit<E extends WidgetEventName>(event: E, payload: WidgetEvents[E]): void;
}

export function createEmitter(): Emitter {
  const handlers: { [event: string]: Function[] } = {};
  const emitter: Emitter = {
    on(event, handler) {
      (handlers[event] ||= []).push(handler);
      return () => emitter.off(event, handler);
    },
    off(event, handler) {
      handlers[event] = (handlers[event] || []).filter((h) => h !== handler);
    },
    emit(event, payload) {
      for (const handler of (handlers[event] || []).slice()) {
        try {
          handler(payload);
        } catch (error) {
          // A host's failing handler must not break the booking.
          console.error(error);
        }
      }
    },
  };
  return emitter;
}
