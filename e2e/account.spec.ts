// "My bookings", the visitor's account: from the header, sign in with the phone and the SMS code,
// see upcoming and past bookings (the one made by phone too), move one to another free time (the
// old time free again, the new one taken, as the demo upstream answers), cancel one, book one again
// with the contact step filled from the account; a reschedule by keyboard alone; axe on every view.
// Also run in the deployed topology (the built files behind the built server and its proxy).
import type { Page } from '@playwright/test';
import { DEMO } from '../src/server/demo/seed';
import { axeViolations } from './a11y-walk';
import { expect, test } from './fixtures';
import { hasFocus, tabTo } from './keyboard';
import { setClocks } from './visitor-clock';
import type { BookingWidget } from './widget';

const NY = DEMO.locations.newYork;
const HAIRCUT = DEMO.services.womensHaircut;
const OLIVIA = DEMO.staff.olivia;

// Monday 23 November 2026, 09:00 in New York: the seeded visitor's history is laid out around it
// (a haircut on Wednesday at 10:30, a manicure booked by phone, a yoga class; two past visits).
test.beforeEach(({ page, demo }) => setClocks(page, demo, '2026-11-23T09:00:00-05:00'));

const account = (page: Page) => page.getByRole('region', { name: 'My bookings', exact: true });
const upcoming = (page: Page) => account(page).getByRole('region', { name: 'Upcoming', exact: true });
const past = (page: Page) => account(page).getByRole('region', { name: 'Past', exact: true });
/** One booking in a list, by what it says (its services are a list of their own inside it). */
const card = (page: Page, list: 'upcoming' | 'past', text: string) =>
  (list === 'upcoming' ? upcoming(page) : past(page)).locator(':scope > ul > li').filter({ hasText: text });

async function openAccount(page: Page, widget: BookingWidget) {
  await widget.open(DEMO.forms.newYork);
  await widget.expectStep('service');
  await page.getByRole('button', { name: 'My bookings', exact: true }).click();
  await expect(widget.heading()).toHaveText('My bookings');
}

async function signIn(page: Page) {
  await account(page).getByRole('textbox', { name: 'Telephone' }).fill(DEMO.visitor.phone);
  await account(page).getByRole('button', { name: 'Send code', exact: true }).click();
  const code = account(page).getByRole('textbox', { name: 'The code' });
  await expect(code).toBeFocused();
  await expect(code).toHaveAttribute('autocomplete', 'one-time-code');
  await code.fill(DEMO.smsCode);
  await account(page).getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(upcoming(page).locator(':scope > ul > li')).toHaveCount(3);
}

/** 'HH:mm' of an ISO time as the widget writes it in English ('2:00 PM'). */
const clock = (iso: string) => {
  const [h, m] = iso.slice(11, 16).split(':').map(Number);
  return `${h! % 12 || 12}:${String(m).padStart(2, '0')} ${h! < 12 ? 'AM' : 'PM'}`;
};

test('sign in, see upcoming and past bookings, move one to another free time and cancel one; axe finds nothing on any view', async ({ page, widget, demo }) => {
  // Five axe runs and two changes: more than the default half minute on a busy machine.
  test.slow();
  await openAccount(page, widget);
  expect(await axeViolations(page)).toEqual([]);
  await signIn(page);
  await expect(account(page)).toContainText('Signed in as +1 212 555 0123');
  await expect(card(page, 'upcoming', "Women's haircut")).toContainText('Wednesday, November 25, 2026 at 10:30 AM');
  // Booked by phone at the location: listed like any other.
  await expect(card(page, 'upcoming', 'Gel manicure')).toContainText('Hannah Kim');
  await expect(past(page).locator(':scope > ul > li')).toHaveCount(2);
  await expect(card(page, 'past', 'Brow shaping')).toContainText('October 14, 2026');
  expect(await axeViolations(page)).toEqual([]);

  // Move the haircut to Olivia's first free time on Thursday.
  const oldTime = '2026-11-25T10:30';
  expect((await demo.freeTimes(NY, HAIRCUT, OLIVIA, '2026-11-25')).some((t) => t.startsWith(oldTime))).toBe(false);
  const [newTime] = await demo.freeTimes(NY, HAIRCUT, OLIVIA, '2026-11-26');
  await card(page, 'upcoming', "Women's haircut").getByRole('button', { name: 'Reschedule', exact: true }).click();
  await expect(account(page).getByRole('heading', { name: 'Reschedule' })).toBeFocused();
  await account(page).locator('[role="grid"]:not([aria-busy="true"])').getByRole('gridcell', { name: 'Thursday, November 26, 2026' }).click();
  await account(page).getByRole('button', { name: `Thursday, November 26, 2026 at ${clock(newTime!)}`, exact: true }).click();
  expect(await axeViolations(page)).toEqual([]);
  await account(page).getByRole('button', { name: `Move to Thursday, November 26, 2026 at ${clock(newTime!)}` }).click();
  await expect(account(page).getByRole('status').filter({ hasText: 'moved' })).toHaveText(`Your booking has been moved to Thursday, November 26, 2026 at ${clock(newTime!)}.`);
  await expect(card(page, 'upcoming', "Women's haircut")).toContainText(`November 26, 2026 at ${clock(newTime!)}`);
  expect((await demo.freeTimes(NY, HAIRCUT, OLIVIA, '2026-11-25')).some((t) => t.startsWith(oldTime))).toBe(true);
  expect(await demo.freeTimes(NY, HAIRCUT, OLIVIA, '2026-11-26')).not.toContain(newTime);

  // Cancel the manicure, after a confirmation.
  const manicure = card(page, 'upcoming', 'Gel manicure');
  await manicure.getByRole('button', { name: 'Cancel appointment', exact: true }).click();
  await expect(manicure.getByRole('group')).toContainText('Are you sure');
  expect(await axeViolations(page)).toEqual([]);
  await manicure.getByRole('group').getByRole('button', { name: 'Cancel appointment', exact: true }).click();
  await expect(account(page).getByText('Your appointment has been deleted.')).toBeVisible();
  await expect(upcoming(page).locator(':scope > ul > li')).toHaveCount(2);
  await expect(card(page, 'past', 'Gel manicure')).toContainText('Cancelled');
  expect(await axeViolations(page)).toEqual([]);
});

