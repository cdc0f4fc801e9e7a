// Layouts by the space the widget has: on a wide widget (the hosted page at 1280 px, an inline
// embed in a wide column) the calendar and the chosen day's times side by side, the booking so far
// in a rail beside the steps; on a 360 px phone the date and the time are two screens, no rail,
// and the header on one line. Whole bookings, on the dev server and on the deployed build.
import type { Locator } from '@playwright/test';
import { DEMO } from '../src/server/demo/seed';
import { HAIRCUT, OLIVIA, expectStep, region, type WidgetRoot } from './embed/flow';
import { expect, test } from './fixtures';
import { LOOK_NOW } from './look';
import { setClocks } from './visitor-clock';
import { VISITOR } from './widget';

const calendar = (root: WidgetRoot) => root.getByRole('grid');
const rail = (root: WidgetRoot) => root.getByRole('complementary', { name: 'Your booking' });
const firstTime = (root: WidgetRoot) => region(root, 'time').getByRole('listitem').getByRole('button').first();
const bookableDays = (root: WidgetRoot) => root.locator('[role="grid"]:not([aria-busy="true"])').getByRole('gridcell', { name: /\d{4}$/, disabled: false });

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  expect(b).not.toBeNull();
  return b!;
}

/** The calendar at the start of the line, the times panel beside it at the same height. */
async function expectSideBySide(root: WidgetRoot, times: Locator): Promise<void> {
  const cal = await box(calendar(root));
  const panel = await box(times);
  expect(panel.x).toBeGreaterThanOrEqual(cal.x + cal.width);
  expect(Math.abs(panel.y - cal.y)).toBeLessThan(cal.height);
}

/** On the date and time steps of a wide widget: one screen, two steps of the flow. */
async function sideBySideWalk(root: WidgetRoot): Promise<void> {
  await expectStep(root, 'date');
  // The times' side asks for a day until one is chosen; the booking so far is beside.
  const prompt = region(root, 'date').getByText('Choose a date', { exact: true });
  await expect(prompt).toBeVisible();
  await expectSideBySide(root, prompt);
  await expect(rail(root)).toContainText(HAIRCUT);
  await expect(rail(root)).toContainText(OLIVIA);
  await expect(rail(root)).toContainText(/Total\s*\$65/);

  const days = bookableDays(root);
  const first = days.first();
  const firstDate = await first.getAttribute('data-date');
  await first.click();
  // The time step, its day's times beside the calendar, which keeps focus on the chosen day.
  await expectStep(root, 'time');
  await expect(firstTime(root)).toBeVisible();
  await expectSideBySide(root, firstTime(root));
  await expect(root.locator('[role="gridcell"]:focus')).toHaveAttribute('data-date', firstDate!);
  await expect(region(root, 'time').locator('.bw-subtitle')).toContainText(new Date(`${firstDate}T12:00`).toLocaleDateString('en-US', { weekday: 'long', month: 'long', day: 'numeric' }));

  // Another day: still the time step, now that day's times.
  const second = days.nth(1);
  const secondDate = await second.getAttribute('data-date');
  await second.click();
  await expectStep(root, 'time');
  await expect(region(root, 'time').locator('.bw-subtitle')).toContainText(new Date(`${secondDate}T12:00`).toLocaleDateString('en-US', { weekday: 'long', month: 'long', day: 'numeric' }));
  await expect(region(root, 'time').locator(`[data-date="${secondDate}"]`)).toHaveAttribute('aria-selected', 'true');
  await expect(firstTime(root)).toBeVisible();
  const label = (await firstTime(root).getAttribute('aria-label')) ?? '';

  // Back from the time step is the date step, the chosen day and its times still beside it.
  await root.getByRole('button', { name: 'Back', exact: true }).click();
  await expectStep(root, 'date');
  await expect(firstTime(root).or(region(root, 'date').getByRole('listitem').getByRole('button').first())).toBeVisible();
  await root.getByRole('button', { name: 'Continue', exact: true }).click();
  await expectStep(root, 'time');
  await firstTime(root).click();
  await expectStep(root, 'contact');
  // The rail now says when.
  await expect(rail(root)).toContainText(label.split(',')[0]!);
}

