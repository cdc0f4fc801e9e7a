// A business's own site books through the deployed widget (project `deployed` only): the page is
// on another site (http://shop.localhost:…) and holds README.md's snippets copied verbatim, only
// the placeholder origins replaced (e2e/hosts/readme-hosts.mjs); the widget is the production
// build served by the built server, whose proxy adds the token in front of a separate upstream.
import type { Page } from '@playwright/test';
import { DEMO } from '../src/server/demo/seed';
import { bookOnNewYorkForm, region, type WidgetRoot } from './embed/flow';
import { eventNames, hostEvents, waitForEvent, watchProblems } from './embed/host';
import { PAGE_LANGUAGE } from './embed/page-language';
import { expect, test } from './fixtures';
import { VISITOR } from './widget';

/** The README's snippets book on form 1, the chain: the visitor first picks the New York location. */
async function bookOnChainInNewYork(root: WidgetRoot): Promise<void> {
  // h1 on the widget's own page (hosted, iframe), h2 in a host's page: found by its name.
  await expect(root.getByRole('heading', { name: 'Choose location', exact: true })).toBeVisible();
  await region(root, 'location').getByRole('button', { name: /^Lumen Studio SoHo/ }).click();
  await bookOnNewYorkForm(root);
}

interface Snippet {
  name: string;
  /** The page on the host (e2e/hosts/readme-hosts.mjs). */
  path: string;
  widget(page: Page): Promise<WidgetRoot>;
  /** The loader is on the page, so the page hears the widget's events. */
  hasEvents: boolean;
  /**
   * A window tall enough for the whole frame, so the host's page never scrolls under a press.
   * The plain iframe is 720 px tall below the page's heading, taller than the default 720 px
   * window: a press on a control at the frame's bottom had Playwright scroll the host's page
   * (another process) just before pressing, and when it retried a press begun during the step's
   * entrance animation (scrolling to `block: 'end'`) the press could be routed by the page as last
   * drawn, below the frame, onto the host's own page: the widget never heard it and Playwright,
   * whose check runs inside the frame, reported it done. A visitor presses what is on screen.
   */
  viewport?: { width: number; height: number };
}

const SNIPPETS: Snippet[] = [
  { name: 'inline', path: '/inline.html', widget: async (page) => page.locator('booking-widget'), hasEvents: true },
  {
    name: 'button and dialog',
    path: '/button.html',
    widget: async (page) => {
      await page.getByRole('button', { name: 'Book online', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Book online' });
      await expect(dialog).toBeVisible();
      return dialog;
    },
    hasEvents: true,
  },
  { name: 'iframe', path: '/iframe.html', widget: async (page) => page.frameLocator('booking-widget iframe'), hasEvents: true },
  {
    name: 'plain iframe',
    path: '/plain-iframe.html',
    widget: async (page) => page.frameLocator('iframe[title="Online booking"]'),
    hasEvents: false,
    viewport: { width: 1280, height: 1000 },
  },
];

for (const snippet of SNIPPETS) {
  test(`a business's page on another site books with the README's ${snippet.name} snippet`, async ({ page, demo, hostURL, baseURL }) => {
    const problems = await watchProblems(page);
    const apiOrigins = new Set<string>();
    page.on('request', (r) => r.url().includes('/api/v1/') && apiOrigins.add(new URL(r.url()).origin));

    if (snippet.viewport) await page.setViewportSize(snippet.viewport);
    await page.goto(`${hostURL}${snippet.path}`);
    if (snippet.viewport) {
      // The premise: the frame scrolls inside, the host's page does not scroll at all.
      expect(await page.evaluate(() => document.documentElement.scrollHeight <= innerHeight)).toBe(true);
    }
    await bookOnChainInNewYork(await snippet.widget(page));

    const bookings = await demo.bookings();
    expect(bookings).toHaveLength(1);
    expect(bookings[0]).toMatchObject({ serviceIds: [DEMO.services.womensHaircut], staffId: DEMO.staff.olivia });
    // Straight to the widget's own origin, through its proxy.
    expect([...apiOrigins]).toEqual([baseURL]);
    expect(problems.errors).toEqual([]);
    if (!snippet.hasEvents) return;

    const booked = await waitForEvent(page, 'booked');
    expect(booked.datetime).toBe(bookings[0]!.datetime);
    const everything = JSON.stringify(await hostEvents(page));
    for (const personal of [VISITOR.name, VISITOR.phone, VISITOR.email, VISITOR.comment]) expect(everything).not.toContain(personal);
    const names = await eventNames(page);
    expect(names.filter((n) => n === 'ready' || n === 'step')[0]).toBe('ready');
    expect(names.filter((n) => n === 'step')).toHaveLength(8); // location, service, staff, date, time, contact, confirm, success
    expect(names).not.toContain('error');
  });
}

test("the README's data-api-base snippet: the widget from its origin, the API from a third one", async ({ page, demo, hostURL, apiURL }) => {
  const problems = await watchProblems(page);
  const apiOrigins = new Set<string>();
  page.on('request', (r) => r.url().includes('/api/v1/') && apiOrigins.add(new URL(r.url()).origin));

  await page.goto(`${hostURL}/api-base.html`);
  await bookOnChainInNewYork(page.locator('booking-widget'));

  expect(await demo.bookings()).toHaveLength(1);
  expect([...apiOrigins]).toEqual([apiURL]);
  expect(problems.errors).toEqual([]);
  expect(await eventNames(page)).not.toContain('error');
});

test("the hosted page on the widget's origin books, as the README's link gives it", async ({ page, demo }) => {
  await page.goto('/?form=1');
  await bookOnChainInNewYork(page);
  expect(await demo.bookings()).toHaveLength(1);
});

test("the deployed widget speaks the visitor's language to the browser: the hosted page's <html lang dir> and title, the README iframe's title", async ({ page, hostURL }) => {
  await page.goto('/?form=1&lang=he-IL');
  await expect(page).toHaveTitle(PAGE_LANGUAGE.he.title);
  await expect(page.locator('html')).toHaveAttribute('lang', 'he-IL');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');

  await page.goto(`${hostURL}/iframe.html`);
  await waitForEvent(page, 'ready');
  const iframe = page.locator('booking-widget iframe');
  await expect(iframe).toHaveAttribute('title', PAGE_LANGUAGE.en.title);
  await page.frameLocator('booking-widget iframe').getByRole('combobox', { name: PAGE_LANGUAGE.en.switcher }).selectOption('lv-LV');
  await expect(iframe).toHaveAttribute('title', PAGE_LANGUAGE.lv.title);
});
