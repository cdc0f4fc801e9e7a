// Nothing jumps while data loads: the cumulative layout shift (CLS, as browsers measure it) of a
// phone visitor going from the first paint to the time step, and on through a booking to the
// success screen, on a slow connection stays under 0.05 ("good" is under 0.1). Every API answer is
// held back, so each step shows its skeleton first (the success screen its details' placeholders).
import { DEMO } from '../src/server/demo/seed';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const CLS_BUDGET = 0.05;
const API_DELAY_MS = 800; // past the 500 ms after a tap in which browsers do not count shifts

test.use({ viewport: { width: 360, height: 740 } });

/** Sums every layout shift not caused by the visitor's own input, from the first paint on. */
async function watchLayoutShift(page: Page): Promise<() => Promise<{ layoutShift: number; shifts: string[] }>> {
  await page.addInitScript(() => {
    const w = window as unknown as { layoutShift: number; shifts: string[] };
    w.layoutShift = 0;
    w.shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: { node?: Node }[] })[]) {
        if (entry.hadRecentInput) continue;
        w.layoutShift += entry.value;
        w.shifts.push(`${entry.value.toFixed(4)} ${(entry.sources ?? []).map((s) => (s.node as Element | undefined)?.className ?? '?').join(', ')}`);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  return () =>
    page.evaluate(() => {
      const w = window as unknown as { layoutShift: number; shifts: string[] };
      return { layoutShift: w.layoutShift, shifts: w.shifts };
    });
}

test('loading the steps shifts the layout by less than the CLS budget', async ({ page, widget }) => {
  const measure = await watchLayoutShift(page);
  await page.route('**/api/v1/**', async (route) => {
    await new Promise((r) => setTimeout(r, API_DELAY_MS));
    await route.fallback();
  });

  await widget.open(DEMO.forms.chain);
  await widget.chooseLocation('Lumen Studio SoHo');
  await expect(widget.service("Women's haircut")).toBeVisible();
  await widget.chooseService("Women's haircut");
  await expect(widget.member('Olivia Bennett')).toBeVisible();
  await widget.chooseMember('Olivia Bennett');
  await expect(widget.bookableDays().first()).toBeVisible();
  await widget.chooseFirstBookableDay();
  await expect(widget.times().first()).toBeVisible();
  await page.waitForTimeout(API_DELAY_MS * 2); // late answers (the earliest time, prefetches) land too

  const { layoutShift, shifts } = await measure();
  test.info().annotations.push({ type: 'CLS', description: layoutShift.toFixed(4) });
  console.log(`CLS from first paint to the time step, API answers ${API_DELAY_MS} ms late: ${layoutShift.toFixed(4)}`);
  expect(layoutShift, shifts.join('\n')).toBeLessThan(CLS_BUDGET);
});

test('booking on to the success screen shifts the layout by less than the CLS budget', async ({ page, widget }) => {
  const measure = await watchLayoutShift(page);
  await page.route('**/api/v1/**', async (route) => {
    await new Promise((r) => setTimeout(r, API_DELAY_MS));
    await route.fallback();
  });

  await widget.open(DEMO.forms.newYork);
  await widget.chooseService("Women's haircut");
  await widget.chooseMember('Olivia Bennett');
  await widget.chooseFirstSlot();
  await widget.fillContact();
  await widget.confirmButton().click();
  await widget.expectStep('success');
  // The business's copy of the booking comes in place of its placeholders.
  await expect(page.locator('.bw-placeholder')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add to calendar', exact: true })).toBeVisible();
  await page.waitForTimeout(API_DELAY_MS * 2);

  const { layoutShift, shifts } = await measure();
  test.info().annotations.push({ type: 'CLS', description: layoutShift.toFixed(4) });
  console.log(`CLS from first paint to the success screen, API answers ${API_DELAY_MS} ms late: ${layoutShift.toFixed(4)}`);
  expect(layoutShift, shifts.join('\n')).toBeLessThan(CLS_BUDGET);
});

test('the measurement sees a shift when content is pushed down', async ({ page, widget }) => {
  const measure = await watchLayoutShift(page);
  await widget.open(DEMO.forms.chain);
  await expect(widget.location('Lumen Studio SoHo')).toBeVisible();
  await page.evaluate(() => {
    const block = document.createElement('div');
    block.className = 'pushed';
    block.textContent = 'a late banner';
    block.style.height = '200px';
    document.querySelector('.bw-root')?.prepend(block);
  });
  await expect.poll(async () => (await measure()).layoutShift).toBeGreaterThan(CLS_BUDGET);
});
