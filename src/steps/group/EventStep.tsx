// Group events by day, in the location's time zone: a calendar of the days that have events (the
// date step's own), the chosen day's events with time, length, team member, price, prepayment and
// seats left; a full or past event cannot be chosen, and says why. Then how many seats.
import { useId } from 'preact/hooks';
import type { GroupEvent } from '../../api/types-events';
import type { BookingModel } from '../../flow/model';
import type { GroupEvents } from '../../flow/group/model';
import { formatDateLong, formatTime } from '../../dates/names';
import { t } from '../../i18n';
import { formatDuration } from '../../i18n/format';
import { Calendar } from '../../ui/Calendar';
import { prepaidText } from '../prepaid';
import { Price } from '../Price';
import { QueryView } from '../QueryView';
import { ContinueWithChoice } from '../Parts';
import { seatsLeftText } from './texts';

export function EventStep({ model, group }: { model: BookingModel; group: GroupEvents }) {
  const lang = model.lang.value ?? 'en-US';
  const days = group.days.state.value;
  const day = group.shownDay.value;
  const failure = group.booking.value.failure;
  return (
    <div class="bw-split bw-split--two bw-events">
      <div class="bw-step-date" data-keep-focus>
        <Calendar
          month={group.shownMonth.value}
          bookable={new Set(days.status === 'ready' ? days.data : [])}
          selected={day}
          today={group.today.value}
          lang={lang}
          minMonth={group.minMonth.value}
          maxMonth={group.maxMonth.value}
          loading={days.status === 'loading' || days.status === 'idle'}
          onSelect={group.showDay}
          onMonthChange={group.showMonth}
        />
      </div>
      <div class="bw-split__times">
        <p class="bw-subtitle" aria-live="polite">
          {day ? formatDateLong(day, lang) : ''}
        </p>
        {failure?.full && (
          <div class="bw-error-box" role="alert">
            <p>{t(failure.message)}</p>
          </div>
        )}
        {days.status === 'ready' && !day ? (
          <p class="bw-empty">{t('group_booking.group_events_is_not_available')}</p>
        ) : (
          day && (
            <QueryView query={group.dayEvents} rows={3} cards>
              {(list) =>
                list.length === 0 ? (
                  <p class="bw-empty">{t('group_booking.group_events_is_not_available')}</p>
                ) : (
                  <ul class="bw-list" role="list">
                    {list.map((e) => (
                      <EventCard key={e.id} event={e} model={model} group={group} />
                    ))}
                  </ul>
                )
              }
            </QueryView>
          )
        )}
      </div>
      <ContinueWithChoice model={model} step="event" />
    </div>
  );
}

function EventCard({ event: e, model, group }: { event: GroupEvent; model: BookingModel; group: GroupEvents }) {
  const lang = model.lang.value ?? 'en-US';
  const tz = group.tz.value;
  const currency = model.location.value?.currency ?? '';
  const chosen = group.chosen.value;
  const selected = chosen?.id === e.id;
  const past = group.started(e);
  const full = e.seatsLeft < 1;
  const closed = past || full;
  const reasonId = useId();
  return (
    <li class={`bw-card bw-card--event${selected ? ' is-selected' : ''}${closed ? ' is-disabled' : ''}`}>
      <button
        type="button"
        class="bw-card__main"
        aria-pressed={selected}
        disabled={closed}
        aria-describedby={reasonId}
        onClick={() => group.choose(e, selected ? chosen.seats : 1)}
      >
        <span class="bw-event__time">
          <span class="bw-card__title">{formatTime(e.datetime, tz, lang)}</span>
          <span class="bw-card__meta">{formatDuration(e.length, lang)}</span>
        </span>
        <span class="bw-card__body">
          <span class="bw-card__title">{e.service.title}</span>
          <span class="bw-card__meta">{e.staff.name}</span>
          <span class="bw-card__meta" id={reasonId}>
            <span class={full ? 'bw-event__seats is-full' : 'bw-event__seats'}>
              {past ? t('record.past') : full ? t('widget.event_full') : seatsLeftText(e.seatsLeft, e.capacity)}
            </span>
            {e.prepaid !== 'forbidden' && <span>{prepaidText(e.prepaid)}</span>}
          </span>
        </span>
        <span class="bw-card__price">
          <Price service={{ priceMin: e.service.priceMin, priceMax: e.service.priceMax, discount: 0 }} currency={currency} lang={lang} />
        </span>
      </button>
      {selected && !closed && <Seats event={e} seats={chosen.seats} onChange={(n) => group.choose(e, n)} />}
    </li>
  );
}

/** How many seats: 1 up to the seats left, a number field with its range said beside it. */
function Seats({ event, seats, onChange }: { event: GroupEvent; seats: number; onChange: (n: number) => void }) {
  const id = useId();
  const max = event.seatsLeft;
  return (
    <div class="bw-seats">
      <label for={id}>{t('group_booking.places')}</label>
      <input
        id={id}
        class="bw-input"
        type="number"
        inputMode="numeric"
        min={1}
        max={max}
        step={1}
        value={seats}
        aria-describedby={`${id}-hint`}
        onInput={(ev) => {
          const n = Math.floor(Number(ev.currentTarget.value));
          if (Number.isFinite(n) && n >= 1) onChange(Math.min(n, max));
        }}
        onBlur={(ev) => (ev.currentTarget.value = String(seats))}
      />
      <span class="bw-hint" id={`${id}-hint`}>
        {t('widget.seats_range', { max })}
      </span>
    </div>
  );
}
