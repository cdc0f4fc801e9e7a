// A month of days to pick from, after the WAI-ARIA date-picker grid: one tab stop that moves with
// the arrow keys, full date names for screen readers, unavailable days focusable but not
// selectable (so keyboard users can still explore the month). An empty month is the step's to
// explain: the calendar only draws it.
import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { addMonthsTo, monthOf, splitDate, type WeekStart } from '../dates';
import { formatDateLong, formatMonthTitle } from '../dates/names';
import { addDaysTo, addMonthsToDate, endOfWeekOf, monthGrid, startOfWeekOf, weekdayNames, weekStartFor } from '../dates/calendar';
import { isRtl, t } from '../i18n';
import { formatCount } from '../i18n/format';
import { comma } from '../i18n/joins';

export interface CalendarProps {
  /** 'YYYY-MM' shown */
  month: string;
  /** Days that can be booked, 'YYYY-MM-DD' */
  bookable: ReadonlySet<string>;
  selected?: string;
  /** Today at the location */
  today: string;
  lang: string;
  minMonth?: string;
  maxMonth?: string;
  /** Days still loading: drawn as placeholders, nothing selectable, no layout shift. */
  loading?: boolean;
  /** Defaults to the language's custom. */
  weekStartsOn?: WeekStart;
  /**
   * Raised when a control outside the calendar that showed another month went away with the
   * press: focus then moves to the month's one focusable day, so it is not dropped to the page.
   */
  focusRequest?: number;
  onSelect(date: string): void;
  onMonthChange(month: string): void;
}

function firstDayIn(month: string, props: CalendarProps): string {
  const { selected, today, bookable } = props;
  if (selected && monthOf(selected) === month) return selected;
  const firstBookable = [...bookable].filter((d) => monthOf(d) === month).sort()[0];
  if (firstBookable) return firstBookable;
  if (monthOf(today) === month) return today;
  return `${month}-01`;
}

