// The host page cannot change the widget: a page with a hostile stylesheet sees the widget
// exactly as a clean page does, and a page with a strict Content-Security-Policy books with no
// violation reported.
import type { Browser, Locator, Page } from '@playwright/test';
import { bookOnNewYorkForm, expectStep } from './embed/flow';
import { waitForEvent, watchProblems } from './embed/host';
import { expect, test } from './fixtures';

const PROPERTIES = [
  'font-family', 'font-size', 'line-height', 'letter-spacing', 'color', 'background-color', 'direction', 'text-align',
  'text-transform', 'padding-top', 'padding-left', 'margin-top', 'border-top-width', 'border-top-style', 'box-sizing', 'height', 'max-width',
];

/** Computed styles of a few of the widget's elements, by a name for each. */
async function widgetStyles(page: Page): Promise<Record<string, Record<string, string>>> {
  const widget = page.locator('booking-widget');
  await expectStep(widget, 'service');
  // Measured once the services are drawn and nothing more is coming: the step's height follows its
  // content, and the two pages must be compared at the same point.
  await expect(widget.getByRole('checkbox').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  const parts: Record<string, Locator> = {
    root: widget.locator('.bw-root'),
    title: widget.getByRole('heading', { level: 2 }),
    continue: widget.getByRole('button', { name: 'Continue', exact: true }),
    service: widget.getByRole('checkbox').first(),
    list: widget.locator('.bw-step'),
  };
  const styles: Record<string, Record<string, string>> = {};
  for (const [name, part] of Object.entries(parts)) {
    styles[name] = await part.first().evaluate((el, props) => {
      const cs = getComputedStyle(el);
      return Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
    }, PROPERTIES);
  }
  return styles;
}

test('a hostile stylesheet changes nothing in the widget, and the booking completes', async ({ page, hostURL }) => {
  test.skip(!!hostURL, "the demo host pages are the dev server's");
  await page.goto('/demo/inline.html');
  const clean = await widgetStyles(page);

  await page.goto('/demo/hostile.html');
  // The page really is hostile: its own text is red, right to left, in another font.
  const pageText = await page.locator('h1').evaluate((el) => {
    const { color, direction, fontFamily } = getComputedStyle(el);
    return { color, direction, fontFamily };
  });
  expect(pageText).toEqual({ color: 'rgb(204, 0, 0)', direction: 'rtl', fontFamily: expect.stringContaining('Comic Sans MS') });
  const hostile = await widgetStyles(page);
  expect(hostile).toEqual(clean);

  await bookOnNewYorkForm(page.locator('booking-widget'));
  await waitForEvent(page, 'booked');
});

test('a host with a strict CSP (no unsafe-inline, no unsafe-eval) books with no violation', async ({ page, hostURL }) => {
  test.skip(!!hostURL, "the demo host pages are the dev server's");
  const problems = await watchProblems(page);
  const response = await page.goto('/demo/csp.html');
  const csp = (await response?.headerValue('content-security-policy')) ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('unsafe-eval');

  await bookOnNewYorkForm(page.locator('booking-widget'));
  await waitForEvent(page, 'booked');
  expect(problems.violations).toEqual([]);
  expect(problems.errors).toEqual([]);
});

// Hostile host pages of our own, served at a path of the host's origin: the dev server's in the
// chromium project, the business's other site in the deployed one (the built loader, as it ships).

interface Origins {
  hostURL: string | undefined;
  baseURL: string | undefined;
}

/** Serves `body` as a page of the host's site and opens it; the loader comes from the widget's origin. */
async function openHostPage(page: Page, { hostURL, baseURL }: Origins, name: string, head: string, body: string): Promise<void> {
  const url = `${hostURL ?? baseURL}/isolation/${name}.html`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${name}</title>${head}</head><body>${body.replaceAll('WIDGET_JS', `${baseURL}/widget.js`)}</body></html>`;
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  // A page fulfilled by the test has no address of its own: Chromium takes it for a site on the
  // internet and refuses it the widget's loopback origin unless allowed (Local Network Access). A
  // business's site and a widget both on the internet, as in production, need no such permission.
  if (hostURL) await page.context().grantPermissions(['local-network-access'], { origin: hostURL });
  await page.goto(url);
}

const BUTTON_SCRIPT = '<script src="WIDGET_JS" data-form="2" data-mode="button" data-button-text="Book now" data-lang="en-US" async></script>';
const INLINE_SCRIPT = '<div id="booking"></div><script src="WIDGET_JS" data-form="2" data-target="#booking" data-lang="en-US" async></script>';
const IFRAME_SCRIPT = '<div id="framed"></div><script src="WIDGET_JS" data-form="2" data-mode="iframe" data-target="#framed" data-lang="en-US" async></script>';

/** A long page (the document scrolls), with a classic scroll bar, and a body with inline styles of its own. */
const LONG_PAGE = `<h1 id="heading" style="margin:0">A long page</h1><div style="height:4000px;background:linear-gradient(#fff,#ccc)"></div>${BUTTON_SCRIPT}`;

/** The page's scroll position, its root and body inline styles, and where its heading is. */
function pageState(page: Page) {
  return page.evaluate(() => ({
    scrollY: Math.round(scrollY),
    html: document.documentElement.style.cssText,
    body: document.body.style.cssText,
    headingWidth: document.getElementById('heading')!.getBoundingClientRect().width,
  }));
}

async function openDialog(page: Page) {
  await page.getByRole('button', { name: 'Book now', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Book now' });
  await expect(dialog).toBeVisible();
  await expectStep(dialog, 'service');
  return dialog;
}

/** Wheels over the page at (x, y) and waits until the wheel has been handled (a scroll, or none). */
async function wheel(page: Page, x: number, y: number, deltaY: number): Promise<void> {
  await page.mouse.move(x, y);
  await page.mouse.wheel(0, deltaY);
  // Two frames: a wheel that scrolls does so before the next frame is drawn.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

const CLOSINGS: { name: string; close(page: Page, dialog: Locator): Promise<void> }[] = [
  { name: 'Escape', close: async (page) => page.keyboard.press('Escape') },
  { name: 'its close button', close: async (_page, dialog) => dialog.getByRole('button', { name: 'Close', exact: true }).click() },
  { name: 'destroy()', close: async (page) => page.evaluate(() => (window as unknown as { BookingWidget: { destroy(): void } }).BookingWidget.destroy()) },
  { name: 'the page removing the widget', close: async (page) => page.evaluate(() => document.querySelector('booking-widget')!.remove()) },
];

/**
 * A page in a browser that draws classic scroll bars, as most desktop browsers do (headless
 * Chromium hides them): where one disappears, the page would jump sideways by its width.
 */
const withScrollBars = test.extend<{ scrollBarPage: Page }, { scrollBarBrowser: Browser }>({
  scrollBarBrowser: [
    async ({ playwright, launchOptions }, use) => {
      const browser = await playwright.chromium.launch({ ...launchOptions, ignoreDefaultArgs: ['--hide-scrollbars'] });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  scrollBarPage: async ({ scrollBarBrowser }, use) => {
    const context = await scrollBarBrowser.newContext({ viewport: { width: 1024, height: 700 } });
    await use(await context.newPage());
    await context.close();
  },
});

for (const closing of CLOSINGS) {
  withScrollBars(`the dialog locks the page's scroll without a jump, and ${closing.name} gives it back where it was`, async ({ scrollBarPage: page, hostURL, baseURL }) => {
    await openHostPage(page, { hostURL, baseURL }, 'scroll-lock', '', LONG_PAGE);
    await page.evaluate(() => {
      document.documentElement.style.setProperty('scroll-behavior', 'auto');
      document.body.style.setProperty('margin', '8px', 'important');
      document.body.style.setProperty('overflow-x', 'hidden');
    });
    // The wheel scrolls this page, and the page has a classic scroll bar whose width would jump.
    await wheel(page, 500, 300, 600);
    await expect.poll(async () => (await pageState(page)).scrollY).toBe(600);
    expect(await page.evaluate(() => innerWidth - document.documentElement.clientWidth)).toBeGreaterThan(0);
    const before = await pageState(page);

    const dialog = await openDialog(page);
    const box = (await dialog.boundingBox())!;
    // Over the backdrop, beside the dialog: the page stays where it was.
    await wheel(page, box.x / 2, 350, 600);
    // Over the dialog: the dialog's own content scrolls (so the wheel is handled), the page does not.
    await wheel(page, box.x + box.width / 2, box.y + box.height / 2, 400);
    await expect.poll(() => dialog.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    const locked = await pageState(page);
    expect(locked.scrollY).toBe(before.scrollY);
    // The scroll bar's room is kept: nothing on the page moves sideways.
    expect(locked.headingWidth).toBe(before.headingWidth);
    // The backdrop neither pans the page nor hands an overscroll to it on touch screens.
    expect(await dialog.evaluate((el) => getComputedStyle(el, '::backdrop').touchAction)).toBe('none');
    expect(await dialog.evaluate((el) => getComputedStyle(el).overscrollBehaviorY)).toBe('contain');

    await closing.close(page, dialog);
    await expect(dialog).toBeHidden();
    await expect.poll(() => pageState(page)).toEqual(before);
    await wheel(page, 500, 300, -200);
    await expect.poll(async () => (await pageState(page)).scrollY).toBe(before.scrollY - 200);
  });
}

