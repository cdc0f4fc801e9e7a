// The fixtures every spec uses: a demo backend emptied before each test, the widget's API
// traffic recorded from the first request, and the widget's page object.
import { test as base } from '@playwright/test';
import { DemoBackend } from './demo-backend';
import { BookingTraffic } from './traffic';
import { BookingWidget } from './widget';

interface Fixtures {
  demo: DemoBackend;
  traffic: BookingTraffic;
  widget: BookingWidget;
}

export const test = base.extend<Fixtures>({
  demo: [
    async ({ request }, use) => {
      const demo = new DemoBackend(request);
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
});

export { expect } from '@playwright/test';
