// Which bundled language a booking form's code reads, and the order t() looks in: the form's
// locale resource, then the language's bundled widget texts, then English.
import { afterEach, describe, expect, it } from 'vitest';
import { addEnglish, setLocale, t, tPlural, type Dictionary } from '../src/i18n';
import { enLater } from '../src/i18n/en-later';
import { layer, loadWidgetTexts, widgetLanguage } from '../src/i18n/languages';
import { withWidgetTexts } from '../src/i18n/load';
import lvLV from '../src/server/demo/locales/lv-LV.json';
import fr from '../src/i18n/widget/fr';
import lv from '../src/i18n/widget/lv';

afterEach(() => setLocale('en-US', null));

describe('language codes', () => {
  it('maps the forms’ odd codes to the right language', () => {
    const cases: [string, string][] = [
      ['uk-UK', 'uk'],
      ['cn-CN', 'zh'],
      ['Lt-sr-SP', 'sr'],
      ['ka-KA', 'ka'],
      ['kk-KK', 'kk'],
      ['cs-CS', 'cs'],
      ['sl-SL', 'sl'],
      ['ar-AR', 'ar'],
      ['he-HE', 'he'],
    ];
    for (const [code, expected] of cases) expect(widgetLanguage(code), code).toBe(expected);
  });

  it('maps regions, scripts, underscores and case to the language', () => {
    const cases: [string, string][] = [
      ['pt-BR', 'pt'],
      ['sr-Latn-RS', 'sr'],
      ['sr-Cyrl-RS', 'sr'],
      ['zh-TW', 'zh'],
      ['de_AT', 'de'],
      ['LV-lv', 'lv'],
      [' ru-RU ', 'ru'],
    ];
    for (const [code, expected] of cases) expect(widgetLanguage(code), code).toBe(expected);
  });

  it('reads a close language in the same script, else English', () => {
    const cases: [string, string][] = [
      ['iw-IL', 'he'],
      ['bs-BA', 'hr'],
      ['sh', 'sr'],
      ['mo', 'ro'],
      // Not Russian for Belarusian or Kyrgyz: which second language a visitor reads is not ours to guess.
      ['be-BY', 'en'],
      ['ky-KG', 'en'],
      ['en-GB', 'en'],
      ['', 'en'],
      ['not a code!', 'en'],
    ];
    for (const [code, expected] of cases) expect(widgetLanguage(code), code).toBe(expected);
  });
});

describe('loading a language’s texts', () => {
  it('loads nothing for English: the resource is used as it came', async () => {
    expect(await loadWidgetTexts('en-US')).toBeNull();
    const resource = { header: {} };
    expect(await withWidgetTexts('en-GB', Promise.resolve(resource))).toBe(resource);
  });

  it('loads the language’s own chunk with the resource', async () => {
    const loaded = (await withWidgetTexts('fr-FR', Promise.resolve({ header: { confirmation: 'Confirmation' } }))) as Dictionary;
    expect(loaded.header).toEqual({ confirmation: 'Confirmation' });
    expect((loaded.widget as Dictionary).close).toBe('Fermer');
  });

  it('fails with the resource, not because of the texts', async () => {
    await expect(withWidgetTexts('fr-FR', Promise.reject(new Error('no resource')))).rejects.toThrow('no resource');
  });
});

describe('lookup order', () => {
  it('prefers the resource, then the bundled texts, then English', () => {
    setLocale('fr-FR', layer({ widget: { close: 'Fermer (salon)' } }, fr));
    expect(t('widget.close')).toBe('Fermer (salon)');
    expect(t('widget.retry')).toBe('Réessayer');
    expect(t('widget.no_such_text')).toBe('widget.no_such_text');
    expect(t('button.continue')).toBe('Continue');
  });

  it('uses the resource’s own words for a widget text it has', () => {
    const resource = {
      company: { look_at_the_map: 'Voir sur la carte' },
      confirm: { untilVisit: { postfix: 'avant la visite' } },
      login: { input_code_confirm: 'Saisissez le code reçu par SMS au numéro' },
      service: { selected_service_count: 'Prestations choisies :' },
    };
    setLocale('fr-FR', layer(resource, fr));
    expect(t('widget.directions')).toBe('Voir sur la carte');
    expect(t('widget.before_visit', { time: '2 h' })).toBe('2 h avant la visite');
    expect(t('widget.code_sent', { phone: '+33 6 12 34 56 78' })).toBe('Saisissez le code reçu par SMS au numéro +33 6 12 34 56 78');
    expect([1, 2].map((n) => tPlural('widget.services_selected', n))).toEqual(['Prestations choisies : 1', 'Prestations choisies : 2']);
    expect(t('widget.take_time')).toBe('Choisir ce créneau');
  });

  it('keeps a count’s forms the resource has for it', () => {
    setLocale('lv-LV', layer(lvLV as Dictionary, lv));
    expect([1, 2].map((n) => tPlural('widget.services_selected', n))).toEqual(['Izvēlēts 1', 'Izvēlēti 2']);
  });

  it('keeps the widget’s English wording for English, whatever the resource says', async () => {
    addEnglish(enLater); // as the later steps' chunk does when it loads
    const resource = { company: { look_at_the_map: 'View on the map' }, service: { selected_service_count: 'Selected services:' } };
    setLocale('en-US', (await withWidgetTexts('en-US', Promise.resolve(resource))) as Dictionary);
    expect(t('widget.directions')).toBe('Directions');
    expect(tPlural('widget.services_selected', 2)).toBe('2 selected');
  });
});
