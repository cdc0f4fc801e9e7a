// The last look before booking: the summary, the SMS code when the location asks for one, and
// one button that books exactly once.
import { useEffect, useRef } from 'preact/hooks';
import type { BookingModel } from '../flow/model';
import { t } from '../i18n';
import { Button } from '../ui/Button';
import { Field } from '../ui/Field';
import { Summary } from './Summary';

export function ConfirmStep({ model }: { model: BookingModel }) {
  const b = model.booking.value;
  const busy = b.phase === 'checking' || b.phase === 'sendingCode' || b.phase === 'booking';
  const failure = b.failure;
  const location = model.location.value;
  const codeRef = useRef<HTMLInputElement | HTMLTextAreaElement>(null);
  // When the code is sent, the visitor's next move is to type it.
  useEffect(() => {
    if (b.phase === 'awaitingCode') codeRef.current?.focus();
  }, [b.phase]);

  function onSubmit(e: Event) {
    e.preventDefault();
    void model.submit();
  }

  return (
    <form class="bw-confirm" noValidate onSubmit={onSubmit}>
      <Summary model={model} editable={!busy} />
      {b.phase === 'awaitingCode' && (
        <div class="bw-code">
          <p class="bw-note" role="status">
            {t('widget.code_sent', { phone: b.codeSentTo ?? '' })}
          </p>
          <Field
            id="bw-code"
            label={t('user-data-form.phone-code')}
            value={b.code}
            onInput={model.setCode}
            error={b.codeError && t(b.codeError)}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            required
            inputRef={codeRef}
          />
          <button type="button" class="bw-link" onClick={() => void model.resendCode()}>
            {t('login.request_new_sms_code')}
          </button>
        </div>
      )}
      {failure && failure.fixAt !== 'time' && (
        <div class="bw-error-box" role="alert">
          <p>{t(failure.message)}</p>
          {failure.code === 434 && location?.phone && (
            <p>
              <a href={`tel:${location.phone.replace(/[^\d+]/g, '')}`}>{location.phone}</a>
            </p>
          )}
        </div>
      )}
      <div class="bw-actions bw-actions--sticky">
        {/* Busy, not disabled: a disabled button would drop keyboard focus while booking. */}
        <Button type="submit" busy={busy}>
          {busy ? t('widget.booking_in_progress') : b.phase === 'awaitingCode' ? t('confirm.phone_confirm_button') : t('confirm.confirm')}
        </Button>
      </div>
    </form>
  );
}
