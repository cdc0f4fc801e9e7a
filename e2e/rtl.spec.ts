// Right to left, in Arabic and in Hebrew, on the hosted page and inline on a left-to-right host
// page: the layout mirrored (back, the calendar's months, the first weekday and the first time on
// the right), the arrows pointing the way they lead (read from their pixels), phone and e-mail left
// to right (fields, the example number, the number a code went to), a business's own text keeping
// its punctuation, digits as Intl writes them, a whole booking made, and axe content. English,
// left to right, is the control that shows the checks can tell one direction from the other.
// Also run in the deployed topology: the built files behind the built server, whose hosted page
// comes with its first step, its <html lang dir> and title already in the language; the widget
// inline on the business's own site (README's snippet on another origin).
import type { Locator, Page } from '@playwright/test';
import { toIntlLocale } from '../src/dates/locale';
import { DEMO } from '../src/server/demo/seed';
import { axeViolations, resource, walkBooking } from './a11y-walk';
import { expect, test } from './fixtures';
import { LOOK_NOW } from './look';
import { setClocks } from './visitor-clock';

// Twice the pixels, so an arrow's shape is read from more than a handful of them.
test.use({ viewport: { width: 390, height: 800 }, deviceScaleFactor: 2 });

// Both clocks at a fixed morning before opening: the first free time never passes during a booking.
test.beforeEach(({ page, demo }) => setClocks(page, demo, LOOK_NOW));
test.describe.configure({ timeout: 90_000 });

const box = async (l: Locator) => (await l.boundingBox())!;
const centre = async (l: Locator) => {
  const b = await box(l);
  return b.x + b.width / 2;
};

/**
 * Which way a chevron (‹ ›) on screen points, from its pixels: at mid-height the ink sits at the
 * tip, at the top and bottom rows at the open end. Independent of how the arrow is drawn (a
 * character, mirroring, a transform).
 */
async function pointing(page: Page, glyph: Locator): Promise<'left' | 'right'> {
  const png = await glyph.screenshot({ animations: 'disabled' });
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const context = canvas.getContext('2d')!;
    context.drawImage(img, 0, 0);
    const { data, width, height } = context.getImageData(0, 0, img.width, img.height);
    const differs = (i: number) => Math.abs(data[i]! - data[0]!) + Math.abs(data[i + 1]! - data[1]!) + Math.abs(data[i + 2]! - data[2]!) > 96;
    const rows: number[] = [];
    for (let y = 0; y < height; y++) {
      let sum = 0;
      let n = 0;
      for (let x = 0; x < width; x++) {
        if (differs((y * width + x) * 4)) {
          sum += x;
          n++;
        }
      }
      if (n) rows.push(sum / n);
    }
    if (rows.length < 4) throw new Error('no arrow drawn');
    const ends = (rows[0]! + rows[rows.length - 1]!) / 2;
    return rows[Math.floor(rows.length / 2)]! > ends ? 'right' : 'left';
  }, png.toString('base64'));
}

/** Where two characters of an element's text are drawn, left to right: the x of each. */
function drawnAt(text: Locator, first: string, second: string): Promise<[number, number]> {
  return text.evaluate(
    (el, [a, b]) => {
      const x = (char: string, last: boolean) => {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        let found: [Text, number] | undefined;
        for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
          const at = last ? node.data.lastIndexOf(char) : node.data.indexOf(char);
          if (at >= 0) {
            found = [node, at];
            if (!last) break;
          }
        }
        if (!found) throw new Error(`"${char}" is not in "${el.textContent}"`);
        const range = document.createRange();
        range.setStart(found[0], found[1]);
        range.setEnd(found[0], found[1] + 1);
        return range.getBoundingClientRect().x;
      };
      return [x(a!, false), x(b!, true)] as [number, number];
    },
    [first, second],
  );
}

/** Every digit shown is one of the digits Intl writes for the language (Latin or the language's own). */
async function digitsAsIntlWrites(page: Page, texts: Locator, intl: string): Promise<void> {
  const shown = (await texts.allInnerTexts()).join(' ');
  const written = await page.evaluate((l) => new Intl.NumberFormat(l, { useGrouping: false }).format(1234567890), intl);
  const digits = shown.match(/\p{Nd}/gu) ?? [];
  expect(digits.length).toBeGreaterThan(0);
  expect(digits.filter((d) => !written.includes(d))).toEqual([]);
}

