// Prices, durations and ratings in the visitor's language.
import { toIntlLocale } from '../dates/locale';
import { lang, t } from './index';

// Locations may give a currency as a symbol or short title instead of an ISO code.
const SYMBOLS: Record<string, string> = {
  $: 'USD',
  US$: 'USD',
  '€': 'EUR',
  '£': 'GBP',
  '₽': 'RUB',
  'руб.': 'RUB',
  'р.': 'RUB',
  '₴': 'UAH',
  'грн': 'UAH',
  '₸': 'KZT',
  '₾': 'GEL',
  'zł': 'PLN',
  'Kč': 'CZK',
  '₺': 'TRY',
  '₪': 'ILS',
  '֏': 'AMD',
  '₼': 'AZN',
  'лв': 'BGN',
  'лв.': 'BGN',
  lei: 'RON',
  Ft: 'HUF',
  '₮': 'MNT',
  'C$': 'CAD',
  'A$': 'AUD',
  CHF: 'CHF',
};

/** An ISO 4217 code for a currency as the location gives it, or undefined when unknown. */
export function currencyCode(currency: string): string | undefined {
  const c = currency.trim();
  if (/^[A-Za-z]{3}$/.test(c)) return c.toUpperCase();
  return SYMBOLS[c] ?? SYMBOLS[c.toLowerCase()];
}

interface AmountFormat {
  one(n: number): string;
  /** "$65 – $95", "65–95 €": the language's own way of writing a range. */
  range(low: number, high: number): string;
}

// formatRange is missing from browsers before 2023 (Firefox 116, Safari 15.4): write "X–Y" there.
function rangeOf(nf: Intl.NumberFormat, low: number, high: number): string {
  return typeof nf.formatRange === 'function' ? nf.formatRange(low, high) : `${nf.format(low)}–${nf.format(high)}`;
}

function amountFormatter(currency: string, code: string, whole: boolean): AmountFormat {
  const locale = toIntlLocale(code);
  // Whole amounts drop the cents ("$50"); others keep the currency's own digits ("$49.50").
  const digits = whole ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {};
  const iso = currencyCode(currency);
  if (iso) {
    try {
      const nf = new Intl.NumberFormat(locale, { style: 'currency', currency: iso, ...digits });
      return { one: (n) => nf.format(n), range: (a, b) => rangeOf(nf, a, b) };
    } catch {
      // an unknown code falls through to a plain number with the text as given
    }
  }
  const nf = new Intl.NumberFormat(locale, whole ? digits : { maximumFractionDigits: 2 });
  const unit = currency.trim();
  const withUnit = (text: string) => (unit ? `${text}\u00a0${unit}` : text);
  return { one: (n) => withUnit(nf.format(n)), range: (a, b) => withUnit(rangeOf(nf, a, b)) };
}

/**
 * A service's price: one amount when min = max, a range for min < max, "from X" when only the
 * minimum is set, and the resource's "price not specified" for 0/0.
 */
export function formatPrice(min: number, max: number, currency: string, code: string = lang.value): string {
  const low = Math.max(0, min || 0);
  const high = Math.max(0, max || 0);
  if (low === 0 && high === 0) return t('service.price_not_available');
  const fmt = amountFormatter(currency, code, Number.isInteger(low) && Number.isInteger(high));
  if (low === high) return fmt.one(low);
  // A maximum of 0 (or below the minimum) means the business set only a starting price.
  if (high < low) return `${t('service.price_from')} ${fmt.one(low)}`;
  return fmt.range(low, high);
}

/** A price after a percentage discount, to the cent. */
export function discounted(amount: number, percent: number): number {
  return Math.round(amount * (100 - percent)) / 100;
}

/** "−10 %" in the language's way of writing a percentage off. */
export function formatDiscount(percent: number, code: string = lang.value): string {
  return new Intl.NumberFormat(toIntlLocale(code), { style: 'percent', maximumFractionDigits: 1 }).format(-percent / 100);
}

export interface PriceLabel {
  /** What the visitor pays. */
  price: string;
  /** The price before the discount, when there is one. */
  was?: string;
  /** The discount, e.g. "-10%". */
  off?: string;
}

/**
 * A service's price with its discount: the API gives the list price (min and max) and a
 * percentage off, so both ends of a range are discounted.
 */
export function priceLabel(min: number, max: number, discount: number, currency: string, code: string = lang.value): PriceLabel {
  const was = formatPrice(min, max, currency, code);
  const percent = Math.min(100, discount || 0);
  if (percent <= 0 || (!(min > 0) && !(max > 0))) return { price: was };
  return {
    price: formatPrice(discounted(min, percent), discounted(max, percent), currency, code),
    was,
    off: formatDiscount(percent, code),
  };
}

function unit(code: string, unitName: 'hour' | 'minute', n: number): string {
  return new Intl.NumberFormat(toIntlLocale(code), {
    style: 'unit',
    unit: unitName,
    unitDisplay: 'short',
  }).format(n);
}

/** "1 hr 30 min" in the language; minutes are rounded. */
export function formatDuration(seconds: number, code: string = lang.value): string {
  const total = Math.max(0, Math.round((seconds || 0) / 60));
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  if (hours === 0) return unit(code, 'minute', minutes);
  if (minutes === 0) return unit(code, 'hour', hours);
  return `${unit(code, 'hour', hours)} ${unit(code, 'minute', minutes)}`;
}

/** A whole number the language's way: "1,250" / "1 250". */
export function formatCount(n: number, code: string = lang.value): string {
  return new Intl.NumberFormat(toIntlLocale(code)).format(n);
}

/** A rating with one decimal, "4.8" / "4,8". */
export function formatRating(rating: number, code: string = lang.value): string {
  return new Intl.NumberFormat(toIntlLocale(code), {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(rating);
}

/**
 * A location's address and city, the city left out when the address already names it (Altegio's
 * addresses often do: "Adelaide, 42 Rundle Mall" in Adelaide), the address left out when the city
 * field holds it all. The views lay the parts out, or join them with the language's comma
 * (addressLine in ./joins.ts).
 */
export function placeParts(address: string, city: string): string[] {
  const [a, c] = [address, city].map((s) => s.trim().toLocaleLowerCase()) as [string, string];
  return !c || a.includes(c) ? [address] : !a || c.includes(a) ? [city] : [address, city];
}
