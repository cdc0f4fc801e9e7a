// What a screen reader hears without moving: each step as it comes ("Step 2 of 6: …"), where the
// visitor is in the booking (the progress bar), and a load or a booking that lasts.
import { DEMO } from '../src/server/demo/seed';
import { expect, test } from './fixtures';

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
