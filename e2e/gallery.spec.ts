// A gallery for review at a glance: every step and state of the widget at 360 px and 1280 px, on
// the light and the dark demo form, left to right (English) and right to left (Hebrew), at a fixed
// moment on the demo backend. Written to test-results/gallery/ as <state>-<width>-<theme>-<dir>.png
// with an index.html that shows them side by side, one section per state. A review tool, not a
// check: only with GALLERY=1, i.e. `npm run gallery`.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { DEMO } from '../src/server/demo/seed';
import { resource, stepOf, walkBooking } from './a11y-walk';
import type { Booked } from './demo-backend';
import { expect, test } from './fixtures';
import { freezeTime, settle, WIDTHS } from './look';
import { setClocks } from './visitor-clock';

test.skip(!process.env.GALLERY, 'writes test-results/gallery/ only when GALLERY=1 (npm run gallery)');
test.describe.configure({ timeout: 90_000 });

const OUT = 'test-results/gallery';

const THEMES = {
  light: { form: DEMO.forms.lightPalette, chain: DEMO.forms.chainLightPalette },
  dark: { form: DEMO.forms.darkPalette, chain: DEMO.forms.chainDarkPalette },
} as const;
const DIRS = { ltr: 'en-US', rtl: 'he-IL' } as const;

/** The states in the order a visitor meets them, each with what the picture shows. */
const STATES: [string, string][] = [
  ['location', 'Location step (chain form)'],
  ['service-loading', 'Service step loading'],
  ['service', 'Service step, nothing chosen'],
  ['service-chosen', 'Service step, one service chosen'],
  ['service-search-empty', 'Service search finding nothing'],
  ['staff-loading', 'Team member step loading'],
  ['staff', 'Team member step'],
  ['date-loading', 'Date step loading'],
  ['date', 'Date step, with the earliest free time'],
  ['date-no-free-days', 'A month without free days'],
  ['time-loading', 'Time step loading'],
  ['time', 'Time step'],
  ['time-zone', 'Time step for a visitor in another time zone (London)'],
  ['contact', 'Contact step, empty'],
  ['contact-errors', 'Contact step, Continue pressed with nothing filled in'],
  ['confirm', 'Confirm step'],
  ['sms-code', 'SMS code (the Riga location)'],
  ['sms-code-refused', 'SMS code refused'],
  ['success-loading', 'Success screen while the booking’s details load'],
  ['success', 'Success screen'],
  ['error-slot-taken', 'Booking error: the time was taken (433)'],
  ['error-network', 'Network error: the services could not be read'],
  ['offline', 'Offline notice'],
  ['booking-page', 'Booking page (?record=&hash=)'],
  ['booking-cancel-question', 'Booking page, asking before cancelling'],
  ['booking-cancelled', 'Booking page, cancelled'],
  ['booking-cancel-closed', 'Booking page, too close to the visit to cancel online'],
  ['booking-not-found', 'Booking page, a link with a wrong hash'],
  ['booking-no-online-cancel', 'Booking page where cancelling is by phone only (Riga)'],
];

interface Variant {
  width: number;
  theme: keyof typeof THEMES;
  dir: keyof typeof DIRS;
  lang: string;
  form: number;
  chain: number;
}

/** A full-page shot named <state>-<width>-<theme>-<dir>.png; `loading`: taken while something is held. */
async function shoot(page: Page, v: Variant, state: string, { loading = false } = {}): Promise<void> {
  if (!STATES.some(([name]) => name === state)) throw new Error(`"${state}" is not in STATES`);
  if (loading) {
    await expect(page.locator('[aria-busy="true"]').first()).toBeVisible();
    await page.mouse.move(0, 0);
    await page.evaluate(() => document.fonts.ready);
  } else {
    await settle(page);
  }
  await page.screenshot({ path: `${OUT}/${state}-${v.width}-${v.theme}-${v.dir}.png`, fullPage: true, animations: 'disabled', caret: 'hide' });
}

class Reached extends Error {}

/** Walks a booking (e2e/a11y-walk.ts) from the step on screen until `target` is ready; `atStep` sees each step on the way. */
async function walkTo(page: Page, lang: string, target: string, atStep: (step: string) => Promise<void> = async () => {}): Promise<void> {
  try {
    await walkBooking(page, lang, async (step) => {
      await atStep(step);
      if (step === target) throw new Reached();
    });
  } catch (e) {
    if (e instanceof Reached) return;
    throw e;
  }
  throw new Error(`the walk never reached "${target}"`);
}

