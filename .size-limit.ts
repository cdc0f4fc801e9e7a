// Size budgets, gzip, checked by `npm run size` (part of `npm test`): a build over budget fails.
// The widget is a guest on someone else's page, mostly on phones; see "Performance" in README.md.
import { existsSync } from 'node:fs';
import { filesOf } from './bench/built-files';

const DIST = 'dist';
const hosted = filesOf(DIST, 'index.html');

export default [
  { name: 'script-tag loader', path: [`${DIST}/widget.js`], limit: '2.5 kB', gzip: true },
  { name: 'app: initial JS (Preact, signals, HTTP client, flow, first views)', path: hosted.initialJs, limit: '31 kB', gzip: true },
  { name: 'app: initial CSS', path: hosted.initialCss, limit: '6 kB', gzip: true },
  ...hosted.lazy.map((chunk) => ({
    name: `lazy chunk: ${chunk.js.split('/').pop()!.replace(/-[\w-]{8}\.js$/, '')}`,
    path: [chunk.js, ...chunk.css],
    limit: '50 kB',
    gzip: true,
  })),
].filter((check) => check.path.every((p) => existsSync(p)));
