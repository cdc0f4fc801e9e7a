// Where the widget's settings come from. The API base is never read from the page URL: it is
// set by whoever deploys (build-time VITE_API_BASE) or by the embedding page's attribute.
import type { Choices } from '../flow/machine';

export interface WidgetConfig {
  apiBase: string;
  formId: number;
  lang?: string;
  preset: Partial<Choices>;
}

export const DEFAULT_FORM_ID = 1;

export function readConfig(mount: HTMLElement, url: URL): WidgetConfig {
  const data = mount.dataset;
  const params = url.searchParams;
  const apiBase = data.apiBase || import.meta.env.VITE_API_BASE || '/api/v1';
  const formId = positiveInt(params.get('form') ?? data.form) ?? DEFAULT_FORM_ID;
  const lang = params.get('lang') ?? data.lang ?? undefined;
  const preset: Partial<Choices> = {};
  const locationId = positiveInt(params.get('location') ?? data.location);
  if (locationId) preset.locationId = locationId;
  return { apiBase, formId, lang: lang || undefined, preset };
}

function positiveInt(value: string | null | undefined): number | undefined {
  if (!value || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n > 0 ? n : undefined;
}
