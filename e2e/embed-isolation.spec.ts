// The host page cannot change the widget: a page with a hostile stylesheet sees the widget
// exactly as a clean page does, and a page with a strict Content-Security-Policy books with no
// violation reported.
import type { Locator, Page } from '@playwright/test';
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

test('a hostile stylesheet changes nothing in the widget, and the booking completes', async ({ page }) => {
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

test('a host with a strict CSP (no unsafe-inline, no unsafe-eval) books with no violation', async ({ page }) => {
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
