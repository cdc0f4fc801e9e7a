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
    expect(widgetLanguage('uk-UK')).toBe('uk');
    expect(widgetLanguage('cn-CN')).toBe('zh');
    expect(widgetLanguage('Lt-sr-SP')).toBe('sr');
    expect(widgetLanguage('ka-KA')).toBe('ka');
    expect(widgetLanguage('kk-KK')).toBe('kk');
    expect(widgetLanguage('cs-CS')).toBe('cs');
    expect(widgetLanguage('sl-SL')).toBe('sl');
    expect(widgetLanguage('ar-AR')).toBe('ar');
    expect(widgetLanguage('he-HE')).toBe('he');
  });

  it('maps regions, scripts, underscores and case to the language', () => {
    expect(widgetLanguage('pt-BR')).toBe('pt');
    expect(widgetLanguage('sr-Latn-RS')).toBe('sr');
    expect(widgetLanguage('sr-Cyrl-RS')).toBe('sr');
    expect(widgetLanguage('zh-TW')).toBe('zh');
    expect(widgetLanguage('de_AT')).toBe('de');
    expect(widgetLanguage('LV-lv')).toBe('lv');
    expect(widgetLanguage(' ru-RU ')).toBe('ru');
  });

  it('reads a close language in the same script, else English', () => {
    expect(widgetLanguage('iw-IL')).toBe('he');
    expect(widgetLanguage('bs-BA')).toBe('hr');
    expect(widgetLanguage('sh')).toBe('sr');
    expect(widgetLanguage('mo')).toBe('ro');
    // Not Russian for Belarusian or Kyrgyz: which second language a visitor reads is not ours to guess.
    expect(widgetLanguage('be-BY')).toBe('en');
    expect(widgetLanguage('ky-KG')).toBe('en');
    expect(widgetLanguage('en-GB')).toBe('en');
    expect(widgetLanguage('')).toBe('en');
    expect(widgetLanguage('not a code!')).toBe('en');
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
