// Every literal key a view passes to t() must have English text, so no screen can ship a key
// that shows up as "header.something" for visitors whose language lacks it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';
import { addEnglish, type Dictionary } from '../src/i18n';
import { en as firstChunk } from '../src/i18n/en';
import { enLater } from '../src/i18n/en-later';
import { enChain } from '../src/i18n/en-chain';
import { firstDownloadFiles } from './helpers/first-download';

// What t() knows once the later views' chunk has added its English (src/i18n/en-later.ts).
const en: Dictionary = structuredClone(firstChunk);
addEnglish(enLater, en);
addEnglish(enChain, en); // the large chain's views (src/steps/chain-views.tsx)

const SRC = join(__dirname, '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.d\.ts$/.test(name) ? [path] : [];
  });
}

function leaf(dict: Dictionary, key: string): unknown {
  return key.split('.').reduce<unknown>(
    (node, part) => (node && typeof node === 'object' ? (node as Dictionary)[part] : undefined),
    dict,
  );
}

it('has English for every key used with t() or tPlural() in src/', () => {
  const missing: string[] = [];
  let seen = 0;
  for (const file of sourceFiles(SRC)) {
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/\b(t|tPlural)\(\s*(['"])([^'"\n]+)\2/g)) {
      const [, fn, , key = ''] = m;
      seen++;
      const keys = fn === 'tPlural' ? ['nominative', 'genitive', 'plural-genitive'].map((f) => `${key}.${f}`) : [key];
      for (const k of keys) {
        if (typeof leaf(en, k) !== 'string') missing.push(`${relative(SRC, file)}: ${k}`);
      }
    }
  }
  expect(seen).toBeGreaterThan(0);
  expect(missing).toEqual([]);
});

it('has English for every message key the flow hands to the views', () => {
  // booking.ts and contact.ts return keys as data (errors), which the view passes to t().
  const missing: string[] = [];
  for (const file of sourceFiles(join(SRC, 'flow'))) {
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/'((?:widget|confirm|record|login|master|service|time)\.[\w.-]+)'/g)) {
      if (typeof leaf(en, m[1] ?? '') !== 'string') missing.push(`${relative(SRC, file)}: ${m[1]}`);
    }
  }
  expect(missing).toEqual([]);
});

it('keeps the later chunk’s English apart from the first chunk’s (no key in both)', () => {
  const leaves = (d: Dictionary, prefix = ''): string[] =>
    Object.entries(d).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : leaves(v, `${prefix}${k}.`)));
  const first = new Set(leaves(firstChunk));
  expect(leaves(enLater).filter((k) => first.has(k))).toEqual([]);
});

it('has the first screen\'s English in the first download, not in the later steps\' chunk', () => {
  // A key named by code of the first download (a retry box, the header's titles) must not wait for
  // the later chunk: if that chunk failed to load, the visitor would read "widget.retry".
  const missing: string[] = [];
  let seen = 0;
  for (const file of firstDownloadFiles()) {
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/['"]([\w-]+(?:\.[\w-]+)+)['"]/g)) {
      const key = m[1] ?? '';
      const text = leaf(en, key);
      if (text === undefined) continue; // not a locale key (a file name, a CSS class…)
      seen++;
      const plural = typeof text === 'object' ? ['nominative', 'genitive', 'plural-genitive'].map((f) => `${key}.${f}`) : [key];
      for (const k of plural) if (typeof leaf(firstChunk, k) !== 'string') missing.push(`${relative(SRC, file)}: ${k}`);
    }
  }
  expect(seen).toBeGreaterThan(20);
  expect(missing).toEqual([]);
});
