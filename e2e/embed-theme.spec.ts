// The theme's mode as an embedder sets it (data-theme or theme()): "auto" wears exactly the dark
// palette on a dark system and exactly the light one on a light system, in a shadow root (inline)
// and on the framed page (iframe). The stylesheet states the dark palette twice (for "dark", and
// for "auto" under prefers-color-scheme): this keeps the two the same.
import type { Locator, Page } from '@playwright/test';
import type { ThemeMode } from '../src/protocol';
import { waitForEvent } from './embed/host';
import { expect, test } from './fixtures';

const PALETTE = ['--bw-primary', '--bw-on-primary', '--bw-button', '--bw-on-button', '--bw-accent', '--bw-bg', '--bw-surface',
  '--bw-text', '--bw-muted', '--bw-border', '--bw-error', 'color-scheme', 'background-color', 'color'];

/** The palette .bw-root renders with, and the mode on the element that holds it. */
function palette(root: Locator): Promise<Record<string, string>> {
  return root.evaluate((el, names) => {
    const holder = el.getRootNode() instanceof ShadowRoot ? (el.getRootNode() as ShadowRoot).host : document.documentElement;
    const style = getComputedStyle(el);
    return { mode: holder.getAttribute('data-theme') ?? '', ...Object.fromEntries(names.map((n) => [n, style.getPropertyValue(n).trim()])) };
  }, PALETTE);
}

async function themed(page: Page, root: Locator, mode: ThemeMode): Promise<Record<string, string>> {
  await page.evaluate((m) => (window as unknown as { BookingWidget(c: string, v: unknown): void }).BookingWidget('theme', { mode: m }), mode);
  // The iframe applies it once its message arrives.
  await expect.poll(async () => (await palette(root)).mode).toBe(mode);
  return palette(root);
}

const MODES = [
  { name: 'inline', path: '/demo/inline.html', root: (page: Page) => page.locator('booking-widget .bw-root') },
  { name: 'iframe', path: '/demo/iframe.html', root: (page: Page) => page.frameLocator('booking-widget iframe').locator('.bw-root') },
];

for (const mode of MODES) {
  test(`"auto" follows the visitor's system (${mode.name})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(mode.path);
    await waitForEvent(page, 'ready');
    const root = mode.root(page);

    const dark = await themed(page, root, 'dark');
    const light = await themed(page, root, 'light');
    expect(dark['background-color']).not.toBe(light['background-color']);
    expect(dark['color-scheme']).toBe('dark');

    expect(await themed(page, root, 'auto')).toEqual({ ...dark, mode: 'auto' });
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await palette(root)).toEqual({ ...light, mode: 'auto' });
  });
}
