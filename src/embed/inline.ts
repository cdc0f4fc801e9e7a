// Inline mode: the widget renders at once into the loader's shadow root, where it was placed.
import { mountForHost } from './app';
import type { StartMode } from './context';

export const start: StartMode = (context) => {
  const app = mountForHost(context, context.shadow);
  return {
    open: app.open,
    close: app.close,
    destroy: app.destroy,
    prefill: app.prefill,
    preselect: app.preselect,
    theme: app.theme,
  };
};
