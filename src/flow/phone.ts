// Phone numbers checked and written the way their country writes them. The rules (a well-kept
// library with its smallest metadata) are about 30 KB, so they load only when the contact step
// does; until then, and if they cannot load, a plain plausibility check stands in.
import { signal } from '@preact/signals';
import type { CountryCode } from 'libphonenumber-js/min';
import { isPlausiblePhone } from './contact';

type Rules = typeof import('libphonenumber-js/min');

const rules = signal<Rules | null>(null);
rules.name = 'phoneRules';
let loading: Promise<void> | undefined;

export function loadPhoneRules(): Promise<void> {
  loading ??= import('libphonenumber-js/min').then(
    (m) => {
      rules.value = m;
    },
    () => {
      loading = undefined; // a later visit to the step tries again
    },
  );
  return loading;
}

/** The country a phone number belongs to, e.g. the business's own: the default for the visitor's. */
export function countryOfPhone(phone: string | undefined): CountryCode | undefined {
  const r = rules.value;
  return r && phone ? r.parsePhoneNumberFromString(phone)?.country : undefined;
}

/** Whether a number is valid; without a country code it is read as a number of `country`. */
export function isValidPhone(phone: string, country?: CountryCode): boolean {
  const r = rules.value;
  if (!r) return isPlausiblePhone(phone);
  if (/[^\d\s()+\-.]/.test(phone.trim())) return false;
  return r.isValidPhoneNumber(phone, country);
}

/** `2125550123` (US) → `+1 212 555 0123`; anything not valid is left as typed. */
export function formatPhone(phone: string, country?: CountryCode): string {
  const r = rules.peek();
  if (!r || !isValidPhone(phone, country)) return phone;
  return r.parsePhoneNumberFromString(phone, country)?.formatInternational() ?? phone;
}
