// Deterministic screenshots: a fixed moment on both clocks (the demo's and the browser's), no
// motion, the pointer out of the way, fonts and the images in view loaded. Used by e2e/look-*.
import { expect, type Page } from '@playwright/test';
import type { DemoBackend } from './demo-backend';
import { setClocks } from './visitor-clock';

/** A Wednesday morning in New York before opening: the same month, days and times on every run. */
export const LOOK_NOW = '2026-03-04T07:30:00-05:00';

export const WIDTHS = { phone: { width: 360, height: 740 }, desktop: { width: 1280, height: 800 } } as const;

/** Small enough for anti-aliasing and font hinting noise, far too small for a real change. */
export const SHOT = { maxDiffPixelRatio: 0.01, threshold: 0.25, animations: 'disabled', caret: 'hide' } as const;

export async function freezeTime(page: Page, demo: DemoBackend): Promise<void> {
  await setClocks(page, demo, LOOK_NOW);
  await page.emulateMedia({ reducedMotion: 'reduce' });
}

/** Waits until what is on screen is final: no skeleton, fonts and visible images loaded. */
export async function settle(page: Page): Promise<void> {
  await page.mouse.move(0, 0);
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await page.evaluate(async () => {
    await document.fonts.ready;
    const roots: (Document | ShadowRoot)[] = [document, ...[...document.querySelectorAll('*')].flatMap((el) => (el.shadowRoot ? [el.shadowRoot] : []))];
    const images = roots.flatMap((root) => [...root.querySelectorAll('img')]).filter((img) => {
      const box = img.getBoundingClientRect();
      return box.bottom > 0 && box.top < innerHeight && box.width > 0;
    });
    const loaded = (img: HTMLImageElement) =>
      new Promise((done) => {
        img.addEventListener('load', done);
        img.addEventListener('error', done);
      });
    await Promise.all(images.filter((img) => !img.complete).map(loaded));
  });
}
