// Day arithmetic and the month grid of the calendar step, on plain dates ('YYYY-MM-DD').
// date-fns does the counting on UTC dates (TZDate in 'UTC'), so no daylight-saving change of the
// visitor's zone can shift a day.
import { TZDate } from '@date-fns/tz';
import { addDays, addMonths, getDaysInMonth } from 'date-fns';
import { pad, splitDate, splitMonth, type Month, type PlainDate, type WeekStart } from './index';
import { toIntlLocale } from './locale';

const ymd = (d: Date): PlainDate => `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** A plain date as a UTC TZDate, so date-fns arithmetic never meets a DST change. */
function plain(date: PlainDate): TZDate {
  const [y, m, d] = splitDate(date);
  return new TZDate(y, m - 1, d, 'UTC');
}

export function addDaysTo(date: PlainDate, n: number): PlainDate {
  return ymd(addDays(plain(date), n));
}

/** The same day of the month `n` months away, clamped to the month's length (31 Jan + 1 → 28 Feb). */
export function addMonthsToDate(date: PlainDate, n: number): PlainDate {
  return ymd(addMonths(plain(date), n));
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekdayIndex(date: PlainDate): number {
  return plain(date).getDay() || 7;
}

/** Position of a date in a week row: 0 … 6. */
export function weekColumn(date: PlainDate, weekStartsOn: WeekStart): number {
  return (plain(date).getDay() - weekStartsOn + 7) % 7;
}

export function startOfWeekOf(date: PlainDate, weekStartsOn: WeekStart): PlainDate {
  return addDaysTo(date, -weekColumn(date, weekStartsOn));
}

export function endOfWeekOf(date: PlainDate, weekStartsOn: WeekStart): PlainDate {
  return addDaysTo(date, 6 - weekColumn(date, weekStartsOn));
}

/** The month's dates in week rows of 7, padded with null before the 1st and after the last day. */
export function monthGrid(month: Month, weekStartsOn: WeekStart): (PlainDate | null)[][] {
  const [y, m] = splitMonth(month);
  const first = new TZDate(y, m - 1, 1, 'UTC');
  const cells: (PlainDate | null)[] = Array.from(
    { length: (first.getDay() - weekStartsOn + 7) % 7 },
    () => null,
  );
  const days = getDaysInMonth(first);
  for (let d = 1; d <= days; d++) cells.push(`${month.slice(0, 7)}-${String(d).padStart(2, '0')}`);
  while (cells.length % 7) cells.push(null);
  const weeks: (PlainDate | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** Weekday names in display order; 2024-01-07 was a Sunday. */
export function weekdayNames(
  lang: string,
  weekStartsOn: WeekStart,
  width: 'narrow' | 'short' | 'long',
): string[] {
  const fmt = new Intl.DateTimeFormat(toIntlLocale(lang), { weekday: width, timeZone: 'UTC' });
  return Array.from({ length: 7 }, (_, i) =>
    fmt.format(new Date(Date.UTC(2024, 0, 7 + weekStartsOn + i))),
  );
}

/** Regions whose calendars start on Sunday (CLDR weekData, plus Saturday-first ones folded in). */
const SUNDAY_FIRST = new Set(
  ('AG AS BD BR BS BT BW BZ CA CN CO DM DO ET GT GU HK HN ID IL IN JM JP KE KH KR LA MH MM MO MT ' +
    'MX MZ NI NP PA PE PH PK PR PT PY SA SG SV TH TT TW UM US VE VI WS YE ZA ZW ' +
    'AE AF BH DJ DZ EG IQ IR JO KW LY OM QA SD SY').split(' '),
);

/** 0 = weeks start on Sunday, 1 = on Monday, by the language's likely region. */
export function weekStartFor(lang: string): 0 | 1 {
  try {
    const region = new Intl.Locale(toIntlLocale(lang)).maximize().region;
    return region && SUNDAY_FIRST.has(region) ? 0 : 1;
  } catch {
    return 1;
  }
}
