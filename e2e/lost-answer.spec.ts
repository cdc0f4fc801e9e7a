// The booking request reached the business but its answer was lost: the widget never books
// twice. It checks whether the booking exists and says so; only a booking that was not made is
// offered again.
import { DEMO } from '../src/server/demo/seed';
import { expect, test } from './fixtures';
import type { Booking } from './widget';

const FACIAL: Booking = { form: DEMO.forms.newYork, service: 'Express facial', member: 'Grace Okafor' };

test('the connection drops after the booking was made: one booking, and the visitor is told so', async ({ page, widget, traffic, demo }) => {
  await widget.reachConfirm(FACIAL);
  await demo.fault({ endpoint: 'book_record', drop: 'after', times: 1 });
  await widget.confirmButton().click();
  await page.keyboard.press('Enter'); // an impatient second press changes nothing

  const notice = widget.region('confirm').getByRole('alert');
  await expect(notice).toContainText('Your booking has most likely been made');
  await expect(notice.getByRole('link', { name: '+1 212 555 0142' })).toBeVisible();
  await expect(widget.confirmButton()).toBeHidden();
  expect(traffic.count('book_record')).toBe(1);
  expect(traffic.count('book_check')).toBe(2); // before booking, and the check afterwards
  expect(await demo.bookings()).toHaveLength(1);

  // A reload does not bring the booking button back for the same visit. The page loads afresh
  // (on the dev server, module by module) and the widget asks the proxy about the attempt again
  // before it says so: more than the usual 7 s on a busy machine.
  await page.reload();
  await expect(widget.region('confirm').getByRole('alert')).toContainText('most likely been made', { timeout: 15_000 });
  await expect(widget.confirmButton()).toBeHidden();
  expect(await demo.bookings()).toHaveLength(1);
});

test('the connection drops before the booking arrived: told it was not made, and booking again books once', async ({ widget, traffic, demo }) => {
  await widget.reachConfirm(FACIAL);
  await demo.fault({ endpoint: 'book_record', drop: 'before', times: 1 });
  await widget.confirmButton().click();

  await expect(widget.region('confirm').getByRole('alert')).toContainText('Your booking was not made');
  expect(await demo.bookings()).toHaveLength(0);
  expect(traffic.count('book_record')).toBe(1); // never sent again on its own

  await widget.confirmButton().click();
  await widget.expectStep('success');
  expect(await demo.bookings()).toHaveLength(1);
});

test('the answer is lost and so is the check: it checks again once back online', async ({ page, context, widget, demo }) => {
  await widget.reachConfirm(FACIAL);
  await demo.fault({ endpoint: 'book_record', drop: 'after', times: 1 });
  // The book_check before booking passes; the one after the lost answer finds no connection.
  await page.route(/\/api\/v1\/book_record\//, async (route) => {
    await route.fallback();
    await demo.fault({ endpoint: 'book_check', drop: true, times: 1 });
  });
  await widget.confirmButton().click();
  await expect(widget.region('confirm').getByRole('alert')).toContainText('as soon as the connection is back');
  await expect(widget.confirmButton()).toBeHidden();

  await context.setOffline(true);
  await context.setOffline(false);
  await expect(widget.region('confirm').getByRole('alert')).toContainText('most likely been made');
  expect(await demo.bookings()).toHaveLength(1);
});
