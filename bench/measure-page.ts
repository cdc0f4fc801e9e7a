// One cold page load in Chromium with a throttled network and CPU, measured through the DevTools
// protocol: paints, blocking time, main-thread and script time, bytes, time to the first choice.
import type { Browser } from '@playwright/test';
import { FIRST_CHOICE, installProbe, type ProbeResult } from './page-probe';
import { longestChain, type TimedRequest } from './request-chain';

export const PROFILE = { rttMs: 150, downKbps: 1600, upKbps: 750, cpuSlowdown: 4 };

export interface PageFigures {
  fcp: number;
  lcp: number;
  tbt: number;
  mainThreadMs: number;
  scriptMs: number;
  firstChoiceMs: number;
  /** Layout shift up to the first step and the network going quiet; the budget (e2e) is 0.05. */
  cls: number;
  transferredKb: number;
  requests: number;
  /** Requests that had come back when the first step showed, and their bytes as sent (compressed). */
  requestsBeforeFirstStep: number;
  kbBeforeFirstStep: number;
  /** The longest chain of requests each waiting for another's answer, before the first step. */
  roundTripsBeforeFirstStep: number;
  /** …of which to the API (/api/v1/). */
  apiRoundTripsBeforeFirstStep: number;
}

export async function measurePage(browser: Browser, url: string): Promise<PageFigures> {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  try {
    await page.addInitScript(installProbe, FIRST_CHOICE);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: PROFILE.rttMs,
      downloadThroughput: (PROFILE.downKbps * 1000) / 8,
      uploadThroughput: (PROFILE.upKbps * 1000) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: PROFILE.cpuSlowdown });
    await cdp.send('Performance.enable');
    let bytes = 0;
    let requests = 0;
    // Every request on the page's clock (epoch ms): CDP's timestamps are monotonic seconds, and
    // requestWillBeSent also gives the wall time to convert them.
    let toEpochMs = 0;
    const timed = new Map<string, TimedRequest>();
    cdp.on('Network.requestWillBeSent', (e: { requestId: string; timestamp: number; wallTime: number; request: { url: string; method: string } }) => {
      toEpochMs ||= e.wallTime * 1000 - e.timestamp * 1000;
      if (!e.request.url.startsWith('data:')) timed.set(e.requestId, { method: e.request.method, url: e.request.url, start: e.timestamp * 1000 + toEpochMs, end: Infinity, bytes: 0 });
    });
    cdp.on('Network.loadingFinished', (e: { requestId: string; timestamp: number; encodedDataLength: number }) => {
      bytes += e.encodedDataLength;
      requests++;
      const r = timed.get(e.requestId);
      if (r) Object.assign(r, { end: e.timestamp * 1000 + toEpochMs, bytes: e.encodedDataLength });
    });

    await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    const probes = () => Promise.all(page.frames().map((f) => f.evaluate(() => (window as unknown as { __benchProbe?: ProbeResult }).__benchProbe).catch(() => undefined)));
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && !(await probes()).some((p) => p?.firstChoice !== undefined)) await page.waitForTimeout(50);
    await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
    await page.waitForTimeout(300); // let the last long task and paint entries land

    const main = (await probes())[0];
    if (!main) throw new Error(`no probe on ${url}`);
    // The first choice may be drawn in a frame: bring its clock onto the page's.
    const firstChoice = Math.min(
      ...(await probes()).flatMap((p) => (p?.firstChoice === undefined ? [] : [p.timeOrigin + p.firstChoice - main.timeOrigin])),
    );
    const fcp = main.fcp ?? NaN;
    // On screen once painted: a page that holds the step in its HTML has it in the DOM before its first paint.
    const visible = Math.max(firstChoice, fcp);
    const before = [...timed.values()].filter((r) => r.end <= main.timeOrigin + visible);
    const chain = longestChain(before);
    const tbt = main.longTasks.filter(([start]) => start >= fcp).reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0);
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    const metric = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
    return {
      fcp,
      lcp: main.lcp ?? fcp,
      tbt,
      mainThreadMs: metric('TaskDuration'),
      scriptMs: metric('ScriptDuration'),
      firstChoiceMs: visible,
      cls: (await probes()).reduce((sum, p) => sum + (p?.cls ?? 0), 0),
      transferredKb: bytes / 1000,
      requests,
      requestsBeforeFirstStep: before.length,
      kbBeforeFirstStep: before.reduce((sum, r) => sum + r.bytes, 0) / 1000,
      roundTripsBeforeFirstStep: chain.length,
      apiRoundTripsBeforeFirstStep: chain.filter((r) => r.url.includes('/api/v1/')).length,
    };
  } finally {
    await context.close();
  }
}

/** The median of each figure over several loads, so one slow load does not decide. */
export async function medianOf(browser: Browser, url: string, runs: number): Promise<PageFigures> {
  const all: PageFigures[] = [];
  for (let i = 0; i < runs; i++) all.push(await measurePage(browser, url));
  const median = (k: keyof PageFigures) => all.map((f) => f[k]).sort((a, b) => a - b)[Math.floor(all.length / 2)]!;
  return Object.fromEntries(Object.keys(all[0]!).map((k) => [k, median(k as keyof PageFigures)])) as unknown as PageFigures;
}
