// Texts joined the visitor's language's way, never with an English ", ": lists of like things
// ("Haircut and colouring", "قص وصبغ", "剪发和染发"), the comma between unlike parts, a place's
// address. For the views after the first step: its own module, so the first download does not
// carry it. (A date with its time is one Intl format: formatSlotLong in src/dates.)
import { lang, toIntlLocale } from './index';
import { placeParts } from './format';

/** Like things (services, names) joined as the language lists them, with its "and". */
export function formatList(items: readonly string[], code: string = lang.value): string {
  return new Intl.ListFormat(toIntlLocale(code), { type: 'conjunction' }).format(items.filter(Boolean));
}

/**
 * The language's comma, between parts that are not a list of like things ("42 Rundle Mall,
 * Adelaide"; "Tuesday, March 3, 2026, unavailable"), read from its list patterns through Intl:
 * Arabic gets "، ", Chinese "、". A list's first separator is the comma in most languages; where
 * it is a word (Arabic "و", "and"), the unit list's is taken.
 */
export function comma(code: string = lang.value): string {
  for (const type of ['conjunction', 'unit'] as const) {
    const between = new Intl.ListFormat(toIntlLocale(code), { type }).formatToParts(['a', 'b', 'c'])[1]!.value;
    const mark = between.replace(/\p{L}.*/su, '');
    if (/\p{P}/u.test(mark)) return mark;
  }
  return ' ';
}

/** A location's address with its city, the city written once, on one line. */
export function addressLine(address: string, city: string, code: string = lang.value): string {
  return placeParts(address, city).join(comma(code));
}
