// Two widgets with different booking forms on one page, each in its own namespace: each shows
// its own form, hears only its own events and books on its own.
import { DEMO } from '../src/server/demo/seed';
import { bookOnNewYorkForm, expectStep, region } from './embed/flow';
import { hostEvents, waitForEvent } from './embed/host';
import { expect, test } from './fixtures';

test('two widgets with different forms on one page work independently', async ({ page, demo }) => {
  await page.goto('/demo/two-widgets.html');
  const soho = page.locator('booking-widget[data-namespace="soho"]');
  const riga = page.locator('booking-widget[data-namespace="riga"]');

  expect(await waitForEvent(page, 'ready', 'soho')).toEqual({ formId: DEMO.forms.newYork });
  expect(await waitForEvent(page, 'ready', 'riga')).toEqual({ formId: DEMO.forms.riga });
  await expectStep(riga, 'service');
  const rigaServices = await region(riga, 'service').getByRole('checkbox').allTextContents();

  await bookOnNewYorkForm(soho);
  // Riga's widget has not moved, and still offers its own services.
  await expectStep(riga, 'service');
  expect(await region(riga, 'service').getByRole('checkbox').allTextContents()).toEqual(rigaServices);

  const events = await hostEvents(page);
  expect(events.filter((e) => e.event === 'booked').map((e) => e.ns)).toEqual(['soho']);
  expect(events.filter((e) => e.ns === 'riga' && e.event === 'step')).toHaveLength(1);
  expect(await demo.bookings()).toHaveLength(1);

  // The host API reaches one widget only.
  await page.evaluate(() => (window as unknown as { BookingWidget(c: string): void }).BookingWidget('riga:close'));
  await expect(riga).toBeHidden();
  await expect(soho).toBeVisible();
});
