// The npm package's entry (vite.package.config.ts builds it into dist-package/): mount() and the
// <booking-widget> custom element, with their types. Importing it touches no window, document or
// customElements, so server rendering may import it; both work once called in a browser.
export { mount, type MountOptions } from './mount';
export { defineBookingWidget, ATTRIBUTES, type BookingWidgetElement } from './element';
export type { WidgetHandle } from '../app/mount';
export type { Handler } from '../events';
export type {
  BookedEvent,
  BookedRecord,
  ErrorEvent,
  Prefill,
  Preselection,
  Theme,
  ThemeMode,
  WidgetEventName,
  WidgetEvents,
} from '../protocol';
