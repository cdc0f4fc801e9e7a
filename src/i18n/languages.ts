// The widget's own texts in the form's language: which bundled file (src/i18n/widget/<lang>.ts)
// a form's code reads, loading it, and laying the locale resource over it. This module is a small
// lazy chunk of its own, imported (by `withWidgetTexts` in load.ts) only for languages other than
// English, so the map of language chunks costs English visitors nothing; each language is then
// one more small chunk.
// From the first chunk, as the later views' chunks do: a lazy chunk importing nothing from it made
// the bundler (rolldown 1.2) split modules out of the first chunk into chunks of their own.
import { lookup } from './index';
import type { Dictionary } from './types';

const chunks = import.meta.glob<Dictionary>('./widget/*.ts', { import: 'default' });

// The forms' odd codes (`cn-CN` is Chinese, `Lt-sr-SP` Serbian in Latin script; the rest, such as
// `uk-UK` or `ka-KA`, start with their language). A language with no file of its own reads a
// mutually intelligible one in the same script; any other falls back to English (not, say, Russian
// for Belarusian or Kyrgyz: which second language a visitor prefers is not ours to guess, and a
// business that wants one lists it in its form). No Intl here: the answer must not depend on
// which languages the browser's Intl knows.
const CLOSE: Record<string, string> = { cn: 'zh', iw: 'he', bs: 'hr', sh: 'sr', cnr: 'sr', mo: 'ro' };

const path = (language: string) => `./widget/${language}.ts`;

/** The bundled language for a form's code ('fr', 'zh', 'sr'…), or 'en'. */
export function widgetLanguage(code: string): string {
  const tag = code.trim().replace(/_/g, '-').toLowerCase();
  const first = tag.startsWith('lt-sr') ? 'sr' : (tag.split('-')[0] ?? '');
  const language = CLOSE[first] ?? first;
  return chunks[path(language)] ? language : 'en';
}

/** The language's bundled widget texts; null for English, or when its chunk could not load. */
export function loadWidgetTexts(code: string): Promise<Dictionary | null> {
  const load = chunks[path(widgetLanguage(code))];
  return load ? load().catch(() => null) : Promise.resolve(null);
}

// Widget texts that Altegio's resource already says in its own words: where the resource has
// them, its words replace the bundled ones, so the widget speaks like the business's other Altegio
// pages. `[key]` is the resource's text. (English never gets here and keeps the widget's wording,
// which hosts' tests and screen-reader names rely on.)
export const SAME_AS: Record<string, string> = {
  directions: '[company.look_at_the_map]',
  before_visit: '{time} [confirm.untilVisit.postfix]',
  code_sent: '[login.input_code_confirm] {phone}',
  services_selected: '[service.selected_service_count] {count}',
};

const CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'];

/**
 * One dictionary for t(): the resource's keys first, then the resource's words for SAME_AS, then
 * the bundled texts. A count the resource has forms for (`nominative`…) keeps the resource's forms.
 */
export function layer(resource: Dictionary, texts: Dictionary | null): Dictionary {
  if (!texts) return resource;
  const widget: Dictionary = { ...(texts.widget as Dictionary) };
  for (const [key, template] of Object.entries(SAME_AS)) {
    let complete = true;
    const text = template.replace(/\[([\w.-]+)\]/g, (_, k: string) => lookup(resource, k.split('.')) ?? ((complete = false), ''));
    // A count in the resource's words ("Selected services: 2") reads the same for every number.
    if (complete) widget[key] = key === 'services_selected' ? Object.fromEntries(CATEGORIES.map((c) => [c, text])) : text;
  }
  return { ...resource, widget: { ...widget, ...(resource.widget as Dictionary | undefined) } };
}

/** The resource laid over the language's texts; the texts load while the resource is requested. */
export async function layered(code: string, resource: Promise<Record<string, unknown>>): Promise<Dictionary> {
  const [dict, texts] = await Promise.all([resource as Promise<Dictionary>, loadWidgetTexts(code)]);
  return layer(dict, texts);
}
