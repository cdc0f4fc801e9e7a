// The npm package as developers use it: `npm pack`, the tarball installed in a Vite + React 19 app
// and in a plain ES-module page (e2e/package/consumers.ts), both built and served on a site of
// their own that forwards its API paths to the deployed booking proxy; a visitor books through
// the <booking-widget> custom element in each. Runs in the `chromium` project; the deployed
// servers of playwright.config.ts (the built proxy and its demo upstream) answer the API.
import { test as base, expect, type Page } from '@playwright/test';
import { DEMO } from '../src/server/demo/seed';
import { DemoBackend } from './demo-backend';
import { bookOnNewYorkForm, expectStep, region } from './embed/flow';
import { watchProblems } from './embed/host';
import { prepareConsumers, REACT_API_PATH, removeConsumers, serveSite } from './package/consumers';
import { setVisitorClock } from './visitor-clock';
import { VISITOR } from './widget';

const NOW = '2026-11-24T05:00:00-05:00';

let dir = '';
let site: Awaited<ReturnType<typeof serveSite>> | undefined;
/** The deployed topology's ports, next to the dev server's (playwright.config.ts). */
let proxy = '';
let upstream = '';

const test = base.extend<{ demo: DemoBackend; site: (host: string) => string }>({
  demo: async ({ request, page }, use) => {
    const demo = new DemoBackend(request, upstream);
    await demo.reset();
    await demo.setClock(NOW);
    await setVisitorClock(page, NOW);
    await use(demo);
  },
  site: async ({}, use) => use(site!.origin),
});

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({}, testInfo) => {
  // Packing (the package build and its declarations), installing and building take a minute or two.
  testInfo.setTimeout(360_000);
  const port = Number(new URL(testInfo.project.use.baseURL!).port);
  proxy = `http://127.0.0.1:${port + 2}`;
  upstream = `http://127.0.0.1:${port + 3}`;
  const prepared = await prepareConsumers({ loaderUrl: `${proxy}/widget.js` });
  dir = prepared.dir;
  site = await serveSite(dir, proxy);
  console.log(`package: packed in ${prepared.timings.pack} ms, installed in ${prepared.timings.install} ms, React app built in ${prepared.timings.build} ms`);
});

test.afterAll(async () => {
  await site?.close();
  if (dir) removeConsumers(dir);
});

/** The API paths the page called, by origin and first segment; and every answer that failed. */
function apiCalls(page: Page): Set<string> & { failed: string[] } {
  const calls = Object.assign(new Set<string>(), { failed: [] as string[] });
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (/^\/(api|salon-api)\//.test(url.pathname)) calls.add(`${url.origin}/${url.pathname.split('/')[1]}`);
  });
  page.on('response', (r) => r.status() >= 400 && calls.failed.push(`${r.status()} ${r.url()}`));
  return calls;
}

test('a React 19 app books through <booking-widget>, and its onbooked handler hears the booking', async ({ page, demo, site }) => {
  const problems = await watchProblems(page);
  const calls = apiCalls(page);
  const origin = site('salon.localhost');
  await page.goto(`${origin}/react/`);
  const widget = page.locator('booking-widget');

  await bookOnNewYorkForm(widget);

  const bookings = await demo.bookings();
  expect(bookings).toHaveLength(1);
  expect(bookings[0]).toMatchObject({ serviceIds: [DEMO.services.womensHaircut], staffId: DEMO.staff.olivia });
  // The React state the handlers set: the booking's time, and every step in order.
  await expect(page.locator('#booked')).toHaveText(`booked for ${bookings[0]!.datetime}`);
  await expect(page.locator('#steps')).toHaveText('service staff date time contact confirm success');
  // The api-base attribute was followed: the page's own origin, the path it names.
  expect([...calls]).toEqual([`${origin}${REACT_API_PATH}`]);
  // Styled without the host's bundler doing anything: the widget's stylesheet is in its shadow root.
  await expect(widget.locator('.bw-flow')).toHaveCSS('box-sizing', 'border-box');
  expect(calls.failed).toEqual([]);
  expect(problems.errors).toEqual([]);
  expect(problems.violations).toEqual([]);

  // React removes the element: the widget goes with it; shown again, a new one starts afresh.
  await page.getByRole('button', { name: 'Hide the booking' }).click();
  await expect(widget).toHaveCount(0);
  await page.getByRole('button', { name: 'Show the booking' }).click();
  await expectStep(widget, 'service');
});

