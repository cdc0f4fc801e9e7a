// One of the visitor's bookings: what the business has on record (services and their prices,
// team member, time in the location's zone, place), and what can still be done with it online by
// the location's rules: move it, cancel it (after a confirmation), or book the same again.
import { useEffect, useRef } from 'preact/hooks';
import type { BookingDetails } from '../api/types';
import type { UserRecord } from '../api/types-events';
import { t } from '../i18n';
import { formatDuration } from '../i18n/format';
import { BookedDetails } from '../steps/BookedDetails';
import { Button } from '../ui/Button';
import type { AccountModel } from './model';
import type { ChangeRule } from './rules';

export function RecordCard({ account, record: r, lang, onBookAgain }: { account: AccountModel; record: UserRecord; lang: string; onBookAgain(): void }) {
  const cancelling = account.cancelling.value;
  const phase = cancelling?.id === r.id ? cancelling.phase : undefined;
  const cancelRule = account.rule(r, 'cancel');
  const moveRule = account.rule(r, 'move');
  const questionRef = useRef<HTMLParagraphElement>(null);
  const askRef = useRef<HTMLButtonElement>(null);
  const before = useRef(phase);
  // The question takes focus; once answered "keep", focus returns to the button that asked it.
  useEffect(() => {
    const was = before.current;
    before.current = phase;
    if (phase === 'confirming') questionRef.current?.focus();
    else if (was === 'confirming' && !phase) askRef.current?.focus();
  }, [phase]);
  const upcoming = cancelRule.kind !== 'past' && cancelRule.kind !== 'deleted';
  // A group event's seat is booked again through its event, not the individual flow.
  const again = r.activityId === 0 && r.services.length > 0;

  return (
    <li class="bw-booked__item bw-account-record" data-record={r.id}>
      {r.deleted && (
        <p>
          <span class="bw-badge">{t('widget.cancelled')}</span>
        </p>
      )}
      <BookedDetails details={asDetails(r)} tz={account.zoneOf(r)} lang={lang} />
      {upcoming && <RuleNote rule={moveRule} what="move" lang={lang} />}
      {upcoming && <RuleNote rule={cancelRule} what="cancel" lang={lang} />}
      {phase === 'confirming' || phase === 'cancelling' ? (
        <div class="bw-notice" role="group" aria-labelledby={`bw-cancel-${r.id}`}>
          <p id={`bw-cancel-${r.id}`} ref={questionRef} tabIndex={-1}>
            {t('record.confirm_cancel_record')} {t('record.cancel_record_warning')}
          </p>
          <div class="bw-actions bw-actions--wrap">
            <Button busy={phase === 'cancelling'} onClick={() => void account.cancel(r)}>
              {t('record.cancel_record')}
            </Button>
            <button type="button" class="bw-btn bw-btn--secondary" onClick={account.keep} disabled={phase === 'cancelling'}>
              {t('widget.keep_booking')}
            </button>
          </div>
        </div>
      ) : (
        <div class="bw-actions bw-actions--wrap">
          {moveRule.kind === 'allowed' && (
            <Button variant="secondary" onClick={() => account.startMove(r)}>
              {t('widget.reschedule')}
            </Button>
          )}
          {cancelRule.kind === 'allowed' && (
            <button type="button" class="bw-btn bw-btn--secondary" ref={askRef} onClick={() => account.askCancel(r.id)}>
              {t('record.cancel_record')}
            </button>
          )}
          {again && (
            <Button variant="secondary" onClick={onBookAgain}>
              {t('widget.book_again')}
            </Button>
          )}
        </div>
      )}
      {phase === 'failed' && (
        <p class="bw-error-box" role="alert">
          {t('widget.cancel_failed')}
        </p>
      )}
    </li>
  );
}

/** Why an upcoming booking cannot be moved or cancelled online (any more). */
function RuleNote({ rule, what, lang }: { rule: ChangeRule; what: 'move' | 'cancel'; lang: string }) {
  if (rule.kind === 'forbidden') return <p class="bw-note">{t(what === 'move' ? 'widget.move_forbidden' : 'record.error_cancel_record_new1')}</p>;
  if (rule.kind !== 'tooLate') return null;
  const time = formatDuration(rule.delaySeconds, lang);
  return (
    <p class="bw-note">
      {what === 'move' ? t('widget.move_too_late', { time }) : `${t('record.error_cancel_record_new2_1')} ${time} ${t('record.error_cancel_record_new2_2')}`}
    </p>
  );
}

/** The record as the success screen and the booking page show one (BookedDetails). */
function asDetails(r: UserRecord): BookingDetails {
  return {
    id: r.id,
    // The price as booked when the record has one; the list price otherwise.
    services: r.services.map((s) => ({ id: s.id, title: s.title, cost: s.cost, priceMin: s.cost || s.priceMin, priceMax: s.cost || s.priceMax, discount: 0 })),
    location: { ...r.location, city: '', allowDelete: r.location.allowDelete, deleteDelaySeconds: r.location.deleteDelaySeconds },
    staff: r.staff,
    datetime: r.datetime,
    length: r.length,
    comment: r.comment,
    deleted: r.deleted,
    notifyBySms: 0,
    notifyByEmail: 0,
  };
}
