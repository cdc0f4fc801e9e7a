// Group events on form 10 (New York: individual services or group events): booking 2 seats of a
// class (its seats left drop by 2 when the visitor comes back), a full class that cannot be
// chosen, one that fills up meanwhile (a clear message and fresh seats), and the whole booking by
// keyboard alone with axe finding nothing on each step. Both clocks on a Monday at 08:00 in New
// York: the 07:30 class has passed, the 19:00 one is ahead.
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { DEMO } from '../src/server/demo/seed';
import { axeViolations } from './a11y-walk';
import { expect, test } from './fixtures';
import { tabTo } from './keyboard';
import { setClocks } from './visitor-clock';
import { VISITOR, type BookingWidget } from './widget';

const MONDAY_MORNING = '2026-11-23T08:00:00-05:00';
const NY = DEMO.locations.newYork;

test.use({ viewport: { width: 1280, height: 900 } });

const kindTitle = 'What would you like to book?';
const eventsTitle = 'Choose an event';
const event = (page: Page, title: string): Locator => page.locator('.bw-card--event').filter({ hasText: title });
const eventButton = (page: Page, title: string): Locator => event(page, title).locator('.bw-card__main');
const seatsLeft = async (page: Page, title: string): Promise<number> => Number(/(\d+) of \d+ left/.exec((await event(page, title).textContent()) ?? '')?.[1]);

async function openEvents(page: Page, widget: BookingWidget): Promise<void> {
  await widget.open(DEMO.forms.newYorkClasses);
  await expect(widget.heading()).toHaveText(kindTitle);
  const events = page.getByRole('button', { name: /^Group events/ });
  await expect(events).toContainText('Registration available for group events');
  await events.click();
  await expect(widget.heading()).toHaveText(eventsTitle);
  await expect(page.locator('.bw-card--event').first()).toBeVisible();
}

/** Another visitor books seats straight through the demo API. */
async function bookElsewhere(request: APIRequestContext, demoURL: string | undefined, eventId: number, seats: number): Promise<void> {
  const answer = await request.post(`${demoURL ?? ''}/api/v1/activity/${NY}/${eventId}/book`, {
    data: { fullname: 'Bo Park', phone: '+1 212 555 0177', email: '', clients_count: seats },
  });
  expect(answer.status()).toBe(201);
}

test('book 2 seats of a group event; the seats left drop by 2 when the visitor comes back', async ({ page, widget, demo }) => {
  const sent: string[] = [];
  page.on('request', (r) => r.method() === 'POST' && /\/activity\/\d+\/\d+\/book$/.test(new URL(r.url()).pathname) && sent.push(r.url()));
  await setClocks(page, demo, MONDAY_MORNING);
  await openEvents(page, widget);
  // Monday in New York: the morning class has passed, the evening one is ahead.
  await expect(page.locator('.bw-events .bw-subtitle')).toHaveText('Monday, November 23, 2026');
  await expect(event(page, 'Sunrise yoga')).toContainText('Passed');
  await expect(eventButton(page, 'Sunrise yoga')).toBeDisabled();
  const evening = event(page, 'Evening flow yoga');
  await expect(evening).toContainText('7:00 PM');
  await expect(evening).toContainText('1 hr 15 min');
  await expect(evening).toContainText('Maya Chen');
  await expect(evening).toContainText('Prepayment possible');
  const before = await seatsLeft(page, 'Evening flow yoga');
  expect(before).toBeGreaterThan(2);

  await eventButton(page, 'Evening flow yoga').click();
  const seats = page.getByRole('spinbutton', { name: 'Places' });
  await expect(seats).toHaveValue('1');
  await expect(seats).toHaveAccessibleDescription(`From 1 to ${before}`);
  await seats.fill('2');
  await widget.continue();
  await widget.fillContact(VISITOR);
  const summary = widget.region('confirm').locator('.bw-summary');
  await expect(summary).toContainText('Evening flow yoga');
  await expect(summary).toContainText('Places2');
  await expect(summary).toContainText('$40 – $60');
  await widget.confirmButton().click();
  await widget.expectStep('success');
  await expect(widget.region('success')).toContainText('Evening flow yoga');
  await expect(widget.region('success').getByRole('link', { name: 'View or cancel this booking' })).toHaveAttribute('href', /record=\d+&hash=\w+/);
  expect(sent).toHaveLength(1);
  const [booking] = await demo.bookings();
  expect(booking).toMatchObject({ locationId: NY, clientsCount: 2 });

  // Back for more: the same class has 2 seats fewer.
  await page.getByRole('button', { name: 'Sign up more' }).click();
  await expect(widget.heading()).toHaveText(kindTitle);
  await page.getByRole('button', { name: /^Group events/ }).click();
  await expect(event(page, 'Evening flow yoga')).toContainText(`${before - 2} of 20 left`);
});