test('a plain ES-module page books through the element, beside a script-tag widget, and hears CustomEvents', async ({ page, demo, site }) => {
  const problems = await watchProblems(page);
  const calls = apiCalls(page);
  const origin = site('salon.localhost');
  await page.goto(`${origin}/plain/`);
  const element = page.locator('booking-widget#package-widget');
  const scriptTag = page.locator('booking-widget[data-namespace="script-tag"]');

  // The script tag's own <booking-widget> host is left to the loader: its widget (form 3 starts
  // at the team member) shows, and the package's element did not mount a second one into it.
  await expectStep(scriptTag, 'staff');
  await expect(scriptTag.locator('.bw-flow')).toHaveCount(1);
  await expect(element.locator('.bw-flow')).toHaveCount(1);

  await bookOnNewYorkForm(element);

  const bookings = await demo.bookings();
  expect(bookings).toHaveLength(1);
  const received = await page.evaluate(() => (window as unknown as { received: { name: string; detail: Record<string, unknown> }[] }).received);
  const booked = received.filter((e) => e.name === 'booked');
  expect(booked).toHaveLength(1);
  expect(booked[0]!.detail).toMatchObject({ datetime: bookings[0]!.datetime, serviceIds: [DEMO.services.womensHaircut] });
  expect(received.map((e) => e.name).filter((n) => n !== 'step')).toEqual(['ready', 'booked']);
  for (const personal of [VISITOR.name, VISITOR.phone, VISITOR.email, VISITOR.comment]) expect(JSON.stringify(received)).not.toContain(personal);
  // No api-base attribute: the page's own /api/v1.
  expect([...calls]).toEqual([`${origin}/api`]);
  // The script tag's widget is still where it was.
  await expectStep(scriptTag, 'staff');
  expect(calls.failed).toEqual([]);
  expect(problems.errors).toEqual([]);
});

test('the element: moved, it keeps its widget; removed, the widget is destroyed; put back, it mounts again', async ({ page, site }) => {
  await page.goto(`${site('salon.localhost')}/plain/`);
  const element = page.locator('booking-widget#package-widget');
  await expectStep(element, 'service');
  await region(element, 'service').getByRole('checkbox', { name: /^Women's haircut/ }).check();
  await element.getByRole('button', { name: 'Continue', exact: true }).click();
  await expectStep(element, 'staff');
  const first = await page.evaluateHandle(() => (document.querySelector('#package-widget') as HTMLElement & { widget: object }).widget);

  // Moved to another place on the page (disconnected and connected at once): the same widget.
  await page.evaluate(() => document.body.append(document.querySelector('#package-widget')!));
  await expectStep(element, 'staff');
  expect(await page.evaluate((w) => (document.querySelector('#package-widget') as HTMLElement & { widget: object }).widget === w, first)).toBe(true);

  const detached = await page.evaluateHandle(() => {
    const el = document.querySelector('#package-widget')!;
    el.remove();
    return el as HTMLElement & { widget: object | null };
  });
  await expect.poll(() => detached.evaluate((el) => ({ widget: el.widget, content: el.shadowRoot!.querySelectorAll('.bw-flow').length }))).toEqual({ widget: null, content: 0 });
  // Back on the page: a new widget, where the visitor was (the widget keeps the visit's choices).
  await detached.evaluate((el) => document.body.append(el));
  await expectStep(element, 'staff');
  expect(await detached.evaluate((el, w) => !!el.widget && el.widget !== w, first)).toBe(true);
  await expect(element.locator('.bw-flow')).toHaveCount(1);
});

test('the element follows its attributes while on the page: services preselects, theme changes the palette, lang mounts it again in that language', async ({ page, site }) => {
  await page.goto(`${site('salon.localhost')}/plain/`);
  const element = page.locator('booking-widget#package-widget');
  await expectStep(element, 'service');
  const set = (name: string, value: string) => page.evaluate(([n, v]) => document.querySelector('#package-widget')!.setAttribute(n!, v!), [name, value]);
  const root = element.locator('.bw-root');
  const palette = () => root.evaluate((el) => ({ background: getComputedStyle(el).backgroundColor, scheme: getComputedStyle(el).colorScheme }));

  // A service chosen by the page: the flow starts over with it chosen (the visitor goes on from there).
  await set('services', String(DEMO.services.womensHaircut));
  await expect(region(element, 'service').getByRole('checkbox', { name: /^Women's haircut/ })).toBeChecked();
  const widget = await page.evaluateHandle(() => (document.querySelector('#package-widget') as HTMLElement & { widget: object }).widget);

  // The palette follows theme="dark" and back, on the same widget.
  const light = await palette();
  await set('theme', 'dark');
  await expect.poll(palette).toMatchObject({ scheme: 'dark' });
  expect((await palette()).background).not.toBe(light.background);
  await set('theme', 'light');
  await expect.poll(palette).toEqual(light);
  expect(await page.evaluate((w) => (document.querySelector('#package-widget') as HTMLElement & { widget: object }).widget === w, widget)).toBe(true);

  // Another language: the widget is mounted again, in Latvian (its title, its html lang).
  await set('lang', 'lv-LV');
  await expect(root).toHaveAttribute('lang', 'lv-LV');
  await expect(element.getByRole('heading', { level: 2 })).not.toHaveText(/Choose|Select/);
  expect(await page.evaluate((w) => (document.querySelector('#package-widget') as HTMLElement & { widget: object }).widget !== w, widget)).toBe(true);
  await expect(element.locator('.bw-flow')).toHaveCount(1);
});
