// Conversion tracking, consent first. On the hosted page the business's GA4, Meta Pixel and
// Metrica load only after the visitor allows them (there is no internet here: their scripts are
// fulfilled with small stand-ins that make the same collect / tr / watch requests the real ones
// do, and every request to those hosts is counted). On a business's own page (inline snippet, a
// strict CSP, on its own origin in the deployed project) nothing is loaded, and the page's own
// dataLayer / gtag / fbq hear the booking's events in order. Also run in the deployed topology.
import { readFileSync } from 'node:fs';
import type { Page, Request } from '@playwright/test';
import { DEMO } from '../src/server/demo/seed';
import { bookOnNewYorkForm, expectStep, HAIRCUT, region } from './embed/flow';
import { waitForEvent, watchProblems } from './embed/host';
import { axeViolations } from './a11y-walk';
import { expect, test } from './fixtures';
import { setClocks } from './visitor-clock';
import { VISITOR } from './widget';

test.beforeEach(({ page, demo }) => setClocks(page, demo, '2026-11-24T05:00:00-05:00'));

const ANALYTICS_HOSTS = /^https:\/\/([\w-]+\.)*(google-analytics\.com|googletagmanager\.com|facebook\.net|facebook\.com|yandex\.ru)\//;

// Stand-ins for the vendors' scripts: each reads its queue as the real one does and sends what the
// real one would, to the real one's endpoint (GA4's /g/collect with en, cu, epn.value and pr1…;
// Meta's /tr with ev and cd[…]; Metrica's /watch with the goal's params).
const GTAG_JS = `(() => {
  const send = (args) => {
    const [command, name, params = {}] = args;
    if (command !== 'event' && command !== 'config') return;
    const q = new URLSearchParams({ v: '2', tid: window.__gaId, en: command === 'config' ? 'page_view' : name, dl: location.href });
    for (const [key, value] of Object.entries(params)) {
      if (key === 'items') value.forEach((item, i) => q.set('pr' + (i + 1), 'id' + item.item_id + '~nm' + item.item_name + '~pr' + item.price + '~qt' + item.quantity));
      else if (key === 'currency') q.set('cu', value);
      else q.set((typeof value === 'number' ? 'epn.' : 'ep.') + key, String(value));
    }
    navigator.sendBeacon('https://region1.google-analytics.com/g/collect?' + q);
  };
  const layer = window.dataLayer;
  for (const args of layer) if (args[0] === 'config') window.__gaId = args[1];
  for (const args of layer) send(args);
  const push = layer.push.bind(layer);
  layer.push = (args) => (send(args), push(args));
})();`;
const FBEVENTS_JS = `(() => {
  const fbq = window.fbq;
  let id;
  fbq.callMethod = (command, a, b = {}) => {
    if (command === 'init') return void (id = a);
    if (command !== 'track') return;
    const q = new URLSearchParams({ id, ev: a, dl: location.href });
    for (const [key, value] of Object.entries(b)) q.set('cd[' + key + ']', Array.isArray(value) ? JSON.stringify(value) : String(value));
    new Image().src = 'https://www.facebook.com/tr/?' + q;
  };
  for (const args of fbq.queue.splice(0)) fbq.callMethod(...args);
})();`;
const METRIKA_JS = `(() => {
  const ym = window.ym;
  const call = (counter, command, goal, params = {}) => {
    if (command !== 'reachGoal') return;
    navigator.sendBeacon('https://mc.yandex.ru/watch/' + counter + '?' + new URLSearchParams({ 'page-url': 'goal://' + goal, 'site-info': JSON.stringify(params) }));
  };
  for (const args of ym.a || []) call(...args);
  window.ym = (...args) => call(...args);
})();`;

/** Every request to an analytics host, answered: the scripts with the stand-ins, the rest with 204. */
async function fakeAnalytics(page: Page): Promise<Request[]> {
  const requests: Request[] = [];
  await page.context().route(ANALYTICS_HOSTS, (route) => {
    const request = route.request();
    requests.push(request);
    const url = request.url();
    const script = url.includes('/gtag/js') ? GTAG_JS : url.includes('/fbevents.js') ? FBEVENTS_JS : url.includes('/metrika/tag.js') ? METRIKA_JS : undefined;
    return script ? route.fulfill({ contentType: 'text/javascript', body: script }) : route.fulfill({ status: 204 });
  });
  return requests;
}

