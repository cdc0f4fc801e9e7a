// One booking, run in every way the widget can be put on a page: the script tag inline, the
// script tag's button and dialog, the iframe, and the hosted page. In the embeds, the host page
// records every event it receives: they must tell the story of the booking, and nothing personal.
import { DEMO } from '../src/server/demo/seed';
import { bookOnNewYorkForm, type WidgetRoot } from './embed/flow';
import { eventNames, waitForEvent } from './embed/host';
import { expect, test } from './fixtures';
import { VISITOR } from './widget';
import type { Page } from '@playwright/test';

interface Mode {
  name: string;
  path: string;
  /** Where the widget is, once the page is open (the button mode opens its dialog first). */
  widget(page: Page): Promise<WidgetRoot>;
  hasHost: boolean;
}

const MODES: Mode[] = [
  { name: 'script tag, inline', path: '/demo/inline.html', widget: async (page) => page.locator('booking-widget'), hasHost: true },
  {
    name: 'script tag, button and dialog',
    path: '/demo/button.html',
    widget: async (page) => {
      await page.getByRole('button', { name: 'Book now' }).click();
      const dialog = page.getByRole('dialog', { name: 'Book now' });
      await expect(dialog).toBeVisible();
      return dialog;
    },
    hasHost: true,
  },
  { name: 'iframe', path: '/demo/iframe.html', widget: async (page) => page.frameLocator('booking-widget iframe'), hasHost: true },
  { name: 'hosted page', path: `/?form=${DEMO.forms.newYork}&lang=en-US`, widget: async (page) => page, hasHost: false },
];

for (const mode of MODES) {
  test(`a visitor books in the ${mode.name}`, async ({ page, demo }) => {
    await page.goto(mode.path);
    const widget = await mode.widget(page);
    await bookOnNewYorkForm(widget);

    const bookings = await demo.bookings();
    expect(bookings).toHaveLength(1);
    expect(bookings[0]).toMatchObject({ serviceIds: [DEMO.services.womensHaircut], staffId: DEMO.staff.olivia });
    if (!mode.hasHost) return;

    const booked = await waitForEvent(page, 'booked');
    expect(booked.serviceIds).toEqual([DEMO.services.womensHaircut]);
    expect(booked.recordIds).toHaveLength(1);
    expect(booked.datetime).toBe(bookings[0]!.datetime);
    // No personal data leaves the widget in an event.
    const everything = JSON.stringify(await page.evaluate(() => (window as unknown as { hostEvents: unknown }).hostEvents));
    for (const personal of [VISITOR.name, VISITOR.phone, VISITOR.email, VISITOR.comment]) expect(everything).not.toContain(personal);

    const names = await eventNames(page);
    const steps = names.filter((n) => n === 'ready' || n === 'step' || n === 'booked');
    expect(steps[0]).toBe('ready');
    expect(names.filter((n) => n === 'step')).toHaveLength(7); // service, staff, date, time, contact, confirm, success
    expect(names).not.toContain('error');
  });
}
