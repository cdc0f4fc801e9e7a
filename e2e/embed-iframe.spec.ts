// Iframe mode: the frame is always as tall as its content (no inner scroll bar at any step), the
// host API reaches the frame, messages from any other origin are ignored on both sides, and the
// frame (like the hosted page it shows) is named in the widget's language.
import type { Frame, Page } from '@playwright/test';
import { DEMO } from '../src/server/demo/seed';
import { bookOnNewYorkForm, expectStep, walkToContact } from './embed/flow';
import { hostEvents, waitForEvent } from './embed/host';
import { PAGE_LANGUAGE } from './embed/page-language';
import { expect, test } from './fixtures';

// Another origin, answered by the test itself (a *.localhost name, so the browser treats it as local too).
const FOREIGN = 'http://foreign.localhost:5198';

function widgetFrame(page: Page): Frame {
  const frame = page.frames().find((f) => f.url().includes('embed=frame'));
  if (!frame) throw new Error('no widget frame');
  return frame;
}

test('the iframe never shows an inner scroll bar while the visitor steps through the flow', async ({ page }) => {
  await page.goto('/demo/iframe.html');
  const root = page.frameLocator('booking-widget iframe');
  const iframe = page.locator('booking-widget iframe');
  const seen: string[] = [];
  await bookOnNewYorkForm(root, async (step) => {
    const frame = widgetFrame(page);
    await expect
      .poll(() => frame.evaluate(() => document.documentElement.scrollHeight <= document.documentElement.clientHeight))
      .toBe(true);
    // Sized to the content, not merely tall: the frame comes to within a pixel of the page inside
    // it (a step whose content shrinks as its data arrives is resized by the next message).
    await expect
      .poll(async () => {
        const inner = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
        return Math.abs((await iframe.boundingBox())!.height - inner);
      })
      .toBeLessThanOrEqual(1);
    expect(await frame.evaluate(() => scrollY)).toBe(0);
    seen.push(step);
  });
  expect(seen).toEqual(['service', 'staff', 'date', 'time', 'contact', 'confirm', 'success']);
});

test('the iframe is named in the widget’s language, and renamed when the visitor switches', async ({ page }) => {
  await page.goto('/demo/iframe.html');
  await waitForEvent(page, 'ready');
  const iframe = page.locator('booking-widget iframe');
  const root = page.frameLocator('booking-widget iframe');
  await expect(iframe).toHaveAttribute('title', PAGE_LANGUAGE.en.title);
  await root.getByRole('combobox', { name: PAGE_LANGUAGE.en.switcher }).selectOption('lv-LV');
  await expect(iframe).toHaveAttribute('title', PAGE_LANGUAGE.lv.title);
  // The framed page itself says its language and direction too.
  await expect(root.locator('html')).toHaveAttribute('lang', 'lv-LV');
  await root.getByRole('combobox', { name: PAGE_LANGUAGE.lv.switcher }).selectOption('he-IL');
  await expect(iframe).toHaveAttribute('title', PAGE_LANGUAGE.he.title);
  await expect(root.locator('html')).toHaveAttribute('dir', 'rtl');
});

test('the hosted page follows the widget’s language: <html lang dir> and its title', async ({ page }) => {
  await page.goto(`/?form=${DEMO.forms.newYork}&lang=lv-LV`);
  const html = page.locator('html');
  await expect(page).toHaveTitle(PAGE_LANGUAGE.lv.title);
  await expect(html).toHaveAttribute('lang', 'lv-LV');
  await expect(html).toHaveAttribute('dir', 'ltr');
  await page.getByRole('combobox', { name: PAGE_LANGUAGE.lv.switcher }).selectOption('he-IL');
  await expect(page).toHaveTitle(PAGE_LANGUAGE.he.title);
  await expect(html).toHaveAttribute('lang', 'he-IL');
  await expect(html).toHaveAttribute('dir', 'rtl');
  await page.getByRole('combobox', { name: PAGE_LANGUAGE.he.switcher }).selectOption('en-US');
  await expect(page).toHaveTitle(PAGE_LANGUAGE.en.title);
  await expect(html).toHaveAttribute('dir', 'ltr');
});

test("the host page's prefill reaches the frame", async ({ page }) => {
  await page.goto('/demo/iframe.html');
  await waitForEvent(page, 'ready');
  await page.evaluate(() => (window as unknown as { BookingWidget(c: string, v: unknown): void }).BookingWidget('prefill', { name: 'Ann Host' }));
  const root = page.frameLocator('booking-widget iframe');
  await walkToContact(root);
  await expect(root.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('Ann Host');
});

test('the host ignores messages from a foreign origin, even well-formed ones', async ({ page }) => {
  await page.route(`${FOREIGN}/**`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<script>
        const envelope = (type, payload) => ({ source: 'booking-widget', ns: 'default', type, payload });
        parent.postMessage(envelope('resize', { height: 7 }), '*');
        parent.postMessage(envelope('booked', { recordIds: [666], datetime: 'x', serviceIds: [1] }), '*');
        parent.postMessage(envelope('ready', { formId: 99 }), '*');
        document.title = 'sent';
      </script>`,
    }),
  );
  await page.goto('/demo/iframe.html');
  await waitForEvent(page, 'ready');
  const iframe = page.locator('booking-widget iframe');
  const before = (await iframe.boundingBox())!.height;
  const eventsBefore = (await hostEvents(page)).length;

  await page.evaluate((src) => {
    const foreign = document.createElement('iframe');
    foreign.src = src;
    document.body.append(foreign);
  }, `${FOREIGN}/evil.html`);
  await expect.poll(() => page.frames().find((f) => f.url().startsWith(FOREIGN))?.title()).toBe('sent');
  await page.waitForTimeout(200);

  expect((await iframe.boundingBox())!.height).toBe(before);
  expect((await hostEvents(page)).length).toBe(eventsBefore);
});

test('the frame ignores a foreign page that frames it and claims to be its parent', async ({ page, baseURL }) => {
  const widgetUrl = `${baseURL}/?embed=frame&form=${DEMO.forms.newYork}&lang=en-US&ns=default&parentOrigin=${encodeURIComponent(baseURL!)}`;
  // Same server, other origin: localhost is not 127.0.0.1.
  const foreignPage = new URL('/e2e/hosts/foreign-framing.html', baseURL!.replace('127.0.0.1', 'localhost'));
  foreignPage.searchParams.set('widget', widgetUrl);
  await page.goto(foreignPage.href);
  const root = page.frameLocator('#w');
  await expectStep(root, 'service');
  await page.evaluate(() => {
    const w = (document.getElementById('w') as HTMLIFrameElement).contentWindow!;
    w.postMessage({ source: 'booking-widget', ns: 'default', type: 'prefill', payload: { name: 'Mallory' } }, '*');
  });
  await walkToContact(root);
  await expect(root.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('');
});
