// Bundles worker.ts into one ES module with every dependency inside, as wrangler would: for the
// test that runs it on workerd (test/deploy-workers.test.ts). Deploying needs none of this
// (`wrangler deploy` bundles worker.ts itself).
//   npx vite build -c deploy/workers/vite.config.ts --outDir <dir>
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  publicDir: false,
  logLevel: 'warn',
  ssr: { target: 'webworker', noExternal: true },
  resolve: { conditions: ['workerd', 'worker', 'browser', 'import', 'default'] },
  build: {
    ssr: fileURLToPath(new URL('./worker.ts', import.meta.url)),
    outDir: 'node_modules/.cache/worker',
    emptyOutDir: true,
    target: 'es2022',
    minify: false,
    rollupOptions: { output: { entryFileNames: 'worker.js', codeSplitting: false } },
  },
});
