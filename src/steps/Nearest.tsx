// Ways forward built on a team member's nearest free times (book_staff_seances): the earliest
// free time in one tap, and the next free day or time when a month or a day has none.
import type { Slot } from '../api/types';
import type { BookingModel } from '../flow/model';
import { formatSlotLong, monthOf } from '../dates';
import { formatDateShort } from '../dates/names';
import { t } from '../i18n';
import { Button } from '../ui/Button';

/** The nearest answer's day and first time, once it has both. */
function nearestOf(model: BookingModel): { date: string; slot: Slot } | undefined {
  const s = model.nearest.value?.state.value;
  const slot = s?.status === 'ready' ? s.data.slots[0] : undefined;
  return s?.status === 'ready' && s.data.date && slot ? { date: s.data.date, slot } : undefined;
}

/** "Earliest free time: Friday, March 6 at 10:00 AM [Choose this time]": date and time in one tap. */
export function EarliestShortcut({ model, label = 'widget.earliest_free' }: { model: BookingModel; label?: string }) {
  const found = nearestOf(model);
  if (!found) return null;
  const lang = model.lang.value ?? 'en-US';
  // One Intl format for the day and the time, so each language joins them its own way.
  const when = formatSlotLong(found.slot.datetime, model.tz.value, lang);
  return (
    <div class="bw-earliest">
      <p class="bw-earliest__text">{t(label, { when })}</p>
      <Button variant="secondary" onClick={() => model.takeSlot(found.date, found.slot)}>
        {t('widget.take_time')}
      </Button>
    </div>
  );
}

/**
 * A month without free days: the next free day, one tap away (else simply the next month;
 * `onNextMonth` then gives focus a place, as the button goes away).
 */
export function EmptyMonth({ model, canGoOn, onNextMonth }: { model: BookingModel; canGoOn: boolean; onNextMonth?: () => void }) {
  const lang = model.lang.value ?? 'en-US';
  const s = model.nearest.value?.state.value;
  const next = s?.status === 'ready' ? s.data.date : undefined;
  const later = next && monthOf(next) > model.shownMonth.value ? next : undefined;
  return (
    <div class="bw-empty" role="status">
      <p>{t('widget.no_days_this_month')}</p>
      {later ? (
        <>
          <p>{t('widget.next_free_day', { date: formatDateShort(later, lang, true) })}</p>
          <Button variant="secondary" onClick={() => model.takeDate(later)}>
            {t('widget.show_day', { date: formatDateShort(later, lang) })}
          </Button>
        </>
      ) : (
        canGoOn &&
        s?.status !== 'loading' && (
          <Button
            variant="secondary"
            onClick={() => {
              model.shiftMonth(1);
              onNextMonth?.();
            }}
          >
            {t('widget.try_next_month')}
          </Button>
        )
      )}
    </div>
  );
}
