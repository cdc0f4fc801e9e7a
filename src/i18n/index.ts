// All UI text goes through `t`. The language's resource comes from the API (a nested dictionary),
// laid over the language's bundled widget texts (load.ts, languages.ts); anything it lacks falls
// back to the bundled English, and a key nobody knows is shown as itself so a missing translation
// is visible rather than blank.
import { batch, signal } from '@preact/signals';
import { toIntlLocale } from '../dates/locale';
import { en } from './en';
import type { Dictionary } from './types';

export type { Dictionary };
export { en, toIntlLocale };

export type Vars = Record<string, string | number>;
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** The booking form's language code, e.g. 'en-US', 'lv-LV', 'uk-UK'. */
export const lang = signal<string>('en-US', { name: 'i18n.lang' });
/** The loaded resource for `lang`, or null before it arrives. */
export const resource = signal<Dictionary | null>(null, { name: 'i18n.resource' });

export function setLocale(code: string, dictionary: Dictionary | null): void {
  batch(() => {
    lang.value = code;
    resource.value = dictionary;
  });
}

/**
 * A value at a dotted path. Segments are tried greedily longest-first so keys that themselves
 * contain dots still resolve; dashes and digits need nothing special.
 */
export function lookup(dict: Dictionary | null | undefined, parts: string[]): string | undefined {
  if (!dict) return undefined;
  for (let end = parts.length; end > 0; end--) {
    const value = dict[parts.slice(0, end).join('.')];
    if (value === undefined) continue;
    if (end === parts.length) {
      if (typeof value === 'string') return value;
      if (typeof value === 'number') return String(value);
      continue;
    }
    if (typeof value === 'object' && value !== null) {
      const found = lookup(value, parts.slice(end));
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** Fills `{name}` and the resource's `<%- name %>` / `<%= name %>` placeholders. */
export function interpolate(text: string, vars?: Vars): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}|<%[-=]\s*(\w+)\s*%>/g, (whole, a?: string, b?: string) => {
    const value = vars[(a ?? b) as string];
    return value === undefined ? whole : String(value);
  });
}

// English brought by lazily loaded chunks for the views only they show; kept apart from `en` so the
// first download's own dictionary stays exactly what it ships.
const laterEnglish: Dictionary = {};

/** More English fallback, brought by a lazily loaded chunk for the views only it shows. */
export function addEnglish(more: Dictionary, into: Dictionary = laterEnglish): void {
  for (const [key, value] of Object.entries(more)) {
    const there = into[key];
    if (typeof value === 'string' || typeof there !== 'object') into[key] = value;
    else addEnglish(value, there);
  }
}

function english(parts: string[]): string | undefined {
  return lookup(en, parts) ?? lookup(laterEnglish, parts);
}

/** The key's English whatever the visitor reads (for hosts' logs), or the key itself. */
export function tEnglish(key: string): string {
  return english(key.split('.')) ?? key;
}

/** Whether the key has text in the loaded resource or the English fallback. */
export function has(key: string): boolean {
  const parts = key.split('.');
  return english(parts) !== undefined || lookup(resource.value, parts) !== undefined;
}

/** The text for a dotted key: loaded resource, then English, then the key itself. */
export function t(key: string, vars?: Vars): string {
  const parts = key.split('.');
  // Reading both signals subscribes the calling component to language changes.
  void lang.value;
  const text = lookup(resource.value, parts) ?? english(parts) ?? key;
  return interpolate(text, vars);
}

function pluralRules(code: string): Intl.PluralRules {
  return new Intl.PluralRules(toIntlLocale(code));
}

/** Picks the form for `count` by the current language's rules; `{count}` is filled in. */
export function plural(count: number, forms: PluralForms, code: string = lang.value): string {
  const rule = pluralRules(code).select(count);
  const text = forms[rule] ?? forms.other;
  const formatted = new Intl.NumberFormat(toIntlLocale(code)).format(count);
  return interpolate(text, { count: formatted });
}

/**
 * Plurals stored the resource's way: `nominative` (1 review), `genitive` (2 reviews in
 * Slavic languages) and `plural-genitive` (5 reviews), e.g. `tPlural('master.reviews', n)`;
 * or by `Intl.PluralRules` category, as the bundled widget texts store them.
 */
export function tPlural(baseKey: string, count: number, vars?: Vars): string {
  const code = lang.value;
  // The bundled languages (src/i18n/widget/) name their forms by category: one, few, many, other…
  const own = lookup(resource.value, [...baseKey.split('.'), pluralRules(code).select(count)]);
  if (own) return plural(count, { other: own }, code);
  const form = (name: string) => t(`${baseKey}.${name}`, { count, ...vars });
  // Where 11 is `many` (Russian, Ukrainian, Polish; Arabic, whose `many` is 11–99), `other` is left
  // for fractions, which take the genitive singular (Arabic: 2, 100… take the plural); in Czech,
  // Slovak and Lithuanian `many` is the fractions' form and `other` the plural's ("5 recenzí",
  // "10 atsiliepimų"); in French, Spanish… `many` is for millions.
  const rules = pluralRules(code);
  const fractionsAreMany = rules.select(1.5) === 'many';
  return plural(
    count,
    {
      one: form('nominative'),
      few: form('genitive'),
      many: form(fractionsAreMany ? 'genitive' : 'plural-genitive'),
      zero: form('plural-genitive'),
      other: form(rules.select(11) === 'many' ? 'genitive' : 'plural-genitive'),
    },
    code,
  );
}

const RTL = new Set(['ar', 'he', 'fa', 'ur']);

export function isRtl(code: string = lang.value): boolean {
  return RTL.has(toIntlLocale(code).split('-')[0]?.toLowerCase() ?? '');
}

/** `dir` attribute value for the language. */
export function dirOf(code: string = lang.value): 'rtl' | 'ltr' {
  return isRtl(code) ? 'rtl' : 'ltr';
}
