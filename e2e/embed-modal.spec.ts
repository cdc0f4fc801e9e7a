// Button mode: the dialog is labelled, keeps keyboard focus inside, closes on Escape and gives
// focus back to whatever opened it (the floating button, or a page element with
// data-booking-widget-open).
import type { Page } from '@playwright/test';
import { expectStep } from './embed/flow';
import { eventNames } from './embed/host';
import { expect, test } from './fixtures';

/** Where focus is, looking through the widget's shadow root: 'dialog', 'launcher' or the page element's id. */
function focusIsAt(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (active?.tagName.toLowerCase() === 'booking-widget') {
      const inner = active.shadowRoot?.activeElement;
      if (inner?.closest('dialog')) return 'dialog';
      if (inner?.classList.contains('launcher')) return 'launcher';
      return `widget:${inner?.tagName ?? 'none'}`;
    }
    return active?.id || active?.tagName || 'none';
  });
}

test('the dialog traps focus, closes on Escape and returns focus to the floating button', async ({ page }) => {
  await page.goto('/demo/button.html');
  const launcher = page.getByRole('button', { name: 'Book now' });
  await launcher.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Book now' });
  await expect(dialog).toBeVisible();
  await expectStep(dialog, 'service');

  for (let i = 0; i < 30; i++) {
    await page.keyboard.press(i % 7 === 6 ? 'Shift+Tab' : 'Tab');
    expect(await focusIsAt(page)).toBe('dialog');
  }

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(await focusIsAt(page)).toBe('launcher');
  expect(await eventNames(page)).toEqual(expect.arrayContaining(['open', 'close']));
});

test("a page element with data-booking-widget-open opens the dialog, and gets focus back", async ({ page }) => {
  await page.goto('/demo/button.html');
  await page.getByRole('button', { name: "Book from the page's own button" }).click();
  const dialog = page.getByRole('dialog', { name: 'Book now' });
  await expect(dialog).toBeVisible();
  await expectStep(dialog, 'service');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  expect(await focusIsAt(page)).toBe('own-button');
});
