// Loading and empty states that help: skeletons while data is on its way, and the earliest free
// time one tap away from the calendar.
import { DEMO } from '../src/server/demo/seed';
import { expect, test } from './fixtures';
import { freezeTime } from './look';
import { setClocks } from './visitor-clock';
import type { Booking } from './widget';

test.use({ timezoneId: 'America/New_York', locale: 'en-US' });

const HAIRCUT: Booking = { form: DEMO.forms.newYork, service: "Women's haircut", member: 'Olivia Bennett' };

test('the calendar offers the earliest free time; one tap chooses its day and time', async ({ page, demo, widget }) => {
  await freezeTime(page, demo);
  await widget.reachDate(HAIRCUT);
  const earliest = page.locator('.bw-earliest');
  await expect(earliest).toContainText('Earliest free time: Wednesday, March 4, 2026 at 11:30 AM');
  await earliest.getByRole('button', { name: 'Choose this time' }).click();
  await widget.expectStep('contact');
  await widget.fillContact();
  await expect(widget.region('confirm')).toContainText('Wednesday, March 4, 2026 at 11:30 AM');
});

test('a step waiting for data shows a skeleton of its content, then the content', async ({ page, widget }) => {
  let release: () => void = () => {};
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/api/v1/book_staff/**', async (route) => {
    await held;
    await route.fallback();
  });
  await widget.open(DEMO.forms.newYork);
  await widget.service("Women's haircut").check();
  await widget.continue();
  const busy = widget.region('staff').locator('[aria-busy="true"]');
  await expect(busy).toBeVisible();
  await expect(busy.locator('.bw-skel').first()).toBeVisible();
  release();
  await expect(widget.member('Olivia Bennett')).toBeVisible();
  await expect(busy).toHaveCount(0);
});

test('a month without free days names the next free day and shows it in one tap', async ({ page, demo, widget }) => {
  // The last evening of March, after closing: nothing is free in March any more.
  const now = '2026-03-31T20:00:00-04:00';
  await setClocks(page, demo, now);
  await widget.reachDate(HAIRCUT);
  const calendar = widget.region('date');
  await expect(calendar.getByRole('grid')).toHaveAccessibleName(/April 2026/);
  await calendar.getByRole('button', { name: 'Previous month', exact: true }).click();
  await expect(calendar.getByRole('grid')).toHaveAccessibleName(/March 2026/);
  await expect(calendar.getByRole('status')).toContainText('No free days this month');
  await expect(calendar.getByRole('status')).toContainText('The next free day is Wednesday, April 1.');
  await calendar.getByRole('button', { name: 'Show April 1' }).click();
  await widget.expectStep('time');
  await expect(page.getByText('Wednesday, April 1, 2026')).toBeVisible();
});
