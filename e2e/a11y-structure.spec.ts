// The page's structure and look as assistive technology and the visitor meet them: the hosted
// page has exactly one h1 on every step (the step's title) while an embed adds none to its host
// page; the booking page (?record=&hash=) wears the booking form's colours, as the booking does;
// the reminder's select is in the widget's font, like every other field.
import type { Page } from '@playwright/test';
import { DEMO } from '../src/server/demo/seed';
import { walkBooking } from './a11y-walk';
import { expect, test } from './fixtures';
import { setClocks } from './visitor-clock';

const h1s = (page: Page) => page.locator('h1').allInnerTexts();

test('the hosted page has one h1 on every step: the step’s title', async ({ page }) => {
  await page.goto(`/?form=${DEMO.forms.newYork}&lang=en-US`);
  const wrong: string[] = [];
  const steps = await walkBooking(page, 'en-US', async (step) => {
    const title = await page.locator('.bw-title').innerText();
    const found = await h1s(page);
    if (found.length !== 1 || found[0] !== title) wrong.push(`${step}: ${JSON.stringify(found)}, title "${title}"`);
  });
  expect(steps).toContain('success');
  expect(wrong).toEqual([]);
});

test('an inline embed adds no h1 to its host page: the step’s title is a level below', async ({ page }) => {
  await page.goto('/demo/inline.html');
  const widget = page.locator('booking-widget');
  await expect(widget.getByRole('heading', { level: 2, name: 'Service selection' })).toBeVisible();
  // Playwright's locators pierce the shadow root: every h1 there is, the host's and the widget's.
  expect(await h1s(page)).toEqual(["A salon's page"]);
});

test('the booking page wears the booking form’s colours, light and dark', async ({ page, demo, widget }) => {
  await setClocks(page, demo, '2026-11-24T05:00:00-05:00');
  const colours = () =>
    page.locator('.bw-root').evaluate((el) => {
      const style = getComputedStyle(el);
      return { primary: style.getPropertyValue('--bw-primary').trim(), background: style.backgroundColor, text: style.color };
    });
  for (const form of [DEMO.forms.lightPalette, DEMO.forms.darkPalette]) {
    await page.goto(`/?form=${form}&lang=en-US`);
    await expect(page.locator('.bw-root[data-step]')).toBeVisible();
    // The form's palette replaces the widget's own primary once the host API has applied it.
    await expect.poll(async () => (await colours()).primary).not.toMatch(/^#1a56b8$/i);
    const booking = await colours();

    const booked = await demo.book(DEMO.locations.newYork, DEMO.services.mensHaircut, '+1 212 555 0179');
    await widget.openBooking(form, DEMO.locations.newYork, booked);
    await expect(page.getByRole('heading', { level: 1, name: 'Your booking' })).toBeVisible();
    await expect.poll(colours, `form ${form}'s colours on its booking page`).toEqual(booking);
  }
});

test('the reminder’s select is in the widget’s font', async ({ page }) => {
  await page.goto(`/?form=${DEMO.forms.newYork}&lang=en-US`);
  let checked = 0;
  await walkBooking(page, 'en-US', async (step) => {
    if (step !== 'contact') return;
    const fonts = await page.locator('.bw-step').evaluate((el) => {
      const font = (e: Element) => {
        const s = getComputedStyle(e);
        return `${s.fontFamily} ${s.fontSize} ${s.fontWeight}`;
      };
      return { field: font(el.querySelector('input.bw-input')!), selects: [...el.querySelectorAll('select')].map(font) };
    });
    checked = fonts.selects.length;
    for (const select of fonts.selects) expect(select).toBe(fonts.field);
  });
  expect(checked).toBeGreaterThan(0);
});
