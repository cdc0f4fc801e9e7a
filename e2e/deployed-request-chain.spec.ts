// What a business's page on another site waits for before the widget's first step (project
// `deployed` only: the production build from the built server). With 100 ms added to every
// request, a request that waits for another's answer shows as a longer chain: the loader must ask
// for every file a mode needs at once (no chunk that only imports the next), and for the first
// step's data while they load; and what it sends comes compressed.
import type { CDPSession, Page, Request } from '@playwright/test';
import { FIRST_CHOICE, installProbe, type ProbeResult } from '../bench/page-probe';
import { longestChain, type TimedRequest } from '../bench/request-chain';
import { expect, test } from './fixtures';

const LATENCY_MS = 100;

interface Recorded extends TimedRequest {
  type: string;
  encoding?: string;
  size: number;
  /** Asked for by the host page itself, not a frame in it. */
  byPage: boolean;
}

/** Every finished request of the page, its start and end on one clock, its encoding and size. */
async function record(page: Page): Promise<Recorded[]> {
  await page.addInitScript(installProbe, FIRST_CHOICE);
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: LATENCY_MS, downloadThroughput: -1, uploadThroughput: -1 });
  const done: Recorded[] = [];
  page.on('requestfinished', (request: Request) => {
    const byPage = request.frame() === page.mainFrame();
    void (async () => {
      const timing = request.timing();
      const response = await request.response();
      if (!response) return;
      done.push({
        method: request.method(),
        url: request.url(),
        type: request.resourceType(),
        start: timing.startTime,
        end: timing.startTime + timing.responseEnd,
        bytes: 0,
        encoding: (await response.allHeaders())['content-encoding'],
        size: (await response.body().catch(() => Buffer.alloc(0))).length,
        byPage,
      });
    })();
  });
  return done;
}

/** When the first step's choices were on screen (epoch ms), in the page or a frame (bench/page-probe.ts). */
async function firstStepAt(page: Page): Promise<number> {
  const probes = await Promise.all(page.frames().map((f) => f.evaluate(() => (window as unknown as { __benchProbe?: ProbeResult }).__benchProbe).catch(() => undefined)));
  return Math.min(...probes.flatMap((p) => (p?.firstChoice === undefined ? [] : [p.timeOrigin + p.firstChoice])));
}

/** The widget's code and stylesheet that had come back when the first step showed: the loader and what it asked for. */
const code = (requests: Recorded[], origin: string, before: number) =>
  requests.filter((r) => r.url.startsWith(origin) && r.end <= before && /\/(widget\.js|embed\/assets\/[^?]+\.(js|css))$/.test(new URL(r.url).pathname));

const fileName = (r: TimedRequest) => new URL(r.url).pathname.split('/').pop()!;

test('the inline embed asks for its code, stylesheet and first-step data at once, compressed', async ({ page, hostURL, baseURL }) => {
  const requests = await record(page);
  await page.goto(`${hostURL}/inline.html`);
  await expect(page.locator('booking-widget').getByRole('heading', { name: 'Choose location', exact: true })).toBeVisible();
  await page.waitForLoadState('networkidle');

  const widgetCode = code(requests, baseURL!, await firstStepAt(page));
  const loader = widgetCode.find((r) => fileName(r) === 'widget.js');
  const chunks = widgetCode.filter((r) => r !== loader);
  expect(loader).toBeDefined();
  // The app chunk and the stylesheet, at least; no 0.1 kB file that only imports the app.
  expect(chunks.map(fileName)).toEqual(expect.arrayContaining([expect.stringMatching(/^inline-.*\.js$/), expect.stringMatching(/^widget-.*\.css$/)]));
  expect(chunks.filter((r) => r.size < 200)).toEqual([]);
  // Every one of them starts before the first of them has come back: none waited for another.
  const firstBack = Math.min(...chunks.map((r) => r.end));
  for (const chunk of chunks) expect(chunk.start, fileName(chunk)).toBeLessThan(firstBack);
  // The loader, then all of them: two round trips of code.
  expect(longestChain(widgetCode).map(fileName)).toHaveLength(2);
  // The first step's data from the proxy is asked for alongside, not after the code.
  const start = requests.find((r) => r.url.includes('/api/v1/booking_start/'));
  expect(start, 'booking_start').toBeDefined();
  expect(start!.start).toBeLessThan(firstBack);

  // Brotli for all of it that is worth compressing (the browser accepts br).
  const worth = requests.filter((r) => r.url.startsWith(baseURL!) && r.size > 1024 && /\.(js|css)$|\/api\/v1\//.test(new URL(r.url).pathname));
  expect(worth.length).toBeGreaterThanOrEqual(3);
  for (const r of worth) expect(r.encoding, new URL(r.url).pathname).toBe('br');
});

test('the button mode asks for the dialog, the app and the stylesheet at once', async ({ page, hostURL, baseURL }) => {
  const requests = await record(page);
  await page.goto(`${hostURL}/button.html`);
  await page.getByRole('button', { name: 'Book online', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Book online' }).getByRole('heading', { name: 'Choose location', exact: true })).toBeVisible();
  await page.waitForLoadState('networkidle');

  const widgetCode = code(requests, baseURL!, await firstStepAt(page));
  expect(widgetCode.map(fileName)).toEqual(expect.arrayContaining([expect.stringMatching(/^button-.*\.js$/), expect.stringMatching(/^inline-.*\.js$/)]));
  expect(longestChain(widgetCode)).toHaveLength(2);
});

test("the iframe mode's chunks come at once, and the frame's page after them", async ({ page, hostURL, baseURL }) => {
  const requests = await record(page);
  await page.goto(`${hostURL}/iframe.html`);
  await expect(page.frameLocator('booking-widget iframe').getByRole('heading', { name: 'Choose location', exact: true })).toBeVisible();
  await page.waitForLoadState('networkidle');

  const widgetCode = code(requests, baseURL!, await firstStepAt(page));
  expect(widgetCode.map(fileName)).toEqual(expect.arrayContaining([expect.stringMatching(/^iframe-.*\.js$/)]));
  expect(longestChain(widgetCode)).toHaveLength(2);
  // The frame's page asks for its own data: the host page has no use for booking_start.
  expect(requests.filter((r) => r.byPage && r.url.includes('/booking_start/'))).toEqual([]);
});
