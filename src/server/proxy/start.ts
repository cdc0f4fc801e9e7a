// GET /booking_start/:formId?lang=&location=: everything the widget needs before its first step,
// in one answer: the booking form, its location(s), the first step's services and the locale.
// Composed from the proxy's own cached answers of the ordinary endpoints (same cache keys, same
// upstream budget), so a warm cache answers it without an upstream call, and the separate
// requests a widget makes later find the same answers.
import { normaliseBookingForm } from '../../api/forms';
import { planSteps } from '../../flow/machine';
import type { CacheResult } from './cache';

/** Only these shapes are read: a bot cannot steer the proxy to anything but the ordinary endpoints. */
export const START_ID = /^\d{1,12}$/;
export const START_LANG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,2}$/;

/** One cached read of an ordinary endpoint (its path below /api/v1, and its normalised query). */
export type CachedRead = (path: string, query: string) => Promise<CacheResult & { ttlSeconds: number }>;

export interface StartRequest {
  readonly formId: string;
  readonly lang?: string;
  readonly locationId?: string;
}

/** What the widget gets: each part is the upstream's own `data`, read by the widget's own normalisers. */
export interface StartData {
  readonly formId: number;
  readonly form: unknown;
  readonly lang?: string;
  readonly locale?: unknown;
  /** `locations:<group>` (companies of a group) or `location:<id>` (one company). */
  readonly locationsKey?: string;
  readonly locations?: unknown;
  /** The location whose services are included (the first step's, or the page's choice). */
  readonly servicesLocationId?: number;
  readonly services?: unknown;
}

export type StartAnswer =
  /** The composed answer; `freshSeconds`/`ttlSeconds` are the shortest of its parts. */
  | { readonly kind: 'ok'; readonly data: StartData; readonly freshSeconds: number; readonly ttlSeconds: number; readonly outcomes: readonly string[] }
  /** The form itself could not be had: the upstream's answer (e.g. 404 for an unknown form) as it came. */
  | { readonly kind: 'form-failed'; readonly result: CacheResult };

/** Reads `start`'s parts through `read`: the form first, then the rest of the parts at once. */
export async function composeStart(read: CachedRead, start: StartRequest): Promise<StartAnswer> {
  const formResult = await read(`/bookform/${start.formId}`, '');
  const formData = dataOf(formResult);
  if (formData === undefined) return { kind: 'form-failed', result: formResult };

  const formId = Number(start.formId);
  const form = normaliseBookingForm(formData, formId);
  const preset = start.locationId !== undefined ? { locationId: Number(start.locationId) } : {};
  // The same plan the widget makes: which step comes first and which location is already known.
  const { choices } = planSteps(form, preset);
  const lang = start.lang ?? (form.lang && START_LANG.test(form.lang) ? form.lang : undefined);
  const locationsPart = form.groupId
    ? { key: `locations:${form.groupId}`, path: '/companies', query: `forBooking=1&group_id=${form.groupId}` }
    : form.locationId
      ? { key: `location:${form.locationId}`, path: `/company/${form.locationId}`, query: 'forBooking=1' }
      : undefined;
  const servicesAt = choices.locationId;

  // A part that fails is left out: the widget asks for it itself, as it would without this endpoint.
  const optional = (path: string, query: string) => read(path, query).catch(() => undefined);
  const [locale, locations, services] = await Promise.all([
    lang ? optional(`/i18n/${lang}`, '') : undefined,
    locationsPart ? optional(locationsPart.path, locationsPart.query) : undefined,
    servicesAt !== undefined && START_ID.test(String(servicesAt)) ? optional(`/book_services/${servicesAt}`, '') : undefined,
  ]);

  const parts = [formResult, locale, locations, services].filter((p): p is CacheResult & { ttlSeconds: number } => p !== undefined && dataOf(p) !== undefined);
  const data: StartData = {
    formId,
    form: formData,
    ...(lang && { lang }),
    ...(locale && dataOf(locale) !== undefined && { locale: dataOf(locale) }),
    ...(locationsPart && locations && dataOf(locations) !== undefined && { locationsKey: locationsPart.key, locations: dataOf(locations) }),
    ...(servicesAt !== undefined && services && dataOf(services) !== undefined && { servicesLocationId: servicesAt, services: dataOf(services) }),
  };
  return {
    kind: 'ok',
    data,
    freshSeconds: Math.min(...parts.map((p) => p.freshSeconds)),
    ttlSeconds: Math.min(...parts.map((p) => p.ttlSeconds)),
    outcomes: parts.map((p) => p.outcome),
  };
}

/** The `data` of a successful JSON answer, or undefined. */
function dataOf(result: CacheResult): unknown {
  const { answer } = result;
  if (answer.status !== 200) return undefined;
  try {
    const body = JSON.parse(new TextDecoder().decode(answer.body)) as { success?: unknown; data?: unknown };
    return body && typeof body === 'object' && body.success !== false && body.data !== undefined && body.data !== null ? body.data : undefined;
  } catch {
    return undefined;
  }
}

/** A strong validator for the composed body: the same parts give the same tag on every instance. */
export async function etagOf(body: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', body));
  let hex = '';
  for (const byte of digest.subarray(0, 16)) hex += byte.toString(16).padStart(2, '0');
  return `"${hex}"`;
}
