// The booking page (the hosted page with ?record=&hash=): the visitor sees the booking and cancels
// it after a confirmation where the location allows it, or reads why not and how to reach them.
import { DEMO } from '../src/server/demo/seed';
import { expect, test } from './fixtures';
import { setClocks } from './visitor-clock';

/** Early on a working day: the day's first free time (9:00) is well before the 2 h cancellation cutoff. */
const EARLY = '2026-11-24T05:00:00-05:00';

test('cancelling from the success screen’s link removes the booking in the demo backend', async ({ page, widget, demo }) => {
  await setClocks(page, demo, EARLY);
  await widget.reachConfirm({ form: DEMO.forms.newYork, service: "Men's haircut", member: 'Marcus Reed' });
  await widget.confirmButton().click();
  await widget.expectStep('success');
  const link = await widget.region('success').getByRole('link', { name: 'View or cancel this booking' }).getAttribute('href');

  const deletes: string[] = [];
  page.on('request', (r) => r.method() === 'DELETE' && deletes.push(new URL(r.url()).pathname));
  await page.goto(link!);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your booking');
  await expect(page.getByText("Men's haircut")).toBeVisible();
  await expect(page.getByText('Marcus Reed')).toBeVisible();

  await page.getByRole('button', { name: 'Cancel appointment' }).click();
  // Nothing is cancelled before the visitor confirms; keeping it goes back.
  const question = page.getByRole('group', { name: /Are you sure you want to cancel/ });
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: 'Keep it' }).click();
  await expect(question).toHaveCount(0);
  expect(deletes).toEqual([]);
  expect((await demo.bookings())[0]?.deletedAt).toBeUndefined();

  await page.getByRole('button', { name: 'Cancel appointment' }).click();
  await question.getByRole('button', { name: 'Cancel appointment' }).click();
  await expect(page.getByText('Your appointment has been deleted.')).toBeFocused();
  const [booking] = await demo.bookings();
  expect(booking?.deletedAt).toEqual(expect.any(String));
  expect(deletes).toEqual([`/api/v1/user/records/${booking!.recordId}/${booking!.recordHash}`]);

  // Coming back later: the record says it was cancelled, and booking again is offered.
  await page.reload();
  await expect(page.getByText('Your appointment has been deleted.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel appointment' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Sign up more' })).toHaveAttribute('href', `?form=${DEMO.forms.newYork}&location=${DEMO.locations.newYork}&lang=en-US`);
});

test('a location that takes cancellations by phone only says so and shows how to reach it', async ({ page, widget, demo }) => {
  const booked = await demo.book(DEMO.locations.riga, DEMO.services.rigaMensHaircut, '+371 2000 0000');
  await widget.openBooking(DEMO.forms.riga, DEMO.locations.riga, booked);
  await expect(page.getByRole('alert')).toContainText('It is not possible to cancel an appointment online. Please contact the administrator.');
  await expect(page.getByRole('link', { name: '+371 6720 1234' })).toHaveAttribute('href', 'tel:+37167201234');
  await expect(page.getByText('Kaļķu iela 7, Rīga').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel appointment' })).toHaveCount(0);
  expect((await demo.bookings())[0]?.deletedAt).toBeUndefined();
});

test('inside the location’s delay before the visit, cancelling online is closed and the reason given', async ({ page, widget, demo }) => {
  const booked = await demo.book(DEMO.locations.newYork, DEMO.services.mensHaircut, '+1 212 555 0177');
  // The page reads the visitor's clock: both clocks an hour before the visit.
  await setClocks(page, demo, new Date(Date.parse(booked.datetime) - 60 * 60_000).toISOString());
  await widget.openBooking(DEMO.forms.newYork, DEMO.locations.newYork, booked);
  await expect(page.getByRole('alert')).toContainText('Unable to cancel online booking 2 hr before visiting. Please contact the administrator.');
  await expect(page.getByRole('link', { name: '+1 212 555 0142' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel appointment' })).toHaveCount(0);
});

test('a link with a wrong hash finds nothing and says so', async ({ page, widget, demo }) => {
  const booked = await demo.book(DEMO.locations.newYork, DEMO.services.mensHaircut, '+1 212 555 0178');
  await widget.openBooking(DEMO.forms.newYork, DEMO.locations.newYork, { ...booked, hash: 'not-the-hash' });
  await expect(page.getByRole('alert')).toHaveText('This booking could not be found. The link may be incomplete.');
});