withScrollBars("the dialog opened again locks the page again, and the page's own overflow comes back as it was", async ({ scrollBarPage: page, hostURL, baseURL }) => {
  await openHostPage(page, { hostURL, baseURL }, 'scroll-lock-twice', '', LONG_PAGE);
  await page.evaluate(() => document.documentElement.style.setProperty('overflow-y', 'scroll', 'important'));
  const before = await pageState(page);
  for (let i = 0; i < 2; i++) {
    const dialog = await openDialog(page);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).overflowY)).toBe('hidden');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect.poll(() => pageState(page)).toEqual(before);
  }
});

/** Draws a line of text before and after every element on the page, the host's elements included. */
const PSEUDO_CSS = `<style>
  *::before, *::after { content: "X" !important; display: block !important; height: 18px !important; visibility: visible !important; }
</style>`;

test("a page's ::before and ::after draw nothing on the widget's element, in any mode", async ({ page, hostURL, baseURL }) => {
  await openHostPage(page, { hostURL, baseURL }, 'pseudo', PSEUDO_CSS, `${INLINE_SCRIPT}${IFRAME_SCRIPT}${BUTTON_SCRIPT}`);
  // The rule really applies on this page.
  expect(await page.locator('#booking').evaluate((el) => getComputedStyle(el, '::before').content)).toBe('"X"');
  const inline = page.locator('#booking booking-widget');
  await expectStep(inline, 'service');
  await expect(page.frameLocator('#framed booking-widget iframe').getByRole('heading', { level: 2 })).toBeVisible();
  const hosts = await page.locator('booking-widget').evaluateAll((els) =>
    els.map((host) => {
      const [first, last] = [host.shadowRoot!.querySelector('.bw-root, iframe'), host.shadowRoot!.querySelector('.launcher')];
      const box = host.getBoundingClientRect();
      const inner = first?.getBoundingClientRect();
      return {
        mode: last ? 'button' : first?.tagName === 'IFRAME' ? 'iframe' : 'inline',
        before: getComputedStyle(host, '::before').display,
        after: getComputedStyle(host, '::after').display,
        // The widget's element is exactly as tall as what it shows (a button-mode host shows nothing in the flow).
        extra: Math.round(box.height - (last ? 0 : inner!.height)),
        offset: last ? 0 : Math.round(inner!.top - box.top),
      };
    }),
  );
  expect(hosts).toEqual(
    ['inline', 'iframe', 'button'].map((mode) => ({ mode, before: 'none', after: 'none', extra: 0, offset: 0 })),
  );
});