/** What the visitor typed must be in no request to any analytics host: not in its address, nor in its body. */
function expectNoPersonalData(requests: Request[]) {
  const sent = requests.map((r) => `${decodeURIComponent(r.url())} ${r.postData() ?? ''}`).join('\n');
  for (const value of [VISITOR.name, VISITOR.phone, VISITOR.email, VISITOR.comment, VISITOR.phone.replace(/\D/g, '')]) expect(sent).not.toContain(value);
  expect(sent).not.toMatch(/hash/i);
}

const promptOf = (page: Page) => page.getByRole('region', { name: 'Statistics cookies', exact: true });

test('consent refused: no request leaves for any analytics host, before or after booking, and the answer is remembered', async ({ page, widget }) => {
  test.slow(); // a booking, a reload and the prompt again
  const requests = await fakeAnalytics(page);
  await page.goto(`/?form=${DEMO.forms.newYorkAnalytics}&lang=en-US&utm_source=newsletter`);
  const prompt = promptOf(page);
  await expect(prompt).toContainText('Google Analytics, Meta Pixel, and Yandex Metrica');
  const allow = prompt.getByRole('button', { name: 'Allow', exact: true });
  const decline = prompt.getByRole('button', { name: 'Decline', exact: true });
  // "No" is as easy as "yes": the same size and the same look.
  const [a, d] = [(await allow.boundingBox())!, (await decline.boundingBox())!];
  expect([Math.round(d.width), Math.round(d.height)]).toEqual([Math.round(a.width), Math.round(a.height)]);
  expect(a.height).toBeGreaterThanOrEqual(24);
  const look = (el: Element) => ['color', 'background-color', 'border', 'font-weight', 'font-size'].map((p) => getComputedStyle(el).getPropertyValue(p)).join();
  expect(await decline.evaluate(look)).toBe(await allow.evaluate(look));
  // WCAG 2.2 AA on the page with the prompt and its footer (contrast, names, landmarks, targets).
  expect(await axeViolations(page)).toEqual([]);
  expect((await page.getByRole('button', { name: 'Cookie settings', exact: true }).boundingBox())!.height).toBeGreaterThanOrEqual(24);

  await decline.focus();
  await page.keyboard.press('Enter');
  await expect(prompt).toHaveCount(0);
  const settings = page.getByRole('contentinfo').getByRole('button', { name: 'Cookie settings', exact: true });
  await expect(settings).toBeFocused();
  await expect(settings).toHaveAttribute('aria-expanded', 'false');

  await bookOnNewYorkForm(page);
  await page.reload();
  await widget.expectStep('service');
  await expect(settings).toBeVisible();
  await expect(promptOf(page)).toHaveCount(0);
  // The answer can be changed: the settings bring the prompt back, focus on it.
  await settings.click();
  await expect(promptOf(page)).toBeFocused();
  await page.waitForLoadState('networkidle');
  expect(requests.map((r) => r.url())).toEqual([]);
});

