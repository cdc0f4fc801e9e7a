// After booking: the success screen says it is booked, shows the business's own record of each
// appointment with its price, and has one main action: "Add to calendar", a list of Google
// Calendar, Apple Calendar / .ics and Outlook, each holding the booked start, end, title and
// address. Then the booking's page, the way there and booking again with the contact data kept.
// Also run in the deployed topology (the built files behind the built server).
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { DEMO, TEAM } from '../src/server/demo/seed';
import { walkBooking } from './a11y-walk';
import { expect, test } from './fixtures';
import { bookingBodyOf, isCall } from './traffic';
import { setClocks } from './visitor-clock';
import { VISITOR } from './widget';

const SERVICE = "Men's haircut"; // 30 minutes, $40

// Both clocks early on a working day: with the real one, the first free time could pass mid-walk.
test.beforeEach(({ page, demo }) => setClocks(page, demo, '2026-11-24T05:00:00-05:00'));

/** iCalendar content lines: unfolded, each as name, parameters and unescaped value. */
function icsLines(text: string): { name: string; params: string; value: string }[] {
  return text
    .replace(/\r\n[ \t]/g, '')
    .split(/\r\n/)
    .filter(Boolean)
    .map((line) => {
      const colon = line.indexOf(':');
      const [name = '', ...params] = line.slice(0, colon).split(';');
      const value = line.slice(colon + 1).replace(/\\([\\;,])/g, '$1').replace(/\\n/gi, '\n');
      return { name, params: params.join(';'), value };
    });
}

const stamp = (at: Date) => at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

const hrefOf = async (link: Locator) => new URL((await link.getAttribute('href'))!);

/** The focused element's text, looking into shadow roots. */
const focusedText = (page: Page) =>
  page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el?.textContent?.trim();
  });

