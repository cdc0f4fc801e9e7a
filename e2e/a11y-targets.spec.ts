// WCAG 2.5.8 Target Size (Minimum), with no exceptions taken: every control the widget shows
// (buttons, links, fields, selects, checkboxes, radios, disclosures, days) is at least 24 × 24 CSS
// px on every step and screen: the steps of a booking on a phone and a desktop, the SMS code, the
// success screen, the booking page and its question before cancelling. And times stay readable at
// a glance: a time never breaks onto two lines, and every time button in a row is the row's height
// (at 1280 px, in English and Arabic, with the visitor's own time under each).
import type { Page } from '@playwright/test';
import { DEMO } from '../src/server/demo/seed';
import { resource, walkBooking } from './a11y-walk';
import { expect, test } from './fixtures';
import { setClocks } from './visitor-clock';

// The visitor in London, the business in New York: each time has the visitor's own under it.
test.use({ timezoneId: 'Europe/London' });

// Both clocks on a morning before opening, as the other booking walks: on the real clock, late in
// the day the first free day has few times left (and the first free time can pass mid-walk).
test.beforeEach(async ({ page, demo }) => setClocks(page, demo, '2026-11-24T05:00:00-05:00'));

// A walk measures every control at every step: longer than one booking on a busy machine.
test.describe.configure({ timeout: 120_000 });

const MIN = 24;
const WIDTHS = { phone: { width: 360, height: 740 }, desktop: { width: 1280, height: 800 } };

/** The controls smaller than 24 × 24 on the page (open shadow roots included), as "what: w × h". */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate((min) => {
    const CONTROLS = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="checkbox"], [role="radio"], [role="link"], [tabindex]:not([tabindex="-1"])';
    const found: string[] = [];
    const visit = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll<HTMLElement>('*')) {
        if (el.shadowRoot) visit(el.shadowRoot);
        if (!el.matches(CONTROLS) || !el.checkVisibility({ visibilityProperty: true }) || el.closest('.bw-visually-hidden')) continue;
        const { width, height } = el.getBoundingClientRect();
        if (width === 0 && height === 0) continue;
        if (width < min - 0.01 || height < min - 0.01) {
          const name = (el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? '').trim().slice(0, 40);
          found.push(`${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ')[0]}` : ''} "${name}": ${width.toFixed(1)} × ${height.toFixed(1)}`);
        }
      }
    };
    visit(document);
    return found;
  }, MIN);
}

for (const [device, viewport] of Object.entries(WIDTHS)) {
  test(`every control on every step is at least 24 × 24 px: ${device}`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto(`/?form=${DEMO.forms.newYork}&lang=en-US`);
    const small: string[] = [];
    const steps = await walkBooking(page, 'en-US', async (step) => {
      small.push(...(await smallTargets(page)).map((s) => `${step}: ${s}`));
    });
    expect(steps).toEqual(['service', 'staff', 'date', 'time', 'contact', 'confirm', 'success']);
    expect(small).toEqual([]);
  });
}

test('every control on the privacy consent, the SMS code and the chain’s location step is at least 24 × 24 px', async ({ page }) => {
  await page.setViewportSize(WIDTHS.phone);
  const small: string[] = [];
  for (const [form, lang] of [
    [DEMO.forms.newYorkConsent, 'en-US'],
    [DEMO.forms.riga, 'lv-LV'],
    [DEMO.forms.chain, 'en-US'],
  ] as const) {
    await page.goto(`/?form=${form}&lang=${lang}`);
    await walkBooking(page, lang, async (step) => {
      // The privacy policy open, its links (business HTML) included.
      const read = page.locator('.bw-consent summary');
      if (step === 'contact' && (await read.count())) await read.click();
      small.push(...(await smallTargets(page)).map((s) => `form ${form}, ${step}: ${s}`));
    });
  }
  expect(small).toEqual([]);
});

test('every control on the booking page and its question is at least 24 × 24 px', async ({ page, demo, widget }) => {
  await page.setViewportSize(WIDTHS.phone);
  await setClocks(page, demo, '2026-11-24T05:00:00-05:00');
  const words = resource('en-US');
  const booked = await demo.book(DEMO.locations.newYork, DEMO.services.mensHaircut, '+1 212 555 0179');
  await widget.openBooking(DEMO.forms.newYork, DEMO.locations.newYork, booked);
  const cancel = page.getByRole('button', { name: words.record.cancel_record, exact: true });
  await expect(cancel).toBeVisible();
  const small = await smallTargets(page);
  await cancel.click();
  await expect(page.getByRole('group', { name: /Are you sure/ })).toBeVisible();
  small.push(...(await smallTargets(page)));
  // A location that takes cancellations by phone only: its phone number is a link.
  const riga = await demo.book(DEMO.locations.riga, DEMO.services.rigaMensHaircut, '+371 2000 0001');
  await widget.openBooking(DEMO.forms.riga, DEMO.locations.riga, riga);
  await expect(page.getByRole('alert').getByRole('link')).toBeVisible();
  small.push(...(await smallTargets(page)));
  expect(small).toEqual([]);
});

// Times: one line each, a row's buttons one height.
for (const lang of ['en-US', 'ar-AR']) {
  test(`at 1280 px no time breaks onto two lines and a row's buttons are one height: ${lang}`, async ({ page }) => {
    await page.setViewportSize(WIDTHS.desktop);
    await page.goto(`/?form=${DEMO.forms.newYork}&lang=${lang}`);
    let checked = 0;
    await walkBooking(page, lang, async (step) => {
      if (step !== 'time') return;
      const { buttons, broken, rows } = await page.locator('.bw-step').evaluate((step) => {
        const lines = (node: Node) => {
          const range = document.createRange();
          range.selectNodeContents(node);
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
        };
        const broken: string[] = [];
        const heights = new Map<number, Set<number>>();
        const buttons = [...step.querySelectorAll<HTMLElement>('.bw-time')];
        for (const button of buttons) {
          const time = [...button.childNodes].find((n) => n.nodeType === Node.TEXT_NODE)!;
          const yours = button.querySelector('.bw-time__yours');
          if (lines(time) !== 1 || (yours && lines(yours) !== 1) || button.scrollWidth > button.clientWidth) {
            broken.push(`${button.textContent}: ${lines(time)} lines, ${button.scrollWidth} px in ${button.clientWidth}`);
          }
          const box = button.getBoundingClientRect();
          const row = Math.round(box.top);
          heights.set(row, (heights.get(row) ?? new Set()).add(Math.round(box.height)));
        }
        return { buttons: buttons.length, broken, rows: [...heights.values()].filter((h) => h.size > 1).map((h) => [...h].join(' / ')) };
      });
      checked = buttons;
      expect(broken, 'times broken onto two lines or spilling out').toEqual([]);
      expect(rows, 'rows with buttons of different heights').toEqual([]);
    });
    expect(checked).toBeGreaterThan(6);
  });
}
