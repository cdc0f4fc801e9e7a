// Build time: a brotli (.br, quality 11) and a gzip (.gz, level 9) copy beside each text file the
// build wrote, for `npm run serve` to send as they are (src/server/static-files.ts): the best
// compression, paid once at build time instead of on every request. A copy that would not be
// smaller than the file is not written.
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';
import { COMPRESSIBLE } from './encoding';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Writes the .br and .gz copies of `files` (paths), in parallel on zlib's threads; returns how many it wrote. */
export async function precompressFiles(files: readonly string[]): Promise<number> {
  const written = await Promise.all(
    files
      .filter((file) => COMPRESSIBLE.test(file) && !file.endsWith('.map'))
      .map(async (file) => {
        const raw = await readFile(file);
        const copies: [string, Buffer][] = await Promise.all([
          brotli(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }).then((b) => ['.br', b] as [string, Buffer]),
          gzipAsync(raw, { level: 9 }).then((b) => ['.gz', b] as [string, Buffer]),
        ]);
        const smaller = copies.filter(([, bytes]) => bytes.length < raw.length);
        await Promise.all(smaller.map(([suffix, bytes]) => writeFile(file + suffix, bytes)));
        return smaller.length;
      }),
  );
  return written.reduce((sum, n) => sum + n, 0);
}

/** The vite plugin: every file of this build's output, once it is written. */
export function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async writeBundle(options, bundle) {
      await precompressFiles(Object.keys(bundle).map((name) => join(options.dir ?? outDir, name)));
    },
  };
}
