// What each bundled language (src/i18n/widget/<lang>.ts) lacks or has too many of, against the
// English the widget ships: used by `npm run i18n:check` (check-cli.ts) and by
// test/i18n-bundled.test.ts, which fails while any language misses a key English has.
import altegio from '../server/demo/locales/en-US.json';
import { addEnglish } from './index';
import { en } from './en';
import { enLater } from './en-later';
import { enChain } from './en-chain';
import type { Dictionary } from './types';

const files = import.meta.glob<Dictionary>('./widget/*.ts', { eager: true, import: 'default' });
/** Each bundled language's texts by its code ('fr', 'zh'…). */
export const bundledTexts: Record<string, Dictionary> = Object.fromEntries(
  Object.entries(files).map(([path, texts]) => [path.slice('./widget/'.length, -'.ts'.length), texts]),
);

// English plurals use the resource's form names; the bundled languages name theirs by category.
const RESOURCE_FORMS = ['nominative', 'genitive', 'plural-genitive'];

type Leaves = Map<string, string>;

function leaves(dict: Dictionary, prefix = '', into: Leaves = new Map()): Leaves {
  for (const [key, value] of Object.entries(dict)) {
    if (typeof value === 'string') into.set(`${prefix}${key}`, value);
    else leaves(value, `${prefix}${key}.`, into);
  }
  return into;
}

/** The English texts a language must bundle: all English that Altegio's own resource lacks. */
export function englishToTranslate(): { texts: Leaves; plurals: Set<string>; pluralNames: Map<string, string[]> } {
  const english: Dictionary = structuredClone(en);
  addEnglish(enLater, english);
  addEnglish(enChain, english);
  const resource = leaves(altegio as Dictionary);
  const texts: Leaves = new Map();
  const plurals = new Set<string>();
  /** A count's other names ("{count} of {total} left"): its forms may use them too. */
  const pluralNames = new Map<string, string[]>();
  for (const [key, value] of leaves(english)) {
    if (resource.has(key)) continue;
    const form = key.slice(key.lastIndexOf('.') + 1);
    if (RESOURCE_FORMS.includes(form)) {
      plurals.add(key.slice(0, key.lastIndexOf('.')));
      pluralNames.set(key.slice(0, key.lastIndexOf('.')), placeholders(value) as string[]);
    }
    else texts.set(key, value);
  }
  return { texts, plurals, pluralNames };
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

export interface LanguageReport {
  language: string;
  /** Keys English has (or plural categories the language needs) that the file lacks. */
  missing: string[];
  /** Keys in the file that English no longer has, or plural categories the language does not use. */
  unused: string[];
  /** Texts whose `{placeholders}` differ from the English ones. */
  placeholders: string[];
}

export function checkLanguage(language: string, texts: Dictionary): LanguageReport {
  const wanted = englishToTranslate();
  const have = leaves(texts);
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories as string[];
  const required = new Map<string, string | undefined>(wanted.texts);
  for (const base of wanted.plurals) for (const c of categories) required.set(`${base}.${c}`, undefined);
  const report: LanguageReport = { language, missing: [], unused: [], placeholders: [] };
  for (const key of required.keys()) if (!have.has(key)) report.missing.push(key);
  for (const [key, text] of have) {
    if (!required.has(key)) {
      report.unused.push(key);
      continue;
    }
    const english = required.get(key);
    const own = placeholders(text);
    // A plural form may spell the number out ("خدمتان"), so it may drop {count}, never add a name.
    const names = wanted.pluralNames.get(key.slice(0, key.lastIndexOf('.'))) ?? [];
    const ok = english === undefined ? own.every((p) => p === 'count' || names.includes(p as string)) : own.join() === placeholders(english).join();
    if (!ok) report.placeholders.push(key);
  }
  return report;
}

export function checkAll(): LanguageReport[] {
  return Object.entries(bundledTexts).map(([language, texts]) => checkLanguage(language, texts));
}
