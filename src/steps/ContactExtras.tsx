// What the business asks for beside the contact data: when to send reminders, and (when the form
// shows one) its privacy policy, accepted before anything is booked.
import type { Reminders as ReminderChoice } from '../api/types';
import type { BookingModel } from '../flow/model';
import { reminderOffer, remindersToSend } from '../flow/reminders';
import { t } from '../i18n';
import { formatDuration } from '../i18n/format';
import { About } from '../ui/BusinessHtml';
import { Skeleton } from '../ui/Skeleton';
import { RetryBox } from './Parts';

const HOURS = [1, 2, 3, 6, 12, 24, 48];

/** The usual choices plus the location's own default, in order. */
export function reminderHours(defaultHours: number): number[] {
  return [...new Set([...HOURS, defaultHours])].filter((h) => h > 0).sort((a, b) => a - b);
}

export function Reminders({ model }: { model: BookingModel }) {
  const offer = reminderOffer(model.formData.value, model.location.value, model.choices.value?.contact.email ?? '');
  const chosen = remindersToSend(offer, model.reminderChoice.value);
  const lang = model.lang.value;
  const channels = (['sms', 'email'] as const).filter((c) => offer[c]);
  if (channels.length === 0) return null;
  const set = (channel: keyof ReminderChoice) => (e: Event) => model.setReminder(channel, Number((e.currentTarget as HTMLSelectElement).value));
  return (
    <fieldset class="bw-fieldset">
      <legend class="bw-label">{t('confirm.smsNotify')}</legend>
      {channels.map((channel) => (
        <div class="bw-field" key={channel}>
          <label class="bw-label" for={`bw-remind-${channel}`}>
            {t(channel === 'sms' ? 'widget.remind_sms' : 'widget.remind_email')}
          </label>
          <select id={`bw-remind-${channel}`} class="bw-input" value={String(chosen[channel] ?? offer.hours)} onChange={set(channel)}>
            {reminderHours(offer.hours).map((h) => (
              <option key={h} value={String(h)}>
                {t('widget.before_visit', { time: formatDuration(h * 3600, lang) })}
              </option>
            ))}
            <option value="0">{t('confirm.dontSend')}</option>
          </select>
        </div>
      ))}
    </fieldset>
  );
}

/** The policy (sanitised, behind "Read") and the box that must be ticked; `error` once it was needed. */
export function PrivacyConsent({ model, error }: { model: BookingModel; error?: string }) {
  const policy = model.privacyPolicy.state.value;
  return (
    <fieldset class={`bw-fieldset bw-consent${error ? ' bw-field--error' : ''}`}>
      <legend class="bw-label">{t('tips.terms.personal-policy')}</legend>
      {policy.status === 'ready' ? (
        <About label={t('widget.read_policy')} html={policy.data} />
      ) : policy.status === 'error' ? (
        <RetryBox onRetry={() => model.privacyPolicy.retry()} />
      ) : (
        <Skeleton lines={1} />
      )}
      <label class="bw-check">
        <input
          type="checkbox"
          id="bw-consent"
          checked={model.consent.value}
          onChange={(e) => model.setConsent(e.currentTarget.checked)}
          required
          aria-invalid={error ? 'true' : undefined}
          aria-describedby="bw-consent-error"
        />
        <span>{t('widget.accept_policy')}</span>
      </label>
      <p id="bw-consent-error" class="bw-error" aria-live="polite">
        {error}
      </p>
    </fieldset>
  );
}
