// The embed's settings, read from the data-* attributes of the loader's own <script> tag.
// Anything malformed falls back to a default rather than breaking the host page.
import type { Preselection, ThemeMode } from '../protocol';

export type Mode = 'inline' | 'button' | 'iframe';
export type ButtonPosition = 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left';

export interface EmbedOptions {
  ns: string;
  mode: Mode;
  formId: number;
  /** CSS selector of the element the inline widget renders into */
  target?: string;
  /** Absolute URL (a relative attribute is resolved against the embedding page) */
  apiBase?: string;
  lang?: string;
  preselect: Preselection;
  /** Unset: the booking form's background decides. */
  themeMode?: ThemeMode;
  font?: 'inherit';
  /** `data-analytics`: `off`, or the host page's tools to tell (src/analytics/push.ts); all when absent. */
  analytics?: string;
  button: { text: string; position: ButtonPosition; color?: string };
  /** Where the loader was served from: the app and the frame page are found next to it. */
  base: string;
}

export const DEFAULT_NAMESPACE = 'default';

export function readOptions(script: HTMLScriptElement, pageUrl: string): EmbedOptions {
  const d = script.dataset;
  const ns = d.namespace && /^[\w-]{1,40}$/.test(d.namespace) ? d.namespace : DEFAULT_NAMESPACE;
  const mode = (['inline', 'iframe', 'button'].includes(d.mode!) ? d.mode : d.target ? 'inline' : 'button') as Mode;
  const preselect: Preselection = {};
  const locationId = id(d.location);
  if (locationId) preselect.locationId = locationId;
  const serviceIds = (d.services || '').split(/\s*,\s*/).map(id).filter((n): n is number => !!n);
  if (serviceIds.length) preselect.serviceIds = serviceIds;
  if (d.staff === '0') preselect.staffId = 0;
  else if (id(d.staff)) preselect.staffId = id(d.staff);
  const position = (/^(top|bottom)-(left|right)$/.test(d.buttonPosition!) ? d.buttonPosition : 'bottom-right') as ButtonPosition;
  const color = d.buttonColor && (typeof CSS === 'undefined' || CSS.supports('color', d.buttonColor)) ? d.buttonColor : undefined;
  return {
    ns,
    mode,
    formId: id(d.form) || 1,
    target: d.target || undefined,
    apiBase: d.apiBase ? new URL(d.apiBase, pageUrl).href : undefined,
    lang: d.lang && /^[\w-]{2,20}$/.test(d.lang) ? d.lang : undefined,
    preselect,
    themeMode: /^(dark|auto|light)$/.test(d.theme!) ? (d.theme as ThemeMode) : undefined,
    font: d.font === 'inherit' ? 'inherit' : undefined,
    analytics: d.analytics,
    button: { text: d.buttonText || 'Book online', position, color },
    base: new URL('.', script.src || pageUrl).href,
  };
}

function id(value: string | undefined): number | undefined {
  return value && /^\d{1,15}$/.test(value) && +value > 0 ? +value : undefined;
}
