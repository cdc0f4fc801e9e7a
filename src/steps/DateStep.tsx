// A month calendar with only bookable days enabled.
import { useState } from 'preact/hooks';
import type { BookingModel } from '../flow/model';
import { addMonthsTo, monthOf } from '../dates';
import { t } from '../i18n';
import { Calendar } from '../ui/Calendar';
import { ContinueWithChoice, RetryBox } from './Parts';
import { EarliestShortcut, EmptyMonth } from './Nearest';

/** How far ahead the calendar lets the visitor look. */
const MONTHS_AHEAD = 3;

export function DateStep({ model }: { model: BookingModel }) {
  const s = model.dates.state.value;
  const month = model.shownMonth.value;
  const minMonth = monthOf(model.today.value);
  const maxMonth = addMonthsTo(minMonth, MONTHS_AHEAD);
  const bookable = new Set(s.status === 'ready' ? s.data.bookable : []);
  const lang = model.lang.value ?? 'en-US';
  // "Try the next month" goes away when pressed: the calendar then takes focus.
  const [focusDay, setFocusDay] = useState(0);

  return (
    <div class="bw-step-date">
      <Calendar
        month={month}
        bookable={bookable}
        selected={model.choices.value?.date}
        today={model.today.value}
        lang={lang}
        minMonth={minMonth}
        maxMonth={maxMonth}
        loading={s.status === 'loading' || s.status === 'idle'}
        onSelect={(date) => model.dispatch({ type: 'selectDate', date })}
        focusRequest={focusDay}
        onMonthChange={model.showMonth}
      />
      {s.status === 'error' && <RetryBox onRetry={() => model.dates.retry()} />}
      {s.status === 'ready' && bookable.size === 0 && <EmptyMonth model={model} canGoOn={month < maxMonth} onNextMonth={() => setFocusDay((n) => n + 1)} />}
      {s.status === 'ready' && bookable.size > 0 && <EarliestShortcut model={model} />}
      <ContinueWithChoice model={model} step="date" />
    </div>
  );
}
