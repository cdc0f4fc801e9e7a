/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { demoBackend } from './src/server/demo/vite-plugin';
import { embedDev, SOURCEMAP } from './src/server/embed-dev';
import { firstChunk } from './src/server/first-chunk';
import { preconnectToApi } from './src/server/preconnect-plugin';
import { precompress } from './src/server/precompress';

// This build serves the hosted page and the iframe page (index.html?embed=frame);
// vite.loader.config.ts then builds the script-tag embed (dist/widget.js and dist/embed/).
// In dev and preview the demo backend answers /api/v1/* in-process, so `npm start` needs no account;
// `npm start` also serves /widget.js and the demo host pages in public/demo/.
// The production output (dist/) holds neither the demo pages nor source maps unless asked for at
// build time: DEMO_PAGES=1 copies public/ (public/demo/) into dist/, SOURCEMAP=1 writes the maps.
const DEMO_PAGES = process.env.DEMO_PAGES === '1';

export default defineConfig({
  plugins: [preact(), demoBackend(), embedDev(), preconnectToApi(), firstChunk(), precompress()],
  server: { port: Number(process.env.PORT ?? 5173), strictPort: false, host: '127.0.0.1' },
  preview: { port: Number(process.env.PORT ?? 4173), host: '127.0.0.1' },
  // Dependencies first met in lazily loaded code would make the dev server re-optimise and reload
  // the page mid-session (and mid-test); listing them makes it prepare them at start.
  optimizeDeps: { include: ['dompurify', 'libphonenumber-js/min', 'date-fns', '@date-fns/tz', 'ical-generator'] },
  build: {
    // es2022 keeps class fields native (no helpers around the HTTP client's private fields);
    // every browser with module scripts in current use runs it.
    target: 'es2022',
    sourcemap: SOURCEMAP,
    copyPublicDir: DEMO_PAGES,
    // Browsers without modulepreload only miss a hint; the polyfill would cost every visitor.
    modulePreload: { polyfill: false },
    // The size budgets (.size-limit.cjs) tell the initial chunk from lazy ones by this manifest.
    manifest: true,
  },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    setupFiles: ['test/helpers/later-english.ts', 'test/helpers/dom-waits.ts'],
    environment: 'node',
    // component tests opt into a DOM with a `// @vitest-environment jsdom` docblock
  },
});
