// The contact step: what the visitor types and accepts (privacy policy, reminders) and what is
// wrong with it, including a field the booking service refused.
import { computed, signal, type ReadonlySignal } from '@preact/signals';
import type { Api } from '../api/client';
import type { BookingForm, Location, Reminders } from '../api/types';
import type { BookingState } from './booking';
import { validateContact, type ContactErrors } from './contact';
import type { Choices, FlowState } from './machine';
import { countryOfPhone, isValidPhone } from './phone';
import { createQuery } from './query';

export interface ContactInputs {
  api: Api;
  flow: ReadonlySignal<FlowState | null>;
  choices: ReadonlySignal<Choices | undefined>;
  formData: ReadonlySignal<BookingForm | undefined>;
  location: ReadonlySignal<Location | undefined>;
  locationId: ReadonlySignal<number | undefined>;
  booking: ReadonlySignal<BookingState>;
}

export function createContact({ api, flow, choices, formData, location, locationId, booking }: ContactInputs) {
  /** The visitor accepted the privacy policy; asked only when the form shows one. */
  const consent = signal(false, { name: 'consent' });
  // The policy is the business's own text: asked for only when the form shows it, once the
  // visitor reaches the step where it is accepted.
  const privacyPolicy = createQuery<string>(
    'privacyPolicy',
    () => {
      const loc = locationId.value;
      const at = flow.value?.current;
      if (!formData.value?.showPrivacyPolicy || loc === undefined || (at !== 'contact' && at !== 'confirm')) return null;
      return { key: `privacy:${loc}`, load: () => api.getPrivacyPolicy(loc) };
    },
    { maxAgeMs: 30 * 60_000 },
  );

  /** Reminders the visitor changed; the others keep the location's default (reminders.ts). */
  const reminderChoice = signal<Reminders>({}, { name: 'reminders' });

  /** Numbers typed without a country code are read as numbers of the location's country. */
  const phoneCountry = computed(() => countryOfPhone(location.value?.phone));
  const contactErrors = computed<ContactErrors>(() => {
    const c = choices.value;
    const f = formData.value;
    if (!c || !f) return {};
    const country = phoneCountry.value;
    const errors = validateContact(c.contact, {
      commentRequired: f.commentRequired,
      phoneValid: (p) => isValidPhone(p, country),
      consent: f.showPrivacyPolicy ? consent.value : undefined,
    });
    // A field the booking service refused (431, 435) stays in error until it is changed.
    const b = booking.value;
    const field = b.failure?.field;
    if (field && c.contact[field] === b.refused) errors[field] ??= b.failure!.message;
    return errors;
  });
  const contactValid = computed(() => Object.keys(contactErrors.value).length === 0);

  return {
    consent,
    privacyPolicy,
    reminderChoice,
    phoneCountry,
    contactErrors,
    contactValid,
    setConsent: (given: boolean) => (consent.value = given),
    setReminder: (channel: keyof Reminders, hours: number) => (reminderChoice.value = { ...reminderChoice.peek(), [channel]: hours }),
  };
}