test('consent given: the tools load, and the booking reaches GA4 and the Pixel with its value and currency, no name, phone or e-mail', async ({ page, demo }) => {
  test.slow(); // three tools' scripts and a booking
  const requests = await fakeAnalytics(page);
  await page.goto(`/?form=${DEMO.forms.newYorkAnalytics}&lang=en-US&utm_source=newsletter&utm_campaign=spring`);
  const prompt = promptOf(page);
  await expect(prompt).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(requests).toEqual([]); // nothing before the answer

  await prompt.getByRole('button', { name: 'Allow', exact: true }).click();
  await expect(prompt).toHaveCount(0);
  await expect.poll(() => requests.map((r) => new URL(r.url()).pathname).filter((p) => /gtag\/js|fbevents|tag\.js/.test(p)).sort()).toEqual(['/en_US/fbevents.js', '/gtag/js', '/metrika/tag.js']);
  expect(requests.find((r) => r.url().includes('/gtag/js'))!.url()).toContain('id=G-DEMO12345');

  await bookOnNewYorkForm(page);
  const [booking] = await demo.bookings();
  const collect = (event: string) => requests.map((r) => new URL(r.url())).find((u) => u.pathname === '/g/collect' && u.searchParams.get('en') === event);
  await expect.poll(() => !!collect('purchase')).toBe(true);
  const purchase = collect('purchase')!.searchParams;
  expect(purchase.get('tid')).toBe('G-DEMO12345');
  expect(purchase.get('cu')).toBe('USD');
  expect(purchase.get('epn.value')).toBe('65');
  expect(purchase.get('ep.transaction_id')).toBe(String(booking!.recordId));
  expect(purchase.get('pr1')).toBe(`id${DEMO.services.womensHaircut}~nm${HAIRCUT}~pr65~qt1`);
  expect(purchase.get('ep.utm_source')).toBe('newsletter');
  expect(purchase.get('ep.utm_campaign')).toBe('spring');
  // The booking began and its service was added before (sent once the visitor allowed).
  expect(collect('begin_checkout')).toBeTruthy();
  expect(collect('add_to_cart')!.searchParams.get('epn.value')).toBe('65');

  const pixel = (event: string) => requests.map((r) => new URL(r.url())).find((u) => u.hostname === 'www.facebook.com' && u.searchParams.get('ev') === event)?.searchParams;
  await expect.poll(() => !!pixel('Lead')).toBe(true);
  for (const event of ['Schedule', 'Lead']) {
    expect(pixel(event)!.get('id')).toBe('1234567890123');
    expect(pixel(event)!.get('cd[value]')).toBe('65');
    expect(pixel(event)!.get('cd[currency]')).toBe('USD');
  }
  await expect.poll(() => requests.some((r) => r.url().includes('/watch/98765432') && r.url().includes('purchase'))).toBe(true);
  expectNoPersonalData(requests);
});

interface Origins {
  baseURL: string | undefined;
  hostURL: string | undefined;
  demoURL: string | undefined;
}

test('at 400 % zoom (320 × 256) the prompt reflows in the page, sticks to nothing and hides no focused control', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 256 });
  await page.goto(`/?form=${DEMO.forms.newYorkAnalytics}&lang=en-US`);
  const prompt = promptOf(page);
  await expect(prompt).toBeVisible();
  expect(await prompt.evaluate((el) => getComputedStyle(el).position)).toBe('static');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  // The widget's first control, reached by keyboard, is in view and not under the prompt.
  const service = page.getByRole('checkbox').first();
  await service.focus();
  const [box, over] = [(await service.boundingBox())!, (await prompt.boundingBox())!];
  expect(box.y + box.height <= over.y || box.y >= over.y + over.height).toBe(true);
  const allow = prompt.getByRole('button', { name: 'Allow', exact: true });
  await allow.focus();
  await expect(allow).toBeInViewport();
});

