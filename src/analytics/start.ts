// What the hosted page's after-paint chunk (src/app/hosted.ts) starts: in a frame, the commerce
// events go to the host page (to-parent.ts); on the widget's own page, a form with tracking ids
// asks the visitor first (consent.tsx). A form without any loads nothing more.
import { effect } from '@preact/signals';
import type { WidgetHandle } from '../app/host-api';
import type { BookingModel } from '../flow/model';

export function startAnalytics(model: BookingModel, widget: WidgetHandle, framedNs?: string): void {
  if (framedNs) {
    void import('./to-parent').then((m) => m.toParent(model, widget, framedNs), () => {});
    return;
  }
  let asked = false;
  effect(() => {
    const form = model.formData.value;
    if (!form?.analytics || asked) return;
    asked = true;
    const { analytics, id } = form;
    void import('./consent').then((m) => m.askConsent(model, widget, analytics, id), () => {});
  });
}
