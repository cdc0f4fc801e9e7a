// Signing in to see one's bookings: the phone number (checked and written as on the contact step),
// then the SMS code in the same field as the booking's SMS step (autofill, paste, a new code after
// a while). Wrong code, too many attempts and no connection are said where they can be acted on.
import { useEffect, useRef } from 'preact/hooks';
import { LIMITS } from '../flow/contact';
import { loadPhoneRules } from '../flow/phone';
import { t } from '../i18n';
import { CodeField } from '../steps/CodeField';
import { Button } from '../ui/Button';
import { Field } from '../ui/Field';
import type { AccountModel } from './model';

export function SignIn({ account }: { account: AccountModel }) {
  const s = account.signIn.value;
  const codeRef = useRef<HTMLInputElement | HTMLTextAreaElement>(null);
  const phoneRef = useRef<HTMLInputElement | HTMLTextAreaElement>(null);
  const step = useRef(s.step);
  useEffect(() => {
    void loadPhoneRules();
  }, []);
  // The code sent, the visitor's next move is to type it; back to the number, to change it.
  useEffect(() => {
    if (step.current !== s.step) (s.step === 'code' ? codeRef : phoneRef).current?.focus();
    step.current = s.step;
  }, [s.step]);
  // A refused number or code takes focus, so it is fixed where it is said.
  useEffect(() => {
    if (s.phoneError && s.step === 'phone') phoneRef.current?.focus();
  }, [s.phoneError]);

  function onSubmit(e: Event) {
    e.preventDefault();
    void (s.step === 'phone' ? account.sendCode() : account.submitCode());
  }

  return (
    <form class="bw-contact bw-account-sign-in" noValidate onSubmit={onSubmit}>
      {s.expired && (
        <p class="bw-notice" role="alert">
          {t('widget.session_ended')}
        </p>
      )}
      <p class="bw-note">{t('widget.sign_in_intro')}</p>
      {s.step === 'phone' ? (
        <Field
          id="bw-account-phone"
          label={t('confirm.phone')}
          type="tel"
          value={s.phone}
          onInput={account.setPhone}
          onBlur={account.formatPhone}
          error={s.phoneError && t(s.phoneError)}
          hint={t('widget.phone_hint')}
          required
          autoComplete="tel"
          inputMode="tel"
          maxLength={LIMITS.phone}
          inputRef={phoneRef}
        />
      ) : (
        <button type="button" class="bw-link" onClick={account.changePhone}>
          {t('widget.other_phone')}
        </button>
      )}
      <CodeField
        open={s.step === 'code'}
        sentTo={s.sentTo}
        sentAt={s.sentAt}
        code={s.code}
        error={s.codeError}
        onInput={account.setCode}
        onResend={() => void account.resendCode()}
        inputRef={codeRef}
      />
      <div role="alert">
        {s.error && (
          <p class="bw-error-box">
            {t(s.error.key, s.error.values)}
          </p>
        )}
      </div>
      <div class="bw-actions">
        <Button type="submit" busy={s.busy}>
          {t(s.step === 'phone' ? 'widget.send_code' : 'widget.sign_in')}
        </Button>
      </div>
    </form>
  );
}
