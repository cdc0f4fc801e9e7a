// What a screen reader hears without moving: each step as it comes ("Step 2 of 6: …"), where the
// visitor is in the booking (the progress bar), a load or a booking that lasts, and the SMS code sent.
import { DEMO } from '../src/server/demo/seed';
import { expect, test } from './fixtures';
import { RIGA_MANICURE } from './widget';

test('step changes, progress, a slow load and a slow booking are announced', async ({ page, widget, demo }) => {
  await widget.open(DEMO.forms.newYork);
  const progress = page.getByRole('progressbar', { name: 'Booking progress' });
  await expect(progress).toHaveAttribute('aria-valuetext', 'Step 1 of 6');
  await expect(progress).toHaveAttribute('aria-valuenow', '1');

  // The team members take a while to come.
  await demo.fault({ endpoint: 'book_staff', delayMs: 4000, times: 1 });
  await widget.service("Women's haircut").check();
  await widget.continue();
  await widget.expectStep('staff');
  const steps = page.locator('.bw-root > p[aria-live="polite"]');
  const status = page.locator('.bw-root > p[role="status"]');
  await expect(steps).toHaveText('Step 2 of 6: Choose a team member');
  await expect(progress).toHaveAttribute('aria-valuetext', 'Step 2 of 6');
  await expect(status).toHaveText('Loading…');
  await expect(widget.member('Olivia Bennett')).toBeVisible({ timeout: 10_000 });
  await expect(status).toHaveText('');

  // A booking that takes a while says so, and then the success screen is announced.
  await widget.chooseMember('Olivia Bennett');
  await widget.chooseFirstSlot();
  await widget.fillContact();
  await demo.fault({ endpoint: 'book_record', delayMs: 4000, times: 1 });
  await widget.confirmButton().click();
  await expect(status).toHaveText('Booking…');
  await expect(widget.heading()).toHaveText('You have successfully signed up!', { timeout: 10_000 });
  await expect(status).toHaveText('');
  await expect(steps).toHaveText('You have successfully signed up!');
});

// A live region is read out when its text changes, not when it arrives with its text in it: the
// "We sent a code" status is on the confirm step, empty, before the code is asked for.
test('the code sent is announced: its live region is there, empty, before it says so', async ({ page, widget }) => {
  await widget.reachConfirm(RIGA_MANICURE);
  const status = widget.region('confirm').getByRole('status');
  await expect(status).toHaveCount(1);
  await expect(status).toHaveText('');
  await status.evaluate((el) => ((el as HTMLElement & { marked?: boolean }).marked = true));
  await widget.confirmButton().click();
  await expect(widget.codeField()).toBeFocused();
  await expect(status).toHaveText(/^We sent a code to \+371[\d ]+$/);
  // The same element: changed, not replaced by a new one that came with the text.
  expect(await status.evaluate((el) => (el as HTMLElement & { marked?: boolean }).marked)).toBe(true);
});
