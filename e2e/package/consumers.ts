// Two developers' projects that install the packed npm package, made in a temporary folder:
//   /react/  a Vite + React 19 app rendering <booking-widget> (built by this repository's Vite);
//   /plain/  a plain HTML page loading the package's ES modules as they are, through an import map,
//            next to the script-tag loader's own widget.
// Both are served by a small site on an origin of its own, which forwards its API paths to the
// deployed booking proxy, as a developer's server would.
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const NAME = 'altegio-booking-widget';
/** npm's downloads (react, react-dom) are kept between runs, so a second run installs offline. */
const NPM_CACHE = join(ROOT, 'node_modules/.cache/package-e2e/npm');
/** Where the site sends the widget's API calls: the path the React app's api-base attribute names. */
export const REACT_API_PATH = '/salon-api';

export interface Timings {
  pack: number;
  install: number;
  build: number;
}

/** Packs the package, installs the tarball in a new project and builds both apps; returns the site's folder. */
export async function prepareConsumers(options: { loaderUrl: string }): Promise<{ dir: string; timings: Timings }> {
  const dir = mkdtempSync(join(tmpdir(), 'widget-consumers-'));
  const site = join(dir, 'site');
  const started = Date.now();
  const env = { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' };

  await run('npm', ['run', 'build:package', '--silent'], { cwd: ROOT, env, timeout: 180_000 });
  const packed = await run('npm', ['pack', join(ROOT, 'dist-package'), '--pack-destination', dir, '--json'], { cwd: dir, timeout: 60_000 });
  const tarball = join(dir, (JSON.parse(packed.stdout) as { filename: string }[])[0]!.filename);
  const packedAt = Date.now();

  const app = join(dir, 'salon-app');
  mkdirSync(join(app, 'src'), { recursive: true });
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'salon-app', private: true, type: 'module', dependencies: { react: '^19.0.0', 'react-dom': '^19.0.0' } }, null, 2));
  await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--cache', NPM_CACHE, tarball], { cwd: app, timeout: 180_000 });
  const installedAt = Date.now();

  // The React app, built with this repository's Vite (the app has no Vite of its own to install).
  writeFileSync(join(app, 'vite.config.mjs'), `export default ${JSON.stringify({ base: '/react/', logLevel: 'error', oxc: { jsx: { runtime: 'automatic' } }, build: { outDir: join(site, 'react'), emptyOutDir: true } })};\n`);
  writeFileSync(join(app, 'index.html'), REACT_HTML);
  writeFileSync(join(app, 'src/main.jsx'), REACT_APP);
  await run(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build'], { cwd: app, env, timeout: 120_000 });

  // The plain page: the installed package's files copied next to it, as they are.
  mkdirSync(join(site, 'plain'), { recursive: true });
  cpSync(join(app, 'node_modules', NAME), join(site, 'plain', NAME), { recursive: true });
  writeFileSync(join(site, 'plain/index.html'), plainHtml(options.loaderUrl));

  return { dir, timings: { pack: packedAt - started, install: installedAt - packedAt, build: Date.now() - installedAt } };
}

export function removeConsumers(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Not forwarded: the browser's origin and page (the proxy is called server to server) and the hop's own. */
const HOP_REQUEST = new Set(['host', 'origin', 'referer', 'cookie', 'connection', 'content-length', 'accept-encoding', 'keep-alive', 'transfer-encoding']);
const HOP_ANSWER = new Set(['content-encoding', 'content-length', 'transfer-encoding', 'connection', 'keep-alive', 'vary', 'access-control-allow-origin']);

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };

/**
 * The developer's site: the built apps, and `/api/v1/*` and `/salon-api/*` forwarded to the
 * booking proxy's `/api/v1/*` (server to server, so the proxy sees no browser origin).
 */
export async function serveSite(dir: string, proxy: string): Promise<{ origin: (host: string) => string; close(): Promise<void> }> {
  const site = join(dir, 'site');
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://site');
    const api = ['/api/v1/', `${REACT_API_PATH}/`].find((prefix) => url.pathname.startsWith(prefix));
    try {
      if (api) {
        const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await readBody(req);
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(req.headers)) {
          if (typeof value === 'string' && !HOP_REQUEST.has(name)) headers[name] = value;
        }
        const answer = await fetch(`${proxy}/api/v1/${url.pathname.slice(api.length)}${url.search}`, { method: req.method, headers, body: body && new Uint8Array(body) });
        const answerHeaders: Record<string, string> = {};
        // fetch() has decoded the body: its encoding and length no longer apply.
        answer.headers.forEach((value, name) => HOP_ANSWER.has(name) || (answerHeaders[name] = value));
        res.writeHead(answer.status, answerHeaders);
        return res.end(Buffer.from(await answer.arrayBuffer()));
      }
      let file = join(site, decodeURIComponent(url.pathname));
      if (!file.startsWith(site + sep)) throw new Error('outside the site');
      if (statSync(file, { throwIfNoEntry: false })?.isDirectory()) file = join(file, 'index.html');
      const content = readFileSync(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
      res.end(content);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('Not found');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: (host) => `http://${host}:${port}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

function readBody(req: import('node:http').IncomingMessage): Promise<Buffer> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => done(Buffer.concat(chunks)));
    req.on('error', fail);
  });
}

const REACT_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <link rel="icon" href="data:," />
    <title>A salon's React app</title>
  </head>
  <body>
    <div id="root"></div>
    <script type="module" src="./src/main.jsx"></script>
  </body>
</html>
`;

/** What a React 19 developer writes: the element, its attributes, and handlers for its events. */
const REACT_APP = `import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import '${NAME}/element';

function App() {
  const [shown, setShown] = useState(true);
  const [steps, setSteps] = useState([]);
  const [booked, setBooked] = useState(null);
  return (
    <main>
      <h1>A salon's React app</h1>
      <button type="button" onClick={() => setShown(!shown)}>{shown ? 'Hide the booking' : 'Show the booking'}</button>
      {shown && (
        <booking-widget
          form="2"
          api-base="${REACT_API_PATH}"
          onstep={(event) => setSteps((all) => [...all, event.detail.step])}
          onbooked={(event) => setBooked(event.detail)}
        />
      )}
      <p>Steps seen: <output id="steps">{steps.join(' ')}</output></p>
      <p>Booking: <output id="booked">{booked ? 'booked for ' + booked.datetime : 'none yet'}</output></p>
    </main>
  );
}

createRoot(document.getElementById('root')).render(<App />);
`;

/** A page with no build step: the package's modules by an import map, and the script-tag widget beside it. */
function plainHtml(loaderUrl: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <link rel="icon" href="data:," />
    <title>A salon's plain page</title>
    <script type="importmap">
      { "imports": { "${NAME}": "./${NAME}/index.js", "${NAME}/element": "./${NAME}/element.js" } }
    </script>
    <script type="module">
      const element = document.querySelector('#package-widget');
      window.received = [];
      for (const name of ['ready', 'step', 'booked', 'error']) {
        element.addEventListener(name, (event) => window.received.push({ name, detail: event.detail }));
      }
      await import('${NAME}/element');
    </script>
  </head>
  <body>
    <h1>A salon's plain page</h1>
    <booking-widget id="package-widget" form="2"></booking-widget>
    <div id="script-tag-widget"></div>
    <script src="${loaderUrl}" data-form="3" data-target="#script-tag-widget" data-namespace="script-tag" data-api-base="/api/v1" async></script>
  </body>
</html>
`;
}
