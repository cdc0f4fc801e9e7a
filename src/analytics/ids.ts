// The business's tracking ids from its booking form (GET bookform/{id}: `google_analytics_id`,
// `facebook_pixel_id`, `metrika_counter_id`). Read here, by the hosted page's after-paint chunk,
// and not by the form's reader (src/api/forms.ts) that every embed ships: only the hosted page
// ever loads these tools, and only after the visitor allows them.
import { isObject, obj, optNum, str } from '../api/wire';

/** Only well-formed ids: they go into script URLs. */
export interface FormAnalytics {
  /** GA4 measurement id, `G-…` */
  ga?: string;
  /** Meta Pixel id, digits */
  pixel?: string;
  /** Yandex Metrica counter, digits */
  metrika?: string;
}

/** The ids in a bookform answer's `data`; none when the form has none (a Universal Analytics `UA-` id is no longer served by Google). */
export function analyticsOf(form: unknown): FormAnalytics | undefined {
  const data = obj(form);
  const ids: FormAnalytics = {};
  const ga = str(data.google_analytics_id).trim();
  const pixel = str(data.facebook_pixel_id).trim();
  const metrika = String(optNum(data.metrika_counter_id) ?? '');
  if (/^G-[A-Z\d]{4,20}$/i.test(ga)) ids.ga = ga;
  if (/^\d{5,20}$/.test(pixel)) ids.pixel = pixel;
  if (/^\d{3,12}$/.test(metrika)) ids.metrika = metrika;
  return ids.ga || ids.pixel || ids.metrika ? ids : undefined;
}

/** Asks the booking API (the proxy, which caches it) for the form's ids; none when it cannot. */
export async function fetchAnalytics(apiBase: string, formId: number): Promise<FormAnalytics | undefined> {
  try {
    const answer = await fetch(`${apiBase.replace(/\/$/, '')}/bookform/${formId}`, { credentials: 'omit', headers: { Accept: 'application/vnd.api.v2+json' } });
    const body: unknown = answer.ok ? await answer.json() : undefined;
    return analyticsOf(isObject(body) ? body.data : undefined);
  } catch {
    return undefined; // no prompt, nothing loaded
  }
}
