// What the hosted page's after-paint chunk (src/app/hosted.ts) starts: in a frame, the commerce
// events go to the host page (to-parent.ts); on the widget's own page, once the first step is on
// screen, the form's tracking ids are asked for, and a form with any asks the visitor first
// (consent.tsx). A form without any loads nothing more.
import type { WidgetHandle } from '../app/host-api';
import type { BookingModel } from '../flow/model';
import { fetchAnalytics } from './ids';

/** The page's settings (src/app/config.ts): its form, its API base, and in the iframe mode the namespace. */
export interface AnalyticsStart {
  formId: number;
  /** Absolute, or relative to the widget's origin; default VITE_API_BASE or /api/v1 */
  apiBase?: string;
  frame?: { ns: string };
}

export function startAnalytics(model: BookingModel, widget: WidgetHandle, { formId, apiBase, frame }: AnalyticsStart): void {
  if (frame) {
    // In a frame the host page's own tools hear the events; a page opened as a frame's but on its own has none.
    if (window.parent !== window) void import('./to-parent').then((m) => m.toParent(model, widget, frame.ns), () => {});
    return;
  }
  const base = new URL(apiBase || import.meta.env.VITE_API_BASE || '/api/v1', import.meta.url).href;
  let asked = false;
  const ask = () => {
    if (asked) return;
    asked = true;
    void fetchAnalytics(base, formId).then((ids) => ids && import('./consent').then((m) => m.askConsent(model, widget, ids, formId)), () => {});
  };
  // After the first step is drawn: nothing of this competes with it.
  if (model.flow.peek()) ask();
  else widget.on('ready', ask);
}