test('a full event cannot be chosen; one that fills up meanwhile is refused with a message and fresh seats', async ({ page, widget, demo, request, demoURL }) => {
  await setClocks(page, demo, MONDAY_MORNING);
  await openEvents(page, widget);
  // Tuesday: Reformer pilates is full, and says so.
  await page.getByRole('gridcell', { name: /November 24/ }).click();
  await expect(event(page, 'Reformer pilates')).toContainText('Full');
  await expect(eventButton(page, 'Reformer pilates')).toBeDisabled();
  await expect(eventButton(page, 'Reformer pilates')).toHaveAccessibleDescription(/Full/);

  // Wednesday: Sunrise yoga has its last seat; someone else takes it while the visitor confirms.
  await page.getByRole('gridcell', { name: /November 25/ }).click();
  await expect(event(page, 'Sunrise yoga')).toContainText('1 of 12 left');
  await eventButton(page, 'Sunrise yoga').click();
  await widget.continue();
  await widget.fillContact(VISITOR);
  const search = await (await request.get(`${demoURL ?? ''}/api/v1/activity/${NY}/search?from=2026-11-25&till=2026-11-25`)).json();
  const id = (search.data as { id: number; service: { title: string } }[]).find((e) => e.service.title === 'Sunrise yoga')!.id;
  await bookElsewhere(request, demoURL, id, 1);
  await widget.confirmButton().click();
  await expect(widget.heading()).toHaveText(eventsTitle);
  await expect(page.getByRole('alert')).toHaveText('This event has just filled up. Please choose another event or fewer places.');
  await expect(event(page, 'Sunrise yoga')).toContainText('Full');
  await expect(eventButton(page, 'Sunrise yoga')).toBeDisabled();
  expect(await demo.bookings()).toHaveLength(1); // the other visitor's only
});

test('keyboard only, axe on every step: a seat booked from the choice of kind to the success screen', async ({ page, widget, demo }) => {
  // Five axe runs: as the other axe walks, more than the default 30 s on a busy machine.
  test.setTimeout(60_000);
  await setClocks(page, demo, MONDAY_MORNING);
  await widget.open(DEMO.forms.newYorkClasses);
  await expect(widget.heading()).toHaveText(kindTitle);
  const events = page.getByRole('button', { name: /^Group events/ });
  await expect(events).toContainText('Registration available');
  expect(await axeViolations(page)).toEqual([]);
  await tabTo(page, events);
  await page.keyboard.press('Enter');
  await expect(widget.heading()).toHaveText(eventsTitle);
  await expect(event(page, 'Evening flow yoga')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  await tabTo(page, eventButton(page, 'Evening flow yoga'));
  await page.keyboard.press('Enter');
  const seats = page.getByRole('spinbutton', { name: 'Places' });
  await tabTo(page, seats);
  await page.keyboard.press('ArrowUp');
  await expect(seats).toHaveValue('2');
  expect(await axeViolations(page)).toEqual([]);
  await tabTo(page, widget.continueButton());
  await page.keyboard.press('Enter');
  await widget.expectStep('contact');

  for (const [field, value] of [
    [widget.nameField(), VISITOR.name],
    [widget.phoneField(), VISITOR.phone],
  ] as const) {
    await tabTo(page, field);
    await page.keyboard.type(value);
  }
  expect(await axeViolations(page)).toEqual([]);
  await tabTo(page, widget.continueButton());
  await page.keyboard.press('Enter');
  await widget.expectStep('confirm');
  await expect(widget.region('confirm')).toContainText('Places2');
  expect(await axeViolations(page)).toEqual([]);
  await tabTo(page, widget.confirmButton());
  await page.keyboard.press('Enter');
  await widget.expectStep('success');
  await expect(widget.region('success')).toContainText('Evening flow yoga');
  expect(await axeViolations(page)).toEqual([]);
  expect((await demo.bookings())[0]).toMatchObject({ clientsCount: 2 });
});
