// Dates and times as the later steps write them (the calendar, the times and their part of the
// day, team members' next free day), through Intl in the visitor's language. Loaded with those
// steps, so the first download does not carry them. A plain date is formatted in UTC, so no zone
// can shift it; an instant in the location's zone.
import { instant, plainDateToUtc, splitMonth, type Month, type PartOfDay, type PlainDate } from './index';
import { toIntlLocale } from './locale';

/** "Tuesday, 4 March 2026" in the language; a plain date, so never shifted by any zone. */
export function formatDateLong(date: PlainDate, lang: string): string {
  return new Intl.DateTimeFormat(toIntlLocale(lang), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(plainDateToUtc(date));
}

/** "4 March" / "Tuesday, 4 March" without the year, for compact labels. */
export function formatDateShort(date: PlainDate, lang: string, withWeekday = false): string {
  return new Intl.DateTimeFormat(toIntlLocale(lang), {
    weekday: withWeekday ? 'long' : undefined,
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(plainDateToUtc(date));
}

/** "March 2026" in the language. */
export function formatMonthTitle(month: Month, lang: string): string {
  const [y, m] = splitMonth(month);
  return new Intl.DateTimeFormat(toIntlLocale(lang), {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** The wall time of an instant at the location in the language's style: "09:30", "9:30 AM". */
export function formatTime(iso: string | Date, tz: string, lang: string): string {
  return new Intl.DateTimeFormat(toIntlLocale(lang), { timeStyle: 'short', timeZone: tz }).format(
    instant(iso),
  );
}

/** Morning before 12:00, day before 17:00, evening after. */
export function partOfDay(time: string): PartOfDay {
  const [h = 0] = time.split(':').map(Number);
  if (h < 12) return 'morning';
  if (h < 17) return 'day';
  return 'evening';
}
