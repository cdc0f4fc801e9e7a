// Free times of the chosen day, grouped by part of day, in the location's time zone. Beside the
// calendar on a wide widget (DateStep), where on the date step it asks for a day until one is chosen.
import type { BookingModel } from '../flow/model';
import type { Slot } from '../api/types';
import { formatDateLong, formatTime } from '../dates/names';
import { formatVisitorTime, parseDateTime, visitorZone, zoneDiffers, zoneLabel, zoneName } from '../dates/zones';
import { t } from '../i18n';
import { Button } from '../ui/Button';
import { TimeGrid } from '../ui/TimeGrid';
import { QueryView } from './QueryView';
import { ContinueWithChoice } from './Parts';
import { FailureNotice } from './FailureNotice';
import { withoutClashes } from '../flow/basket';
import { EarliestShortcut } from './Nearest';

/** `panel`: inside DateStep, which shows the continue bar of whichever step is current. */
export function TimeStep({ model, panel = false }: { model: BookingModel; panel?: boolean }) {
  const c = model.choices.value;
  const tz = model.tz.value;
  const lang = model.lang.value ?? 'en-US';
  const onTimeStep = model.flow.value?.current === 'time';
  return (
    <div class="bw-step-time">
      {/* Polite: the day changed beside the calendar is read out, focus staying on the calendar. */}
      <p class={c?.date ? 'bw-subtitle' : 'bw-subtitle bw-muted'} aria-live="polite">
        {c?.date ? formatDateLong(c.date, lang) : t('widget.choose_date')}
      </p>
      <FailureNotice model={model} />
      {c?.date && <QueryView query={model.times} rows={3}>
        {(free) => {
          // The booking's other appointments are not known to the API: their times are left out here.
          const slots = withoutClashes(free, model.flow.value?.basket ?? []);
          const hidden = slots.length < free.length && <p class="bw-hint">{t('widget.overlaps_hidden')}</p>;
          return slots.length === 0 ? (
            <div class="bw-empty" role="status">
              <p>{t('widget.no_times')}</p>
              {hidden}
              {onTimeStep && (
                <>
                  <EarliestShortcut model={model} label="widget.nearest_free" />
                  <Button variant="secondary" class="bw-to-date" onClick={() => model.go('date')}>
                    {t('widget.choose_date')}
                  </Button>
                </>
              )}
            </div>
          ) : (
            <>
              <ZoneNotice first={slots[0]!} tz={tz} lang={lang} />
              {hidden}
              <TimeGrid
                slots={slots}
                selected={c?.slot?.datetime}
                tz={tz}
                lang={lang}
                visitorZone={visitorZone()}
                onSelect={(slot) => model.dispatch({ type: 'selectSlot', slot })}
              />
            </>
          );
        }}
      </QueryView>}
      {!panel && <ContinueWithChoice model={model} step="time" />}
    </div>
  );
}

/**
 * For a visitor whose clock differs: which zone the times are in, and the day's first time on
 * their own clock as an example. Worked out on that day's slot, so a daylight-saving change
 * between today and the chosen day is accounted for.
 */
function ZoneNotice({ first, tz, lang }: { first: Slot; tz: string; lang: string }) {
  const at = parseDateTime(first.datetime);
  const yours = visitorZone();
  if (!zoneDiffers(tz, at, yours)) return null;
  return (
    <p class="bw-note bw-zone-note">
      {t('widget.zone_notice', { zone: zoneName(tz, lang, at), abbr: zoneLabel(tz, lang, at) })}{' '}
      {t('widget.zone_example', {
        time: formatTime(at, tz, lang),
        yours: formatVisitorTime(at, tz, lang, yours),
        yourZone: zoneLabel(yours, lang, at),
      })}{' '}
      {t('widget.yours_below')}
    </p>
  );
}
