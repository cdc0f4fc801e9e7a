// The booking form (its steps, options and language), the texts of the language shown (the
// page's choice, else the form's own), and the places it books at: its location, or its group's,
// and the one chosen, with its time zone.
import { computed, signal, type ReadonlySignal } from '@preact/signals';
import type { Api } from '../api/client';
import type { BookingForm, Location } from '../api/types';
import { setLocale, type Dictionary } from '../i18n';
import { withWidgetTexts } from '../i18n/load';
import type { Choices } from './machine';
import { createQuery, dataOf, type Query } from './query';

export interface FormInputs {
  api: Api;
  formId: number;
  choices: ReadonlySignal<Choices | undefined>;
  /** Language asked for by the page. */
  lang?: string;
  /** The form is here (the flow starts from it). */
  start: (form: BookingForm) => void;
}

const MAX_AGE = 30 * 60_000;

export function createForm({ api, formId, choices, lang: asked, start }: FormInputs) {
  const langOverride = signal(asked, { name: 'lang' });
  const form: Query<BookingForm> = createQuery('form', () => ({ key: `form:${formId}`, load: () => api.getBookingForm(formId) }), {
    maxAgeMs: MAX_AGE,
    onData: start,
  });
  const formData = computed(() => dataOf(form));
  const lang = computed(() => langOverride.value ?? formData.value?.lang);
  // The resource and the language's bundled widget texts (its own chunk) are requested together.
  const locale = createQuery<Record<string, unknown>>(
    'locale',
    () => {
      const l = lang.value;
      return l ? { key: `i18n:${l}`, load: () => withWidgetTexts(l, api.getLocale(l)) } : null;
    },
    { maxAgeMs: MAX_AGE, onData: (dict, key) => setLocale(key.slice('i18n:'.length), dict as Dictionary) },
  );

  const locations = createQuery<Location[]>(
    'locations',
    () => {
      const f = formData.value;
      if (!f) return null;
      return f.groupId
        ? { key: `locations:${f.groupId}`, load: () => api.getLocations(f.groupId) }
        : { key: `location:${f.locationId}`, load: async () => [await api.getLocation(f.locationId)] };
    },
    { maxAgeMs: 5 * 60_000 },
  );
  const location = computed<Location | undefined>(() => {
    const id = choices.value?.locationId;
    return dataOf(locations)?.find((l) => l.id === id);
  });
  const locationId = computed(() => choices.value?.locationId);
  const tz = computed(() => location.value?.timezoneName ?? 'UTC');

  return { form, formData, lang, locale, setLang: (l: string) => (langOverride.value = l), locations, location, locationId, tz };
}
