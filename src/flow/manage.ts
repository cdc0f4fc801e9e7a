// One booking seen after the fact (the hosted page opened with ?record=&hash=): what the business
// has on record, whether the visitor may still cancel it online, and cancelling it once.
import { signal, type ReadonlySignal } from '@preact/signals';
import type { Api } from '../api/client';
import { isApiError } from '../api/errors';
import type { BookingDetails, Location } from '../api/types';
import { parseDateTime } from '../dates/zones';
import { setLocale, type Dictionary } from '../i18n';
import { withWidgetTexts } from '../i18n/load';
import { createQuery, dataOf } from './query';

/** Why a booking can or cannot be cancelled online now. */
export type CancelRule =
  | { kind: 'allowed' }
  /** The location takes cancellations by phone only. */
  | { kind: 'forbidden' }
  /** Online cancelling closed this long before the visit. */
  | { kind: 'tooLate'; delaySeconds: number }
  | { kind: 'past' }
  | { kind: 'deleted' };

export function cancelRule(d: BookingDetails, now: Date): CancelRule {
  if (d.deleted) return { kind: 'deleted' };
  const start = parseDateTime(d.datetime).getTime();
  if (start <= now.getTime()) return { kind: 'past' };
  if (!d.location.allowDelete) return { kind: 'forbidden' };
  const delaySeconds = d.location.deleteDelaySeconds;
  if (start - delaySeconds * 1000 <= now.getTime()) return { kind: 'tooLate', delaySeconds };
  return { kind: 'allowed' };
}

export type CancelPhase = 'idle' | 'confirming' | 'cancelling' | 'cancelled' | 'failed';

export interface ManageOptions {
  api: Api;
  formId: number;
  locationId: number;
  recordId: number;
  hash: string;
  lang?: string;
  now?: () => Date;
}

export function createManageModel(options: ManageOptions) {
  const { api, locationId, recordId, hash } = options;
  const now = options.now ?? (() => new Date());
  const lang = signal(options.lang);
  lang.name = 'manage.lang';

  // The booking form, asked for once: its colours dress the page, and its language is the page's
  // when the link names none (its texts come from the same locale resource).
  const form = api.getBookingForm(options.formId);
  if (!options.lang) void form.then((f) => (lang.value = f.lang), () => (lang.value = 'en-US'));
  const locale = createQuery<Record<string, unknown>>('manage.locale', () => {
    const l = lang.value;
    return l ? { key: `i18n:${l}`, load: () => withWidgetTexts(l, api.getLocale(l)) } : null;
  }, { onData: (dict, key) => setLocale(key.slice('i18n:'.length), dict as Dictionary) });

  const details = createQuery<BookingDetails>('manage.booking', () => ({
    key: `record:${recordId}`,
    load: () => api.getBooking(locationId, recordId, hash),
  }));

  // For its time zone: the record's times are shown in the location's time, as when booking.
  const location = createQuery<Location>('manage.location', () => ({
    key: `location:${locationId}`,
    load: () => api.getLocation(locationId),
  }));

  const phase = signal<CancelPhase>('idle');
  phase.name = 'manage.cancel';
  /** The refusal when the business said no (its rules changed since the page loaded). */
  const refusal = signal<CancelRule | undefined>(undefined);

  /** The rule as of now; a refusal from the API overrides what the record said. */
  function rule(): CancelRule | undefined {
    const d = dataOf(details);
    if (phase.value === 'cancelled') return { kind: 'deleted' };
    return refusal.value ?? (d ? cancelRule(d, now()) : undefined);
  }

  async function cancel() {
    if (phase.peek() !== 'confirming') return;
    phase.value = 'cancelling';
    try {
      await api.cancelBooking(recordId, hash);
      phase.value = 'cancelled';
    } catch (error) {
      if (isApiError(error) && error.status === 403) {
        refusal.value = { kind: 'forbidden' };
        phase.value = 'idle';
      } else if (isApiError(error) && error.status === 404) {
        // Gone already (cancelled elsewhere): read the record again to show what it is now.
        phase.value = 'idle';
        details.retry();
      } else phase.value = 'failed';
    }
  }

  return {
    lang: lang as ReadonlySignal<string | undefined>,
    /** The booking form (rejected when it cannot be had: the page keeps its own colours). */
    form,
    locale,
    details,
    location,
    phase: phase as ReadonlySignal<CancelPhase>,
    rule,
    /** First press: ask to confirm. */
    askCancel: () => {
      if (phase.peek() === 'idle' || phase.peek() === 'failed') phase.value = 'confirming';
    },
    keep: () => {
      if (phase.peek() === 'confirming') phase.value = 'idle';
    },
    cancel,
    /** Where "book again" goes: the same form and location, from the start. */
    bookAgainQuery: `?form=${options.formId}&location=${locationId}${options.lang ? `&lang=${encodeURIComponent(options.lang)}` : ''}`,
    dispose() {
      locale.dispose();
      details.dispose();
      location.dispose();
    },
  };
}

export type ManageModel = ReturnType<typeof createManageModel>;
