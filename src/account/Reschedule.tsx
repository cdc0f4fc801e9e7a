// Moving a booking: the booking as it is now, a calendar of the days with free time for the same
// services and team member, the chosen day's free times, and one button that moves it. A refused
// move says why above the button; a time taken meanwhile leaves the fresh times to choose from.
import { useEffect, useRef } from 'preact/hooks';
import { addMonthsTo, formatSlotLong, monthOf } from '../dates';
import { formatDateLong } from '../dates/names';
import { visitorZone } from '../dates/zones';
import { t } from '../i18n';
import { comma, formatList } from '../i18n/joins';
import { QueryView } from '../steps/QueryView';
import { RetryBox } from '../steps/Parts';
import { Button } from '../ui/Button';
import { Calendar } from '../ui/Calendar';
import { TimeGrid } from '../ui/TimeGrid';
import type { AccountModel } from './model';
import type { Reschedule as Move } from './reschedule';
import { todayIn } from '../dates';

/** How far ahead the calendar lets the visitor look, as on the date step. */
const MONTHS_AHEAD = 3;

export function Reschedule({ account, move, lang, level }: { account: AccountModel; move: Move; lang: string; level: 2 | 3 }) {
  const r = move.record;
  const tz = account.zoneOf(r);
  const today = todayIn(tz);
  const minMonth = monthOf(today);
  const dates = move.dates.state.value;
  const bookable = new Set(dates.status === 'ready' ? dates.data.bookable : []);
  const date = move.date.value;
  const slot = move.slot.value;
  const error = move.error.value;
  const moving = move.phase.value === 'moving';
  const headingRef = useRef<HTMLHeadingElement>(null);
  const errorRef = useRef<HTMLParagraphElement>(null);
  const H = `h${level}` as 'h2';
  useEffect(() => headingRef.current?.focus(), [move]);
  // A refusal takes focus: the visitor hears why, and the fresh times follow it.
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  return (
    <form
      class="bw-account-move"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void account.move();
      }}
    >
      <H class="bw-group__title" tabIndex={-1} ref={headingRef}>
        {t('widget.reschedule')}
      </H>
      <p class="bw-note">
        <bdi>{formatList(r.services.map((s) => s.title), lang)}</bdi>
        {r.staff.name && (
          <>
            {comma(lang)}
            <bdi>{r.staff.name}</bdi>
          </>
        )}
        <br />
        {formatSlotLong(r.datetime, tz, lang)}
      </p>
      <div class="bw-split bw-split--two" data-on="time">
        <div class="bw-step-date">
          <Calendar
            month={move.month.value}
            bookable={bookable}
            selected={date}
            today={today}
            lang={lang}
            minMonth={minMonth}
            maxMonth={addMonthsTo(minMonth, MONTHS_AHEAD)}
            loading={dates.status === 'loading' || dates.status === 'idle'}
            onSelect={move.selectDate}
            onMonthChange={move.showMonth}
          />
          {dates.status === 'error' && <RetryBox onRetry={() => move.dates.retry()} />}
          {dates.status === 'ready' && bookable.size === 0 && <p class="bw-muted">{t('widget.no_days_this_month')}</p>}
        </div>
        <div class="bw-split__times">
          <p class={date ? 'bw-subtitle' : 'bw-subtitle bw-muted'} aria-live="polite">
            {date ? formatDateLong(date, lang) : t('widget.choose_date')}
          </p>
          {date && (
            <QueryView query={move.times} rows={3}>
              {(slots) =>
                slots.length ? (
                  <TimeGrid slots={slots} selected={slot?.datetime} tz={tz} lang={lang} visitorZone={visitorZone()} headingLevel={level === 2 ? 3 : 4} onSelect={move.selectSlot} />
                ) : (
                  <p class="bw-empty" role="status">
                    {t('widget.no_times')}
                  </p>
                )
              }
            </QueryView>
          )}
        </div>
      </div>
      <div role="alert">
        {error && (
          <p class="bw-error-box" ref={errorRef} tabIndex={-1}>
            {t(error.key, error.values)}
          </p>
        )}
      </div>
      <div class="bw-actions bw-actions--sticky bw-actions--wrap">
        <button type="button" class="bw-btn bw-btn--secondary" onClick={account.stopMove}>
          {t('back')}
        </button>
        <Button type="submit" busy={moving}>
          {slot ? t('widget.move_to', { when: formatSlotLong(slot.datetime, tz, lang) }) : t('widget.reschedule')}
        </Button>
      </div>
    </form>
  );
}
