// WCAG 1.4.10 Reflow: at 320 CSS px wide (a 1280 px window zoomed to 400 %) nothing scrolls
// sideways. The inline embed sits on a host page that keeps the browser's default 8 px body
// margin, so the widget has 304 px; on every step, the SMS code and the success screen the host
// page is no wider than its window. The hosted page is checked the same way.
import type { Page } from '@playwright/test';
import { DEMO } from '../src/server/demo/seed';
import { walkBooking } from './a11y-walk';
import { expect, test } from './fixtures';

test.use({ viewport: { width: 320, height: 640 } });

/** How far the page scrolls sideways, in CSS px (0: not at all). */
const sideways = (page: Page) =>
  page.evaluate(() => {
    const root = document.scrollingElement!;
    return root.scrollWidth - root.clientWidth;
  });

test('the inline embed on a page with default margins never scrolls sideways at 320 px', async ({ page }) => {
  await page.goto('/demo/inline.html');
  expect(await page.evaluate(() => getComputedStyle(document.body).marginLeft)).toBe('8px');
  // The demo page's log of the events it received is its own (long JSON lines), not the widget.
  await page.addStyleTag({ content: '#host-events { display: none; }' });
  const wide: string[] = [];
  const steps = await walkBooking(page.locator('booking-widget'), 'en-US', async (step) => {
    const extra = await sideways(page);
    if (extra > 0) wide.push(`${step}: ${extra} px`);
  });
  expect(steps).toEqual(['service', 'staff', 'date', 'time', 'contact', 'confirm', 'success']);
  expect(wide).toEqual([]);
});

for (const [form, lang] of [
  [DEMO.forms.newYork, 'en-US'],
  [DEMO.forms.riga, 'lv-LV'],
] as const) {
  test(`the hosted page never scrolls sideways at 320 px: form ${form}, ${lang}`, async ({ page }) => {
    await page.goto(`/?form=${form}&lang=${lang}`);
    const wide: string[] = [];
    const steps = await walkBooking(page, lang, async (step) => {
      const extra = await sideways(page);
      if (extra > 0) wide.push(`${step}: ${extra} px`);
    });
    expect(steps).toContain('success');
    expect(wide).toEqual([]);
  });
}
