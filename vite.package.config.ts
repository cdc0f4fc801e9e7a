// The npm package's build (`npm run build:package`, `npm run pack`): ES modules in dist-package/,
// with their type declarations (tsconfig.package.json) and a package.json of their own.
//   index.js    mount(element, options) and defineBookingWidget(); touches no DOM at import
//   element.js  registers <booking-widget> when imported in a browser
// Everything the widget uses (Preact, signals, the HTTP client, dates) is bundled, so the package
// has no dependencies to install and does not care which framework the host app runs; the steps
// after the first and each language's texts stay separate chunks, loaded when needed. The
// stylesheet is bundled as a string (src/package/mount.ts).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import preact from '@preact/preset-vite';
import ts from 'typescript';
import { defineConfig, type Plugin } from 'vite';

const OUT = 'dist-package';
const TYPES = `${OUT}/types`;
const TYPE_ENTRIES = ['package/index.d.ts', 'package/register.d.ts'];
/** The name the package is published under (this repository's own package.json stays private). */
export const PACKAGE_NAME = 'altegio-booking-widget';

/** dist-package/package.json: what `npm pack` puts in the tarball and `npm install` reads. */
function manifest(): Plugin {
  return {
    name: 'package-manifest',
    apply: 'build',
    generateBundle() {
      const root = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string; description: string; engines: unknown };
      const pkg = {
        name: PACKAGE_NAME,
        version: root.version,
        description: root.description,
        type: 'module',
        exports: {
          '.': { types: './types/package/index.d.ts', default: './index.js' },
          './element': { types: './types/package/register.d.ts', default: './element.js' },
          './package.json': './package.json',
        },
        types: './types/package/index.d.ts',
        // Only the registering entry has an effect when imported; a bundler may drop the rest unused.
        sideEffects: ['./element.js'],
        files: ['*.js', 'chunks/', 'types/'],
        keywords: ['altegio', 'booking', 'widget', 'custom-element', 'web-component'],
      };
      this.emitFile({ type: 'asset', fileName: 'package.json', source: `${JSON.stringify(pkg, null, 2)}\n` });
    },
  };
}

/**
 * src/app/mount.tsx links its stylesheet by URL for the script tag; the package adopts the bundled
 * string instead (`styled: true`), so that URL is never used. An empty data: URL stands for it:
 * the package ships no stray CSS file, and no consumer's bundler goes looking for one.
 */
function noStylesheetFile(): Plugin {
  const id = '\0package:stylesheet-url';
  return {
    name: 'package-no-stylesheet-file',
    enforce: 'pre',
    resolveId: (source) => (source.endsWith('/widget.css?url') || source === './widget.css?url' ? id : undefined),
    load: (loaded) => (loaded === id ? 'export default "data:text/css,";' : undefined),
  };
}

/**
 * The declarations (tsconfig.package.json), emitted from the sources after the bundle is written.
 * Only the files the package's own declarations import are kept (the public types, and the
 * internal ones they mention), not one per source file. Type errors are the project's `tsc`'s to
 * report; this emits only.
 */
function declarations(): Plugin {
  let outDir = OUT;
  return {
    name: 'package-declarations',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir); // `--outDir` moves the types with the modules
    },
    closeBundle() {
      const config = ts.getParsedCommandLineOfConfigFile('tsconfig.package.json', { noCheck: true }, {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (d) => {
          throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
        },
      });
      if (!config) throw new Error('tsconfig.package.json could not be read');
      const emitted = new Map<string, string>();
      ts.createProgram(config.fileNames, config.options).emit(undefined, (file, text) => emitted.set(resolve(file), text), undefined, true);
      const kept = new Set<string>();
      const keep = (file: string) => {
        const text = emitted.get(file);
        if (text === undefined || kept.has(file)) return;
        kept.add(file);
        for (const [, spec] of text.matchAll(/(?:from|import\()\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
          const base = resolve(dirname(file), spec!.replace(/\.js$/, ''));
          keep(emitted.has(`${base}.d.ts`) ? `${base}.d.ts` : `${base}/index.d.ts`);
        }
      };
      for (const entry of TYPE_ENTRIES) {
        const file = resolve(TYPES, entry);
        if (!emitted.has(file)) throw new Error(`package declarations: ${entry} was not emitted`);
        keep(file);
      }
      for (const file of kept) {
        const target = join(outDir, 'types', relative(resolve(TYPES), file));
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, emitted.get(file)!);
      }
    },
  };
}

export default defineConfig({
  plugins: [preact(), noStylesheetFile(), manifest(), declarations()],
  publicDir: false,
  // The API base is the developer's (the apiBase option, the api-base attribute), never this build's.
  define: { 'import.meta.env.VITE_API_BASE': 'undefined' },
  build: {
    outDir: OUT,
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    lib: {
      entry: { index: 'src/package/index.ts', element: 'src/package/register.ts' },
      formats: ['es'],
    },
    rollupOptions: {
      output: { chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
