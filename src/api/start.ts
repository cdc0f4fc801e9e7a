// booking_start's answer read into the widget's own types, and the API that answers the first
// requests from it. Its own small chunk, loaded beside the request (the first step's download
// stays as it was); the server's rendering of the hosted page uses it too.
import type { Api } from './client';
import { parseJson, unwrapSuccess } from './envelope';
import { normaliseBookingForm } from './forms';
import { normaliseLocation, normaliseLocations } from './locations';
import { normaliseServiceCatalog } from './services';
import type { BookingForm, Location, ServiceCatalog } from './types';
import { isObject, obj } from './wire';

/** What the proxy's booking_start answered, normalised: the widget's first requests, answered ahead. */
export interface StartSeed {
  form: BookingForm;
  lang?: string;
  locale?: Record<string, unknown>;
  /** `locations:<group>` or `location:<id>`, as the model keys them. */
  locationsKey?: string;
  locations?: Location[];
  servicesLocationId?: number;
  services?: ServiceCatalog;
}

/**
 * booking_start's answer, or undefined when there is none to use: no proxy in front (plain Altegio
 * answers 404), an error, a malformed or foreign answer, or none within the read timeout.
 */
export async function readStart(response: Promise<Response> | string, formId: number, timeoutMs = 15_000): Promise<StartSeed | undefined> {
  try {
    // Text: the answer the server inlined in the page.
    const r = typeof response === 'string' ? new Response(response) : await Promise.race([response, new Promise<undefined>((resolve) => setTimeout(resolve, timeoutMs))]);
    if (!r?.ok) return undefined;
    const d = obj(unwrapSuccess(parseJson(await r.text(), r.status), r.status));
    if (d.formId !== formId || !isObject(d.form)) return undefined;
    const seed: StartSeed = { form: normaliseBookingForm(d.form, formId) };
    if (typeof d.lang === 'string' && isObject(d.locale)) {
      seed.lang = d.lang;
      seed.locale = d.locale;
    }
    const key = typeof d.locationsKey === 'string' ? d.locationsKey : '';
    if (key.startsWith('locations:')) seed.locations = normaliseLocations(d.locations);
    else if (key.startsWith('location:') && isObject(d.locations)) seed.locations = [normaliseLocation(d.locations)];
    if (seed.locations) seed.locationsKey = key;
    if (typeof d.servicesLocationId === 'number' && isObject(d.services)) {
      seed.servicesLocationId = d.servicesLocationId;
      seed.services = normaliseServiceCatalog(d.services);
    }
    return seed;
  } catch {
    return undefined;
  }
}

/**
 * The API with the first requests answered from booking_start when it has them (each once: a
 * retry or a refresh asks the proxy); whatever it lacks is asked for as usual.
 */
export function withStart(api: Api, start: Promise<StartSeed | undefined>): Api {
  const used = new Set<string>();
  const take = async <T>(part: string, pick: (s: StartSeed) => T | undefined, ask: () => Promise<T>): Promise<T> => {
    const s = used.has(part) ? undefined : await start;
    const value = s && pick(s);
    if (value === undefined) return ask();
    used.add(part);
    return value;
  };
  return {
    ...api,
    getBookingForm: (id) => take('form', (s) => (s.form.id === id ? s.form : undefined), () => api.getBookingForm(id)),
    getLocations: (g) => take('locations', (s) => (s.locationsKey === `locations:${g}` ? s.locations : undefined), () => api.getLocations(g)),
    getLocation: (id) => take('locations', (s) => (s.locationsKey === `location:${id}` ? s.locations?.[0] : undefined), () => api.getLocation(id)),
    getLocale: (l) => take('locale', (s) => (s.lang === l ? s.locale : undefined), () => api.getLocale(l)),
    getServices: (loc, q = {}) =>
      take('services', (s) => (s.servicesLocationId === loc && !q.staffId && !q.datetime && !q.serviceIds?.length ? s.services : undefined), () => api.getServices(loc, q)),
  };
}

