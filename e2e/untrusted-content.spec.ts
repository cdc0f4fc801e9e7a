// Hostile texts from the business (src/server/demo/hostile.ts) through a whole booking: every
// payload stays text, none runs (a canary global stays unset, no dialog opens), and the visitor
// can still read every name. Malformed answers give a message, never a blank step.
import type { Page } from '@playwright/test';
import { hostile } from '../src/server/demo/hostile';
import { DEMO } from '../src/server/demo/seed';
import { expect, test } from './fixtures';

const SOHO = 'Lumen Studio SoHo';
const HAIRCUT = "Women's haircut";
const OLIVIA = 'Olivia Bennett';

/** Whether any payload ran: the canary in this page or in any frame, and any dialog. */
function watchForPayloads(page: Page) {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return async () => {
    const canaries = await Promise.all(page.frames().map((f) => f.evaluate(() => (window as { __xss?: unknown }).__xss).catch(() => undefined)));
    return { canaries: canaries.filter((c) => c !== undefined), dialogs };
  };
}

test('hostile names and descriptions are shown as text and run nothing, through a whole booking', async ({ page, widget, demo }) => {
  const ran = watchForPayloads(page);
  await demo.hostile();
  await widget.open(DEMO.forms.chain);
  await widget.expectStep('location');

  const locations = widget.region('location');
  await expect(locations.getByText(hostile.locationTitle(SOHO), { exact: true })).toBeVisible();
  await expect(locations.getByText(hostile.address('118 Prince Street, New York, NY'), { exact: false })).toBeVisible();
  // The description opens cleaned: its formatting and safe link kept, its payloads gone.
  await locations.getByText('More about the location').first().click();
  const about = locations.locator('.bw-about__body').first();
  await expect(about).toContainText('Hair, colour and nails in the heart of SoHo.');
  await expect(about.locator('strong').first()).toHaveText('SoHo');
  await expect(about.getByRole('link', { name: 'our site' })).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(about.getByRole('link', { name: 'our site' })).toHaveAttribute('target', '_blank');
  await expect(locations.locator('script, iframe, svg, img, object, form, math, style')).toHaveCount(0);
  await widget.chooseLocation(SOHO);

  const services = widget.region('service');
  await expect(services.getByRole('heading', { name: hostile.category('Hair'), exact: true })).toBeVisible();
  await expect(services.getByText(hostile.service(HAIRCUT), { exact: true })).toBeVisible();
  await widget.chooseService(HAIRCUT);

  const team = widget.region('staff');
  await expect(team.getByText(hostile.member(OLIVIA), { exact: true })).toBeVisible();
  await expect(team.locator('img')).toHaveCount(0); // every photo was a javascript: address: initials instead
  const member = team.getByRole('listitem').filter({ hasText: OLIVIA });
  await member.getByText('About Team Member').click();
  await expect(member.locator('.bw-about__body')).toContainText('Precision cuts and soft colour.');
  await expect(member.locator('.bw-about__body').getByRole('link', { name: 'our site' })).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(team.locator('script, iframe, svg, img, object, form, math, style')).toHaveCount(0);
  await widget.chooseMember(OLIVIA);

  await widget.chooseFirstSlot();
  await widget.fillContact();
  const summary = widget.region('confirm');
  await expect(summary).toContainText(hostile.service(HAIRCUT));
  await expect(summary).toContainText(hostile.member(OLIVIA));
  await widget.confirmButton().click();
  await widget.expectStep('success');
  await expect(widget.region('success')).toContainText(hostile.locationTitle(SOHO));
  expect(await demo.bookings()).toHaveLength(1);

  expect(await ran()).toEqual({ canaries: [], dialogs: [] });
});

test('an answer with no data gives a message on the step, not a blank', async ({ widget, demo }) => {
  await demo.fault({ endpoint: 'book_staff', malformed: 'shape' });
  await widget.open(DEMO.forms.newYork);
  await widget.chooseService(HAIRCUT);
  await expect(widget.region('staff')).toContainText('No team member can provide the chosen services');
});

test('a cut-off answer gives a message with Try again, which then shows the step', async ({ widget, demo }) => {
  await demo.fault({ endpoint: 'book_services', malformed: 'json', times: 10 });
  await widget.open(DEMO.forms.newYork);
  const retry = widget.region('service').getByRole('button', { name: 'Try again' });
  await expect(retry).toBeVisible({ timeout: 15_000 });
  await demo.clearFaults();
  await retry.click();
  await expect(widget.service(HAIRCUT)).toBeVisible();
});
