// Trouble at the last step: the visitor is told what happened and can carry on from where
// they are, and still only one booking is made.
import { DEMO } from '../src/server/demo/seed';
import { expect, test } from './fixtures';
import { isCall } from './traffic';

test('a lost connection at confirm says so, keeps focus on the button, and a retry books once', async ({ page, widget, demo }) => {
  await widget.reachConfirm({ form: DEMO.forms.newYork, service: 'Express facial', member: 'Grace Okafor' });

  await page.route(/\/api\/v1\/book_check\//, (route) => route.abort('internetdisconnected'));
  await widget.confirmButton().focus();
  await page.keyboard.press('Enter');
  await expect(widget.region('confirm').getByRole('alert')).toContainText('could not reach the booking service');
  await expect(widget.confirmButton()).toBeFocused();
  expect(await demo.bookings()).toHaveLength(0);

  await page.unroute(/\/api\/v1\/book_check\//);
  const booked = page.waitForResponse((r) => isCall(r, 'book_record', 'POST'));
  await page.keyboard.press('Enter');
  expect((await booked).ok()).toBe(true);
  await widget.expectStep('success');
  expect(await demo.bookings()).toHaveLength(1);
});
