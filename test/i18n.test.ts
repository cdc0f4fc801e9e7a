import { afterEach, describe, expect, it } from 'vitest';
import { addEnglish, en, has, interpolate, isRtl, lang, plural, resource, setLocale, t, tPlural } from '../src/i18n';
import type { Dictionary } from '../src/i18n';
import { enLater } from '../src/i18n/en-later';

afterEach(() => setLocale('en-US', null));

const lv: Dictionary = {
  header: { select_service: 'Pakalpojumu izvēle' },
  time: { the_part_of_day: { morning: 'Rīts' } },
  confirm: { orderErrors: { code_433: 'laiks ir aizņemts', bigLetter: { code_433: 'Laiks ir aizņemts' } } },
  master: { reviews: { nominative: 'atsauksme', genitive: 'atsauksmes', 'plural-genitive': 'atsauksmju' } },
  'user-data-form': { 'phone-code': 'Kods' },
  geo: { question: 'Vai jūsu pilsēta ir <%- city_name %>?' },
};

describe('looking up text', () => {
  it('prefers the loaded resource, then English, then the key', () => {
    setLocale('lv-LV', lv);
    expect(t('header.select_service')).toBe('Pakalpojumu izvēle');
    expect(t('header.choose_time')).toBe('Pick a time');
    expect(t('header.no_such_key')).toBe('header.no_such_key');
    expect(has('header.choose_time')).toBe(true);
    expect(has('header.no_such_key')).toBe(false);
  });

  it('reads nested keys with dashes and digits', () => {
    addEnglish(enLater); // as the later steps' chunk does when it loads
    setLocale('lv-LV', lv);
    expect(t('time.the_part_of_day.morning')).toBe('Rīts');
    expect(t('time.the_part_of_day.evening')).toBe('Evening');
    expect(t('confirm.orderErrors.code_433')).toBe('laiks ir aizņemts');
    expect(t('confirm.orderErrors.bigLetter.code_433')).toBe('Laiks ir aizņemts');
    expect(t('master.reviews.plural-genitive')).toBe('atsauksmju');
    expect(t('user-data-form.phone-code')).toBe('Kods');
  });

  it('treats a branch of the dictionary as missing text', () => {
    expect(t('time.the_part_of_day')).toBe('time.the_part_of_day');
  });

  it('resolves keys that themselves contain dots', () => {
    setLocale('xx', { 'odd.key': { inner: 'found' }, flat: { 'a.b': 'flat found' } });
    expect(t('odd.key.inner')).toBe('found');
    expect(t('flat.a.b')).toBe('flat found');
  });

  it('falls back to English when no resource is loaded', () => {
    expect(resource.value).toBeNull();
    expect(lang.value).toBe('en-US');
    expect(t('button.continue')).toBe(en.button.continue);
  });
});

describe('placeholders', () => {
  it('fills {name} and the resource <%- name %> form', () => {
    expect(t('widget.step_progress', { n: 2, total: 5 })).toBe('Step 2 of 5');
    setLocale('lv-LV', lv);
    expect(t('geo.question', { city_name: 'Rīga' })).toBe('Vai jūsu pilsēta ir Rīga?');
    expect(interpolate('<%= a %> and {b}', { a: 1, b: 'two' })).toBe('1 and two');
  });

  it('leaves unknown placeholders visible', () => {
    expect(interpolate('Hi {name}', {})).toBe('Hi {name}');
  });
});

describe('plurals', () => {
  const forms = { one: '{count} review', other: '{count} reviews' };

  it('follows English rules', () => {
    expect(plural(1, forms, 'en-US')).toBe('1 review');
    expect(plural(2, forms, 'en-US')).toBe('2 reviews');
    expect(plural(0, forms, 'en-US')).toBe('0 reviews');
  });

  it('follows Latvian rules (21 is singular, 11 is not)', () => {
    const lvForms = { zero: '{count} atsauksmju', one: '{count} atsauksme', other: '{count} atsauksmes' };
    expect(plural(21, lvForms, 'lv-LV')).toBe('21 atsauksme');
    expect(plural(11, lvForms, 'lv-LV')).toBe('11 atsauksmju');
    expect(plural(3, lvForms, 'lv-LV')).toBe('3 atsauksmes');
  });

  it('maps Russian-like rules onto the resource forms', () => {
    setLocale('ru-RU', {
      master: { reviews: { nominative: '{count} отзыв', genitive: '{count} отзыва', 'plural-genitive': '{count} отзывов' } },
    });
    expect(tPlural('master.reviews', 1)).toBe('1 отзыв');
    expect(tPlural('master.reviews', 3)).toBe('3 отзыва');
    expect(tPlural('master.reviews', 5)).toBe('5 отзывов');
    expect(tPlural('master.reviews', 11)).toBe('11 отзывов');
    expect(tPlural('master.reviews', 22)).toBe('22 отзыва');
  });

  it('uses nominative and plural-genitive in English', () => {
    expect(tPlural('master.reviews', 1)).toBe('review');
    expect(tPlural('master.reviews', 7)).toBe('reviews');
  });
});

describe('writing direction', () => {
  it('knows right-to-left languages', () => {
    expect(isRtl('ar-AR')).toBe(true);
    expect(isRtl('he-IL')).toBe(true);
    expect(isRtl('fa')).toBe(true);
    expect(isRtl('lv-LV')).toBe(false);
    expect(isRtl('???')).toBe(false);
  });
});