// A business's own page, on its own origin in the deployed project, served with a strict CSP: its
// Tag Manager dataLayer (in a file of its own: an inline script would need 'unsafe-inline').
async function openHostPage(page: Page, { baseURL, hostURL, demoURL }: Origins, widgetAttributes: string): Promise<void> {
  const origin = hostURL ?? baseURL!;
  const url = `${origin}/analytics/shop.html?utm_source=instagram&utm_medium=social`;
  const widget = baseURL!;
  const csp = [
    "default-src 'none'",
    `script-src 'self' ${widget}`,
    `style-src 'self' ${widget}`,
    `connect-src 'self' ${widget}`,
    // The team members' photos and the services' pictures: from the API's image host (README, Content-Security-Policy).
    `img-src 'self' data: ${widget} ${demoURL ?? ''}`,
    `frame-src ${widget}`,
  ].join('; ');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A salon's own site</title>
<script src="/analytics/tags.js"></script></head><body><h1>A salon's own site</h1><div id="booking"></div>
<script src="${widget}/widget.js" data-form="${DEMO.forms.newYork}" data-target="#booking" data-lang="en-US" ${widgetAttributes} async></script></body></html>`;
  await page.route(`${origin}/analytics/shop.html*`, (route) => route.fulfill({ contentType: 'text/html', headers: { 'Content-Security-Policy': csp }, body: html }));
  // The page's tags: a Tag Manager dataLayer, and the demo pages' log of the widget's events.
  const tags = `window.dataLayer = window.dataLayer || [];\n${readFileSync('public/demo/events.js', 'utf8')}`;
  await page.route(`${origin}/analytics/tags.js`, (route) => route.fulfill({ contentType: 'text/javascript', body: tags }));
  // A fulfilled page on the host's origin reaches the widget's loopback origin only when allowed
  // (Local Network Access), as in e2e/embed-isolation.spec.ts.
  if (hostURL) await page.context().grantPermissions(['local-network-access'], { origin: hostURL });
  await page.goto(url);
}

const dataLayerEvents = (page: Page) =>
  page.evaluate(() => (window as unknown as { dataLayer: { event?: string }[] }).dataLayer.filter((entry) => entry.event) as { event: string; utm_source?: string; ecommerce: Record<string, unknown> }[]);

test('a host page with a dataLayer hears begin_checkout, add_to_cart and purchase in order; nothing loaded, no CSP violation', async ({ page, baseURL, hostURL, demoURL }) => {
  const problems = await watchProblems(page);
  const requests = await fakeAnalytics(page);
  await openHostPage(page, { baseURL, hostURL, demoURL }, 'data-mode="inline"');
  const root = page.locator('booking-widget');
  await bookOnNewYorkForm(root);
  const booked = await waitForEvent(page, 'booked');

  await expect.poll(async () => (await dataLayerEvents(page)).map((e) => e.event)).toEqual(['begin_checkout', 'add_to_cart', 'purchase']);
  const [begin, added, purchase] = await dataLayerEvents(page);
  expect(begin!.ecommerce).toEqual({ currency: 'USD', value: 0, items: [] });
  const item = { item_id: String(DEMO.services.womensHaircut), item_name: HAIRCUT, price: 65, quantity: 1 };
  expect(added!.ecommerce).toEqual({ currency: 'USD', value: 65, items: [item] });
  expect(purchase).toEqual({ event: 'purchase', utm_source: 'instagram', utm_medium: 'social', ecommerce: { transaction_id: String(booked.recordIds[0]), currency: 'USD', value: 65, items: [item] } });
  const everything = JSON.stringify(await page.evaluate(() => (window as unknown as { dataLayer: unknown[] }).dataLayer));
  for (const value of [VISITOR.name, VISITOR.phone, VISITOR.email, VISITOR.comment]) expect(everything).not.toContain(value);

  expect(requests).toEqual([]);
  expect(problems.violations).toEqual([]);
});

test('iframe mode: the frame hands its events to the host page, whose dataLayer hears them in order', async ({ page, baseURL, hostURL, demoURL }) => {
  const problems = await watchProblems(page);
  const requests = await fakeAnalytics(page);
  await openHostPage(page, { baseURL, hostURL, demoURL }, 'data-mode="iframe"');
  const frame = page.frameLocator('booking-widget iframe');
  await bookOnNewYorkForm(frame);
  const booked = await waitForEvent(page, 'booked');
  await expect.poll(async () => (await dataLayerEvents(page)).map((e) => e.event)).toEqual(['begin_checkout', 'add_to_cart', 'purchase']);
  const purchase = (await dataLayerEvents(page))[2]!;
  // The campaign is the host page's own, which the frame cannot see.
  expect(purchase).toMatchObject({ utm_source: 'instagram', ecommerce: { transaction_id: String(booked.recordIds[0]), currency: 'USD', value: 65 } });
  expect(requests).toEqual([]);
  expect(problems.violations).toEqual([]);
});

test('data-analytics="off": the host page hears nothing', async ({ page, baseURL, hostURL, demoURL }) => {
  await openHostPage(page, { baseURL, hostURL, demoURL }, 'data-mode="inline" data-analytics="off"');
  const root = page.locator('booking-widget');
  await expectStep(root, 'service');
  await region(root, 'service').getByRole('checkbox', { name: new RegExp(`^${HAIRCUT}`) }).check();
  await root.getByRole('button', { name: 'Continue', exact: true }).click();
  await expectStep(root, 'staff');
  await page.waitForLoadState('networkidle');
  expect(await dataLayerEvents(page)).toEqual([]);
});