/** Every custom property the widget reads, as a hostile page sets it: inherited from the root, and on every element, important. */
const PALETTE_INPUTS = ['primary', 'on-primary', 'button', 'on-button', 'accent', 'surface'].flatMap((name) => [`--bw-form-${name}`, `--bw-form-${name}-dark`]);
const PALETTE = ['--bw-primary', '--bw-on-primary', '--bw-button', '--bw-on-button', '--bw-accent', '--bw-bg', '--bw-surface', '--bw-text', '--bw-muted',
  '--bw-border', '--bw-error', '--bw-radius', '--bw-font'];
const LEAKY_CSS = `<style>
  :root { ${[...PALETTE_INPUTS, ...PALETTE, '--launcher', '--on-launcher'].map((p) => `${p}: ${p.endsWith('radius') ? '0px' : p.endsWith('font') ? 'serif' : '#ff00ff'}`).join('; ')}; }
  * { ${[...PALETTE_INPUTS, ...PALETTE, '--launcher', '--on-launcher'].map((p) => `${p}: ${p.endsWith('radius') ? '1px' : p.endsWith('font') ? 'monospace' : '#00ff00'} !important`).join('; ')}; }
</style>`;

/** What the widget's palette and a few of its parts look like, in an inline widget and in the dialog. */
async function palette(page: Page) {
  const inline = page.locator('#booking booking-widget');
  await expectStep(inline, 'service');
  const root = async (root: Locator) => ({
    vars: await root.locator('.bw-root').evaluate((el, names): Record<string, string> => {
      const style = getComputedStyle(el);
      return Object.fromEntries(names.map((n) => [n, style.getPropertyValue(n).trim()]));
    }, PALETTE),
    card: await root.getByRole('checkbox').first().evaluate((el) => {
      const card = el.closest('label, li') ?? el;
      const { backgroundColor, borderTopColor, borderTopLeftRadius } = getComputedStyle(card);
      return { backgroundColor, borderTopColor, borderTopLeftRadius };
    }),
    continue: await root.getByRole('button', { name: 'Continue', exact: true }).evaluate((el) => getComputedStyle(el).backgroundColor),
  });
  const launcher = await page.getByRole('button', { name: 'Book now', exact: true }).evaluate((el) => {
    const { backgroundColor, color } = getComputedStyle(el);
    return { backgroundColor, color };
  });
  const dialog = await openDialog(page);
  const result = { inline: await root(inline), dialog: await root(dialog), launcher };
  await page.keyboard.press('Escape');
  return result;
}

