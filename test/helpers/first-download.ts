// The source files a visitor downloads before the first step shows: the entries of the hosted
// page and of the inline and dialog embeds, and everything they import statically (not
// `import type`, not `import()`), which is what the bundler puts in the first chunk.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const SRC = join(__dirname, '..', '..', 'src');
const ENTRIES = ['app/main.tsx', 'embed/inline.ts', 'embed/modal.ts'];

function resolveImport(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec);
  return [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((p) => existsSync(p) && /\.tsx?$/.test(p));
}

export function firstDownloadFiles(): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/^import\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"](\.[^'"]+)['"]/gm)) {
      const target = resolveImport(file, m[1] ?? '');
      if (target) visit(target);
    }
  };
  for (const entry of ENTRIES) visit(join(SRC, entry));
  return [...seen];
}
