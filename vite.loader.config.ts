// The script-tag embed's build, run after the main build (`npm run build`):
//   dist/embed/…  the chunks the loader imports, one per mode (inline, button's dialog, iframe),
//                 with the app and its stylesheet; hashed names, cached for a year;
//   dist/widget.js the loader itself: one stable URL businesses paste, written last, pointing at
//                 the chunks this build just wrote.
// A separate build from the hosted page's, so the hosted page's first chunk stays one file.
import preact from '@preact/preset-vite';
import { build, defineConfig, type Plugin } from 'vite';
import { loaderConfig, MODE_ENTRIES, SOURCEMAP, type ModeFiles } from './src/server/embed-dev';
import { firstChunk } from './src/server/first-chunk';

const OUT = 'dist/embed';

function buildLoaderAfter(): Plugin {
  return {
    name: 'build-loader-after-embed',
    apply: 'build',
    async writeBundle(_options, bundle) {
      const files = {} as ModeFiles;
      for (const mode of Object.keys(MODE_ENTRIES) as (keyof ModeFiles)[]) {
        const chunk = Object.values(bundle).find((c) => c.type === 'chunk' && c.isEntry && c.name === mode);
        if (!chunk) throw new Error(`embed build: no chunk for ${mode}`);
        files[mode] = `embed/${chunk.fileName}`;
      }
      await build(loaderConfig(files));
    },
  };
}

export default defineConfig({
  // The app the inline and button modes share, in one chunk beside each mode's own.
  plugins: [preact(), buildLoaderAfter(), firstChunk('app', [MODE_ENTRIES.inline, MODE_ENTRIES.button])],
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
      preserveEntrySignatures: 'exports-only',
    },
  },
  experimental: {
    // These chunks run on other sites' pages: URLs in them resolve from the chunk, not the page.
    renderBuiltUrl: (_file, { hostType }) => (hostType === 'js' ? { relative: true } : undefined),
  },
});
