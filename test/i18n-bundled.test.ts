// The widget's own texts in every language Altegio's booking forms offer: each language file has
// every key English has (so new English cannot ship untranslated), with the same placeholders and
// the plural forms its Intl.PluralRules asks for; the translator's checker finds what is wrong.
import { describe, expect, it } from 'vitest';
import { bundledTexts, checkAll, checkLanguage, englishToTranslate } from '../src/i18n/check';
import type { Dictionary } from '../src/i18n';

const ALTEGIO_LANGUAGES = 'lv et lt uk fr it es ka hy kk hr cs ro zh ar bg he hu sr sk mn az pl sl de ru pt tr'.split(' ');

describe('bundled languages', () => {
  it('has a file for every language Altegio’s forms offer', () => {
    expect(Object.keys(bundledTexts).sort()).toEqual([...ALTEGIO_LANGUAGES].sort());
  });

  it('translates every widget text English has that Altegio’s resource lacks, nothing more', () => {
    const { texts, plurals } = englishToTranslate();
    expect(texts.size).toBeGreaterThan(70);
    expect([...plurals].sort()).toEqual(['widget.locations_count', 'widget.seats_left', 'widget.services_selected']);
    expect(checkAll().filter((r) => r.missing.length || r.unused.length || r.placeholders.length)).toEqual([]);
  });

  it('leaves no text in English (but for words both languages share: German "(optional)", "Total", Google Calendar’s own name)', () => {
    const { texts } = englishToTranslate();
    // A text of placeholders and punctuation alone ("{label}: {value}") is written alike in many languages.
    const words = [...texts].filter(([, english]) => /\p{L}/u.test(english.replace(/\{\w+\}/g, '')));
    const copied = Object.entries(bundledTexts).flatMap(([language, dict]) =>
      words.filter(([key, english]) => (dict.widget as Dictionary)[key.slice('widget.'.length)] === english).map(([key]) => `${language}: ${key}`),
    );
    expect(copied).toEqual([
      'de: widget.optional',
      'es: widget.calendar_google',
      'es: widget.total',
      'fr: widget.total',
      'it: widget.calendar_google',
      'pt: widget.calendar_google',
      'pt: widget.total',
      'ro: widget.calendar_google',
      'ro: widget.total',
    ]);
  });
});

describe('the translator’s checker', () => {
  const complete = bundledTexts.pl as Dictionary;
  const widget = complete.widget as Dictionary;

  it('lists a missing key, a missing plural form and an unused key', () => {
    const { close: _close, ...rest } = widget;
    const forms = { ...(widget.services_selected as Dictionary) };
    delete forms.few;
    const report = checkLanguage('pl', { widget: { ...rest, services_selected: forms, old_text: 'Stary tekst' } });
    expect(report.missing).toEqual(['widget.close', 'widget.services_selected.few']);
    expect(report.unused).toEqual(['widget.old_text']);
  });

  it('lists a text whose placeholders differ from the English', () => {
    const report = checkLanguage('pl', { widget: { ...widget, step_progress: 'Krok {n} z {all}' } });
    expect(report.placeholders).toEqual(['widget.step_progress']);
  });

  it('asks each language for its own plural categories', () => {
    const forms = (language: string) =>
      Object.keys((bundledTexts[language]!.widget as Dictionary).services_selected as Dictionary).sort();
    expect(forms('ar')).toEqual(['few', 'many', 'one', 'other', 'two', 'zero']);
    expect(forms('lv')).toEqual(['one', 'other', 'zero']);
    expect(forms('sl')).toEqual(['few', 'one', 'other', 'two']);
    expect(forms('zh')).toEqual(['other']);
  });
});
