// Sizes of every built file as a visitor's browser would receive it (gzip and brotli, maximum level).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export interface FileSize {
  file: string;
  raw: number;
  gzip: number;
  brotli: number;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Text files a page loads (no source maps, no build manifest, no images). */
const SHIPPED = /\.(js|mjs|css|html|json|svg)$/;

export function sizesOf(distDir: string): FileSize[] {
  return walk(distDir)
    .filter((p) => SHIPPED.test(p) && !p.includes(`${join('.vite', '')}`))
    .map((path) => {
      const bytes = readFileSync(path);
      return {
        file: relative(distDir, path),
        raw: bytes.length,
        gzip: gzipSync(bytes, { level: 9 }).length,
        brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
      };
    })
    .sort((a, b) => b.gzip - a.gzip);
}