/** Holds every answer of an endpoint (`book_staff`…) in the browser until released, so a step shows its loading state. */
async function hold(page: Page, endpoint: string, method = 'GET'): Promise<() => Promise<void>> {
  let release: () => void = () => {};
  const held = new Promise<void>((r) => (release = r));
  const matches = (url: URL) => url.pathname.includes(`/api/v1/${endpoint}/`);
  await page.route(matches, async (route) => {
    if (route.request().method() === method) await held;
    await route.fallback();
  });
  return async () => {
    release();
    await page.unroute(matches);
  };
}

const bookableDay = (page: Page) =>
  page.locator('[role="grid"]:not([aria-busy="true"])').getByRole('gridcell', { name: /\S/, disabled: false }).first();

for (const [device, viewport] of Object.entries(WIDTHS)) {
  for (const theme of Object.keys(THEMES) as (keyof typeof THEMES)[]) {
    for (const dir of Object.keys(DIRS) as (keyof typeof DIRS)[]) {
      const v: Variant = { width: viewport.width, theme, dir, lang: DIRS[dir], ...THEMES[theme] };
      const words = resource(v.lang);
      const continueButton = (page: Page) => page.getByRole('button', { name: words.button.continue, exact: true });
      const confirmButton = (page: Page) => page.getByRole('button', { name: words.confirm.confirm, exact: true });

      test.describe(`${device} ${v.width} px, ${theme}, ${dir}`, () => {
        test.use({ viewport, timezoneId: 'America/New_York', locale: 'en-US' });

        test('every step of a booking', async ({ page, demo }) => {
          await freezeTime(page, demo);
          await page.goto(`/?form=${v.form}&lang=${v.lang}`);
          const steps = await walkBooking(page, v.lang, async (step) => {
            if (step === 'service') {
              await shoot(page, v, 'service');
              await page.getByRole('checkbox').first().check();
              await shoot(page, v, 'service-chosen');
            } else if (step === 'date') {
              await expect(page.locator('.bw-earliest')).toBeVisible();
              await shoot(page, v, 'date');
            } else if (step === 'contact') {
              await shoot(page, v, 'contact');
              await continueButton(page).click();
              await expect(page.locator('[aria-invalid="true"]').first()).toBeVisible();
              await shoot(page, v, 'contact-errors');
            } else {
              await shoot(page, v, step);
            }
          });
          expect(steps).toEqual(['service', 'staff', 'date', 'time', 'contact', 'confirm', 'success']);
        });

        test('each step loading', async ({ page, demo }) => {
          await freezeTime(page, demo);
          let release = await hold(page, 'book_services');
          await page.goto(`/?form=${v.form}&lang=${v.lang}`);
          await shoot(page, v, 'service-loading', { loading: true });
          await release();

          await walkTo(page, v.lang, 'service');
          release = await hold(page, 'book_staff');
          await page.getByRole('checkbox').first().check();
          await continueButton(page).click();
          await expect.poll(() => stepOf(page)).toBe('staff');
          await shoot(page, v, 'staff-loading', { loading: true });
          await release();

          // The date step already reads the times of its earliest free day: held from here too.
          await walkTo(page, v.lang, 'staff');
          release = await hold(page, 'book_dates');
          const releaseTimes = await hold(page, 'book_times');
          await page.locator('.bw-step').getByRole('button', { disabled: false }).first().click();
          await expect.poll(() => stepOf(page)).toBe('date');
          await shoot(page, v, 'date-loading', { loading: true });
          await release();

          await expect(bookableDay(page)).toBeVisible();
          await bookableDay(page).click();
          await expect.poll(() => stepOf(page)).toBe('time');
          await shoot(page, v, 'time-loading', { loading: true });
          await releaseTimes();

          await walkTo(page, v.lang, 'confirm');
          release = await hold(page, 'book_record', 'GET');
          await confirmButton(page).click();
          await expect.poll(() => stepOf(page)).toBe('success');
          await shoot(page, v, 'success-loading', { loading: true });
          await release();
        });

        test('the location step and the SMS code', async ({ page, demo }) => {
          await freezeTime(page, demo);
          await page.goto(`/?form=${v.chain}&lang=${v.lang}`);
          await walkTo(page, v.lang, 'location', (step) => shoot(page, v, step));
          await page.locator('.bw-step').getByRole('button', { name: /^Lumen Studio Rīga/ }).click();
          await walkTo(page, v.lang, 'confirm: SMS code', async (step) => {
            if (step !== 'confirm: SMS code') return;
            const code = page.getByRole('textbox', { name: words['user-data-form']['phone-code'], exact: true });
            await shoot(page, v, 'sms-code');
            await code.fill('9999');
            await page.getByRole('button', { name: words.confirm.phone_confirm_button, exact: true }).click();
            await expect(code).toHaveAttribute('aria-invalid', 'true');
            await shoot(page, v, 'sms-code-refused');
          });
        });

        test('empty states', async ({ page, demo }) => {
          await freezeTime(page, demo);
          await page.goto(`/?form=${v.form}&lang=${v.lang}`);
          await walkTo(page, v.lang, 'service');
          await page.getByRole('searchbox').fill('zzzz');
          await expect(page.getByRole('checkbox')).toHaveCount(0);
          await shoot(page, v, 'service-search-empty');
        });

        test('a month without free days', async ({ page, demo }) => {
          // The last evening of March, after closing: nothing is free in March any more (as in e2e/look-states).
          await setClocks(page, demo, '2026-03-31T20:00:00-04:00');
          await page.emulateMedia({ reducedMotion: 'reduce' });
          await page.goto(`/?form=${v.form}&lang=${v.lang}`);
          await walkTo(page, v.lang, 'date');
          await page.locator('.bw-cal-head .bw-icon-btn').first().click();
          await expect(page.locator('.bw-step .bw-empty[role="status"]')).toBeVisible();
          await shoot(page, v, 'date-no-free-days');
        });

        test('a booking error: the time was taken', async ({ page, demo }) => {
          await freezeTime(page, demo);
          await page.goto(`/?form=${v.form}&lang=${v.lang}`);
          await walkTo(page, v.lang, 'confirm');
          await demo.fault({ endpoint: 'book_record', code: 433, times: 1 });
          await confirmButton(page).click();
          await expect.poll(() => stepOf(page)).toBe('time');
          await expect(page.locator('.bw-step').getByRole('alert')).toBeVisible();
          await shoot(page, v, 'error-slot-taken');
        });

        test('a network error and offline', async ({ page, context, demo }) => {
          await freezeTime(page, demo);
          await demo.fault({ endpoint: 'book_services', status: 500, times: 3 });
          await page.goto(`/?form=${v.form}&lang=${v.lang}`);
          await expect(page.getByRole('alert').getByRole('button')).toBeVisible({ timeout: 15_000 });
          await shoot(page, v, 'error-network');

          await page.getByRole('alert').getByRole('button').click();
          await walkTo(page, v.lang, 'staff');
          await context.setOffline(true);
          await expect(page.locator('.bw-offline')).toBeVisible();
          await shoot(page, v, 'offline');
          await context.setOffline(false);
        });

        test('the booking page', async ({ page, demo }) => {
          await freezeTime(page, demo);
          const open = async (form: number, location: number, booked: Booked) => {
            await page.goto(`/?form=${form}&location=${location}&record=${booked.recordId}&hash=${booked.hash}&lang=${v.lang}`);
            await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
          };
          // Today at 9:00, an hour and a half away: inside the location's 2 h before the visit.
          const today = await demo.book(DEMO.locations.newYork, DEMO.services.mensHaircut, '+1 212 555 0178');
          await open(v.form, DEMO.locations.newYork, today);
          await expect(page.getByRole('alert')).toBeVisible();
          await shoot(page, v, 'booking-cancel-closed');
          await open(v.form, DEMO.locations.newYork, { ...today, hash: 'not-the-hash' });
          await expect(page.getByRole('alert')).toBeVisible();
          await shoot(page, v, 'booking-not-found');

          await open(v.form, DEMO.locations.newYork, await demo.book(DEMO.locations.newYork, DEMO.services.mensHaircut, '+1 212 555 0179', { date: '2026-03-05' }));
          await shoot(page, v, 'booking-page');
          await page.getByRole('button', { name: words.record.cancel_record, exact: true }).click();
          const question = page.getByRole('group', { name: words.record.confirm_cancel_record });
          await expect(question).toBeVisible();
          await shoot(page, v, 'booking-cancel-question');
          await question.getByRole('button', { name: words.record.cancel_record, exact: true }).click();
          await expect(page.getByText(words.record.is_deleted)).toBeVisible();
          await shoot(page, v, 'booking-cancelled');

          await open(v.chain, DEMO.locations.riga, await demo.book(DEMO.locations.riga, DEMO.services.rigaMensHaircut, '+371 2000 0001'));
          await expect(page.getByRole('alert')).toBeVisible();
          await shoot(page, v, 'booking-no-online-cancel');
        });

        test.describe('a visitor in London', () => {
          test.use({ timezoneId: 'Europe/London' });

          test('the time step with the time-zone notice', async ({ page, demo }) => {
            await freezeTime(page, demo);
            await page.goto(`/?form=${v.form}&lang=${v.lang}`);
            await walkTo(page, v.lang, 'time');
            await expect(page.locator('.bw-zone-note')).toBeVisible();
            await shoot(page, v, 'time-zone');
          });
        });
      });
    }
  }
}

