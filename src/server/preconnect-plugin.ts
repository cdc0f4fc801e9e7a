// Build time: when VITE_API_BASE names another origin, index.html says so in its <head>, so the
// connection to the API opens before any script runs (see src/app/preconnect.ts for run time).
import type { Plugin } from 'vite';
import { apiOriginToPreconnect } from '../app/preconnect';

export function preconnectToApi(): Plugin {
  let apiBase: string | undefined;
  return {
    name: 'preconnect-to-api',
    configResolved(config) {
      apiBase = config.env.VITE_API_BASE as string | undefined;
    },
    transformIndexHtml() {
      // Relative bases are the page's own origin: nothing to open early.
      const origin = apiBase && /^https?:\/\//i.test(apiBase) ? apiOriginToPreconnect(apiBase, 'http://same.invalid') : undefined;
      return origin ? [{ tag: 'link', attrs: { rel: 'preconnect', href: origin, crossorigin: '' }, injectTo: 'head-prepend' }] : [];
    },
  };
}