test('book one again: the same service and team member chosen, the contact step filled from the account, booked', async ({ page, widget, demo }) => {
  await openAccount(page, widget);
  await signIn(page);
  await card(page, 'past', 'Brow shaping').getByRole('button', { name: 'Book again', exact: true }).click();
  await widget.expectStep('service');
  await expect(widget.service('Brow shaping')).toBeChecked();
  await widget.continue();
  await widget.expectStep('staff');
  await widget.continue();
  await widget.expectStep('date');
  await widget.chooseFirstSlot();
  await expect(widget.nameField()).toHaveValue(DEMO.visitor.name);
  await expect(widget.phoneField()).toHaveValue(DEMO.visitor.phone);
  await expect(widget.emailField()).toHaveValue(DEMO.visitor.email);
  await widget.continue();
  await widget.expectStep('confirm');
  await widget.confirmButton().click();
  await widget.expectStep('success');
  const booked = (await demo.bookings()).find((b) => b.serviceIds.includes(DEMO.services.browShaping));
  expect(booked).toMatchObject({ staffId: DEMO.staff.grace, fullname: DEMO.visitor.name, phone: DEMO.visitor.phone, email: DEMO.visitor.email });
});

test('a reschedule by keyboard alone', async ({ page, widget, demo }) => {
  await widget.open(DEMO.forms.newYork);
  await widget.expectStep('service');
  await tabTo(page, page.getByRole('button', { name: 'My bookings', exact: true }));
  await page.keyboard.press('Enter');
  const phone = account(page).getByRole('textbox', { name: 'Telephone' });
  await tabTo(page, phone);
  await page.keyboard.type(DEMO.visitor.phone);
  await page.keyboard.press('Enter');
  await expect(account(page).getByRole('textbox', { name: 'The code' })).toBeFocused();
  await page.keyboard.type(DEMO.smsCode);
  await page.keyboard.press('Enter');
  const move = card(page, 'upcoming', "Women's haircut").getByRole('button', { name: 'Reschedule', exact: true });
  await tabTo(page, move);
  await page.keyboard.press('Enter');
  await expect(account(page).getByRole('heading', { name: 'Reschedule' })).toBeFocused();
  // The calendar is one stop; the arrows move through its days.
  const grid = account(page).locator('[role="grid"]:not([aria-busy="true"])');
  await expect(grid).toBeVisible();
  await tabTo(page, grid.locator('[tabindex="0"]'));
  for (let i = 0; i < 10 && !(await hasFocus(grid.getByRole('gridcell', { name: 'Thursday, November 26, 2026' }))); i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  const [newTime] = await demo.freeTimes(NY, HAIRCUT, OLIVIA, '2026-11-26');
  const time = account(page).getByRole('button', { name: `Thursday, November 26, 2026 at ${clock(newTime!)}`, exact: true });
  await tabTo(page, time);
  await page.keyboard.press('Enter');
  const submit = account(page).getByRole('button', { name: /^Move to / });
  await tabTo(page, submit);
  await page.keyboard.press('Enter');
  const notice = account(page).getByText(/^Your booking has been moved to/);
  await expect(notice).toBeFocused();
  expect(await demo.freeTimes(NY, HAIRCUT, OLIVIA, '2026-11-26')).not.toContain(newTime);
});
