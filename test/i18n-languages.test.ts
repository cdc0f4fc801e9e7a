// Prices, ranges, discounts, durations and plurals as a visitor reads them in English, Latvian,
// Hebrew (right to left) and Russian (three plural forms).
import { afterEach, describe, expect, it } from 'vitest';
import { isRtl, setLocale, tPlural } from '../src/i18n';
import { formatCount, formatDuration, formatPrice, priceLabel } from '../src/i18n/format';
import heIL from '../src/server/demo/locales/he-IL.json';
import lvLV from '../src/server/demo/locales/lv-LV.json';

// Intl writes no-break spaces and, in Hebrew, direction marks; compare the visible text.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ').replace(/[\u200e\u200f\u061c]/g, '');

afterEach(() => setLocale('en-US', null));

describe('prices in the location’s currency', () => {
  it('writes one amount in three languages', () => {
    expect(formatPrice(65, 65, 'USD', 'en-US')).toBe('$65');
    expect(plain(formatPrice(49.5, 49.5, '€', 'lv-LV'))).toBe('49,50 €');
    expect(plain(formatPrice(49.5, 49.5, '₪', 'he-IL'))).toBe('49.50 ₪');
  });

  it('writes a range each language’s way', () => {
    expect(formatPrice(65, 95, 'USD', 'en-US')).toBe('$65 – $95');
    expect(plain(formatPrice(65, 95, 'EUR', 'lv-LV'))).toBe('65–95 €');
    expect(plain(formatPrice(65, 95, 'ILS', 'he-IL'))).toBe('65–95 ₪');
  });

  it('says "from" in the loaded language when only a minimum is set', () => {
    setLocale('lv-LV', lvLV);
    expect(plain(formatPrice(30, 0, 'EUR'))).toBe('no 30 €');
    setLocale('he-IL', heIL);
    expect(plain(formatPrice(30, 0, 'ILS'))).toBe('החל מ־ 30 ₪');
  });
});

describe('discounts', () => {
  it('gives the price paid, the list price and the percentage off', () => {
    expect(priceLabel(45, 45, 10, 'USD', 'en-US')).toEqual({ price: '$40.50', was: '$45', off: '-10%' });
    const lv = priceLabel(180, 260, 15, 'EUR', 'lv-LV');
    expect([plain(lv.price), plain(lv.was!), plain(lv.off!)]).toEqual(['153–221 €', '180–260 €', '-15%']);
    const he = priceLabel(60, 70, 5, 'ILS', 'he-IL');
    expect([plain(he.price), plain(he.was!), plain(he.off!)]).toEqual(['57.00–66.50 ₪', '60–70 ₪', '-5%']);
  });

  it('shows no discount when there is none or no price to take it from', () => {
    expect(priceLabel(45, 45, 0, 'USD', 'en-US')).toEqual({ price: '$45' });
    expect(priceLabel(0, 0, 10, 'USD', 'en-US')).toEqual({ price: 'Price not specified' });
  });
});

describe('durations in hours and minutes', () => {
  it('writes them in the language', () => {
    expect(formatDuration(5400, 'en-US')).toBe('1 hr 30 min');
    expect(plain(formatDuration(5400, 'lv-LV'))).toBe('1 st. 30 min');
    expect(plain(formatDuration(5400, 'he-IL'))).toBe('1 שעה 30 דק׳');
    expect(plain(formatDuration(7200, 'he-IL'))).toBe('שעתיים');
    expect(plain(formatDuration(2700, 'ru-RU'))).toBe('45 мин');
  });
});

describe('plurals by the language’s rules', () => {
  const reviews = (n: number) => `${formatCount(n)} ${tPlural('master.reviews', n)}`;

  it('English: one and other', () => {
    expect([1, 2, 21].map(reviews)).toEqual(['1 review', '2 reviews', '21 reviews']);
    expect(tPlural('widget.services_selected', 3)).toBe('3 selected');
  });

  it('Latvian: one for 1 and 21, the plural for 11, zero and the rest', () => {
    setLocale('lv-LV', lvLV);
    expect([1, 21, 11, 10, 5].map(reviews)).toEqual(['1 atsauksme', '21 atsauksme', '11 atsauksmju', '10 atsauksmju', '5 atsauksmju']);
    expect([1, 2].map((n) => tPlural('widget.services_selected', n))).toEqual(['Izvēlēts 1', 'Izvēlēti 2']);
  });

  it('Hebrew: one, two and many, right to left', () => {
    setLocale('he-IL', heIL);
    expect(isRtl()).toBe(true);
    expect([1, 2, 20].map(reviews)).toEqual(['1 ביקורת', '2 ביקורות', '20 ביקורות']);
    expect([1, 4].map((n) => tPlural('widget.services_selected', n))).toEqual(['נבחר 1', 'נבחרו 4']);
  });

  it('Russian: one, few and many', () => {
    setLocale('ru-RU', { master: { reviews: { nominative: 'отзыв', genitive: 'отзыва', 'plural-genitive': 'отзывов' } } });
    expect([1, 3, 5, 1250].map(reviews).map(plain)).toEqual(['1 отзыв', '3 отзыва', '5 отзывов', '1 250 отзывов']);
  });
});