// The index, made from the PNGs on disk: after every worker, so a failed test leaves the others' pictures reviewable.
test.afterAll(() => {
  mkdirSync(OUT, { recursive: true });
  const files = readdirSync(OUT).filter((f) => f.endsWith('.png'));
  const order = (f: string) => {
    const [, width, theme, dir] = /-(\d+)-(\w+)-(\w+)\.png$/.exec(f) ?? [];
    return [Number(width), Object.keys(THEMES).indexOf(theme ?? ''), Object.keys(DIRS).indexOf(dir ?? '')];
  };
  const byOrder = (a: string, b: string) => {
    const [x, y] = [order(a), order(b)];
    return x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]!;
  };
  const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const shotsOf = (state: string) => files.filter((f) => new RegExp(`^${state}-\\d+-\\w+-\\w+\\.png$`).test(f)).sort(byOrder);
  const sections = STATES.flatMap(([state, title]) => {
    const shots = shotsOf(state);
    if (!shots.length) return [];
    const figures = shots.map((f) => {
      const [, width, theme, dir] = /-(\d+)-(\w+)-(\w+)\.png$/.exec(f)!;
      return `<figure class="w${width}"><a href="${f}"><img src="${f}" loading="lazy" alt="${escape(`${title}, ${width} px, ${theme}, ${dir}`)}"></a><figcaption>${width} px · ${theme} · ${dir!.toUpperCase()}</figcaption></figure>`;
    });
    return [`<section id="${state}"><h2>${escape(title)} <small>${state}</small></h2><div class="grid">${figures.join('')}</div></section>`];
  });
  const contents = STATES.filter(([state]) => shotsOf(state).length).map(([state, title]) => `<li><a href="#${state}">${escape(title)}</a></li>`);
  writeFileSync(
    `${OUT}/index.html`,
    `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Booking widget: every step and state</title>
<style>
  body { font: 14px/1.4 system-ui, sans-serif; margin: 16px; background: #f4f4f5; color: #18181b; }
  h1 { font-size: 20px; } h2 { font-size: 16px; margin: 32px 0 8px; } small { color: #71717a; font-weight: normal; }
  ul { columns: 3; }
  .grid { display: flex; flex-wrap: wrap; align-items: flex-start; gap: 12px; }
  figure { margin: 0; background: #fff; border: 1px solid #d4d4d8; padding: 6px; }
  figure.w360 { width: 200px; } figure:not(.w360) { width: 420px; }
  img { display: block; width: 100%; height: auto; }
  figcaption { margin-top: 4px; color: #52525b; }
</style>
</head>
<body>
<h1>Booking widget: every step and state</h1>
<p>${files.length} screenshots at 360 px and 1280 px, light and dark form, left to right (en-US) and right to left (he-IL), made by <code>npm run gallery</code> (e2e/gallery.spec.ts). A picture opens at full size.</p>
<ul>${contents.join('')}</ul>
${sections.join('\n')}
</body>
</html>
`,
  );
});