const LANGUAGES = [
  { lang: 'ar-AR', intl: 'ar', dir: 'rtl', back: 'right', timezoneId: 'Asia/Dubai' },
  { lang: 'he-IL', intl: 'he', dir: 'rtl', back: 'right', timezoneId: 'Asia/Jerusalem' },
  { lang: 'en-US', intl: 'en', dir: 'ltr', back: 'left', timezoneId: 'America/New_York' },
] as const;

for (const { lang, intl, dir, back: backward, timezoneId } of LANGUAGES) {
  test.describe(`${lang}, ${dir}`, () => {
    test.use({ timezoneId });

    test('mirrored steps, arrows, left-to-right contact details, a whole booking, no axe violations', async ({ page, demo }) => {
      const rtl = dir === 'rtl';
      const forward = rtl ? 'left' : 'right';
      // Before b on screen in the reading direction: to its right in right-to-left.
      const readsBefore = (a: number, b: number) => (rtl ? expect(a).toBeGreaterThan(b) : expect(a).toBeLessThan(b));
      await page.goto(`/?form=${DEMO.forms.newYork}&lang=${lang}`);
      const root = page.locator('.bw-root[data-step]');
      await expect(root).toHaveAttribute('dir', dir);
      await expect(root).toHaveAttribute('lang', lang);

      const violations: string[] = [];
      const steps = await walkBooking(page, lang, async (step) => {
        violations.push(...(await axeViolations(page)).map((v) => `${step}: ${v}`));
        await expect(root).toHaveAttribute('dir', dir);
        if (step === 'staff') {
          // Back sits at the reading start of the header, its arrow pointing that way.
          // By its name: the header holds another button (My bookings) styled as back is.
          const back = page.getByRole('button', { name: resource(lang).back, exact: true });
          readsBefore(await centre(back), await centre(page.getByRole('heading', { level: 1 })));
          expect(await pointing(page, back.locator('[aria-hidden="true"]'))).toBe(backward);
        }
        if (step === 'date') {
          const previous = page.locator('.bw-cal-head .bw-icon-btn').first();
          const next = page.locator('.bw-cal-head .bw-icon-btn').last();
          readsBefore(await centre(previous), await centre(next));
          expect(await pointing(page, previous.locator('span'))).toBe(backward);
          expect(await pointing(page, next.locator('span'))).toBe(forward);
          // The week's first day is at the reading start too.
          const weekdays = page.locator('.bw-cal-grid th');
          readsBefore(await centre(weekdays.first()), await centre(weekdays.last()));
          await digitsAsIntlWrites(page, page.locator('.bw-cal-title, .bw-cal-day--free'), intl);
        }
        if (step === 'time') {
          const times = page.locator('.bw-times-list').first().getByRole('button');
          readsBefore(await centre(times.nth(0)), await centre(times.nth(1)));
          await digitsAsIntlWrites(page, times, intl);
        }
        if (step === 'contact') {
          const direction = (l: Locator) => l.evaluate((el) => getComputedStyle(el).direction);
          expect(await direction(page.locator('#bw-phone'))).toBe('ltr');
          expect(await direction(page.locator('#bw-email'))).toBe('ltr');
          expect(await direction(page.locator('#bw-name'))).toBe(dir);
          // The example number reads left to right: its + drawn left of its last digit.
          const [plus, last] = await drawnAt(page.locator('#bw-phone-hint'), '+', '7');
          expect(plus).toBeLessThan(last);
          // The business's own label ("Anything we should know?") ends with its question mark.
          const [first, mark] = await drawnAt(page.locator('label[for="bw-comment"]'), 'A', '?');
          expect(first).toBeLessThan(mark);
        }
        if (step === 'success') {
          // Each service's price at the row's reading end.
          const service = page.locator('.bw-booked__services li').first();
          readsBefore(await centre(service.locator('bdi')), await centre(service.locator('.bw-price')));
          // A file name keeps its dot before its extension: (.ics), not (ics.). It is in the calendar list.
          await page.locator('.bw-calendar-add__toggle').click();
          violations.push(...(await axeViolations(page)).map((v) => `success, the calendar list open: ${v}`));
          const [dot, extension] = await drawnAt(page.locator('.bw-calendars button').filter({ hasText: 'ics' }), '.', 'i');
          expect(dot).toBeLessThan(extension);
        }
      });
      expect(steps).toEqual(['service', 'staff', 'date', 'time', 'contact', 'confirm', 'success']);
      expect(await demo.bookings()).toHaveLength(1);
      expect(violations).toEqual([]);
    });

    test('as the server sends the hosted page, before any script: <html lang dir>, the title and the first step in the language', async ({ request, baseURL, demoURL }) => {
      test.skip(!demoURL, 'the dev server sends the page without its first step: the built server renders it (src/server/ssr.tsx)');
      const script = { ar: /\p{Script=Arabic}/u, he: /\p{Script=Hebrew}/u, en: /^[\p{Script=Latin}\P{L}]+$/u }[intl];
      for (const form of [DEMO.forms.chain, DEMO.forms.newYork]) {
        const answer = await request.get(`${baseURL}/?form=${form}&lang=${lang}`, { headers: { Accept: 'text/html' } });
        expect(answer.status()).toBe(200);
        const html = await answer.text();
        expect(html).toContain('id="bw-start"');
        // As the page sets them once its script runs (src/app/page-lang.ts).
        expect(html.match(/<html[^>]*>/)?.[0]).toBe(`<html lang="${toIntlLocale(lang)}" dir="${dir}">`);
        expect(html).toMatch(new RegExp(`<div class="bw-root[^"]*" lang="${lang}" dir="${dir}" data-step="(location|service)"`));
        const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
        const h1 = /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1] ?? '';
        for (const text of [title, h1]) expect(text).toMatch(script);
      }
    });

    test('the widget’s own texts: one small chunk of the language’s and the map of languages; none for English', async ({ page, demoURL }) => {
      test.skip(!demoURL, 'the dev server serves source modules, not the built chunks');
      const chunks: string[] = [];
      page.on('request', (r) => {
        const name = /\/assets\/([a-z]{2}|languages)-[\w-]+\.js$/.exec(new URL(r.url()).pathname)?.[1];
        if (name) chunks.push(name);
      });
      await page.goto(`/?form=${DEMO.forms.newYork}&lang=${lang}`);
      await expect(page.getByRole('checkbox').first()).toBeVisible();
      await page.waitForLoadState('networkidle');
      expect(chunks.sort()).toEqual(intl === 'en' ? [] : [intl, 'languages']);
    });

    test('the number the SMS code went to reads left to right', async ({ page, demo }) => {
      await page.goto(`/?form=${DEMO.forms.riga}&lang=${lang}`);
      let checked = false;
      await walkBooking(page, lang, async (step) => {
        if (step !== 'confirm: SMS code') return;
        const sent = page.locator('.bw-code [role="status"]');
        await expect(sent).toContainText('+1 212');
        const [plus, last] = await drawnAt(sent, '+', '3');
        expect(plus).toBeLessThan(last);
        checked = true;
      });
      expect(checked).toBe(true);
      expect(await demo.bookings()).toHaveLength(1);
    });
  });
}

