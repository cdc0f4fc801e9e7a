// Size budgets, gzip, checked by `npm run size` (part of `npm test`): a build over budget fails.
// The widget is a guest on someone else's page, mostly on phones; see "Performance" in README.md.
import { existsSync } from 'node:fs';
import { filesOf } from './bench/built-files';

const DIST = 'dist';
const hosted = filesOf(DIST, 'index.html');
// The script-tag modes: what the loader asks for before each one's first step (dist/embed/), the
// stylesheet included (linked by URL, so in the manifest's `assets`, not its `css`).
const EMBED = `${DIST}/embed`;
const embedModes = existsSync(`${EMBED}/.vite/manifest.json`)
  ? (['inline', 'modal'] as const).map((mode) => ({ mode, files: filesOf(EMBED, `src/embed/${mode}.ts`) }))
  : [];

export default [
  // 2.5 kB until it asked for everything before the first step at once (README: Budgets).
  { name: 'script-tag loader', path: [`${DIST}/widget.js`], limit: '2.8 kB', gzip: true },
  { name: 'app: initial JS (Preact, signals, HTTP client, flow, first views)', path: hosted.initialJs, limit: '33.5 kB', gzip: true },
  { name: 'app: initial CSS', path: hosted.initialCss, limit: '6 kB', gzip: true },
  ...embedModes.map(({ mode, files }) => ({
    name: `script-tag ${mode === 'modal' ? 'button and dialog' : mode}: JS and CSS after the loader, before the first step`,
    path: [...files.initialJs, ...files.initialCss],
    // 37.5 kB of JS (36 kB until the booking kinds, the account's entry and the chain's city step) and 4.5 kB for the stylesheet.
    limit: '42 kB',
    gzip: true,
  })),
  ...hosted.lazy.map((chunk) => ({
    name: `lazy chunk: ${chunk.js.split('/').pop()!.replace(/-[\w-]{8}\.js$/, '')}`,
    path: [chunk.js, ...chunk.css],
    limit: '50 kB',
    gzip: true,
  })),
].filter((check) => check.path.every((p) => existsSync(p)));
