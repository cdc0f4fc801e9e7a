// The README's pictures of each embed mode, and of the time step and the success screen in French,
// Arabic and Chinese, written to docs/screenshots/ at a fixed moment.
// Only on demand, since they are documentation, not checks:
//   DOCS_SCREENSHOTS=1 npx playwright test e2e/look-readme
import { DEMO } from '../src/server/demo/seed';
import { walkBooking } from './a11y-walk';
import { expect, test } from './fixtures';
import { freezeTime, settle } from './look';

test.skip(!process.env.DOCS_SCREENSHOTS, 'writes docs/screenshots/ only when DOCS_SCREENSHOTS=1');
test.use({ timezoneId: 'America/New_York', locale: 'en-US', viewport: { width: 800, height: 640 } });

const out = (name: string) => `docs/screenshots/${name}.png`;

test.beforeEach(async ({ page, demo }) => freezeTime(page, demo));

test('inline', async ({ page }) => {
  await page.goto('/demo/inline.html');
  await expect(page.getByRole('checkbox', { name: /^Women's haircut/ })).toBeVisible();
  await settle(page);
  await page.screenshot({ path: out('inline') });
});

test('button and dialog', async ({ page }) => {
  await page.goto('/demo/button.html');
  await page.getByRole('button', { name: 'Book now' }).first().click();
  await expect(page.getByRole('checkbox', { name: /^Women's haircut/ })).toBeVisible();
  await settle(page);
  await page.screenshot({ path: out('dialog') });
});

test('iframe', async ({ page }) => {
  await page.goto('/demo/iframe.html');
  const frame = page.frameLocator('booking-widget iframe');
  await expect(frame.getByRole('checkbox', { name: /^Women's haircut/ })).toBeVisible();
  await settle(page);
  await page.screenshot({ path: out('iframe') });
});

test('hosted page on a phone', async ({ page, widget }) => {
  await page.setViewportSize({ width: 390, height: 760 });
  await widget.open(1);
  await expect(widget.location('Lumen Studio SoHo')).toBeVisible();
  await settle(page);
  await page.screenshot({ path: out('hosted') });
});

// The hosted page on a phone, in the language's words, its own direction and its own digits.
// Chinese needs a CJK font on the machine (Debian: fonts-wqy-microhei), or its characters show as boxes.
for (const [lang, name] of [['fr-FR', 'fr'], ['ar-AR', 'ar'], ['cn-CN', 'zh']] as const) {
  test(`time step and success screen in ${lang}`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 760 });
    await page.goto(`/?form=${DEMO.forms.newYork}&lang=${lang}`);
    const shot = async (step: string) => {
      await settle(page);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: out(`${step}-${name}`) });
    };
    const steps = await walkBooking(page, lang, async (step) => {
      if (step === 'time' || step === 'success') await shot(step);
    });
    expect(steps).toEqual(expect.arrayContaining(['time', 'success']));
  });
}