test.describe('a wide widget', () => {
  test.use({ viewport: { width: 1280, height: 800 }, timezoneId: 'America/New_York', locale: 'en-US' });
  test.beforeEach(async ({ page, demo }) => setClocks(page, demo, LOOK_NOW));

  test('on the hosted page: 1040 px wide, the calendar and the times side by side, a rail beside the steps, a whole booking', async ({ page, demo, widget }) => {
    await widget.open(DEMO.forms.newYork);
    await widget.expectStep('service');
    expect((await box(page.locator('.bw-root'))).width).toBe(1040);
    await widget.chooseService(HAIRCUT);
    // No rail before there is something to sum up beside the team members… then one.
    await expect(rail(page)).toBeVisible();
    await expect(rail(page)).toContainText(HAIRCUT);
    await widget.chooseMember(OLIVIA);
    await sideBySideWalk(page);
    await widget.fillContact();
    // The confirm step sums it up itself: no rail.
    await expect(rail(page)).toHaveCount(0);
    await widget.confirmButton().click();
    await widget.expectStep('success');
    expect(await demo.bookings()).toHaveLength(1);
  });

  test('inline on a host page: the host column’s width, the same one screen for date and time, a whole booking', async ({ page, demo, hostURL }) => {
    // The dev server's demo page holds the New York form; the business's site (deployed) the chain.
    await page.goto(hostURL ? `${hostURL}/inline.html` : '/demo/inline.html');
    const root = page.locator('booking-widget');
    if (hostURL) {
      await expect(root.getByRole('heading', { level: 2, name: 'Choose location', exact: true })).toBeVisible();
      await region(root, 'location').getByRole('button', { name: /^Lumen Studio SoHo/ }).click();
    }
    await expectStep(root, 'service');
    const host = await root.evaluate((el) => (el.parentElement ?? el).getBoundingClientRect().width);
    expect((await box(root.locator('.bw-root'))).width).toBeCloseTo(host, 0);
    await region(root, 'service').getByRole('checkbox', { name: new RegExp(`^${HAIRCUT}`) }).check();
    await root.getByRole('button', { name: 'Continue', exact: true }).click();
    await expectStep(root, 'staff');
    await region(root, 'staff').getByRole('button', { name: new RegExp(`^${OLIVIA}`) }).click();
    await sideBySideWalk(root);
    await root.getByRole('textbox', { name: 'Name', exact: true }).fill(VISITOR.name);
    await root.getByRole('textbox', { name: 'Telephone', exact: true }).fill(VISITOR.phone);
    await root.getByRole('textbox', { name: 'Email', exact: true }).fill(VISITOR.email);
    await root.getByRole('button', { name: 'Continue', exact: true }).click();
    await expectStep(root, 'confirm');
    await region(root, 'confirm').getByRole('button', { name: 'Sign up', exact: true }).click();
    await expectStep(root, 'success');
    expect(await demo.bookings()).toHaveLength(1);
  });

  test('a form with the date step hidden (a preset day) shows that day’s times alone, and books', async ({ page, widget, demo, hostURL }) => {
    // The deployed hosted page brings the form with its first request (booking_start), not bookform.
    test.skip(!!hostURL, 'the form is changed on its way from bookform, which the deployed page does not ask');
    // The demo has no such form: the form's answer is changed on its way, as the API could send it.
    await page.route(/\/bookform\/2\b/, async (route) => {
      const response = await route.fetch();
      const json = await response.json();
      const dateTime = json.data.steps.find((s: { step: string }) => s.step === 'datetime');
      Object.assign(dateTime, { date_hidden: 1, date_default: '2026-03-05' });
      await route.fulfill({ response, json });
    });
    await widget.open(DEMO.forms.newYork);
    await widget.chooseService(HAIRCUT);
    await widget.member(OLIVIA).click();
    await widget.expectStep('time');
    await expect(calendar(page)).toHaveCount(0);
    await expect(widget.region('time')).toContainText('Thursday, March 5, 2026');
    await widget.chooseFirstTime();
    await widget.fillContact();
    await widget.confirmButton().click();
    await widget.expectStep('success');
    expect((await demo.bookings())[0]?.datetime).toContain('2026-03-05');
  });
});

test.describe('a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, timezoneId: 'America/New_York', locale: 'en-US' });
  test.beforeEach(async ({ page, demo }) => setClocks(page, demo, LOOK_NOW));

  test('the date and the time are two screens, no rail, the header on one line with a small language button', async ({ page, widget, demo }) => {
    await widget.open(DEMO.forms.newYork);
    await widget.chooseService(HAIRCUT);
    await expect(widget.heading()).toBeFocused();
    const title = await box(widget.heading());
    expect(title.height).toBeLessThan(30);
    const language = page.getByRole('combobox', { name: 'Change the language' });
    const button = await box(language);
    expect(button.width).toBeLessThan(90);
    expect(button.height).toBeGreaterThanOrEqual(24);
    await expect(page.locator('.bw-lang__code')).toHaveText('en');
    await expect(rail(page)).toBeHidden();

    await widget.chooseMember(OLIVIA);
    await expect(widget.bookableDays().first()).toBeVisible();
    await expect(page.getByText('Choose a date', { exact: true })).toBeHidden();
    await widget.chooseFirstBookableDay();
    // A screen of its own: the calendar gone, focus on the step's heading.
    await expect(calendar(page)).toBeHidden();
    await expect(widget.heading()).toBeFocused();
    await widget.chooseFirstTime();
    await widget.fillContact();
    await widget.confirmButton().click();
    await widget.expectStep('success');
    expect(await demo.bookings()).toHaveLength(1);
  });

  test('the language list opens from the small button and changes the language', async ({ page, widget }) => {
    await widget.open(DEMO.forms.newYork);
    await widget.expectStep('service');
    await page.getByRole('combobox', { name: 'Change the language' }).selectOption('fr-FR');
    await expect(page.locator('.bw-lang__code')).toHaveText('fr');
    await expect(widget.heading()).not.toHaveText('Service selection');
  });
});
