// The business's own analytics on the hosted page, loaded only once the visitor has agreed
// (consent.tsx): GA4 (gtag.js), Meta Pixel (fbevents.js), Yandex Metrica (tag.js), each with its
// vendor's own queue so calls made before its script arrives are kept. Metrica's session
// recording (webvisor) and click map stay off: they would record what the visitor types.
import type { FormAnalytics } from './ids';
import { toGtag, toMetrika, toPixel, type CommerceEvent } from './commerce';

export const TOOL_SCRIPTS = {
  ga: 'https://www.googletagmanager.com/gtag/js?id=',
  pixel: 'https://connect.facebook.net/en_US/fbevents.js',
  metrika: 'https://mc.yandex.ru/metrika/tag.js',
};

/** The names the consent prompt lists: the makers' own, in no language. */
export const TOOL_NAMES: Record<keyof FormAnalytics, string> = { ga: 'Google Analytics', pixel: 'Meta Pixel', metrika: 'Yandex Metrica' };

type Call = (...args: unknown[]) => void;
interface Tools {
  dataLayer?: unknown[];
  gtag?: Call;
  fbq?: Call & { callMethod?: Call; queue?: unknown[]; push?: unknown; loaded?: boolean; version?: string };
  _fbq?: unknown;
  ym?: Call & { a?: unknown[]; l?: number };
}

export interface Loaded {
  send(event: CommerceEvent): void;
  /** The visitor changed their mind: tell the tools (their cookies are theirs to drop) and send nothing more. */
  revoke(): void;
}

export function loadTools(ids: FormAnalytics, w: Tools = window as Tools, doc: Document = document): Loaded {
  const script = (src: string) => doc.head.append(Object.assign(doc.createElement('script'), { src, async: true }));
  if (ids.ga) {
    const layer = (w.dataLayer ||= []);
    // gtag.js reads the arguments objects themselves, as Google's own snippet pushes them.
    w.gtag ||= function () {
      // eslint-disable-next-line prefer-rest-params
      layer.push(arguments);
    };
    w.gtag('js', new Date());
    w.gtag('config', ids.ga);
    script(TOOL_SCRIPTS.ga + ids.ga);
  }
  if (ids.pixel) {
    if (!w.fbq) {
      const fbq: NonNullable<Tools['fbq']> = function () {
        // eslint-disable-next-line prefer-rest-params
        fbq.callMethod ? fbq.callMethod(...arguments) : fbq.queue!.push(arguments);
      };
      Object.assign(fbq, { push: fbq, loaded: true, version: '2.0', queue: [] });
      w.fbq = w._fbq = fbq;
    }
    w.fbq('init', ids.pixel);
    w.fbq('track', 'PageView');
    script(TOOL_SCRIPTS.pixel);
  }
  if (ids.metrika) {
    const ym: NonNullable<Tools['ym']> = (w.ym ||= function () {
      // eslint-disable-next-line prefer-rest-params
      (ym.a ||= []).push(arguments);
    });
    ym.l = Date.now();
    ym(+ids.metrika, 'init', { clickmap: false, trackLinks: false, webvisor: false, accurateTrackBounce: true });
    script(TOOL_SCRIPTS.metrika);
  }
  let on = true;
  return {
    send(event) {
      if (!on) return;
      if (ids.ga) w.gtag?.(...toGtag(event));
      if (ids.pixel) for (const call of toPixel(event)) w.fbq?.(...call);
      if (ids.metrika) w.ym?.(...toMetrika(+ids.metrika, event));
    },
    revoke() {
      on = false;
      w.gtag?.('consent', 'update', { analytics_storage: 'denied', ad_storage: 'denied' });
      w.fbq?.('consent', 'revoke');
    },
  };
}
