// What a screen reader hears without moving: each step as it comes ("Step 2 of 6: …"), where the
// visitor is in the booking (the progress bar), and a load that lasts.
import { DEMO } from '../src/server/demo/seed';
import { expect, test } from './fixtures';

test('step changes, progress and a slow load are announced', async ({ page, widget, demo }) => {
  await widget.open(DEMO.forms.newYork);
  const progress = page.getByRole('progressbar', { name: 'Booking progress' });
  await expect(progress).toHaveAttribute('aria-valuetext', 'Step 1 of 6');
  await expect(progress).toHaveAttribute('aria-valuenow', '1');

  // The team members take a while to come.
  await demo.fault({ endpoint: 'book_staff', delayMs: 2500, times: 1 });
  await widget.service("Women's haircut").check();
  await widget.continue();
  await widget.expectStep('staff');
  const steps = page.locator('.bw-root > p[aria-live="polite"]');
  const status = page.locator('.bw-root > p[role="status"]');
  await expect(steps).toHaveText('Step 2 of 6: Choose a team member');
  await expect(progress).toHaveAttribute('aria-valuetext', 'Step 2 of 6');
  await expect(status).toHaveText('Loading…');
  await expect(widget.member('Olivia Bennett')).toBeVisible();
  await expect(status).toHaveText('');
});
