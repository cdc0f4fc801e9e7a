// Why the visitor was sent back from confirm to the time step: the time was taken (433), nobody
// is free then (436, another team member may be), or it clashes with another appointment (437).
// (438, services unavailable, is told on the service step itself.)
import type { BookingModel } from '../flow/model';
import { formatTime } from '../dates/names';
import { t } from '../i18n';
import { formatList } from '../i18n/joins';
import { Button } from '../ui/Button';

export function FailureNotice({ model }: { model: BookingModel }) {
  const failure = model.booking.value.failure;
  if (!failure || failure.fixAt !== 'time') return null;
  const steps = model.flow.value?.steps ?? [];
  const slot = model.choices.value?.slot;
  const lang = model.lang.value ?? 'en-US';
  const services = formatList(model.selection.value.services.map((s) => s.title), lang);
  return (
    <div class="bw-notice" role="alert">
      {/* The resource's message and the widget's advice, each a sentence of its own: no
          hand-written ". " between them, which Chinese, for one, would not write. */}
      <p>
        <strong>{t(failure.message)}</strong>
      </p>
      <p>{failure.code === 437 ? t('widget.overlap') : t('widget.slot_taken')}</p>
      {failure.code === 437 && slot && (
        <p class="bw-notice__detail">
          {t('widget.clashing', { time: formatTime(slot.datetime, model.tz.value, lang), services })}
        </p>
      )}
      {failure.offerMember && steps.includes('staff') && (
        <Button variant="secondary" onClick={() => model.go('staff')}>
          {t('widget.choose_other_member')}
        </Button>
      )}
    </div>
  );
}
