// A keyboard user who presses a button that goes away with the press keeps their place: focus moves
// to what the press brought (the calendar's day, the next step's heading, the booking page's
// answer), never back to the page's start.
import type { Locator, Page } from '@playwright/test';
import { DEMO } from '../src/server/demo/seed';
import { expect, test } from './fixtures';
import { tabTo } from './keyboard';
import { freezeTime } from './look';
import { setClocks } from './visitor-clock';
import type { Booking } from './widget';

test.use({ timezoneId: 'America/New_York', locale: 'en-US' });

const HAIRCUT: Booking = { form: DEMO.forms.newYork, service: "Women's haircut", member: 'Olivia Bennett' };

/** Presses Tab until `target` has focus, as a keyboard user would, then Enter. */
async function press(page: Page, target: Locator): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press('Enter');
}

test('"Try the next month" leaves focus on the next month’s first free day', async ({ page, demo, widget }) => {
  // The last evening of March, after closing: nothing is free in March any more; the nearest free
  // times cannot be had, so the way on is the next month.
  const now = '2026-03-31T20:00:00-04:00';
  await setClocks(page, demo, now);
  await demo.fault({ endpoint: 'book_staff_seances', status: 404 });
  await widget.reachDate(HAIRCUT);
  const calendar = widget.region('date');
  await expect(calendar.getByRole('grid')).toHaveAccessibleName(/April 2026/);
  await calendar.getByRole('button', { name: 'Previous month', exact: true }).click();
  await expect(calendar.getByRole('status')).toContainText('No free days this month');

  await press(page, calendar.getByRole('button', { name: 'Try the next month' }));
  await expect(calendar.getByRole('grid')).toHaveAccessibleName(/April 2026/);
  const firstFree = widget.bookableDays().first();
  await expect(firstFree).toBeFocused();
  // The calendar's keys work from there.
  const day = await firstFree.getAttribute('data-date');
  await page.keyboard.press('Enter');
  await widget.expectStep('time');
  await expect(page.getByText(new Date(`${day}T12:00`).toLocaleDateString('en-US', { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' }))).toBeVisible();
});

test('the earliest free time on the date step leaves focus on the contact step’s heading', async ({ page, demo, widget }) => {
  await freezeTime(page, demo);
  await widget.reachDate(HAIRCUT);
  await press(page, page.locator('.bw-earliest').getByRole('button', { name: 'Choose this time' }));
  await widget.expectStep('contact');
  await expect(widget.heading()).toBeFocused();
});

test('the nearest free time on a day without times leaves focus on the contact step’s heading', async ({ page, demo, widget }) => {
  await freezeTime(page, demo);
  await widget.reachDate(HAIRCUT);
  // Someone else takes every time of the second free day while the calendar is on screen.
  const day = (await widget.bookableDays().nth(1).getAttribute('data-date'))!;
  const { newYork } = DEMO.locations;
  for (let i = 10; (await demo.freeTimes(newYork, DEMO.services.womensHaircut, DEMO.staff.olivia, day)).length; i++) {
    await demo.book(newYork, DEMO.services.womensHaircut, `+1 212 555 01${i}`, { staff: DEMO.staff.olivia, date: day });
  }
  await widget.region('date').locator(`[data-date="${day}"]`).click();
  const empty = widget.region('time').getByRole('status');
  await expect(empty).toContainText('Nearest free time');
  await press(page, empty.getByRole('button', { name: 'Choose this time' }));
  await widget.expectStep('contact');
  await expect(widget.heading()).toBeFocused();
});

test('on the booking page, keeping the booking returns focus to the cancel button; cancelling, to the answer', async ({ page, demo, widget }) => {
  // Early on a working day, so the booking made is far enough ahead to be cancelled online.
  await setClocks(page, demo, '2026-11-24T05:00:00-05:00');
  const b = await demo.book(DEMO.locations.newYork, DEMO.services.mensHaircut, '+1 212 555 0180');
  await widget.openBooking(DEMO.forms.newYork, DEMO.locations.newYork, b);
  const cancel = page.getByRole('button', { name: 'Cancel appointment' });
  const question = page.getByRole('group', { name: /Are you sure you want to cancel/ });

  await press(page, cancel);
  await expect(question.getByText(/Are you sure/)).toBeFocused();
  await press(page, question.getByRole('button', { name: 'Keep it' }));
  await expect(question).toHaveCount(0);
  await expect(cancel).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(question.getByText(/Are you sure/)).toBeFocused();
  await press(page, question.getByRole('button', { name: 'Cancel appointment' }));
  await expect(page.getByText('Your appointment has been deleted.')).toBeFocused();
});
