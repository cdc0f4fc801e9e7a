// The last look before booking: the summary, the SMS code when the location asks for one, and
// one button that books exactly once.
import { useEffect, useRef, useState } from 'preact/hooks';
import { CODE_RESEND_AFTER_MS } from '../flow/contact';
import type { BookingModel } from '../flow/model';
import { t } from '../i18n';
import { Button } from '../ui/Button';
import { Field } from '../ui/Field';
import { Summary } from './Summary';
import { BusinessPhone, LostBooking } from './LostBooking';

export function ConfirmStep({ model }: { model: BookingModel }) {
  const b = model.booking.value;
  const busy = b.phase === 'checking' || b.phase === 'sendingCode' || b.phase === 'booking' || b.phase === 'verifying';
  // Failures fixed on another step are told there; these are the ones fixed here.
  const failure = b.failure && !b.failure.fixAt ? b.failure : undefined;
  // After a lost answer, booking again is offered only when it cannot make a second booking.
  const canBook = b.phase !== 'lost' || b.lost === 'notMade' || b.lost === 'unsure';
  // Another appointment starts at its first step: the label says what comes first.
  const first = model.flow.value?.steps.find((s) => s !== 'location');
  const addLabel = first === 'service' ? 'record.add_service' : first === 'staff' ? 'record.add_master' : 'record.add_datetime';
  const resendIn = useCountdown(b.phase === 'awaitingCode' ? b.codeSentAt : undefined);
  const codeRef = useRef<HTMLInputElement | HTMLTextAreaElement>(null);
  // The number reads left to right in every language (+371 2000 0000, not 0000 2000 371+).
  const sentTo = t('widget.code_sent', { phone: '\n' }).split('\n');
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
      {b.phase !== 'lost' && !busy && (
        <div class="bw-actions">
          <Button variant="secondary" class="bw-add-appointment" onClick={() => void model.addAppointment()}>
            {t(addLabel)}
          </Button>
        </div>
      )}
      <div class="bw-code">
        {/* On the page empty from the start, filled when the code is sent: a live region that
            comes with its text already in it is not read out. */}
        <p class="bw-note" role="status">
          {b.phase === 'awaitingCode' && (
            <>
              {sentTo[0]}
              <bdi dir="ltr">{b.codeSentTo}</bdi>
              {sentTo[1]}
            </>
          )}
        </p>
        {b.phase === 'awaitingCode' && (
          <>
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
            {resendIn > 0 ? (
              <p class="bw-hint">{t('widget.resend_in', { seconds: resendIn })}</p>
            ) : (
              <button type="button" class="bw-link" onClick={() => void model.resendCode()}>
                {t('login.request_new_sms_code')}
              </button>
            )}
          </>
        )}
      </div>
      {failure && (
        <div class="bw-error-box" role="alert">
          <p>{t(failure.message)}</p>
          {failure.callBusiness && <BusinessPhone model={model} />}
        </div>
      )}
      <LostBooking model={model} />
      <div class="bw-actions bw-actions--sticky" hidden={!canBook}>
        {/* Busy, not disabled: a disabled button would drop keyboard focus while booking. */}
        <Button type="submit" busy={busy}>
          {busy ? t('widget.booking_in_progress') : b.phase === 'awaitingCode' ? t('confirm.phone_confirm_button') : t('confirm.confirm')}
        </Button>
      </div>
    </form>
  );
}

/** Whole seconds left before a new code may be asked for; 0 once it may. */
function useCountdown(sentAt: number | undefined): number {
  const left = () => (sentAt === undefined ? 0 : Math.max(0, Math.ceil((sentAt + CODE_RESEND_AFTER_MS - Date.now()) / 1000)));
  const [, tick] = useState(0);
  useEffect(() => {
    if (!left()) return;
    const timer = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, [sentAt]);
  return left();
}
