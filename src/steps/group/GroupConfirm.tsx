// The last look before booking seats: the event, when, with whom, where, how many seats and what
// they cost; the SMS code when the location asks for one; one button that books exactly once.
import { useEffect, useRef } from 'preact/hooks';
import { formatSlotLong } from '../../dates';
import type { GroupEvents } from '../../flow/group/model';
import type { BookingModel } from '../../flow/model';
import { t } from '../../i18n';
import { formatCount, formatPrice } from '../../i18n/format';
import { addressLine } from '../../i18n/joins';
import { ChangeCell } from '../AppointmentRows';
import { CodeField } from '../CodeField';
import { BookButton } from '../ConfirmStep';
import { BusinessPhone } from '../LostBooking';
import { prepaidText } from '../prepaid';

export function GroupConfirm({ model, group }: { model: BookingModel; group: GroupEvents }) {
  const b = group.booking.value;
  const e = group.chosenEvent.value;
  const chosen = group.chosen.value;
  const place = model.location.value;
  const lang = model.lang.value ?? 'en-US';
  const busy = b.phase === 'sendingCode' || b.phase === 'booking';
  const codeRef = useRef<HTMLInputElement | HTMLTextAreaElement>(null);
  useEffect(() => {
    if (b.phase === 'awaitingCode') codeRef.current?.focus();
  }, [b.phase]);

  if (!chosen || !e || e.id !== chosen.id) return null;
  const currency = place?.currency ?? '';
  const change = (item: string) => (busy ? null : <ChangeCell item={item} onChange={() => model.go('event')} />);

  return (
    <form
      class="bw-confirm"
      noValidate
      onSubmit={(ev) => {
        ev.preventDefault();
        void group.submit();
      }}
    >
      <dl class="bw-summary">
        <div class="bw-summary__row">
          <dt>{t('record.service')}</dt>
          <dd>
            <bdi>{e.service.title}</bdi>
            {e.prepaid !== 'forbidden' && (
              <>
                <br />
                <span class="bw-muted">{prepaidText(e.prepaid)}</span>
              </>
            )}
          </dd>
          {change(t('record.service'))}
        </div>
        <div class="bw-summary__row">
          <dt>{t('record.master')}</dt>
          <dd>
            <bdi>{e.staff.name}</bdi>
          </dd>
        </div>
        <div class="bw-summary__row">
          <dt>{t('record.time')}</dt>
          <dd>{formatSlotLong(e.datetime, model.tz.value, lang)}</dd>
        </div>
        <div class="bw-summary__row">
          <dt>{t('group_booking.places')}</dt>
          <dd>{formatCount(chosen.seats, lang)}</dd>
          {change(t('group_booking.places'))}
        </div>
        {place && (
          <div class="bw-summary__row">
            <dt>{t('record.place')}</dt>
            <dd>
              <bdi>{place.title}</bdi>
              <br />
              <bdi class="bw-muted">{addressLine(place.address, place.city, lang)}</bdi>
            </dd>
          </div>
        )}
        <div class="bw-summary__row bw-summary__total">
          <dt>{t('widget.total')}</dt>
          <dd>{formatPrice(e.service.priceMin * chosen.seats, e.service.priceMax * chosen.seats, currency, lang)}</dd>
        </div>
      </dl>
      <CodeField
        open={b.phase === 'awaitingCode'}
        sentTo={b.codeSentTo}
        sentAt={b.phase === 'awaitingCode' ? b.codeSentAt : undefined}
        code={b.code}
        error={b.codeError}
        onInput={group.setCode}
        onResend={() => void group.resendCode()}
        inputRef={codeRef}
      />
      {b.failure && !b.failure.full && (
        <div class="bw-error-box" role="alert">
          <p>{t(b.failure.message)}</p>
          {!b.failure.retryable && <BusinessPhone model={model} />}
        </div>
      )}
      <div class="bw-actions bw-actions--sticky">
        <BookButton busy={busy} awaitingCode={b.phase === 'awaitingCode'} />
      </div>
    </form>
  );
}
