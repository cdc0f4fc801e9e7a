// Free times of the chosen day, grouped by part of day, in the location's time zone.
import type { BookingModel } from '../flow/model';
import { formatDateLong, zoneDiffers, zoneLabel } from '../dates';
import { t } from '../i18n';
import { TimeGrid } from '../ui/TimeGrid';
import { QueryView } from './QueryView';
import { ContinueWithChoice } from './Parts';

export function TimeStep({ model }: { model: BookingModel }) {
  const c = model.choices.value;
  const tz = model.tz.value;
  const lang = model.lang.value ?? 'en-US';
  const failure = model.booking.value.failure;
  return (
    <div class="bw-step-time">
      {c?.date && <p class="bw-subtitle">{formatDateLong(c.date, lang)}</p>}
      {failure?.fixAt === 'time' && (
        <p class="bw-notice" role="alert">
          {t(failure.message)}. {t('widget.slot_taken')}
        </p>
      )}
      {zoneDiffers(tz) && <p class="bw-note">{t('widget.zone_notice', { zone: zoneLabel(tz, lang) })}</p>}
      <QueryView query={model.times} rows={3}>
        {(slots) =>
          slots.length === 0 ? (
            <div class="bw-empty" role="status">
              <p>{t('widget.no_times')}</p>
              <button type="button" class="bw-btn bw-btn--secondary" onClick={() => model.go('date')}>
                {t('widget.choose_date')}
              </button>
            </div>
          ) : (
            <TimeGrid
              slots={slots}
              selected={c?.slot?.datetime}
              tz={tz}
              lang={lang}
              onSelect={(slot) => model.dispatch({ type: 'selectSlot', slot })}
            />
          )
        }
      </QueryView>
      <ContinueWithChoice model={model} step="time" />
    </div>
  );
}
