// axe-core finds no WCAG 2.2 AA violation on any step of a booking: with the default, a light and
// a dark booking-form palette, left to right and right to left, on a phone and on a desktop (every
// combination, twelve walks, each running axe on every step); nor on the booking page, in each of
// its states, in both directions; nor while anything loads (each step, the later steps' code, the
// success screen, the booking page), with the answers held back.
import type { Page } from '@playwright/test';
import { DEMO } from '../src/server/demo/seed';
import { axeViolations, holdAnswers, resource, walkBooking } from './a11y-walk';
import { expect, test } from './fixtures';
import { setClocks } from './visitor-clock';

// A walk runs axe six or seven times: on a busy machine that takes longer than one booking.
test.describe.configure({ timeout: 90_000 });
// Early on a working day, in both clocks: a walk takes a minute, and with the real clock the first
// free time could pass between choosing it and confirming it (the demo offers times an hour ahead);
// the booking page needs its booking far enough ahead to be cancelled online.
test.beforeEach(({ page, demo }) => setClocks(page, demo, '2026-11-24T05:00:00-05:00'));

const FORMS = { default: DEMO.forms.newYork, light: DEMO.forms.lightPalette, dark: DEMO.forms.darkPalette };
const LANGS = { ltr: 'en-US', rtl: 'he-IL' };
const WIDTHS = { phone: { width: 360, height: 740 }, desktop: { width: 1280, height: 800 } };

const WALKS = (Object.keys(FORMS) as (keyof typeof FORMS)[]).flatMap((palette) =>
  (Object.keys(LANGS) as (keyof typeof LANGS)[]).flatMap((direction) =>
    (Object.keys(WIDTHS) as (keyof typeof WIDTHS)[]).map((device) => [palette, direction, device] as const),
  ),
);

