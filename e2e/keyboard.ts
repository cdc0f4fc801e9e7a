// Moving as a keyboard user does: Tab (or Shift+Tab) until a control has focus, looking through
// shadow roots so the same moves work in the hosted page and in the embeds.
import { expect, type Locator, type Page } from '@playwright/test';

/** Whether `target` has focus, looking through shadow roots. */
export function hasFocus(target: Locator): Promise<boolean> {
  return target.evaluate((el) => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active === el;
  });
}

/** Presses Tab (Shift+Tab with `back`) until `target` has focus. */
export async function tabTo(page: Page, target: Locator, back = false): Promise<void> {
  await expect(target).toBeVisible();
  for (let presses = 0; presses < 60; presses++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if (await hasFocus(target)) return;
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}
