// Every documented booking error (431–438), injected at book_record by the demo backend: each has
// its own message, shown where the visitor can fix it, and nothing typed or chosen is lost.
import { DEMO } from '../src/server/demo/seed';
import { expect, test } from './fixtures';
import { isCall } from './traffic';
import { RIGA_MANICURE, VISITOR, type Booking } from './widget';

const SERVICE = 'Express facial';
const MEMBER = 'Grace Okafor';
const FACIAL: Booking = { form: DEMO.forms.newYork, service: SERVICE, member: MEMBER };

test('431: the phone is refused — its message sits next to the phone field, which gets focus', async ({ widget, demo }) => {
  await widget.reachConfirm(FACIAL);
  await demo.fault({ endpoint: 'book_record', code: 431, times: 1 });
  await widget.confirmButton().click();

  await widget.expectStep('contact');
  await expect(widget.phoneField()).toBeFocused();
  await expect(widget.phoneField()).toHaveAttribute('aria-invalid', 'true');
  await expect(widget.phoneField()).toHaveAccessibleDescription(/Wrong number/);
  await expect(widget.nameField()).toHaveValue(VISITOR.name);

  await widget.phoneField().fill('+1 212 555 0124');
  await expect(widget.phoneField()).not.toHaveAttribute('aria-invalid', 'true');
  await widget.continue();
  await widget.confirmButton().click();
  await widget.expectStep('success');
  expect(await demo.bookings()).toHaveLength(1);
});

test('435: the name is refused — its message sits next to the name field, which gets focus', async ({ widget, demo }) => {
  await widget.reachConfirm(FACIAL);
  await demo.fault({ endpoint: 'book_record', code: 435, times: 1 });
  await widget.confirmButton().click();

  await widget.expectStep('contact');
  await expect(widget.nameField()).toBeFocused();
  await expect(widget.nameField()).toHaveAccessibleDescription(/Enter your name/);
  await expect(widget.phoneField()).toHaveValue(VISITOR.phone);
});

test('433: back to the time step with fresh times, the rest kept', async ({ page, widget, traffic, demo }) => {
  await widget.reachConfirm(FACIAL);
  await demo.fault({ endpoint: 'book_record', code: 433, times: 1 });
  const timesBefore = traffic.count('book_times', 'GET');
  const refreshed = page.waitForRequest((r) => isCall(r, 'book_times'));
  await widget.confirmButton().click();

  await widget.expectStep('time');
  await refreshed;
  expect(traffic.count('book_times', 'GET')).toBeGreaterThan(timesBefore);
  await expect(widget.region('time').getByRole('alert')).toContainText('Unable to book at the selected time');
  await widget.chooseFirstTime();
  await widget.continue(); // the contact data is still there
  await widget.expectStep('confirm');
  await expect(widget.region('confirm')).toContainText(SERVICE);
  await expect(widget.region('confirm')).toContainText(MEMBER);
  await widget.confirmButton().click();
  await widget.expectStep('success');
  expect(await demo.bookings()).toHaveLength(1);
});

test('436: nobody is free then — another time, or another team member', async ({ widget, demo }) => {
  await widget.reachConfirm(FACIAL);
  await demo.fault({ endpoint: 'book_record', code: 436, times: 1 });
  await widget.confirmButton().click();

  await widget.expectStep('time');
  const notice = widget.region('time').getByRole('alert');
  await expect(notice).toContainText('No employees available for recording');
  await notice.getByRole('button', { name: 'Choose another team member' }).click();
  await widget.expectStep('staff');
});

test('437: points at the appointment that clashes', async ({ widget, demo }) => {
  await widget.reachConfirm(FACIAL);
  await demo.fault({ endpoint: 'book_record', code: 437, times: 1 });
  await widget.confirmButton().click();

  await widget.expectStep('time');
  const notice = widget.region('time').getByRole('alert');
  await expect(notice).toContainText('Time overlap with another visit');
  await expect(notice).toContainText(`(${SERVICE}) overlaps another one`);
});

test('438: back to the services, told they cannot be booked', async ({ widget, demo }) => {
  await widget.reachConfirm(FACIAL);
  await demo.fault({ endpoint: 'book_record', code: 438, times: 1 });
  await widget.confirmButton().click();

  await widget.expectStep('service');
  await expect(widget.region('service').getByRole('alert')).toContainText('Unable to sign up for selected services');
});

test('434: cannot book online — told to contact the business, with its phone', async ({ widget, demo }) => {
  await widget.reachConfirm(FACIAL);
  await demo.fault({ endpoint: 'book_record', code: 434 });
  await widget.confirmButton().click();

  const alert = widget.region('confirm').getByRole('alert');
  await expect(alert).toContainText('Please call the location');
  await expect(alert.getByRole('link', { name: '+1 212 555 0142' })).toHaveAttribute('href', 'tel:+12125550142');
  await widget.expectStep('confirm');
  expect(await demo.bookings()).toHaveLength(0);
});

test('432: a refused code keeps the visitor on the code; a new one can be asked for after a cooldown', async ({ page, widget, demo }) => {
  await page.clock.install();
  await widget.reachConfirm(RIGA_MANICURE);
  await widget.confirmButton().click();
  await expect(widget.codeField()).toBeFocused();

  await demo.fault({ endpoint: 'book_record', code: 432, times: 1 });
  await widget.codeField().fill(DEMO.smsCode);
  await widget.codeButton().click();
  await expect(widget.codeField()).toHaveAccessibleDescription('Invalid code from SMS');
  await expect(widget.region('confirm')).toContainText(/You can ask for a new code in \d+ s/);
  await expect(widget.region('confirm').getByRole('button', { name: 'Request code again' })).toHaveCount(0);

  await page.clock.fastForward(31_000);
  const resent = page.waitForResponse((r) => isCall(r, 'book_code', 'POST'));
  await widget.region('confirm').getByRole('button', { name: 'Request code again' }).click();
  expect((await resent).ok()).toBe(true);
  await widget.codeField().fill(DEMO.smsCode);
  await widget.codeButton().click();
  await widget.expectStep('success');
  expect(await demo.bookings()).toHaveLength(1);
});
