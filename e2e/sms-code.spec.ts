// Riga confirms the phone by SMS: a wrong code books nothing and says so at the code field; the
// right one books once.
import { DEMO } from '../src/server/demo/seed';
import { expect, test } from './fixtures';
import { isCall } from './traffic';
import { RIGA_MANICURE } from './widget';

test.use({ viewport: { width: 360, height: 640 } });

test('the SMS code: a wrong code books nothing, the right one books once', async ({ page, widget, traffic, demo }) => {
  await widget.reachConfirm(RIGA_MANICURE);

  await expect(widget.codeField()).toHaveCount(0);
  await widget.confirmButton().click();
  await expect(widget.codeField()).toBeFocused();
  expect(traffic.count('book_code')).toBe(1);

  await widget.codeField().fill('9999');
  const refused = page.waitForResponse((r) => isCall(r, 'book_record', 'POST'));
  await widget.codeButton().click();
  expect((await refused).ok()).toBe(false);
  await expect(widget.codeField()).toHaveAttribute('aria-invalid', 'true');
  await expect(widget.codeField()).toHaveAccessibleDescription('Invalid code from SMS');
  await expect(widget.codeField()).toBeFocused();
  // On a phone the field's message is in view, clear of the sticky bar.
  const message = await page.locator('.bw-code .bw-error').boundingBox();
  const bar = await page.locator('.bw-actions--sticky').boundingBox();
  expect(message!.y + message!.height).toBeLessThanOrEqual(Math.min(bar!.y, page.viewportSize()!.height));
  expect(await demo.bookings()).toHaveLength(0);

  await widget.codeField().fill(DEMO.smsCode);
  await expect(widget.codeField()).not.toHaveAttribute('aria-invalid', 'true');
  await widget.codeButton().click();
  await widget.expectStep('success');
  await expect(widget.region('success')).toContainText('Elīna Bērziņa');

  const bookings = await demo.bookings();
  expect(bookings).toHaveLength(1);
  expect(bookings[0]).toMatchObject({ locationId: DEMO.locations.riga, staffId: DEMO.staff.elina, serviceIds: [DEMO.services.rigaGelManicure], code: DEMO.smsCode });
  expect(traffic.count('book_record')).toBe(2);
});