test("a page's custom properties (--bw-*, inherited or set on the widget's element) change nothing in the widget", async ({ page, hostURL, baseURL }) => {
  await openHostPage(page, { hostURL, baseURL }, 'clean', '', `${INLINE_SCRIPT}${BUTTON_SCRIPT}`);
  const clean = await palette(page);
  // The form's own primary (indigo) is in effect in both modes: the widget's own values still work.
  expect(clean.inline.vars['--bw-primary']).not.toBe('#1a56b8');
  expect(clean.dialog.vars).toEqual(clean.inline.vars);
  // The shadow root's palette is the hosted page's.
  if (!hostURL) {
    await page.goto('/?form=2&lang=en-US');
    const hosted = page.locator('.bw-root[data-step]');
    await expect(hosted).toBeVisible();
    await expect.poll(() => hosted.evaluate((el) => getComputedStyle(el).getPropertyValue('--bw-primary').trim())).not.toBe('#1a56b8');
    expect(await hosted.evaluate((el, names) => Object.fromEntries(names.map((n) => [n, getComputedStyle(el).getPropertyValue(n).trim()])), PALETTE)).toEqual(clean.inline.vars);
  }

  await openHostPage(page, { hostURL, baseURL }, 'leaky', LEAKY_CSS, `${INLINE_SCRIPT}${BUTTON_SCRIPT}`);
  expect(await page.locator('#booking').evaluate((el) => getComputedStyle(el).getPropertyValue('--bw-form-surface'))).toBe('#00ff00');
  expect(await palette(page)).toEqual(clean);
});

