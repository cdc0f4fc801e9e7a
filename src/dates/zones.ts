// Telling a visitor in another zone what the location's times mean for them. Times stay the
// location's; these only add the zone's name and the visitor's own clock beside them. Intl does
// the zone maths (names and offsets for any instant, daylight saving included) at no bytes.
import { TZDate } from '@date-fns/tz';
import { DATETIME_RE, normaliseOffset, splitDate } from './index';
import { toIntlLocale } from './locale';

/** The visitor's own IANA zone, as the browser reports it. */
export function visitorZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The zone's UTC offset in minutes at an instant (+120 for Riga in winter). */
export function offsetMinutes(tz: string, at: Date = new Date()): number {
  return -new TZDate(at.getTime(), tz).getTimezoneOffset();
}

/**
 * Whether the visitor's clock reads differently from the location's at that instant. Asked per
 * instant, since two zones can agree in one week and not in the next (daylight saving).
 */
export function zoneDiffers(tz: string, at: Date = new Date(), visitor: string = visitorZone()): boolean {
  return offsetMinutes(tz, at) !== offsetMinutes(visitor, at);
}

function zonePart(tz: string, lang: string, at: Date, style: Intl.DateTimeFormatOptions['timeZoneName']): string | undefined {
  try {
    return new Intl.DateTimeFormat(toIntlLocale(lang), { timeZone: tz, timeZoneName: style })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value;
  } catch {
    return undefined; // an engine without this style
  }
}

/** A short name for the zone at that instant, so it says which side of a change: "EST", "EDT", "GMT+2". */
export function zoneLabel(tz: string, lang: string, at: Date = new Date()): string {
  return zonePart(tz, lang, at, 'short') ?? tz;
}

/** The zone's name in the language, the same all year: "Eastern Time"; the IANA city otherwise. */
export function zoneName(tz: string, lang: string, at: Date = new Date()): string {
  const name = zonePart(tz, lang, at, 'longGeneric');
  // Without a name of its own Intl writes an offset ("GMT+14"), which zoneLabel already says.
  if (name && !/^(GMT|UTC)[+-−]/.test(name)) return name;
  return (tz.split('/').pop() ?? tz).replace(/_/g, ' ');
}

function dayIn(at: Date, tz: string): string {
  const d = new TZDate(at.getTime(), tz);
  return `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
}

/**
 * The visitor's wall time of an instant that the location shows in `tz`: "5:00 AM", or with the
 * weekday ("Mon 5:00 AM") when it falls on another calendar day for the visitor.
 */
export function formatVisitorTime(at: Date, tz: string, lang: string, visitor: string = visitorZone()): string {
  const otherDay = dayIn(at, tz) !== dayIn(at, visitor);
  const options: Intl.DateTimeFormatOptions = otherDay
    ? { weekday: 'short', hour: 'numeric', minute: '2-digit', timeZone: visitor }
    : { timeStyle: 'short', timeZone: visitor };
  return new Intl.DateTimeFormat(toIntlLocale(lang), options).format(at);
}

/**
 * The instant of an ISO date-time. Without an offset the wall time is read in `tz`; with neither
 * it throws, because guessing would use the visitor's zone.
 */
export function parseDateTime(iso: string, tz?: string): Date {
  const normalised = normaliseOffset(iso);
  const m = DATETIME_RE.exec(normalised);
  if (!m) throw new RangeError(`Not an ISO date-time: ${iso}`);
  if (!m[3]) {
    if (!tz) throw new RangeError(`Date-time without an offset and no zone: ${iso}`);
    const [y, mo, d] = splitDate(m[1] ?? '');
    const [h = 0, mi = 0, s = 0] = (m[2] ?? '').split(':').map(Number);
    return new Date(new TZDate(y, mo - 1, d, h, mi, Math.floor(s), tz).getTime());
  }
  const date = new Date(normalised);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not an ISO date-time: ${iso}`);
  return date;
}
