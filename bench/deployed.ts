// The bench's topology, as a business deploys the widget: the built server (`node
// dist-server/serve.js`, as `npm run serve` runs it) with a partner token, the demo backend as a
// separate upstream (`node dist-server/demo.js`), and a business's site on another origin whose
// pages embed the widget with the README's script tag, plus the limit: a static page that already
// holds the rendered first step and its CSS, in one request.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { brotliCompressSync, constants } from 'node:zlib';
import type { Browser } from '@playwright/test';
import { FIRST_CHOICE } from './page-probe';

export interface Deployed {
  /** The widget's origin (serve.js): the hosted page, the loader, the proxy. */
  widget: string;
  /** The demo backend the proxy forwards to. */
  upstream: string;
  /** The business's site, another origin: /inline.html, /iframe.html, /limit.html. */
  host: string;
  /** Writes the limit page from the hosted page's first step as rendered. */
  captureLimit(browser: Browser, path: string): Promise<number>;
  close(): Promise<void>;
}

async function waitFor(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`${url}: server exited (${child.exitCode})`);
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url}: no answer`);
}

function start(script: string, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [script], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
}

export async function startDeployed(port: number, formId: number): Promise<Deployed> {
  const widget = `http://127.0.0.1:${port}`;
  const upstream = `http://127.0.0.1:${port + 1}`;
  const hostPort = port + 2;
  // localhost and 127.0.0.1 are different sites to the browser: the embed is cross-origin, as on a business's site.
  const host = `http://localhost:${hostPort}`;
  const demo = start('dist-server/demo.js', { PORT: String(port + 1) });
  const serve = start('dist-server/serve.js', {
    PORT: String(port),
    ALTEGIO_PARTNER_TOKEN: 'bench-partner-token',
    ALTEGIO_UPSTREAM: `${upstream}/api/v1`,
    ALLOWED_ORIGINS: host,
    // One loopback client makes every visit: the limits are for real visitors.
    RATE_LIMIT_PER_SECOND: '1000',
    RATE_LIMIT_PER_MINUTE: '100000',
    UPSTREAM_PER_SECOND: '1000',
    UPSTREAM_PER_MINUTE: '100000',
    CLIENT_UPSTREAM_PER_SECOND: '1000',
    CLIENT_UPSTREAM_PER_MINUTE: '100000',
  });
  await waitFor(`${upstream}/__demo/faults`, demo);
  await waitFor(`${widget}/health`, serve);

  let limit = '<!doctype html><title>not captured</title>';
  const embed = (mode: string) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>A salon's own site</title></head><body><h1>A salon's own site</h1><div id="booking"></div>` +
    `<script src="${widget}/widget.js" data-form="${formId}" data-mode="${mode}" data-target="#booking" async></script></body></html>`;
  const pages: Record<string, () => string> = { '/inline.html': () => embed('inline'), '/iframe.html': () => embed('iframe'), '/limit.html': () => limit };
  const hostServer: Server = createServer((req, res) => {
    const page = pages[new URL(req.url ?? '/', host).pathname];
    const html = page?.() ?? 'Not found';
    // Compressed, as any static host sends a page.
    const br = /\bbr\b/.test(String(req.headers['accept-encoding']));
    res.writeHead(page ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...(br && { 'Content-Encoding': 'br' }) });
    res.end(br ? brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }) : html);
  });
  await new Promise<void>((resolve) => hostServer.listen(hostPort, '127.0.0.1', resolve));

  return {
    widget,
    upstream,
    host,
    async captureLimit(browser, path) {
      const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
      const page = await context.newPage();
      await page.goto(widget + path);
      await page.locator(FIRST_CHOICE).first().waitFor();
      // The page as drawn, its stylesheets inlined, no script: what the browser could show at once.
      limit = await page.evaluate(() => {
        const css = [...document.styleSheets].map((sheet) => [...sheet.cssRules].map((rule) => rule.cssText).join('\n')).join('\n');
        const html = document.documentElement.cloneNode(true) as HTMLElement;
        for (const el of html.querySelectorAll('script, link, style')) el.remove();
        const style = document.createElement('style');
        style.textContent = css;
        html.querySelector('head')!.append(style);
        return `<!doctype html>\n${html.outerHTML}`;
      });
      await context.close();
      return limit.length;
    },
    async close() {
      hostServer.close();
      for (const child of [serve, demo]) child.kill('SIGTERM');
    },
  };
}
