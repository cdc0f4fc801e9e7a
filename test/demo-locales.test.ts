// The demo's French, Arabic and Chinese resources: shaped as Altegio serves them (no widget.*
// texts: those are bundled), every key the widget reads translated, the language's punctuation,
// the reviews' count forms in the resource's own shape, and offered by the forms with the API's ids.
import { afterEach, describe, expect, it } from 'vitest';
import { addEnglish, setLocale, tPlural, type Dictionary } from '../src/i18n';
import { en } from '../src/i18n/en';
import { enLater } from '../src/i18n/en-later';
import { DEMO } from '../src/server/demo/seed';
import { demoAt, type Json } from './helpers/demo';

const { call } = demoAt(new Date('2026-03-05T14:00:00Z'));

function leaves(dict: Dictionary, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(dict)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else leaves(value, `${prefix}${key}.`, out);
  }
  return out;
}

// What the widget reads from a resource: the English it falls back to, widget.* aside.
const everything: Dictionary = structuredClone(en);
addEnglish(enLater, everything);
const english = [...leaves(everything)].filter(([key]) => !key.startsWith('widget.'));

async function served(code: string): Promise<Dictionary> {
  const { status, body } = await call('GET', `/api/v1/i18n/${code}`);
  expect(status, code).toBe(200);
  return body.data as Dictionary;
}

const LANGUAGES = [
  // French: a no-break space before : ; ? ! (a narrow one before ? and !), as French typesetting has it.
  { code: 'fr-FR', id: 8, title: 'Français', script: /\p{Script=Latin}/u, wrong: /(?<![\u00a0\u202f]):|(?<![\u202f])[?!;]| [:?!;]/ },
  // Arabic: its own comma and question mark, never the Latin ones.
  { code: 'ar-AR', id: 20, title: 'العَرَبِيَّة', script: /\p{Script=Arabic}/u, wrong: /[,?;]/ },
  // Chinese: full-width punctuation.
  { code: 'cn-CN', id: 19, title: '中文', script: /\p{Script=Han}/u, wrong: /[,:;?!]/ },
];

afterEach(() => setLocale('en-US', null));

describe.each(LANGUAGES)('$code', ({ code, id, title, script, wrong }) => {
  it('has every key the widget reads, translated, and no widget.* texts', async () => {
    const resource = await served(code);
    const texts = leaves(resource);
    expect(english.length).toBeGreaterThan(60);
    expect(english.filter(([key]) => !texts.get(key)?.trim()).map(([key]) => key)).toEqual([]);
    // Written in the language's script; French may share a word with English ("Confirmation").
    const untranslated = english.filter(([key, text]) => !script.test(texts.get(key) ?? '') || (code !== 'fr-FR' && texts.get(key) === text));
    expect(untranslated.map(([key]) => key)).toEqual([]);
    const sameAsEnglish = english.filter(([key, text]) => texts.get(key) === text).map(([key]) => key);
    expect(sameAsEnglish.length, sameAsEnglish.join(', ')).toBeLessThanOrEqual(2);
    expect(resource.widget).toBeUndefined();
  });

  it("uses the language's punctuation", async () => {
    const texts = [...leaves(await served(code))];
    expect(texts.filter(([, text]) => wrong.test(text))).toEqual([]);
  });

  it("counts reviews in the resource's own three forms", async () => {
    const resource = await served(code);
    const reviews = (resource.master as Dictionary).reviews as Dictionary;
    expect(Object.keys(reviews).sort()).toEqual(['genitive', 'nominative', 'plural-genitive']);
    setLocale(code, resource);
    const counts = [0, 1, 2, 3, 11, 100].map((n) => tPlural('master.reviews', n));
    if (code === 'fr-FR') expect(counts).toEqual(Array(6).fill('avis'));
    // 1 تقييم, 3–10 تقييمات, 11–99 تقييمًا (accusative singular); 2 and 100 read the plural.
    if (code === 'ar-AR') expect(counts).toEqual(['تقييمًا', 'تقييم', 'تقييمات', 'تقييمات', 'تقييمًا', 'تقييمات']);
    if (code === 'cn-CN') expect(counts).toEqual(Array(6).fill('条评价'));
  });

  it('is offered by the demo forms, with the id and title the API gives it', async () => {
    const form = (await call('GET', `/api/v1/bookform/${DEMO.forms.newYork}`)).body.data as Json;
    expect(form.langs).toContainEqual({ id, code, title });
  });
});
