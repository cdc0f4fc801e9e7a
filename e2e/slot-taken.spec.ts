// Someone else books the chosen time first: the visitor is sent back to pick another time, told
// why, and the taken time is no longer offered.
import { DEMO } from '../src/server/demo/seed';
import { expect, test } from './fixtures';
import { bookingBodyOf, isCall } from './traffic';
import { VISITOR } from './widget';

test('a time taken meanwhile sends the visitor back to choose another one', async ({ page, request, widget, demo }) => {
  await widget.reachDate({ form: DEMO.forms.newYork, service: "Kids' haircut", member: 'Marcus Reed' });
  // A day of the next month: a whole working day, so other times stay free once this one is taken.
  await widget.showNextMonth();
  const { time } = await widget.chooseFirstSlot();
  await widget.fillContact();

  // Another visitor takes the same slot: the body the widget is about to send, sent first.
  const checked = page.waitForRequest((r) => isCall(r, 'book_check', 'POST'));
  await page.route(/\/api\/v1\/book_check\//, async (route) => {
    const body = bookingBodyOf(route.request());
    const other = { ...body, fullname: 'Another Visitor', phone: '+1 212 555 0177', email: '' };
    const taken = await request.post(`/api/v1/book_record/${DEMO.locations.newYork}`, { data: other });
    expect(taken.ok()).toBe(true);
    await route.fallback();
  });
  await widget.confirmButton().click();
  await checked;

  await widget.expectStep('time');
  await expect(widget.region('time').getByRole('alert')).toContainText('Unable to book at the selected time');
  await expect(widget.times().first()).toBeVisible();
  await expect(widget.region('time').getByRole('button', { name: time, exact: true })).toHaveCount(0);
  const bookings = await demo.bookings();
  expect(bookings.map((b) => b.fullname)).toEqual(['Another Visitor']);

  await page.unroute(/\/api\/v1\/book_check\//);
  await widget.chooseFirstTime();
  await widget.continue();
  await widget.expectStep('confirm');
  await widget.confirmButton().click();
  await widget.expectStep('success');
  expect((await demo.bookings()).map((b) => b.fullname)).toEqual(['Another Visitor', VISITOR.name]);
});
