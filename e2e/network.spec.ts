// Reads that fail: retried on their own with backoff, then an inline error with a retry button;
// a timeout says so; going offline shows a notice and the widget carries on when back online.
// Behind a proxy (the deployed project) the reads fail on the browser's own hop: the proxy rides
// out an upstream failure with retries of its own (e2e/deployed-hops.spec.ts).
import { DEMO } from '../src/server/demo/seed';
import type { BrowserHop } from './browser-hop';
import type { DemoBackend } from './demo-backend';
import { expect, test } from './fixtures';
import { isCall } from './traffic';

const RETRY_BOX = 'We could not reach the booking service';

/** Where a read fails as the widget sees it: the demo backend itself, or the hop in front of the proxy. */
function failReads({ demo, browserHop, demoURL }: { demo: DemoBackend; browserHop: BrowserHop; demoURL: string | undefined }) {
  return (fault: { endpoint: string; status?: number; delayMs?: number; times: number }) =>
    demoURL ? browserHop.fault(fault) : demo.fault(fault);
}

test('a read failing once is retried on its own: the visitor sees nothing of it', async ({ page, widget, demo, browserHop, demoURL }) => {
  await failReads({ demo, browserHop, demoURL })({ endpoint: 'book_staff', status: 503, times: 1 });
  const answers: number[] = [];
  page.on('response', (r) => isCall(r, 'book_staff') && answers.push(r.status()));
  await widget.open(DEMO.forms.newYork);
  await widget.chooseService('Express facial');
  await expect(widget.member('Grace Okafor')).toBeVisible();
  expect(answers).toEqual([503, 200]);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

// Each read the flow makes, failing 500 on every attempt; then the retry button brings it back.
for (const endpoint of ['bookform', 'company', 'book_services', 'book_staff', 'book_dates', 'book_times'] as const) {
  test(`${endpoint} answering 500 three times: an inline error, and its retry button recovers`, async ({ page, widget, demo, browserHop, demoURL }) => {
    await failReads({ demo, browserHop, demoURL })({ endpoint, status: 500, times: 3 });
    await widget.open(DEMO.forms.newYork);
    const box = page.getByRole('alert').filter({ hasText: RETRY_BOX });
    if (demoURL && (endpoint === 'bookform' || endpoint === 'company' || endpoint === 'book_services')) {
      // Deployed, the hosted page's first step comes in its HTML (rendered by the server from the
      // proxy's own reads, e2e/deployed-first-step.spec.ts): the browser makes none of these reads,
      // so their failing on its hop costs the visitor nothing.
      await expect(widget.service('Express facial')).toBeVisible();
      await expect(box).toHaveCount(0);
      expect(page.url()).toContain(`form=${DEMO.forms.newYork}`);
      return;
    }
    if (endpoint !== 'bookform' && endpoint !== 'company' && endpoint !== 'book_services') {
      await widget.chooseService('Express facial');
      if (endpoint !== 'book_staff') await widget.chooseMember('Grace Okafor');
      if (endpoint === 'book_times') await widget.bookableDays().first().click();
    }
    await expect(box).toBeVisible();
    await box.getByRole('button', { name: 'Try again' }).click();
    await expect(box).toHaveCount(0);
    // What the read brings is on screen: the step recovered, not merely the error gone.
    const brought = {
      bookform: widget.service('Express facial'),
      company: widget.service('Express facial'),
      book_services: widget.service('Express facial'),
      book_staff: widget.member('Grace Okafor'),
      book_dates: widget.bookableDays().first(),
      book_times: widget.times().first(),
    }[endpoint];
    await expect(brought).toBeVisible();
  });
}

test('a read that times out shows the retry button, which recovers', async ({ page, widget, demo, browserHop, demoURL }) => {
  await page.clock.install();
  await widget.open(DEMO.forms.newYork);
  await failReads({ demo, browserHop, demoURL })({ endpoint: 'book_staff', delayMs: 60_000, times: 1 });
  await widget.service('Express facial').check();
  await widget.continue();
  await widget.expectStep('staff');
  await page.clock.fastForward(16_000); // past the 15 s timeout
  const box = page.getByRole('alert').filter({ hasText: RETRY_BOX });
  await expect(box).toBeVisible();
  await box.getByRole('button', { name: 'Try again' }).click();
  await expect(widget.member('Grace Okafor')).toBeVisible();
});

test('offline: a notice, and what failed meanwhile loads by itself once back online', async ({ page, context, widget }) => {
  await widget.open(DEMO.forms.newYork);
  await widget.chooseService('Express facial');
  await context.setOffline(true);
  const notice = page.getByRole('alert').filter({ hasText: 'You are offline' });
  await expect(notice).toBeVisible();
  await widget.member('Grace Okafor').click();
  await widget.expectStep('date');
  await expect(page.getByRole('alert').filter({ hasText: RETRY_BOX })).toBeVisible();

  await context.setOffline(false);
  await expect(notice).toHaveCount(0);
  await expect(widget.bookableDays().first()).toBeVisible(); // no button pressed
});