test('inline on a left-to-right page, the widget in Arabic is right to left', async ({ page, demo, hostURL }) => {
  // Deployed: the README's inline snippet on the business's own site; the demo's page otherwise.
  // The business sets the form's language on the script tag (data-lang, README: Attributes): set
  // here as the parser inserts the tag, before it has loaded (the page itself stays as served).
  const url = hostURL ? `${hostURL}/inline.html` : '/demo/inline.html';
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      const tag = document.querySelector('script[data-form]');
      if (!tag) return;
      tag.setAttribute('data-lang', 'ar-AR');
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(url);
  const widget = page.locator('#booking');
  const root = widget.locator('.bw-root[data-step]');
  await expect(root).toHaveAttribute('dir', 'rtl');
  expect(await page.evaluate(() => getComputedStyle(document.body).direction)).toBe('ltr');
  const steps = await walkBooking(widget, 'ar-AR', async (step) => {
    if (step === 'date') {
      const previous = widget.locator('.bw-cal-head .bw-icon-btn').first();
      const next = widget.locator('.bw-cal-head .bw-icon-btn').last();
      expect(await centre(previous)).toBeGreaterThan(await centre(next));
      expect(await pointing(page, previous.locator('span'))).toBe('right');
      expect(await pointing(page, widget.getByRole('button', { name: resource('ar-AR').back, exact: true }).locator('[aria-hidden="true"]'))).toBe('right');
    }
    if (step === 'contact') {
      expect(await widget.locator('#bw-phone').evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
    }
  });
  expect(steps.at(-1)).toBe('success');
  expect(await demo.bookings()).toHaveLength(1);
});
