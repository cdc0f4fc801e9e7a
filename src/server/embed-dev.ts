// Build-side helpers for the script-tag loader: its own small IIFE build (one stable file,
// dist/widget.js, that businesses paste), the same build served live by `npm start`, and the
// strict Content-Security-Policy the CSP demo host page is served with. The chunks the loader
// imports (src/embed/*) are built by vite.loader.config.ts.
import { resolve } from 'node:path';
import { build, type InlineConfig, type Plugin } from 'vite';

const ROOT = resolve(import.meta.dirname, '../..');
export const LOADER_FILE = 'widget.js';
/** SOURCEMAP=1 at build time writes source maps; production output has none by default. */
export const SOURCEMAP = process.env.SOURCEMAP === '1';

/** Each embed mode's chunk, keyed by the data-mode it serves. */
export const MODE_ENTRIES = { inline: 'src/embed/inline.ts', button: 'src/embed/modal.ts', iframe: 'src/embed/frame.ts' };
/** Each mode's files before its first step, entry first (vite.loader.config.ts), relative to the loader. */
export type ModeFiles = Record<keyof typeof MODE_ENTRIES, string[] | string>;

/** The loader build. `files` are the modes' chunks, relative to the loader's URL. */
export function loaderConfig(files: ModeFiles, write = true): InlineConfig {
  return {
    configFile: false,
    root: ROOT,
    publicDir: false,
    logLevel: 'warn',
    define: {
      __BW_ENTRIES__: JSON.stringify(Object.fromEntries(Object.entries(files).map(([mode, list]) => [mode, [list].flat()]))),
      // `npm start` answers /api/v1 from the demo backend directly, with no proxy and so no booking_start.
      __BW_START__: JSON.stringify(write),
    },
    build: {
      target: 'es2022',
      outDir: 'dist',
      emptyOutDir: false,
      copyPublicDir: false,
      // With SOURCEMAP=1 the map is written, but no comment in the file names it: every byte of
      // the loader counts.
      sourcemap: write && SOURCEMAP ? 'hidden' : false,
      write,
      rollupOptions: {
        input: resolve(ROOT, 'src/loader/index.ts'),
        output: { format: 'iife', entryFileNames: LOADER_FILE },
      },
    },
  };
}

/** Pages served with a strict CSP: no 'unsafe-inline', no 'unsafe-eval', only this origin. */
const STRICT_CSP_PAGES = ['/demo/csp.html'];
export const STRICT_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function cspHeader(): (req: { url?: string }, res: { setHeader(name: string, value: string): void }, next: () => void) => void {
  return (req, res, next) => {
    if (STRICT_CSP_PAGES.includes((req.url ?? '').split('?')[0]!)) res.setHeader('Content-Security-Policy', STRICT_CSP);
    next();
  };
}

/** `npm start`: /widget.js built on request (and again after a loader file changes); CSP demo header. */
export function embedDev(): Plugin {
  let cached: Promise<string> | undefined;
  return {
    name: 'embed-dev',
    configureServer(server) {
      server.watcher.on('change', (file) => {
        if (/src[\\/](loader[\\/]|embed[\\/]sheet|events\.ts)/.test(file)) cached = undefined;
      });
      server.middlewares.use(cspHeader());
      server.middlewares.use((req, res, next) => {
        if (req.url?.split('?')[0] !== `/${LOADER_FILE}`) return next();
        cached ??= build(loaderConfig(MODE_ENTRIES, false)).then((out) => {
          const chunk = [out].flat().flatMap((o) => ('output' in o ? o.output : [])).find((c) => c.type === 'chunk');
          if (!chunk || chunk.type !== 'chunk') throw new Error('loader build produced no chunk');
          return chunk.code;
        });
        cached.then(
          (code) => {
            res.setHeader('Content-Type', 'text/javascript');
            res.setHeader('Cache-Control', 'no-cache');
            res.end(code);
          },
          (error: unknown) => {
            cached = undefined;
            next(error);
          },
        );
      });
    },
    configurePreviewServer(server) {
      server.middlewares.use(cspHeader());
    },
  };
}
