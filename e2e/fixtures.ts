// The fixtures every spec uses: a demo backend emptied before each test, the widget's API
// traffic recorded from the first request, and the widget's page object. Per project, where the
// demo backend's control routes are (the dev server's own, or the separate upstream's in the
// deployed topology) and where the host pages are.
import { test as base } from '@playwright/test';
import { BrowserHop } from './browser-hop';
import { DemoBackend } from './demo-backend';
import { BookingTraffic } from './traffic';
import { BookingWidget } from './widget';

/** Set by the `deployed` project (playwright.config.ts); absent in the dev-server project. */
export interface DeployedOptions {
  /** The demo backend as the proxy's upstream (its /api/v1 and /__demo); the page's origin when absent. */
  demoURL: string | undefined;
  /** The business's site: README.md's snippets on another origin (e2e/hosts/readme-hosts.mjs). */
  hostURL: string | undefined;
  /** A second proxy on an origin of its own, for `data-api-base`. */
  apiURL: string | undefined;
}

interface Fixtures {
  /** The demo backend; its faults are on the proxy↔upstream hop in the deployed project. */
  demo: DemoBackend;
  /** Faults on the browser↔proxy hop (browser↔dev server in the dev-server project). */
  browserHop: BrowserHop;
  traffic: BookingTraffic;
  widget: BookingWidget;
}

export const test = base.extend<Fixtures & DeployedOptions>({
  demoURL: [undefined, { option: true }],
  hostURL: [undefined, { option: true }],
  apiURL: [undefined, { option: true }],
  demo: [
    async ({ request, demoURL }, use) => {
      const demo = new DemoBackend(request, demoURL);
      await demo.reset();
      await use(demo);
    },
    { auto: true },
  ],
  traffic: [
    async ({ page }, use) => {
      const traffic = new BookingTraffic(page);
      await traffic.watchBodies(page);
      await use(traffic);
    },
    { auto: true },
  ],
  widget: async ({ page }, use) => use(new BookingWidget(page)),
  browserHop: async ({ page }, use) => {
    await use(new BrowserHop(page));
    // A fault still holding a request (a delay) must not outlive its test.
    await page.unrouteAll({ behavior: 'ignoreErrors' });
  },
});

export { expect } from '@playwright/test';
