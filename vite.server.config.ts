// The server side's build (`npm run build:server`): plain Node ES modules in dist-server/, run with
// the production dependencies alone, so nothing compiles TypeScript at start-up.
//   dist-server/serve.js  `npm run serve`: the built widget, the booking proxy (or the demo)
//   dist-server/demo.js   the demo backend as a separate upstream (src/server/demo/standalone.ts)
import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  build: {
    ssr: true,
    outDir: 'dist-server',
    emptyOutDir: true,
    target: 'node20',
    rollupOptions: {
      input: { serve: 'src/server/serve.ts', demo: 'src/server/demo/standalone.ts' },
      output: { entryFileNames: '[name].js' },
    },
  },
});
