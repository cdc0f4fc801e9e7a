// The pseudo language `en-XA`: the en-US resource and the widget's own English, every string
// turned into accented look-alike letters, lengthened by about a third and marked ⟦…⟧. A text
// on screen that is still plain English never went through the language layer; one cut short
// loses its closing mark. Placeholders (`{name}`, `<%- name %>`, `<%= name %>`) and HTML tags
// stay as they are, so filling in and the business's markup keep working.
import { en } from '../../i18n/en';
import { enLater } from '../../i18n/en-later';
import type { Dictionary } from '../../i18n/types';

export const PSEUDO_LANG = 'en-XA';
export const MARK_OPEN = '⟦';
export const MARK_CLOSE = '⟧';

// Every ASCII letter has a look-alike outside ASCII, so a plain letter left on screen is English.
const PLAIN = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ACCENTED = [...'åƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ'];
const LOOK_ALIKE = new Map([...PLAIN].map((c, i) => [c, ACCENTED[i]!]));
const VOWELS = new Set([...'aeiouyAEIOUY']);
/** Longer by at least this much: German, Finnish and Russian texts run 30–40 % past English. */
export const LENGTHEN = 1.3;
const FILLER = '·';

// Kept as they are: placeholders of either style, and HTML tags (and entities).
const KEPT = /(\{\w+\}|<%[-=]\s*\w+\s*%>|<\/?[a-zA-Z][^<>]*>|&#?\w+;)/;

function accent(text: string): string {
  let out = '';
  for (const c of text) {
    const look = LOOK_ALIKE.get(c);
    // Vowels are doubled: the text grows the way a longer language's would, spread through it.
    out += look === undefined ? c : VOWELS.has(c) ? look + look : look;
  }
  return out;
}

/** One text of the resource in the pseudo language: "Back" → "⟦Ɓåçķ··⟧"; "" stays empty. */
export function pseudoText(text: string): string {
  if (!text) return text;
  const parts = text.split(KEPT);
  // Odd indexes are what KEPT matched.
  let visible = 0;
  const body = parts
    .map((part, i) => {
      if (i % 2 === 1) return part;
      visible += [...part].length;
      return accent(part);
    })
    .join('');
  const grown = parts.filter((_, i) => i % 2 === 0).map(accent).join('');
  const missing = Math.max(0, Math.ceil(visible * LENGTHEN) - [...grown].length);
  return `${MARK_OPEN}${body}${FILLER.repeat(missing)}${MARK_CLOSE}`;
}

/** Every string of a dictionary in the pseudo language; keys, numbers and nesting unchanged. */
export function pseudoDictionary<T>(value: T): T {
  if (typeof value === 'string') return pseudoText(value) as T;
  if (Array.isArray(value)) return value.map(pseudoDictionary) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, pseudoDictionary(v)])) as T;
  }
  return value;
}

function merged(into: Dictionary, more: Dictionary): Dictionary {
  const out: Dictionary = { ...into };
  for (const [key, value] of Object.entries(more)) {
    const there = out[key];
    out[key] = typeof value === 'object' && typeof there === 'object' ? merged(there, value) : value;
  }
  return out;
}

const built = new WeakMap<object, Dictionary>();

/**
 * The en-US resource and the widget's own English (`widget.*`, which Altegio's resources lack and
 * which the resource would win over), in the pseudo language. Only `widget.*` comes from the
 * widget: any other key the resource lacks falls back to plain English, as in a real language.
 * (The resource is passed in: e2e specs import this module, and their loader takes no JSON.)
 */
export function pseudoResource(english: object): Dictionary {
  let resource = built.get(english);
  if (!resource) {
    resource = pseudoDictionary({ ...(english as Dictionary), widget: merged(en.widget as Dictionary, enLater.widget as Dictionary) });
    built.set(english, resource);
  }
  return resource;
}
