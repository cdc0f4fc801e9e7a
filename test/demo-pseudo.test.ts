// The demo's pseudo language en-XA: every text of the resource marked, accented and longer, its
// placeholders and tags untouched; served at /i18n/en-XA with the widget's own texts; and the
// widget's language layer reads it like any language, plural forms included.
import { afterEach, describe, expect, it } from 'vitest';
import { en } from '../src/i18n/en';
import { enLater } from '../src/i18n/en-later';
import { interpolate, lookup, setLocale, t, tPlural, type Dictionary } from '../src/i18n';
import { createDemoApp } from '../src/server/demo/app';
import enUS from '../src/server/demo/locales/en-US.json';
import { LENGTHEN, pseudoDictionary, pseudoResource, pseudoText } from '../src/server/demo/pseudo';
import { FORMS } from '../src/server/demo/seed';

const MARKED = /^⟦[^⟦⟧]*⟧$/u;

function leaves(dict: unknown, prefix = ''): [string, string][] {
  if (typeof dict === 'string') return [[prefix, dict]];
  return Object.entries(dict as Dictionary).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

/** Placeholders and tags, in order: what the transform must keep as it is. */
const kept = (text: string) => text.match(/\{\w+\}|<%[-=]\s*\w+\s*%>|<\/?[a-zA-Z][^<>]*>/g) ?? [];

describe('pseudoText', () => {
  it('marks the text and leaves no ASCII letter in it', () => {
    const out = pseudoText('Choose a team member');
    expect(out).toMatch(MARKED);
    expect(out).not.toMatch(/[A-Za-z]/);
    expect(out.normalize('NFD').replace(/\p{M}/gu, '')).toContain('Choooosee aa teeaa');
  });

  it('lengthens by at least 30 %, short texts too', () => {
    for (const text of ['Back', 'h.', 'Step {n} of {total}', 'We could not reach the booking service.']) {
      const visible = [...text.replace(/\{\w+\}/g, '')].length;
      const inside = [...pseudoText(text).slice(1, -1).replace(/\{\w+\}/g, '')].length;
      expect(inside, text).toBeGreaterThanOrEqual(Math.ceil(visible * LENGTHEN));
    }
  });

  it('keeps placeholders of both styles and HTML tags, so filling in still works', () => {
    const text = 'Hello {name}, see <%- city_name %> and <%= x %>.<br> <a href="/p">Policy</a>';
    const out = pseudoText(text);
    expect(kept(out)).toEqual(kept(text));
    expect(out).toContain('<a href="/p">');
    expect(interpolate(out, { name: 'Ann', city_name: 'Riga', x: 7 })).toMatch(/^⟦.*Ann.*Riga.*7.*⟧$/u);
  });

  it('leaves an empty text empty and everything but letters as it is', () => {
    expect(pseudoText('')).toBe('');
    expect(pseudoText('12:30 – 4.5 %')).toBe('⟦12:30 – 4.5 %····⟧');
  });

  it('keeps keys, nesting and numbers', () => {
    expect(pseudoDictionary({ a: { b: 'x', n: 2 }, list: ['y'] })).toEqual({ a: { b: pseudoText('x'), n: 2 }, list: [pseudoText('y')] });
  });
});

describe('the pseudo resource', () => {
  const resource = pseudoResource(enUS);
  const all = leaves(resource);

  it('has every key of the en-US resource and every widget text, each one marked', () => {
    const english = [...leaves(enUS), ...leaves({ widget: en.widget }), ...leaves({ widget: enLater.widget })];
    for (const [key, text] of english) {
      const pseudo = lookup(resource, key.split('.'));
      expect(pseudo, key).toBe(pseudoText(text));
      expect(kept(pseudo!), key).toEqual(kept(text));
    }
    for (const [key, text] of all) if (text) expect(text, key).toMatch(/^⟦[\s\S]*⟧$/u);
    // Nothing else: only `widget.*` is the widget's; any other key it lacks stays English on purpose.
    expect(all).toHaveLength(new Set(english.map(([key]) => key)).size);
  });

  it('is what GET /i18n/en-XA serves', async () => {
    const { app } = createDemoApp();
    const res = await app.request('/api/v1/i18n/en-XA');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: Dictionary };
    expect(body.data).toEqual(resource);
  });

  it('is in no booking form’s language menu', async () => {
    const { app } = createDemoApp();
    for (const { id } of FORMS) {
      const form = (await (await app.request(`/api/v1/bookform/${id}`)).json()) as { data: { langs: { code: string }[] } };
      expect(form.data.langs.map((l) => l.code)).not.toContain('en-XA');
    }
  });
});

describe('the widget reading it', () => {
  afterEach(() => setLocale('en-US', null));

  it('shows marked texts, filled in', () => {
    setLocale('en-XA', pseudoResource(enUS));
    expect(t('widget.step_progress', { n: 2, total: 6 })).toMatch(/^⟦\S+ 2 \S+ 6·*⟧$/u);
    expect(t('header.select_service')).toBe(pseudoText('Service selection'));
  });

  it('picks plural forms, whether stored the resource’s way or by category', () => {
    setLocale('en-XA', pseudoResource(enUS));
    expect(tPlural('master.reviews', 1)).toBe(pseudoText('review'));
    expect(tPlural('master.reviews', 5)).toBe(pseudoText('reviews'));
    expect(tPlural('widget.services_selected', 3)).toBe(interpolate(pseudoText('{count} selected'), { count: 3 }));
    setLocale('en-XA', pseudoDictionary({ widget: { left: { one: '{count} second', other: '{count} seconds' } } }));
    expect(tPlural('widget.left', 1)).toBe(interpolate(pseudoText('{count} second'), { count: 1 }));
    expect(tPlural('widget.left', 30)).toBe(interpolate(pseudoText('{count} seconds'), { count: 30 }));
  });
});
