// Builds the bench's baseline page the same way as the widget, into a cache dir that never ships.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [preact()],
  logLevel: 'warn',
  build: {
    target: 'es2022',
    modulePreload: { polyfill: false },
    outDir: fileURLToPath(new URL('../node_modules/.cache/bench-baseline', import.meta.url)),
    emptyOutDir: true,
    rollupOptions: { input: fileURLToPath(new URL('./baseline.html', import.meta.url)) },
  },
});