test('add to calendar: one button opens Google Calendar, Apple (.ics) and Outlook, each with the booked start, end, title and address', async ({ page, widget, demo }) => {
  await widget.reachConfirm({ form: DEMO.forms.newYork, service: SERVICE, member: 'Any available team member' });
  const sent = page.waitForRequest((r) => isCall(r, 'book_record', 'POST'));
  const readBack = page.waitForResponse((r) => /\/api\/v1\/book_record\/\d+\/\d+\/\w+$/.test(new URL(r.url()).pathname));
  await widget.confirmButton().click();
  const body = bookingBodyOf(await sent);
  expect((await readBack).ok()).toBe(true);
  await widget.expectStep('success');

  const [booking] = await demo.bookings();
  // "Any" was chosen: a member who offers the service was assigned, and the record names them.
  const member = TEAM.find((m) => m.id === booking?.staffId);
  expect(member?.serviceIds).toContain(DEMO.services.mensHaircut);
  const success = widget.region('success');
  await expect(success.locator('.bw-success__head')).toHaveText('You have successfully signed up!');
  await expect(success).toContainText(member!.name);
  await expect(success.locator('.bw-booked__services')).toHaveText(`${SERVICE} $40`);
  await expect(success).toContainText('118 Prince Street');

  const start = new Date(body.appointments[0]!.datetime);
  const end = new Date(start.getTime() + 30 * 60_000);

  const toggle = success.getByRole('button', { name: 'Add to calendar', exact: true });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const items = success.locator('.bw-calendars__item');
  await expect(items).toHaveText(['Google Calendar', 'Apple Calendar or another app (.ics)', 'Outlook.com']);
  for (const item of await items.all()) expect((await item.boundingBox())!.height).toBeGreaterThanOrEqual(44);

  const google = await hrefOf(success.getByRole('link', { name: 'Google Calendar' }));
  expect(google.origin + google.pathname).toBe('https://calendar.google.com/calendar/render');
  expect(google.searchParams.get('action')).toBe('TEMPLATE');
  expect(google.searchParams.get('dates')).toBe(`${stamp(start)}/${stamp(end)}`);
  expect(google.searchParams.get('text')).toBe(`${SERVICE}, Lumen Studio SoHo`);
  expect(google.searchParams.get('location')).toBe('Lumen Studio SoHo, 118 Prince Street, New York, NY');

  const outlook = await hrefOf(success.getByRole('link', { name: 'Outlook.com' }));
  expect(outlook.origin + outlook.pathname).toBe('https://outlook.live.com/calendar/0/deeplink/compose');
  expect(Object.fromEntries(outlook.searchParams)).toMatchObject({
    path: '/calendar/action/compose',
    rru: 'addevent',
    subject: `${SERVICE}, Lumen Studio SoHo`,
    startdt: start.toISOString().replace('.000', ''),
    enddt: end.toISOString().replace('.000', ''),
    location: 'Lumen Studio SoHo, 118 Prince Street, New York, NY',
  });
  expect(outlook.searchParams.get('body')).toContain(`Employee: ${member!.name}`);

  const downloading = page.waitForEvent('download');
  await success.getByRole('button', { name: 'Apple Calendar or another app (.ics)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`booking-${booking!.recordId}.ics`);
  const lines = icsLines(await readFile((await download.path())!, 'utf8'));
  const field = (name: string) => lines.filter((l) => l.name === name).map((l) => l.value);
  expect(field('BEGIN')).toEqual(['VCALENDAR', 'VEVENT']);
  expect(field('DTSTART')).toEqual([stamp(start)]);
  expect(field('DTEND')).toEqual([stamp(end)]);
  expect(field('SUMMARY')[0]).toBe(`${SERVICE}, Lumen Studio SoHo`);
  expect(field('LOCATION')[0]).toBe('Lumen Studio SoHo, 118 Prince Street, New York, NY');
  expect(field('UID')[0]).toBe(`${booking!.recordId}.${DEMO.locations.newYork}@booking-widget`);
  expect(field('DESCRIPTION')[0]).toContain('Telephone: +1 212 555 0142');
  // Saved: the list closes, focus back on its button.
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle).toBeFocused();

  // The other actions, all alike.
  const directions = await hrefOf(success.getByRole('link', { name: 'Directions' }));
  expect(directions.searchParams.get('destination')).toBe('40.7251,-73.9991');
  const manage = await hrefOf(success.getByRole('link', { name: 'View or cancel this booking' }));
  expect(Object.fromEntries(manage.searchParams)).toMatchObject({
    form: String(DEMO.forms.newYork),
    location: String(DEMO.locations.newYork),
    record: String(booking!.recordId),
    hash: booking!.recordHash,
  });
  const more = success.locator('.bw-success__more').locator('a, button');
  await expect(more).toHaveText(['View or cancel this booking', 'Directions', 'Sign up more']);
  await expect(more).toHaveClass(Array(3).fill('bw-btn bw-btn--secondary'));
  for (const action of await more.all()) expect((await action.boundingBox())!.height).toBeGreaterThanOrEqual(44);
});

test('the calendar list by keyboard: Enter opens it, Tab and the arrows go through it, Escape closes it back onto its button; a press outside closes it', async ({ page, widget }) => {
  await widget.reachConfirm({ form: DEMO.forms.newYork, service: SERVICE, member: 'Marcus Reed' });
  await widget.confirmButton().click();
  await widget.expectStep('success');
  const success = widget.region('success');
  const toggle = success.getByRole('button', { name: 'Add to calendar', exact: true });

  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Tab');
  expect(await focusedText(page)).toBe('Google Calendar');
  await page.keyboard.press('ArrowDown');
  expect(await focusedText(page)).toBe('Apple Calendar or another app (.ics)');
  await page.keyboard.press('End');
  expect(await focusedText(page)).toBe('Outlook.com');
  await page.keyboard.press('Escape');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(success.locator('.bw-calendars')).toBeHidden();
  await expect(toggle).toBeFocused();

  await page.keyboard.press('Space');
  await expect(success.locator('.bw-calendars')).toBeVisible();
  await success.locator('.bw-success__head').click();
  await expect(success.locator('.bw-calendars')).toBeHidden();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
});

test('in the dialog (button mode) Escape closes the calendar list, and only a second Escape the dialog', async ({ page, hostURL }) => {
  // The README's button snippet on the business's site when deployed; the demo page otherwise.
  const [url, name] = hostURL ? [`${hostURL}/button.html`, 'Book online'] : ['/demo/button.html', 'Book now'];
  await page.goto(url);
  await page.getByRole('button', { name, exact: true }).click();
  const dialog = page.getByRole('dialog', { name });
  const steps = await walkBooking(dialog, 'en-US', async () => {});
  expect(steps.at(-1)).toBe('success');

  const toggle = dialog.getByRole('button', { name: 'Add to calendar', exact: true });
  await toggle.click();
  await expect(dialog.locator('.bw-calendars')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog.locator('.bw-calendars')).toBeHidden();
  await expect(toggle).toBeFocused();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('book again starts over with the contact data kept', async ({ widget }) => {
  await widget.reachConfirm({ form: DEMO.forms.newYork, service: SERVICE, member: 'Marcus Reed' });
  await widget.confirmButton().click();
  await widget.expectStep('success');

  await widget.region('success').getByRole('button', { name: 'Sign up more' }).click();
  await widget.expectStep('service');
  await widget.chooseService("Kids' haircut (under 12)");
  await widget.chooseMember('Marcus Reed');
  await widget.chooseFirstSlot();
  await expect(widget.nameField()).toHaveValue(VISITOR.name);
  await expect(widget.phoneField()).toHaveValue(VISITOR.phone);
  await expect(widget.emailField()).toHaveValue(VISITOR.email);
});
