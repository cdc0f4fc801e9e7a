// The date and the time step in one view: a month calendar with only bookable days enabled, and
// the chosen day's free times (TimeStep). A narrow widget shows one of them, the current step's;
// a wide one both side by side (widget.css), so choosing a day moves the flow to the time step
// with the calendar still beside the times, and choosing another there changes the day. The flow
// keeps them two steps: a form that hides the date step (a preset day) shows the times alone.
import { useState } from 'preact/hooks';
import type { BookingModel } from '../flow/model';
import { addMonthsTo, monthOf } from '../dates';
import { Calendar } from '../ui/Calendar';
import { ContinueWithChoice, RetryBox } from './Parts';
import { EarliestShortcut, EmptyMonth } from './Nearest';
import { TimeStep } from './TimeStep';

/** How far ahead the calendar lets the visitor look. */
const MONTHS_AHEAD = 3;

export function DateStep({ model }: { model: BookingModel }) {
  const flow = model.flow.value;
  const step = flow?.current === 'time' ? 'time' : 'date';
  const withDate = !!flow?.steps.includes('date');
  return (
    <div class={withDate ? 'bw-split bw-split--two' : 'bw-split'} data-on={step}>
      {withDate && <DayPicker model={model} onDateStep={step === 'date'} />}
      <div class="bw-split__times">
        <TimeStep model={model} panel />
      </div>
      <ContinueWithChoice model={model} step={step} />
    </div>
  );
}

function DayPicker({ model, onDateStep }: { model: BookingModel; onDateStep: boolean }) {
  const s = model.dates.state.value;
  const month = model.shownMonth.value;
  const minMonth = monthOf(model.today.value);
  const maxMonth = addMonthsTo(minMonth, MONTHS_AHEAD);
  const bookable = new Set(s.status === 'ready' ? s.data.bookable : []);
  const lang = model.lang.value ?? 'en-US';
  // "Try the next month" goes away when pressed: the calendar then takes focus.
  const [focusDay, setFocusDay] = useState(0);

  return (
    // A day chosen here keeps focus when the calendar stays on screen beside the times (App.tsx).
    <div class="bw-step-date" data-keep-focus>
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
      {/* On the time step the day's own "nearest free time" (when it has none) says it. */}
      {s.status === 'ready' && bookable.size > 0 && onDateStep && <EarliestShortcut model={model} />}
    </div>
  );
}