test("the embedder's theme() still reaches the widget on a page that sets --bw-* itself", async ({ page, hostURL, baseURL }) => {
  await openHostPage(page, { hostURL, baseURL }, 'leaky-themed', LEAKY_CSS, INLINE_SCRIPT);
  const inline = page.locator('#booking booking-widget');
  await expectStep(inline, 'service');
  await page.evaluate(() =>
    (window as unknown as { BookingWidget: { theme(t: object): void } }).BookingWidget.theme({ mode: 'dark', primary: '#0b6e4f', surface: '#223344' }),
  );
  const values = () =>
    inline.locator('.bw-root').evaluate((el) => {
      const style = getComputedStyle(el);
      return ['--bw-primary', '--bw-button', '--bw-surface', '--bw-bg'].map((n) => style.getPropertyValue(n).trim());
    });
  await expect.poll(values).toEqual(['#0b6e4f', '#0b6e4f', '#223344', '#16191d']);
});

/** An SPA's route change: the mount element goes (no destroy()), a new one comes with a new script tag. */
async function remount(page: Page, src: string, before?: () => Promise<void>): Promise<void> {
  await page.evaluate(() => document.getElementById('app')!.replaceChildren());
  await before?.();
  await page.evaluate((src) => {
    const mount = document.createElement('div');
    mount.id = 'booking';
    const script = document.createElement('script');
    Object.assign(script.dataset, { form: '2', target: '#booking', lang: 'en-US' });
    script.src = src;
    document.getElementById('app')!.append(mount, script);
  }, src);
}

test('an SPA that drops the widget without destroy() and mounts it again talks to the new widget', async ({ page, hostURL, baseURL }) => {
  const warnings: string[] = [];
  page.on('console', (m) => m.text().includes('BookingWidget') && warnings.push(m.text()));
  await openHostPage(page, { hostURL, baseURL }, 'spa', '', `<main id="app">${INLINE_SCRIPT}</main>`);
  await expectStep(page.locator('booking-widget'), 'service');
  const old = await page.evaluateHandle(() => document.querySelector('booking-widget')!);

  // A call made while no widget is on the page waits for the next one.
  await remount(page, `${baseURL}/widget.js`, () => page.evaluate(() => (window as unknown as { BookingWidget: { theme(t: object): void } }).BookingWidget.theme({ mode: 'dark' })));
  const widget = page.locator('booking-widget');
  await expectStep(widget, 'service');
  await expect(widget).toHaveAttribute('data-theme', 'dark');

  // Calls reach the new widget: close() hides it, open() shows it again.
  await page.evaluate(() => (window as unknown as { BookingWidget: { close(): void } }).BookingWidget.close());
  await expect(widget).toBeHidden();
  await page.evaluate(() => (window as unknown as { BookingWidget: { open(): void } }).BookingWidget.open());
  await expectStep(widget, 'service');
  // The old widget was stopped: its app is gone from its (detached) element.
  expect(await old.evaluate((el) => el.shadowRoot!.querySelector('.bw-root'))).toBeNull();
  expect(warnings).toEqual([]);

  // And again: the namespace follows each new mount.
  await remount(page, `${baseURL}/widget.js`);
  await expectStep(page.locator('booking-widget'), 'service');
  await page.evaluate(() => (window as unknown as { BookingWidget: { theme(t: object): void } }).BookingWidget.theme({ mode: 'dark' }));
  await expect(page.locator('booking-widget')).toHaveAttribute('data-theme', 'dark');
  expect(await page.locator('booking-widget').count()).toBe(1);
  expect(warnings).toEqual([]);
});
