// The script-tag embed's build, run after the main build (`npm run build`):
//   dist/embed/…  the chunks the loader imports, one per mode (inline, button's dialog, iframe),
//                 with the app and its stylesheet; hashed names, cached for a year;
//   dist/widget.js the loader itself: one stable URL businesses paste, written last, pointing at
//                 the chunks this build just wrote.
// A separate build from the hosted page's, so the hosted page's first chunk stays one file.
import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { build, defineConfig, type Plugin, type Rolldown } from 'vite';
import { LOADER_FILE, loaderConfig, MODE_ENTRIES, SOURCEMAP, type ModeFiles } from './src/server/embed-dev';
import { firstChunk } from './src/server/first-chunk';
import { precompress, precompressFiles } from './src/server/precompress';

const OUT = 'dist/embed';
/** Where loaderConfig writes widget.js. */
const LOADER_OUT = 'dist';

/**
 * What a mode needs before its first step, entry first: the entry chunk, every chunk it imports
 * statically, and the stylesheets they link. The loader asks for all of them at once, so none
 * waits for the one that names it.
 */
function filesOfMode(bundle: Rolldown.OutputBundle, entry: Rolldown.OutputChunk): string[] {
  const files: string[] = [];
  const visit = (fileName: string) => {
    const chunk = bundle[fileName];
    if (files.includes(fileName) || chunk?.type !== 'chunk') return;
    files.push(fileName);
    const { importedCss = new Set<string>(), importedAssets = new Set<string>() } = chunk.viteMetadata ?? {};
    for (const css of [...importedCss, ...importedAssets]) if (css.endsWith('.css') && !files.includes(css)) files.push(css);
    chunk.imports.forEach(visit);
  };
  visit(entry.fileName);
  return files.map((file) => `embed/${file}`);
}

/**
 * Lazy chunks the inline and button modes load before their first step every time: booking_start's
 * reader (src/app/start.tsx imports src/app/seeded.ts when the loader hands it the answer) and the
 * visitor's remembered answers (src/flow/model.ts imports src/flow/session.ts at start). Asked for
 * with the rest, or the app would only ask for them once it ran.
 */
const BEFORE_FIRST_STEP = ['src/app/seeded.ts', 'src/flow/session.ts'];

function buildLoaderAfter(): Plugin {
  return {
    name: 'build-loader-after-embed',
    apply: 'build',
    async writeBundle(_options, bundle) {
      const files = {} as Record<keyof ModeFiles, string[]>;
      for (const mode of Object.keys(MODE_ENTRIES) as (keyof ModeFiles)[]) {
        const chunk = Object.values(bundle).find((c): c is Rolldown.OutputChunk => c.type === 'chunk' && c.isEntry && c.name === mode);
        if (!chunk) throw new Error(`embed build: no chunk for ${mode}`);
        files[mode] = filesOfMode(bundle, chunk);
        if (mode === 'iframe') continue;
        const needed = Object.values(bundle).filter(
          (c): c is Rolldown.OutputChunk => c.type === 'chunk' && BEFORE_FIRST_STEP.some((src) => c.facadeModuleId === resolve(src)),
        );
        for (const lazy of needed) for (const file of filesOfMode(bundle, lazy)) if (!files[mode].includes(file)) files[mode].push(file);
      }
      await build(loaderConfig(files));
      await precompressFiles([`${LOADER_OUT}/${LOADER_FILE}`]);
    },
  };
}

export default defineConfig({
  // The app the inline and button modes share, in one chunk beside each mode's own.
  plugins: [preact(), precompress(), buildLoaderAfter(), firstChunk('app', [MODE_ENTRIES.inline, MODE_ENTRIES.button], MODE_ENTRIES.inline)],
  publicDir: false,
  build: {
    outDir: OUT,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: SOURCEMAP,
    modulePreload: { polyfill: false },
    // Read by the size budgets (.size-limit.ts): what each mode loads before its first step.
    manifest: true,
    rollupOptions: {
      input: MODE_ENTRIES,
      // The inline entry may export more than its `start`: it is the app chunk (first-chunk.ts).
      preserveEntrySignatures: 'allow-extension',
    },
  },
  experimental: {
    // These chunks run on other sites' pages: URLs in them resolve from the chunk, not the page.
    renderBuiltUrl: (_file, { hostType }) => (hostType === 'js' ? { relative: true } : undefined),
  },
});
