// What the loader hands a mode's chunk, and what the chunk hands back. The loader imports these
// types only: the code of each mode downloads when that mode starts.
import type { Emitter } from '../events';
import type { EmbedOptions } from '../loader/options';
import type { Prefill, Preselection, Theme } from '../protocol';

export interface EmbedContext {
  options: EmbedOptions;
  /** The loader's emitter: host handlers are attached here before any chunk loads. */
  events: Emitter;
  /** <booking-widget>, already on the page, with the shadow root below */
  host: HTMLElement;
  shadow: ShadowRoot;
  /** The proxy's booking_start answer, asked for by the loader while this chunk loaded. */
  start?: Promise<Response>;
}

export interface Controls {
  /** `opener` gets focus back when a modal closes */
  open(opener?: Element | null): void;
  close(): void;
  destroy(): void;
  prefill(contact: Prefill): void;
  preselect(selection: Preselection): void;
  theme(theme: Theme): void;
}

export type StartMode = (context: EmbedContext) => Controls;
