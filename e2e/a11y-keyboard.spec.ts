// A whole booking with the keyboard alone (Tab, Shift+Tab, arrows, Space, Enter and typing), in
// the inline embed and in the button's dialog: every step's heading takes focus, the calendar is
// one tab stop moved with the arrows, and the dialog gives focus back when it closes.
import type { Page } from '@playwright/test';
import { HAIRCUT, OLIVIA, expectStep, type WidgetRoot } from './embed/flow';
import { expect, test } from './fixtures';
import { hasFocus, tabTo } from './keyboard';
import { VISITOR } from './widget';

/** The date in focus in the calendar, 'YYYY-MM-DD'. */
function focusedDay(root: WidgetRoot): Promise<string | null> {
  return root.locator('[role="gridcell"]:focus').getAttribute('data-date');
}

async function expectHeadingFocused(root: WidgetRoot): Promise<void> {
  await expect.poll(() => hasFocus(root.getByRole('heading', { level: 2 }))).toBe(true);
}

async function bookWithKeyboard(page: Page, root: WidgetRoot): Promise<void> {
  const key = (k: string) => page.keyboard.press(k);

  await expectStep(root, 'service');
  const haircut = root.getByRole('checkbox', { name: new RegExp(`^${HAIRCUT}`) });
  await tabTo(page, haircut);
  await key('Space');
  await expect(haircut).toBeChecked();
  await tabTo(page, root.getByRole('button', { name: 'Continue', exact: true }));
  await key('Enter');

  await expectStep(root, 'staff');
  await expectHeadingFocused(root);
  await tabTo(page, root.getByRole('button', { name: new RegExp(`^${OLIVIA}`) }));
  await key('Enter');

  await expectStep(root, 'date');
  await expectHeadingFocused(root);
  // One tab stop for the whole month: the first free day.
  const stop = root.locator('[role="grid"]:not([aria-busy="true"]) [role="gridcell"][tabindex="0"]');
  await expect(stop).not.toHaveAttribute('aria-disabled', 'true');
  await tabTo(page, stop);
  const firstFree = await focusedDay(root);
  await key('ArrowDown');
  await expect.poll(() => focusedDay(root)).not.toBe(firstFree);
  await key('ArrowUp');
  await expect.poll(() => focusedDay(root)).toBe(firstFree);
  await key('Enter');

  await expectStep(root, 'time');
  // A wide widget keeps the calendar beside the times, and focus on the chosen day; a narrow one
  // shows the times alone, from their heading.
  if (await root.getByRole('grid').isVisible()) await expect.poll(() => focusedDay(root)).toBe(firstFree);
  else await expectHeadingFocused(root);
  const time = root.getByRole('listitem').getByRole('button').first();
  await tabTo(page, time);
  await key('Enter');

  await expectStep(root, 'contact');
  await expectHeadingFocused(root);
  const fields: [string, string][] = [
    ['Name', VISITOR.name],
    ['Telephone', VISITOR.phone],
    ['Email', VISITOR.email],
  ];
  for (const [name, value] of fields) {
    await tabTo(page, root.getByRole('textbox', { name, exact: true }));
    await page.keyboard.type(value);
  }
  await tabTo(page, root.getByRole('button', { name: 'Continue', exact: true }));
  await key('Enter');

  await expectStep(root, 'confirm');
  await expectHeadingFocused(root);
  // Past the summary's "Change" buttons to the one that books.
  await tabTo(page, root.getByRole('button', { name: 'Sign up', exact: true }));
  await key('Enter');

  await expectStep(root, 'success');
  await expectHeadingFocused(root);
}

test('a booking with the keyboard alone in the inline embed', async ({ page, demo }) => {
  await page.goto('/demo/inline.html');
  const root = page.locator('#booking');
  await expectStep(root, 'service');
  await bookWithKeyboard(page, root);
  expect(await demo.bookings()).toHaveLength(1);
});

test('a booking with the keyboard alone in the dialog, which then closes back to its button', async ({ page, demo }) => {
  await page.goto('/demo/button.html');
  const launcher = page.getByRole('button', { name: 'Book now' });
  await tabTo(page, launcher);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Book now' });
  await expect(dialog).toBeVisible();
  await bookWithKeyboard(page, dialog);
  expect(await demo.bookings()).toHaveLength(1);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(await hasFocus(launcher)).toBe(true);
});
