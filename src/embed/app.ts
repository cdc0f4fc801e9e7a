// Mounting the app for the script-tag modes, with the embed's settings, its events forwarded to
// the loader's emitter (where the host's handlers already wait).
import { mountWidget, type WidgetHandle } from '../app/mount';
import { WIDGET_EVENTS } from '../protocol';
import type { EmbedContext } from './context';

export function mountForHost({ options, events, start }: EmbedContext, root: ShadowRoot | HTMLElement): WidgetHandle {
  const app = mountWidget(root, {
    formId: options.formId,
    apiBase: options.apiBase,
    lang: options.lang,
    preselect: options.preselect,
    theme: options.themeMode ? { mode: options.themeMode } : undefined,
    font: options.font,
    analytics: options.analytics,
    start,
  });
  for (const event of WIDGET_EVENTS) app.on(event, (payload) => events.emit(event, payload as never));
  return app;
}