export function Calendar(props: CalendarProps) {
  const { month, bookable, selected, today, lang, minMonth, maxMonth, loading } = props;
  const weekStart = props.weekStartsOn ?? weekStartFor(lang);
  const titleId = useId();
  const gridRef = useRef<HTMLTableElement>(null);
  const [wanted, setWanted] = useState<string | null>(null);
  // A day the keyboard moved to; focused once its cell is drawn (maybe after the parent has
  // switched months), then forgotten.
  const focusTarget = useRef<string | null>(null);
  const focusAnswered = useRef(props.focusRequest ?? 0);

  // The one focusable day: the last keyboard target when it is in view, else a sensible default.
  const active = wanted && monthOf(wanted) === month ? wanted : firstDayIn(month, props);

  // Layout effect: focus must follow the key press before the next one arrives.
  useLayoutEffect(() => {
    const target = focusTarget.current;
    const cell = target && gridRef.current?.querySelector<HTMLElement>(`[data-date="${target}"]`);
    if (!cell) return;
    focusTarget.current = null;
    cell.focus();
  });

  // Asked from outside: the month's focusable day, held while its days load (the default day can
  // still move to the first free one), unless the visitor has gone elsewhere meanwhile.
  useLayoutEffect(() => {
    const asked = props.focusRequest ?? 0;
    const grid = gridRef.current;
    if (asked === focusAnswered.current || !grid) return;
    if (!loading) focusAnswered.current = asked;
    const inside = (grid.getRootNode() as Document | ShadowRoot).activeElement;
    const dropped = !document.activeElement || document.activeElement === document.body;
    if (dropped || (inside && grid.contains(inside))) grid.querySelector<HTMLElement>('[tabindex="0"]')?.focus();
  });

  const canShow = (m: string) => (!minMonth || m >= minMonth) && (!maxMonth || m <= maxMonth);
  const isBookable = (date: string) => !loading && bookable.has(date);

  function moveTo(date: string, from: string) {
    const target = monthOf(date);
    if (date === from || !canShow(target)) return;
    focusAnswered.current = props.focusRequest ?? 0;
    setWanted(date);
    focusTarget.current = date;
    if (target !== month) props.onMonthChange(target);
  }

  // The buttons keep focus on themselves, as the pattern asks; at the last allowed month they
  // are aria-disabled rather than disabled so focus is not dropped to the page.
  function showMonth(m: string) {
    if (!canShow(m)) return;
    focusTarget.current = null;
    props.onMonthChange(m);
  }

  function choose(date: string) {
    if (isBookable(date)) props.onSelect(date);
  }

  function onKeyDown(e: KeyboardEvent, date: string) {
    const forward = isRtl(lang) ? -1 : 1;
    const moves: Record<string, () => string> = {
      ArrowRight: () => addDaysTo(date, forward),
      ArrowLeft: () => addDaysTo(date, -forward),
      ArrowDown: () => addDaysTo(date, 7),
      ArrowUp: () => addDaysTo(date, -7),
      Home: () => startOfWeekOf(date, weekStart),
      End: () => endOfWeekOf(date, weekStart),
      PageUp: () => addMonthsToDate(date, e.shiftKey ? -12 : -1),
      PageDown: () => addMonthsToDate(date, e.shiftKey ? 12 : 1),
    };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      moveTo(move(), date);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      choose(date);
    }
  }

  const shortNames = weekdayNames(lang, weekStart, 'short');
  const longNames = weekdayNames(lang, weekStart, 'long');
  const weeks = monthGrid(month, weekStart);
  const prev = addMonthsTo(month, -1);
  const next = addMonthsTo(month, 1);

  return (
    <div class={`bw-cal${loading ? ' bw-cal--loading' : ''}`}>
      <div class="bw-cal-head">
        <button
          type="button"
          class="bw-icon-btn"
          aria-label={t('widget.previous_month')}
          aria-disabled={canShow(prev) ? undefined : 'true'}
          onClick={() => showMonth(prev)}
        >
          <span aria-hidden="true">‹</span>
        </button>
        <div id={titleId} class="bw-cal-title" aria-live="polite">
          {formatMonthTitle(month, lang)}
        </div>
        <button
          type="button"
          class="bw-icon-btn"
          aria-label={t('widget.next_month')}
          aria-disabled={canShow(next) ? undefined : 'true'}
          onClick={() => showMonth(next)}
        >
          <span aria-hidden="true">›</span>
        </button>
      </div>
      <table role="grid" class="bw-cal-grid" aria-labelledby={titleId} aria-busy={loading ? 'true' : undefined} ref={gridRef}>
        <thead>
          <tr>
            {shortNames.map((name, i) => (
              <th scope="col" abbr={longNames[i]} key={name}>
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, w) => (
            <tr key={w}>
              {week.map((date, i) =>
                date ? (
                  <DayCell
                    key={date}
                    date={date}
                    lang={lang}
                    active={date === active}
                    free={isBookable(date)}
                    loading={loading}
                    selected={date === selected}
                    today={date === today}
                    onClick={() => {
                      setWanted(date);
                      choose(date);
                    }}
                    onKeyDown={(e) => onKeyDown(e, date)}
                  />
                ) : (
                  <td key={`pad-${i}`} role="gridcell" class="bw-cal-pad" />
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface DayCellProps {
  date: string;
  lang: string;
  active: boolean;
  free: boolean;
  /** Days not known yet: neither free nor unavailable (the grid is aria-busy meanwhile). */
  loading?: boolean;
  selected: boolean;
  today: boolean;
  onClick(): void;
  onKeyDown(e: KeyboardEvent): void;
}

function DayCell({ date, lang, active, free, loading, selected, today, onClick, onKeyDown }: DayCellProps) {
  const name = formatDateLong(date, lang);
  const classes = ['bw-cal-day', free && 'bw-cal-day--free', selected && 'bw-cal-day--selected', today && 'bw-cal-day--today'];
  return (
    <td
      role="gridcell"
      data-date={date}
      class={classes.filter(Boolean).join(' ')}
      tabIndex={active ? 0 : -1}
      aria-label={free || loading ? name : name + comma(lang) + t('widget.unavailable')}
      aria-selected={selected ? 'true' : 'false'}
      aria-disabled={free || loading ? undefined : 'true'}
      aria-current={today ? 'date' : undefined}
      onClick={onClick}
      onKeyDown={onKeyDown}
    >
      {/* In the language's digits, as Intl writes them (the times and the month's title are too). */}
      <span aria-hidden="true">{formatCount(splitDate(date)[2], lang)}</span>
    </td>
  );
}
