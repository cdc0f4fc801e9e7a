// A business's website on its own origin, for the deployed-topology e2e project: each page holds
// one of README.md's embedding snippets, read from the README on every request and copied
// verbatim except for the placeholder origins, so the README and the tests cannot drift apart.
//
//   node e2e/hosts/readme-hosts.mjs
//   PORT            where this host listens (127.0.0.1)
//   WIDGET_ORIGIN   replaces https://widget.example (where the widget is deployed)
//   API_ORIGIN      replaces https://booking-api.shop.example (a proxy on an origin of its own)
//
// Plain JavaScript on purpose: Playwright starts it with plain Node, nothing to compile.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const README = join(ROOT, 'README.md');
/** The host's own script: the README's queued stub, and a log of every event it receives. */
const EVENTS_JS = join(ROOT, 'public/demo/events.js');

export const PLACEHOLDERS = { widget: 'https://widget.example', api: 'https://booking-api.shop.example' };

/** Each page: the README section (its heading) and which of its ```html blocks. */
export const PAGES = {
  '/inline.html': { heading: '### Inline', block: 0 },
  '/button.html': { heading: '### Button and dialog', block: 0 },
  '/iframe.html': { heading: '### Iframe', block: 0 },
  '/plain-iframe.html': { heading: '### Iframe', block: 1 },
  '/api-base.html': { heading: '### 5. Pointing the widget at the proxy', block: 0 },
};

/** The ```html blocks of one README section, up to the next heading of any level. */
export function snippetsUnder(readme, heading) {
  const lines = readme.split('\n');
  const start = lines.findIndex((line) => line.trim() === heading);
  if (start < 0) throw new Error(`README.md has no "${heading}" section`);
  const end = lines.findIndex((line, i) => i > start && /^#{1,6} /.test(line));
  const section = lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
  return [...section.matchAll(/^```html\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
}

/** The page for a path, or undefined; throws when the README no longer has what it needs. */
export function hostPage(path, readme, origins) {
  const page = PAGES[path];
  if (!page) return undefined;
  const snippet = snippetsUnder(readme, page.heading)[page.block];
  if (snippet === undefined) throw new Error(`README.md "${page.heading}" has no html block #${page.block}`);
  if (!snippet.includes(PLACEHOLDERS.widget) && !snippet.includes(PLACEHOLDERS.api)) {
    throw new Error(`README.md "${page.heading}" block #${page.block} names neither ${PLACEHOLDERS.widget} nor ${PLACEHOLDERS.api}`);
  }
  const body = snippet.replaceAll(PLACEHOLDERS.widget, origins.widget).replaceAll(PLACEHOLDERS.api, origins.api);
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>A salon's own site</title>
    <script src="/events.js"></script>
  </head>
  <body>
    <h1>A salon's own site</h1>
${body}
    <h2>Events the page received</h2>
    <pre id="host-events"></pre>
  </body>
</html>
`;
}

function main() {
  const port = Number(process.env.PORT ?? 5203);
  const origins = { widget: process.env.WIDGET_ORIGIN ?? 'http://127.0.0.1:8080', api: process.env.API_ORIGIN ?? 'http://127.0.0.1:8081' };
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://host').pathname;
    try {
      if (path === '/events.js') {
        res.writeHead(200, { 'Content-Type': 'text/javascript', 'Cache-Control': 'no-cache' });
        return res.end(readFileSync(EVENTS_JS));
      }
      const html = path === '/' ? Object.keys(PAGES).map((p) => `<a href="${p}">${p}</a>`).join('<br>') : hostPage(path, readFileSync(README, 'utf8'), origins);
      if (html === undefined) {
        res.writeHead(404, { 'Content-Type': 'text/plain' });
        return res.end('Not found');
      }
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' });
      return res.end(html);
    } catch (error) {
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      return res.end(String(error instanceof Error ? error.message : error));
    }
  });
  server.listen(port, '127.0.0.1', () => console.log(`README host pages on http://127.0.0.1:${port}/ (widget ${origins.widget}, API ${origins.api})`));
  process.once('SIGTERM', () => server.close(() => process.exit(0)));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
