// A complete booking on the demo backend, as a visitor makes it, with every API request timed:
// how many, duplicates, bytes, the longest chain that had to wait, and round trips before the
// first step showed. The network has the bench's round-trip time so waits are unmistakable.
import type { Browser, BrowserContext, Page, Request } from '@playwright/test';
import { DEMO } from '../src/server/demo/seed';
import { BookingWidget } from '../e2e/widget';
import { PROFILE } from './measure-page';
import { FIRST_CHOICE, installProbe, type ProbeResult } from './page-probe';
import { chainReport, longestChain, type ChainReport, type TimedRequest } from './request-chain';

export interface BookingFigures extends ChainReport {
  roundTripsBeforeFirstStep: number;
  /** Requests made by going back from the date step and choosing the same team member again. */
  reaskedAfterBackAndForth: number;
  requestList: string[];
}

/** Every finished API request of the page, timed; `pending` settles once their sizes are read. */
function recordApi(page: Page): { requests: TimedRequest[]; pending: Promise<void>[] } {
  const requests: TimedRequest[] = [];
  const pending: Promise<void>[] = [];
  page.on('requestfinished', (r: Request) => {
    if (!r.url().includes('/api/v1/')) return;
    pending.push(
      r.sizes().then((s) => {
        const t = r.timing();
        requests.push({
          method: r.method(),
          url: r.url(),
          body: r.postData() ?? undefined,
          start: t.startTime,
          end: t.startTime + t.responseEnd,
          bytes: s.requestHeadersSize + s.requestBodySize + s.responseHeadersSize + s.responseBodySize,
        });
      }),
    );
  });
  return { requests, pending };
}

async function openThrottled(browser: Browser, origin: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: origin });
  const page = await context.newPage();
  await page.addInitScript(installProbe, FIRST_CHOICE);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: PROFILE.rttMs, downloadThroughput: -1, uploadThroughput: -1 });
  return { context, page };
}

/** Longest chain among the requests that had finished when the first step's choices showed. */
async function roundTripsBeforeFirstStep(page: Page, requests: TimedRequest[]): Promise<number> {
  const probe = (await page.evaluate(() => (window as unknown as { __benchProbe: ProbeResult }).__benchProbe)) as ProbeResult;
  const firstStepAt = probe.timeOrigin + (probe.firstChoice ?? Infinity);
  return longestChain(requests.filter((r) => r.end <= firstStepAt)).length;
}

/** Round trips before the first step on a page URL, e.g. one that names the location. */
export async function firstStepRoundTrips(browser: Browser, origin: string, path: string): Promise<number> {
  const { context, page } = await openThrottled(browser, origin);
  try {
    const { requests, pending } = recordApi(page);
    await page.goto(path);
    await new BookingWidget(page).expectStep('service');
    await page.locator(FIRST_CHOICE).first().waitFor();
    await Promise.all(pending);
    return await roundTripsBeforeFirstStep(page, requests);
  } finally {
    await context.close();
  }
}

/** `demoOrigin`: where the demo backend's own routes are (the upstream, behind a proxy with a token). */
export async function measureBooking(browser: Browser, origin: string, demoOrigin = origin): Promise<BookingFigures> {
  await fetch(`${demoOrigin}/__demo/reset`, { method: 'POST' });
  const { context, page } = await openThrottled(browser, origin);
  try {

    const { requests, pending } = recordApi(page);

    // The dates and the first day's times arrive after the date step shows: wait them out.
    const settled = async () => {
      await widget.bookableDays().first().waitFor();
      await page.waitForTimeout(PROFILE.rttMs * 3);
      await Promise.all(pending);
    };
    const widget = new BookingWidget(page);
    await page.goto(`/?form=${DEMO.forms.newYork}`);
    await widget.expectStep('service');
    await widget.chooseService("Women's haircut");
    await widget.chooseMember('Olivia Bennett');
    await settled();
    const before = requests.length;
    await widget.back();
    await widget.chooseMember('Olivia Bennett');
    await settled();
    const reasked = requests.length - before;
    await widget.chooseFirstSlot();
    await widget.fillContact();
    await widget.confirmButton().click();
    await widget.expectStep('success');
    await page.waitForLoadState('networkidle');
    await Promise.all(pending);

    const sorted = [...requests].sort((a, b) => a.start - b.start);
    return {
      ...chainReport(requests),
      roundTripsBeforeFirstStep: await roundTripsBeforeFirstStep(page, requests),
      reaskedAfterBackAndForth: reasked,
      requestList: sorted.map((r) => `${r.method} ${new URL(r.url).pathname.replace(/^.*\/api\/v1\//, '')}${new URL(r.url).search}`),
    };
  } finally {
    await context.close();
  }
}