for (const [palette, direction, device] of WALKS) {
  test(`no violations on any step: ${palette} palette, ${direction}, ${device}`, async ({ page }) => {
    const lang = LANGS[direction];
    await page.setViewportSize(WIDTHS[device]);
    await page.goto(`/?form=${FORMS[palette]}&lang=${lang}`);
    // The form's palette is in effect before anything is checked (it comes with the host API,
    // just after the first paint): its primary replaces the widget's own, and dark is dark.
    const colours = () =>
      page.locator('.bw-root[data-step]').evaluate((el) => {
        const style = getComputedStyle(el);
        return { primary: style.getPropertyValue('--bw-primary').trim(), dark: style.backgroundColor !== 'rgb(255, 255, 255)' };
      });
    await expect.poll(colours).toEqual({ primary: expect.not.stringMatching(/^#1a56b8$/i), dark: palette === 'dark' });
    const found: string[] = [];
    const steps = await walkBooking(page, lang, async (step) => {
      found.push(...(await axeViolations(page)).map((v) => `${step}: ${v}`));
    });
    expect(steps).toEqual(expect.arrayContaining(['service', 'staff', 'date', 'time', 'contact', 'confirm', 'success']));
    expect(found).toEqual([]);
  });
}

// Steps and screens only some forms have, checked where they appear: the chain form's location
// step, the privacy consent and required comment (form 7, right to left), the SMS code (Riga, in
// Latvian).
const ONLY_SOME: { form: number; lang: string; device: keyof typeof WIDTHS; steps: string[] }[] = [
  { form: DEMO.forms.chain, lang: 'en-US', device: 'desktop', steps: ['location'] },
  { form: DEMO.forms.newYorkConsent, lang: 'he-IL', device: 'phone', steps: ['contact'] },
  { form: DEMO.forms.riga, lang: 'lv-LV', device: 'phone', steps: ['confirm: SMS code'] },
];

for (const { form, lang, device, steps } of ONLY_SOME) {
  test(`no violations on the ${steps.join(', ')} of form ${form}`, async ({ page }) => {
    await page.setViewportSize(WIDTHS[device]);
    await page.goto(`/?form=${form}&lang=${lang}`);
    const found: string[] = [];
    const seen = await walkBooking(page, lang, async (step) => {
      if (steps.includes(step)) found.push(...(await axeViolations(page)).map((v) => `${step}: ${v}`));
    });
    expect(seen).toEqual(expect.arrayContaining(steps));
    expect(found).toEqual([]);
  });
}

test('no violations on any step in the shadow root of an inline embed', async ({ page }) => {
  await page.goto('/demo/inline.html');
  const found: string[] = [];
  await walkBooking(page.locator('#booking'), 'en-US', async (step) => {
    found.push(...(await axeViolations(page, '#booking')).map((v) => `${step}: ${v}`));
  });
  expect(found).toEqual([]);
});

// The booking page (?record=&hash=): the booking shown, the question before cancelling, the
// cancelled booking, and a location that takes cancellations by phone only (Riga).
for (const [direction, lang] of Object.entries(LANGS)) {
  test(`no violations on the booking page in each of its states, ${direction}`, async ({ page, demo, widget }) => {
    const words = resource(lang);
    const found: string[] = [];
    const check = async (state: string) => found.push(...(await axeViolations(page)).map((v) => `${state}: ${v}`));
    const open = async (form: number, location: number, service: number, phone: string) => {
      await widget.openBooking(form, location, await demo.book(location, service, phone), lang);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    };

    await open(DEMO.forms.newYork, DEMO.locations.newYork, DEMO.services.mensHaircut, '+1 212 555 0179');
    const cancel = page.getByRole('button', { name: words.record.cancel_record, exact: true });
    await check('booking');
    await cancel.click();
    const question = page.getByRole('group', { name: new RegExp(words.record.confirm_cancel_record.replace('?', '\\?')) });
    await expect(question).toBeVisible();
    await check('cancel question');
    await question.getByRole('button', { name: words.record.cancel_record, exact: true }).click();
    await expect(page.getByText(words.record.is_deleted)).toBeFocused();
    await check('cancelled');

    await open(DEMO.forms.riga, DEMO.locations.riga, DEMO.services.rigaMensHaircut, '+371 2000 0001');
    await expect(page.getByRole('alert')).toContainText(words.record.error_cancel_record_new1);
    await check('cannot cancel');
    expect(found).toEqual([]);
  });
}

// ---------------------------------------------------------------------------------------------
// Loading states: the answer a screen waits for is held back, axe runs on its placeholders, and the
// screen is checked to be still loading afterwards, so the state checked was the loading one.

/** Something loading that is not a pressed button: a busy region, group, grid or the widget's root. */
const loading = (page: Page) => page.locator('[aria-busy="true"]:not(button)').first();

async function checkLoading(page: Page, where: string, found: string[]): Promise<void> {
  await expect(loading(page)).toBeVisible();
  found.push(...(await axeViolations(page)).map((v) => `${where}, loading: ${v}`));
  await expect(loading(page), `${where} still loading after the check`).toBeVisible();
}

test('no violations while the form, each step and the success screen load', async ({ page, widget }) => {
  test.setTimeout(120_000);
  const answers = await holdAnswers(page);
  const found: string[] = [];
  answers.hold('bookform', 'book_services');
  await widget.open(DEMO.forms.newYork);
  await checkLoading(page, 'form', found);
  answers.letGo('bookform');

  await widget.expectStep('service');
  await checkLoading(page, 'service', found);
  answers.letGo('book_services');

  answers.hold('book_staff');
  await widget.service("Women's haircut").check();
  await widget.continue();
  await widget.expectStep('staff');
  await checkLoading(page, 'staff', found);
  answers.letGo('book_staff');

  answers.hold('book_dates', 'book_staff_seances');
  await widget.member('Olivia Bennett').click();
  await widget.expectStep('date');
  await checkLoading(page, 'date', found);
  // While the days load none claims to be unavailable: the grid is busy, the days not yet known.
  const grid = widget.region('date').getByRole('grid');
  await expect(grid).toHaveAttribute('aria-busy', 'true');
  await expect(grid.getByRole('gridcell', { name: /\d{4}$/ }).first()).toBeVisible();
  await expect(grid.getByRole('gridcell', { name: /unavailable/ })).toHaveCount(0);
  await expect(grid.locator('[aria-disabled="true"]')).toHaveCount(0);
  answers.letGo('book_dates', 'book_staff_seances');

  await expect(grid.getByRole('gridcell', { name: /unavailable/ }).first()).toBeVisible();
  // The first free day's times are read ahead; the second day's are asked for when it is chosen,
  // and held from then only: held since the date step, two axe runs on a busy machine outlasted
  // the widget's 15 s wait and the time step showed its connection error, not its loading state.
  answers.hold('book_times');
  await widget.bookableDays().nth(1).click();
  await widget.expectStep('time');
  await checkLoading(page, 'time', found);
  answers.letGo();

  await widget.chooseFirstTime();
  await widget.fillContact();
  answers.hold('book_record'); // the booking's read-back, not the booking itself (a POST)
  await widget.confirmButton().click();
  await widget.expectStep('success');
  await checkLoading(page, 'success', found);
  answers.letGo();
  await expect(loading(page)).toBeHidden();
  expect(found).toEqual([]);
});

test('no violations while the later steps’ code loads', async ({ page, widget }) => {
  let letGo = () => {};
  const gate = new Promise<void>((resolve) => (letGo = resolve));
  await page.route(/\/later-steps-views[.-]/, async (route) => {
    await gate;
    await route.fallback();
  });
  const found: string[] = [];
  await widget.open(DEMO.forms.newYork);
  await widget.service("Women's haircut").check();
  await widget.continue();
  await widget.expectStep('staff');
  await checkLoading(page, 'staff (its code)', found);
  letGo();
  await expect(widget.member('Olivia Bennett')).toBeVisible();
  expect(found).toEqual([]);
});

test('no violations while the booking page loads', async ({ page, demo, widget }) => {
  await setClocks(page, demo, '2026-11-24T05:00:00-05:00');
  const booked = await demo.book(DEMO.locations.newYork, DEMO.services.mensHaircut, '+1 212 555 0179');
  const answers = await holdAnswers(page);
  answers.hold('book_record', 'company');
  const found: string[] = [];
  await widget.openBooking(DEMO.forms.newYork, DEMO.locations.newYork, booked);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await checkLoading(page, 'booking page', found);
  answers.letGo();
  await expect(loading(page)).toBeHidden();
  expect(found).toEqual([]);
});
