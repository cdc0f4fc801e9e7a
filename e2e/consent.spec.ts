// What the business configured on its booking form is honoured on the contact step: its notice,
// its own label for a required comment, its privacy policy accepted before booking, and the
// reminders the visitor chose (the location's default preselected).
import type { Request } from '@playwright/test';
import { DEMO } from '../src/server/demo/seed';
import { expect, test } from './fixtures';
import { isCall } from './traffic';
import { VISITOR, type Booking } from './widget';

const COMMENT_LABEL = 'Hair length and anything we should know';

const HAIRCUT: Booking = { form: DEMO.forms.newYorkConsent, service: "Men's haircut", member: 'Marcus Reed' };

function policyCalls(requests: Request[]): number {
  return requests.filter((r) => new URL(r.url()).pathname.startsWith('/api/v1/privacy_policy/')).length;
}

test('the privacy policy must be accepted before booking; the required comment has the form’s own label', async ({ page, widget, demo }) => {
  const requests: Request[] = [];
  page.on('request', (r) => requests.push(r));
  await widget.reachContact(HAIRCUT);
  const contact = widget.region('contact');
  await expect(contact).toContainText('A card is not needed: you pay at the studio.');

  await widget.nameField().fill(VISITOR.name);
  await widget.phoneField().fill(VISITOR.phone);
  await widget.continue();
  // Neither the comment nor the consent is given: the step stays, each says why, focus goes to the first.
  await widget.expectStep('contact');
  const comment = contact.getByRole('textbox', { name: COMMENT_LABEL });
  await expect(comment).toHaveAttribute('aria-invalid', 'true');
  await expect(comment).toBeFocused();
  const consent = contact.getByRole('checkbox', { name: 'I accept the privacy policy' });
  await expect(consent).toHaveAttribute('aria-invalid', 'true');
  await expect(contact).toContainText('you must accept the user agreement, as well as agree to the processing of personal data');

  // The policy is the business's text, readable in place, and asked for once.
  await contact.getByText('Read the privacy policy').click();
  await expect(contact.getByRole('link', { name: 'privacy@lumen-studio.example' })).toBeVisible();
  await expect(contact).toContainText('only to manage your appointments');
  expect(policyCalls(requests)).toBe(1);

  await comment.fill('Shoulder length');
  await widget.continue();
  await widget.expectStep('contact'); // still not accepted
  await consent.check();
  await expect(consent).not.toHaveAttribute('aria-invalid', 'true');
  await widget.continue();
  await widget.expectStep('confirm');

  const sent = page.waitForRequest((r) => isCall(r, 'book_record', 'POST'));
  await widget.confirmButton().click();
  const body = (await sent).postDataJSON() as Record<string, unknown>;
  await widget.expectStep('success');
  // The API has no consent field: the booking simply cannot be sent without it.
  expect(Object.keys(body)).not.toContain('consent');
  expect(body.comment).toBe('Shoulder length');
  expect(await demo.bookings()).toHaveLength(1);
  expect(policyCalls(requests)).toBe(1);
});

test('reminders are sent as chosen: the location’s default preselected, “do not send” as 0', async ({ page, widget, demo }) => {
  await widget.reachContact(HAIRCUT);
  const contact = widget.region('contact');
  const sms = contact.getByRole('combobox', { name: 'By SMS' });
  // New York's default is a day ahead; the e-mail reminder is offered once an address is typed.
  await expect(sms).toHaveValue('24');
  await expect(contact.getByRole('combobox', { name: 'By e-mail' })).toHaveCount(0);
  await widget.nameField().fill(VISITOR.name);
  await widget.phoneField().fill(VISITOR.phone);
  await widget.emailField().fill(VISITOR.email);
  const email = contact.getByRole('combobox', { name: 'By e-mail' });
  await expect(email).toHaveValue('24');
  await sms.selectOption({ label: 'Do not send' });
  await email.selectOption('2');
  await widget.commentField().fill('Short');
  await contact.getByRole('checkbox', { name: 'I accept the privacy policy' }).check();
  await widget.continue();
  await widget.expectStep('confirm');

  const sent = page.waitForRequest((r) => isCall(r, 'book_record', 'POST'));
  await widget.confirmButton().click();
  const body = (await sent).postDataJSON() as Record<string, unknown>;
  expect(body).toMatchObject({ notify_by_sms: 0, notify_by_email: 2 });
  await widget.expectStep('success');
  const [booking] = await demo.bookings();
  expect(booking).toMatchObject({ notifyBySms: 0, notifyByEmail: 2 });
});

test('data prefilled by the embedding page can be changed by the visitor', async ({ page }) => {
  await page.goto('/demo/inline.html');
  const host = page.locator('booking-widget');
  await expect(host.getByRole('heading', { level: 2 })).toHaveText('Service selection');
  await page.evaluate(() =>
    (window as unknown as { BookingWidget(c: string, v: unknown): void }).BookingWidget('prefill', { name: 'Ann Host', email: 'ann@host.example' }),
  );
  await host.getByRole('checkbox', { name: /^Men's haircut/ }).check();
  await host.getByRole('button', { name: 'Continue', exact: true }).click();
  await host.getByRole('button', { name: /^Marcus Reed/ }).click();
  await host.locator('[role="grid"]:not([aria-busy="true"])').getByRole('gridcell', { name: /\d{4}$/, disabled: false }).first().click();
  await host.getByRole('listitem').getByRole('button').first().click();
  const name = host.getByRole('textbox', { name: 'Name', exact: true });
  await expect(name).toHaveValue('Ann Host');
  await name.fill('Ann Visitor');
  await expect(name).toHaveValue('Ann Visitor');
  const email = host.getByRole('textbox', { name: 'Email', exact: true });
  await email.fill('');
  await expect(email).toHaveValue('');
});
