// The last look before booking: the summary, the SMS code when the location asks for one, and
// one button that books exactly once.
import { useEffect, useRef } from 'preact/hooks';
import type { BookingModel } from '../flow/model';
import { t } from '../i18n';
import { Button } from '../ui/Button';
import { CodeField } from './CodeField';
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
      {b.phase !== 'lost' && !busy && (
        <div class="bw-actions">
          <Button variant="secondary" class="bw-add-appointment" onClick={() => void model.addAppointment()}>
            {t(addLabel)}
          </Button>
        </div>
      )}
      <CodeField
        open={b.phase === 'awaitingCode'}
        sentTo={b.codeSentTo}
        sentAt={b.phase === 'awaitingCode' ? b.codeSentAt : undefined}
        code={b.code}
        error={b.codeError}
        onInput={model.setCode}
        onResend={() => void model.resendCode()}
        inputRef={codeRef}
      />
      {failure && (
        <div class="bw-error-box" role="alert">
          <p>{t(failure.message)}</p>
          {failure.callBusiness && <BusinessPhone model={model} />}
        </div>
      )}
      <LostBooking model={model} />
      <div class="bw-actions bw-actions--sticky" hidden={!canBook}>
        <BookButton busy={busy} awaitingCode={b.phase === 'awaitingCode'} />
      </div>
    </form>
  );
}

/** The one button that books (or confirms the SMS code): busy, not disabled, while it works, as a
 *  disabled button would drop keyboard focus. Group-event seats use it too. */
export function BookButton({ busy, awaitingCode }: { busy: boolean; awaitingCode: boolean }) {
  return (
    <Button type="submit" busy={busy}>
      {busy ? t('widget.booking_in_progress') : awaitingCode ? t('confirm.phone_confirm_button') : t('confirm.confirm')}
    </Button>
  );
}
