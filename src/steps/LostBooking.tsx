// The booking was sent but its answer never came. Never a blind second booking: the widget says
// what it knows (see src/flow/lost-answer.ts), gives the business's phone to make sure, and
// offers only the next step that is safe.
import type { BookingModel } from '../flow/model';
import { t } from '../i18n';
import { Button } from '../ui/Button';
import { PhoneLink } from './BookedDetails';

/** The business's phone as a link, for what only the business can settle. */
export function BusinessPhone({ model }: { model: BookingModel }) {
  const location = model.location.value;
  if (!location?.phone) return null;
  return (
    <p>
      {location.title}: <PhoneLink phone={location.phone} />
    </p>
  );
}

export function LostBooking({ model }: { model: BookingModel }) {
  const b = model.booking.value;
  if (b.phase === 'verifying') {
    return (
      <div class="bw-notice" role="status">
        <p>{t('widget.lost_checking')}</p>
      </div>
    );
  }
  if (b.phase !== 'lost' || !b.lost) return null;
  return (
    <div class="bw-notice" role="alert">
      <p>{t(`widget.lost_${b.lost}`)}</p>
      {b.lost !== 'notMade' && <BusinessPhone model={model} />}
      {b.lost === 'madeLikely' && (
        <Button variant="secondary" onClick={model.restart}>
          {t('record.create_new_record')}
        </Button>
      )}
      {b.lost === 'unreachable' && (
        <Button variant="secondary" onClick={model.recheck}>
          {t('widget.check_again')}
        </Button>
      )}
    </div>
  );
}
