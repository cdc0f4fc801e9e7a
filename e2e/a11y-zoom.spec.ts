// WCAG 2.4.11 Focus Not Obscured at 400 % zoom: a 1280 × 900 window zoomed to 400 % is a 320 × 225
// CSS px viewport. Tabbing through every step (and the SMS code), each control that takes focus is
// wholly in view: not under the sticky Continue / Sign up bar, nor under a sticky header (the
// dialog's close bar), nor outside the viewport or the dialog. On the hosted page, in the inline
// embed's shadow root and in the button mode's dialog, which each scroll differently.
import type { Locator, Page } from '@playwright/test';
import { DEMO } from '../src/server/demo/seed';
import { walkBooking, type WidgetRoot } from './a11y-walk';
import { expect, test } from './fixtures';
import { setClocks } from './visitor-clock';

test.use({ viewport: { width: 320, height: 225 } });
test.describe.configure({ timeout: 120_000 });
// Both clocks early on a working day: with the real one, the first free time could pass mid-walk.
test.beforeEach(({ page, demo }) => setClocks(page, demo, '2026-11-24T05:00:00-05:00'));

/**
 * Where the focused control is, when it is inside the widget (`within`): undefined outside it;
 * otherwise `hidden` says how it is covered or cut off, empty when it is wholly in view.
 */
async function focusedView(page: Page, within: string): Promise<{ name: string; hidden: string } | undefined> {
  return page.evaluate((selector) => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    const widget = document.querySelector(selector);
    const scope = widget?.shadowRoot ?? widget;
    if (!active || !scope || !(scope === widget ? widget!.contains(active) : active.getRootNode() === scope)) return undefined;
    const label = active.getAttribute('aria-label') ?? (active as HTMLInputElement).labels?.[0]?.textContent ?? active.textContent ?? '';
    const name = `${active.tagName.toLowerCase()} "${label.trim().slice(0, 40)}"`;
    const box = active.getBoundingClientRect();
    // The visible area: the viewport, and the dialog's box when the widget is in one.
    const dialog = active.closest('dialog');
    const area = { top: 0, left: 0, bottom: innerHeight, right: innerWidth };
    if (dialog) {
      const d = dialog.getBoundingClientRect();
      Object.assign(area, { top: Math.max(0, d.top), left: Math.max(0, d.left), bottom: Math.min(innerHeight, d.bottom), right: Math.min(innerWidth, d.right) });
    }
    const problems: string[] = [];
    const slack = 0.5;
    if (box.top < area.top - slack || box.bottom > area.bottom + slack || box.left < area.left - slack || box.right > area.right + slack) {
      problems.push(`outside the visible area (${Math.round(box.top)}–${Math.round(box.bottom)} of ${area.top}–${area.bottom})`);
    }
    // Whatever stays put while the rest scrolls (sticky or fixed), around the focused control.
    const root = (dialog ?? active.getRootNode()) as ParentNode;
    for (const el of root.querySelectorAll('*')) {
      const position = getComputedStyle(el).position;
      if ((position !== 'sticky' && position !== 'fixed') || el.contains(active) || el.closest('[hidden]')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const overlap = Math.min(box.bottom, r.bottom) - Math.max(box.top, r.top);
      const across = Math.min(box.right, r.right) - Math.max(box.left, r.left);
      if (overlap > slack && across > slack) problems.push(`under the ${position} .${el.className || el.tagName} by ${Math.round(overlap)} px`);
    }
    return { name, hidden: problems.join('; ') };
  }, within);
}

/** Tabs from wherever focus is through the widget's controls (until focus leaves it or comes round again); returns how many it checked. */
async function tabThrough(page: Page, within: string, step: string, problems: string[]): Promise<number> {
  const seen = new Set<string>();
  let checked = 0;
  // What the widget focused itself first (a step's heading, the SMS code field), then each Tab.
  for (let presses = 0; presses <= 80; presses++) {
    if (presses > 0) await page.keyboard.press('Tab');
    const view = await focusedView(page, within);
    if (!view) {
      if (checked > 0) break;
      continue;
    }
    if (seen.has(view.name) && checked > 3) break; // the dialog keeps focus inside: round once
    seen.add(view.name);
    checked++;
    if (view.hidden) problems.push(`${step}: ${view.name} ${view.hidden}`);
  }
  return checked;
}

const MODES: { mode: string; url: string; within: string; open?: (page: Page) => Promise<void>; root: (page: Page) => WidgetRoot }[] = [
  { mode: 'the hosted page', url: `/?form=${DEMO.forms.newYork}&lang=en-US`, within: '#booking-widget', root: (page) => page },
  { mode: 'the inline embed', url: '/demo/inline.html', within: 'booking-widget', root: (page) => page.locator('booking-widget') },
  {
    mode: 'the dialog',
    url: '/demo/button.html',
    within: 'booking-widget',
    open: (page) => page.getByRole('button', { name: 'Book now' }).click(),
    root: (page): Locator => page.getByRole('dialog', { name: 'Book now' }),
  },
];

for (const { mode, url, within, open, root } of MODES) {
  test(`at 400 % zoom the focused control is never hidden, in ${mode}`, async ({ page }) => {
    await page.goto(url);
    await open?.(page);
    const problems: string[] = [];
    const counts: Record<string, number> = {};
    const steps = await walkBooking(root(page), 'en-US', async (step) => {
      counts[step] = await tabThrough(page, within, step, problems);
    });
    expect(steps).toEqual(['service', 'staff', 'date', 'time', 'contact', 'confirm', 'success']);
    for (const step of steps) expect(counts[step], `controls focused on the ${step} step`).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
}

test('at 400 % zoom the SMS code field and its buttons are never hidden', async ({ page }) => {
  await page.goto(`/?form=${DEMO.forms.riga}&lang=lv-LV`);
  const problems: string[] = [];
  let codeControls = 0;
  const steps = await walkBooking(page, 'lv-LV', async (step) => {
    if (step === 'confirm' || step === 'confirm: SMS code') {
      const n = await tabThrough(page, '#booking-widget', step, problems);
      if (step === 'confirm: SMS code') codeControls = n;
    }
  });
  expect(steps).toContain('confirm: SMS code');
  expect(codeControls).toBeGreaterThan(0);
  expect(problems).toEqual([]);
});
