// Which built files a visitor loads at start and which only later, read from vite's manifest.
// Shared by the size budgets (.size-limit.mjs) and the bench.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  /** Files the chunk names by URL (`import x from './widget.css?url'`): the script-tag modes' stylesheet. */
  assets?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface PageFiles {
  /** JS loaded before the page can run: the entry and everything it imports statically. */
  initialJs: string[];
  /** Stylesheets those chunks import, or link by URL (the script-tag modes' widget.css). */
  initialCss: string[];
  /** Chunks loaded on demand, each with the CSS it brings. */
  lazy: { js: string; css: string[] }[];
}

export function readManifest(distDir: string): Manifest {
  return JSON.parse(readFileSync(join(distDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
}

/** The files of one HTML entry (e.g. `index.html`), as paths under `distDir`. */
export function filesOf(distDir: string, entry: string, manifest = readManifest(distDir)): PageFiles {
  const initial = new Set<string>();
  const visit = (key: string) => {
    if (initial.has(key) || !manifest[key]) return;
    initial.add(key);
    for (const dep of manifest[key].imports ?? []) visit(dep);
  };
  visit(entry);
  // Every chunk loaded later, also those a lazy chunk loads in turn (e.g. the .ics writer) or
  // shares with another one, so each has its own budget.
  const lazyKeys = new Set<string>();
  const queue = [...initial].flatMap((key) => manifest[key]?.dynamicImports ?? []);
  for (let key = queue.shift(); key !== undefined; key = queue.shift()) {
    if (initial.has(key) || lazyKeys.has(key) || !manifest[key]) continue;
    lazyKeys.add(key);
    queue.push(...(manifest[key].imports ?? []), ...(manifest[key].dynamicImports ?? []));
  }
  const path = (file: string) => join(distDir, file);
  const chunks = [...initial].map((k) => manifest[k]!);
  return {
    initialJs: chunks.map((c) => path(c.file)),
    initialCss: [...new Set(chunks.flatMap((c) => [...(c.css ?? []), ...(c.assets ?? []).filter((a) => a.endsWith('.css'))]))].map(path),
    lazy: [...lazyKeys].map((k) => ({ js: path(manifest[k]!.file), css: (manifest[k]!.css ?? []).map(path) })),
  };
}
