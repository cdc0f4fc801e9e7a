import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../src/i18n';
import { currencyCode, formatDuration, formatPrice, formatRating } from '../src/i18n/format';

// Intl puts (narrow) no-break spaces in numbers; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

afterEach(() => setLocale('en-US', null));

describe('prices', () => {
  it('formats one USD price in en-US', () => {
    expect(formatPrice(50, 50, 'USD', 'en-US')).toBe('$50');
    expect(formatPrice(49.5, 49.5, '$', 'en-US')).toBe('$49.50');
  });

  it('formats EUR the Latvian way', () => {
    expect(plain(formatPrice(1500, 1500, '€', 'lv-LV'))).toBe('1500 €');
    expect(plain(formatPrice(25, 25, 'EUR', 'lv-LV'))).toBe('25 €');
  });

  it('shows a range, and "from" when only a minimum is set', () => {
    expect(formatPrice(30, 45, 'USD', 'en-US')).toBe('$30 – $45');
    expect(formatPrice(30, 0, 'USD', 'en-US')).toBe('from $30');
  });

  it('says the price is not set for 0/0, in the loaded language', () => {
    expect(formatPrice(0, 0, 'USD', 'en-US')).toBe('Price not specified');
    setLocale('lv-LV', { service: { price_not_available: 'Cena nav norādīta' } });
    expect(formatPrice(0, 0, 'EUR')).toBe('Cena nav norādīta');
  });

  it('keeps an unknown currency as written', () => {
    expect(currencyCode('$')).toBe('USD');
    expect(currencyCode('eur')).toBe('EUR');
    expect(currencyCode('₿x')).toBeUndefined();
    expect(plain(formatPrice(1200, 1200, 'coins', 'en-US'))).toBe('1,200 coins');
    expect(formatPrice(10, 10, '', 'en-US')).toBe('10');
  });
});

describe('durations', () => {
  it('writes hours and minutes in three languages', () => {
    expect(formatDuration(5400, 'en-US')).toBe('1 hr 30 min');
    expect(formatDuration(1800, 'en-US')).toBe('30 min');
    expect(formatDuration(7200, 'en-US')).toBe('2 hr');
    expect(plain(formatDuration(5400, 'lv-LV'))).toBe('1 st. 30 min');
    expect(plain(formatDuration(5400, 'ru-RU'))).toBe('1 ч 30 мин');
    expect(plain(formatDuration(3600 + 15 * 60, 'de-DE'))).toBe('1 Std. 15 Min.');
  });

  it('rounds to whole minutes', () => {
    expect(formatDuration(89, 'en-US')).toBe('1 min');
    expect(formatDuration(0, 'en-US')).toBe('0 min');
  });
});

describe('ratings', () => {
  it('shows one decimal in the language', () => {
    expect(formatRating(4.75, 'en-US')).toBe('4.8');
    expect(formatRating(5, 'lv-LV')).toBe('5,0');
  });
});
