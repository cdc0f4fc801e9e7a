// The hosted page as the built server sends it (project `deployed` only): its first step is in the
// HTML, before any script runs; the app takes that markup over (hydration) without changing it;
// and the visitor books through it. The data is inlined as inert JSON, not a script.
import type { Page } from '@playwright/test';
import { DEMO } from '../src/server/demo/seed';
import { expect, test } from './fixtures';
import { setClocks } from './visitor-clock';
import { BookingWidget } from './widget';

const PAGE = `/?form=${DEMO.forms.newYork}&lang=en-US`;

/** The mount's markup and the page's language, direction and title, as the browser holds them. */
const snapshot = (page: Page) =>
  page.evaluate(() => ({
    html: document.getElementById('booking-widget')!.innerHTML,
    lang: document.documentElement.lang,
    dir: document.documentElement.dir,
    title: document.title,
  }));

test.beforeEach(({ page, demo }) => setClocks(page, demo, '2026-11-24T05:00:00-05:00'));

test('the first step comes in the HTML, hydration leaves it as it came, and a booking completes after', async ({ page, browser, baseURL }) => {
  // As served: the same page with scripts off.
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const served = await noScript.newPage();
  const answer = await served.goto(`${baseURL}${PAGE}`);
  expect(answer!.headers()['cache-control']).toBe('no-store');
  await expect(served.getByRole('heading', { level: 1, name: 'Service selection' })).toBeVisible();
  await expect(served.getByRole('checkbox', { name: /^Women's haircut/ })).toBeVisible();
  const before = await snapshot(served);
  expect(before).toMatchObject({ lang: 'en-US', dir: 'ltr' });
  const inert = await served.locator('script[type="application/json"]#bw-start').count();
  expect(inert).toBe(1);
  await noScript.close();

  // With scripts: every change to the server's markup is recorded from the moment the parser is
  // done with it (readyState 'interactive' comes before any module script runs).
  await page.addInitScript(() => {
    const changes: string[] = [];
    (window as unknown as { bwChanges: string[] }).bwChanges = changes;
    // Preact adds an empty text node where the server wrote an empty element: no change to see.
    const empty = (nodes: NodeList) => [...nodes].every((n) => n.nodeType === Node.TEXT_NODE && n.textContent === '');
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'childList' && empty(r.addedNodes) && empty(r.removedNodes)) continue;
        changes.push(`${r.type} ${r.attributeName ?? ''} on ${(r.target as Element).className || r.target.nodeName}`);
      }
    });
    document.addEventListener('readystatechange', () => {
      const mount = document.getElementById('booking-widget');
      if (document.readyState === 'interactive' && mount) observer.observe(mount, { subtree: true, childList: true, attributes: true, characterData: true });
    });
  });
  const hydrated = page.waitForResponse((r) => /\/assets\/seeded-[\w-]+\.js$/.test(new URL(r.url()).pathname));
  await page.goto(PAGE);
  await hydrated;
  await page.waitForLoadState('networkidle');
  const widget = new BookingWidget(page);
  // Interactive: only a hydrated page reacts to a choice.
  await expect(widget.service("Women's haircut")).toBeVisible();
  const after = await snapshot(page);
  const changes = await page.evaluate(() => (window as unknown as { bwChanges: string[] }).bwChanges);
  expect(after).toEqual(before);
  expect(changes).toEqual([]);

  await widget.chooseService("Women's haircut");
  await widget.chooseMember('Any available team member');
  await widget.chooseFirstSlot();
  await widget.fillContact();
  await widget.confirmButton().click();
  await widget.expectStep('success');
});

test('an unknown form: the plain page, rendered in the browser, never an error page', async ({ page, request, baseURL }) => {
  const answer = await request.get(`${baseURL}/?form=999999`, { headers: { Accept: 'text/html' } });
  expect(answer.status()).toBe(200);
  const html = await answer.text();
  expect(html).toContain('<main id="booking-widget"></main>');
  expect(html).not.toContain('id="bw-start"');
  await page.goto('/?form=999999');
  await expect(page.getByRole('button', { name: /try again/i })).toBeVisible();
});
