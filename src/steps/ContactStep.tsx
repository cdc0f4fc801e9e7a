// Name, phone, email and comment, then reminders and the privacy policy. Each error sits next to its field, shown once the visitor has
// left the field or pressed continue; nothing moves on while one remains.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { BookingModel } from '../flow/model';
import { LIMITS, type ContactField } from '../flow/contact';
import type { Contact } from '../api/types';
import { t } from '../i18n';
import { Button } from '../ui/Button';
import { Field } from '../ui/Field';
import { formatPhone, loadPhoneRules } from '../flow/phone';
import { PrivacyConsent, Reminders } from './ContactExtras';

export function ContactStep({ model }: { model: BookingModel }) {
  const flow = model.flow.value;
  const form = model.formData.value;
  const [touched, setTouched] = useState<Partial<Record<ContactField, boolean>>>({});
  const formRef = useRef<HTMLFormElement>(null);
  // The booking service refused this field (431, 435): its message sits next to it, with focus.
  const refused = model.booking.value.failure?.field;
  useEffect(() => {
    void loadPhoneRules();
  }, []);
  useEffect(() => {
    // After the step's own focus on its heading.
    if (refused) requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>(`#bw-${refused}`)?.focus());
  }, [refused]);
  if (!flow || !form) return null;
  const contact = flow.choices.contact;
  const errors = model.contactErrors.value;
  const errorOf = (f: ContactField) => (touched[f] || flow.contactAttempted || f === refused ? errors[f] && t(errors[f]!) : undefined);
  const set = (field: keyof Contact) => (value: string) => model.dispatch({ type: 'setContact', contact: { [field]: value } });
  const blur = (field: ContactField) => () => setTouched((s) => ({ ...s, [field]: true }));
  const blurPhone = () => {
    const typed = model.choices.peek()?.contact.phone ?? '';
    const formatted = formatPhone(typed, model.phoneCountry.peek());
    if (formatted !== typed) set('phone')(formatted);
    blur('phone')();
  };

  function onSubmit(e: Event) {
    e.preventDefault();
    model.next();
    if (!model.contactValid.peek()) {
      // Send the visitor to the first field that needs fixing.
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    }
  }

  return (
    <form ref={formRef} class="bw-contact" noValidate onSubmit={onSubmit}>
      {/* bdi: the business's own text keeps its direction (and its final full stop) in a right-to-left widget. */}
      {form.bookingNotifyText && <p class="bw-note"><bdi>{form.bookingNotifyText}</bdi></p>}
      <Field
        id="bw-name"
        label={t('confirm.first_name')}
        value={contact.name}
        onInput={set('name')}
        onBlur={blur('name')}
        error={errorOf('name')}
        required
        autoComplete="name"
        maxLength={LIMITS.name}
      />
      <Field
        id="bw-phone"
        label={t('confirm.phone')}
        type="tel"
        value={contact.phone}
        onInput={set('phone')}
        onBlur={blurPhone}
        error={errorOf('phone')}
        hint={t('widget.phone_hint')}
        required
        autoComplete="tel"
        inputMode="tel"
        maxLength={LIMITS.phone}
      />
      <Field
        id="bw-email"
        label={t('confirm.email')}
        type="email"
        value={contact.email}
        onInput={set('email')}
        onBlur={blur('email')}
        error={errorOf('email')}
        hint={t('widget.email_hint')}
        autoComplete="email"
        inputMode="email"
        maxLength={LIMITS.email}
      />
      <Field
        id="bw-comment"
        label={form.commentInputName || t('confirm.comment')}
        multiline
        value={contact.comment}
        onInput={set('comment')}
        onBlur={blur('comment')}
        error={errorOf('comment')}
        required={form.commentRequired}
        maxLength={LIMITS.comment}
      />
      <Reminders model={model} />
      {form.showPrivacyPolicy && <PrivacyConsent model={model} error={errorOf('consent')} />}
      <div class="bw-actions bw-actions--sticky">
        <Button type="submit">{t('button.continue')}</Button>
      </div>
    </form>
  );
}
