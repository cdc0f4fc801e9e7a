// Where the widget's settings come from. The API base is never read from the page URL: it is
// set by whoever deploys (build-time VITE_API_BASE) or by the embedding page's attribute.
// A shareable hosted-page URL may choose the form, location, services, team member and language:
// ?form=1&location=2&service=3,4&staff=5&lang=en-US (staff=0 means any team member); with
// &record=ID&hash=HASH it is the page of one booking instead (src/app/manage.tsx).
import type { Preselection } from '../protocol';

export interface WidgetConfig {
  apiBase: string;
  formId: number;
  lang?: string;
  preselect: Preselection;
  /** Set when the page runs inside the loader's iframe (?embed=frame). */
  frame?: { ns: string };
  /** The booking page: one booking to see or cancel (?record=&hash=&location=). */
  manage?: { recordId: number; hash: string; locationId: number };
}

export const DEFAULT_FORM_ID = 1;

export function readConfig(mount: HTMLElement, url: URL): WidgetConfig {
  const data = mount.dataset;
  const params = url.searchParams;
  const apiBase = data.apiBase || import.meta.env.VITE_API_BASE || '/api/v1';
  const formId = positiveInt(params.get('form') ?? data.form) ?? DEFAULT_FORM_ID;
  const lang = params.get('lang') ?? data.lang ?? undefined;
  const preselect: Preselection = {};
  const locationId = positiveInt(params.get('location') ?? data.location);
  if (locationId) preselect.locationId = locationId;
  const serviceIds = idList(params.getAll('service').join(',') || data.services);
  if (serviceIds.length) preselect.serviceIds = serviceIds;
  const staff = params.get('staff') ?? data.staff;
  const staffId = staff === '0' ? 0 : positiveInt(staff);
  if (staffId !== undefined) preselect.staffId = staffId;
  const config: WidgetConfig = { apiBase, formId, lang: lang || undefined, preselect };
  if (params.get('embed') === 'frame') config.frame = { ns: params.get('ns') || 'default' };
  const recordId = positiveInt(params.get('record'));
  const hash = params.get('hash');
  if (recordId && locationId && hash && /^[\w-]{1,128}$/.test(hash)) config.manage = { recordId, hash, locationId };
  return config;
}

/** "3,4" → [3, 4]; anything that is not a positive id is dropped. */
export function idList(value: string | null | undefined): number[] {
  return (value ?? '').split(',').flatMap((part) => positiveInt(part.trim()) ?? []);
}

export function positiveInt(value: string | null | undefined): number | undefined {
  if (!value || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n > 0 && Number.isSafeInteger(n) ? n : undefined;
}
