// The widget in Latvian and in Hebrew (right to left): a whole booking with no English left
// where the language's resource has the text, a screenshot of the Hebrew one kept, and a
// language switched mid-flow that keeps every choice.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { en } from '../src/i18n/en';
import type { Dictionary } from '../src/i18n/types';
import type heJson from '../src/server/demo/locales/he-IL.json';
import { DEMO } from '../src/server/demo/seed';
import { expect, test } from './fixtures';
import { VISITOR } from './widget';

// Read, not imported: Playwright's loader wants import attributes on JSON, the type checker not.
type Resource = typeof heJson;
const resource = (code: string) => JSON.parse(readFileSync(new URL(`../src/server/demo/locales/${code}.json`, import.meta.url), 'utf8')) as Resource;
const heIL = resource('he-IL');
const lvLV = resource('lv-LV');

const HAIRCUT = "Women's haircut";
const OLIVIA = 'Olivia Bennett';

function flatten(dict: Dictionary, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(dict)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else flatten(value, `${prefix}${key}.`, out);
  }
  return out;
}

/**
 * The English fallbacks that must not show in this language: keys its resource translates.
 * Short texts ("Time", "Back") count only as a whole text; longer ones also inside one.
 */
function englishFallbacks(resource: Dictionary): { key: string; pattern: RegExp }[] {
  const translated = flatten(resource);
  return [...flatten(en)]
    .filter(([key, english]) => translated.has(key) && translated.get(key) !== english)
    .map(([key, english]) => {
      const parts = english.split(/\{\w+\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      const body = parts.join('.*?');
      const whole = english.replace(/\{\w+\}/g, '').trim().length < 8;
      return { key, pattern: new RegExp(whole ? `^${body}$` : body) };
    });
}

/** Every text and accessible text on the page, shadow roots included. */
function shownTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    const visit = (root: Node) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
        if (node.nodeType === Node.TEXT_NODE) texts.push(node.textContent ?? '');
        if (node instanceof Element) {
          for (const name of ['aria-label', 'placeholder', 'title', 'aria-description']) texts.push(node.getAttribute(name) ?? '');
          if (node.shadowRoot) visit(node.shadowRoot);
        }
      }
    };
    visit(document.body);
    return texts.map((t) => t.trim()).filter(Boolean);
  });
}

async function englishShown(page: Page, resource: Dictionary): Promise<string[]> {
  const fallbacks = englishFallbacks(resource);
  const texts = await shownTexts(page);
  return texts.flatMap((text) => fallbacks.filter((f) => f.pattern.test(text)).map((f) => `${f.key}: "${text}"`));
}

async function expectNoEnglish(page: Page, resource: Dictionary, where: string): Promise<void> {
  expect(await englishShown(page, resource), `English on the ${where} step`).toEqual([]);
}

/** Books Olivia's first free haircut on the New York form in the language, checking each step. */
async function bookIn(page: Page, code: string, resource: Resource, onStep?: (step: string) => Promise<void>) {
  const r = resource;
  const heading = page.getByRole('heading', { level: 1 });
  const check = async (step: string, title: string) => {
    await expect(heading).toHaveText(title);
    await expectNoEnglish(page, r as Dictionary, step);
    await onStep?.(step);
  };
  await page.goto(`/?form=${DEMO.forms.newYork}&lang=${code}`);
  await check('service', r.header.select_service);
  await page.getByRole('checkbox', { name: new RegExp(`^${HAIRCUT}`) }).check();
  await expectNoEnglish(page, r as Dictionary, 'service, one chosen');
  await page.getByRole('button', { name: r.button.continue, exact: true }).click();
  await check('staff', r.header.choose_staff);
  await page.getByRole('button', { name: new RegExp(`^${OLIVIA}`) }).click();
  await check('date', r.header.select_date);
  await page.locator('.bw-cal-day--free').first().click();
  await expect(page.locator('.bw-time').first()).toBeVisible();
  await check('time', r.header.choose_time);
  await page.locator('.bw-time').first().click();
  await expect(heading).toHaveText(r.header.input_personal);
  // Pressing on with nothing filled shows every field's error, in the language.
  await page.getByRole('button', { name: r.button.continue, exact: true }).click();
  await expect(page.getByText(r.confirm.errors.name.required)).toBeVisible();
  await check('contact', r.header.input_personal);
  await page.getByRole('textbox', { name: r.confirm.first_name, exact: true }).fill(VISITOR.name);
  await page.getByRole('textbox', { name: r.confirm.phone, exact: true }).fill(VISITOR.phone);
  await page.getByRole('textbox', { name: r.confirm.email, exact: true }).fill(VISITOR.email);
  await page.getByRole('button', { name: r.button.continue, exact: true }).click();
  await check('confirm', r.header.confirmation);
  await page.getByRole('button', { name: r.confirm.confirm, exact: true }).click();
  await check('success', r.record.booking_success);
}

test.describe('in Latvian', () => {
  test.use({ timezoneId: 'Europe/Riga' });

  test('a whole booking shows no English where the Latvian resource has the text', async ({ page, demo }) => {
    await bookIn(page, 'lv-LV', lvLV);
    await expect(page.locator('.bw-root')).toHaveAttribute('dir', 'ltr');
    expect(await demo.bookings()).toHaveLength(1);
  });
});

test.describe('in Hebrew', () => {
  test.use({ timezoneId: 'Asia/Jerusalem' });

  test('a whole booking right to left, with no English where Hebrew exists; screenshots kept', async ({ page, demo }, testInfo) => {
    await bookIn(page, 'he-IL', heIL, async (step) => {
      await expect(page.locator('.bw-root')).toHaveAttribute('dir', 'rtl');
      if (step === 'time' || step === 'confirm' || step === 'success') {
        const path = testInfo.outputPath(`rtl-${step}.png`);
        await page.screenshot({ path, fullPage: true });
        await testInfo.attach(`he-IL ${step}`, { path, contentType: 'image/png' });
      }
    });
    expect(await demo.bookings()).toHaveLength(1);
  });

  test('lays the header out right to left: back on the right, the title to its left', async ({ page }) => {
    await page.goto(`/?form=${DEMO.forms.newYork}&lang=he-IL`);
    await page.getByRole('checkbox', { name: new RegExp(`^${HAIRCUT}`) }).check();
    await page.getByRole('button', { name: heIL.button.continue, exact: true }).click();
    const back = await page.getByRole('button', { name: heIL.back, exact: true }).boundingBox();
    const title = await page.getByRole('heading', { level: 1 }).boundingBox();
    expect(back!.x).toBeGreaterThan(title!.x);
  });
});

test('the English check finds English: an English page seen as Latvian', async ({ page }) => {
  await page.goto(`/?form=${DEMO.forms.newYork}&lang=en-US`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Service selection');
  expect(await englishShown(page, lvLV)).toEqual(expect.arrayContaining(['header.select_service: "Service selection"']));
});

test('switching language mid-flow keeps every choice and the typed contact details', async ({ page, widget, traffic, demo }) => {
  const { date } = await widget.reachContact({ form: DEMO.forms.newYork, service: HAIRCUT, member: OLIVIA });
  await widget.nameField().fill(VISITOR.name);
  await widget.phoneField().fill(VISITOR.phone);

  const language = page.getByRole('combobox', { name: 'Change the language' });
  await language.selectOption('lv-LV');
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText(lvLV.header.input_personal);
  await expect(page.getByRole('textbox', { name: lvLV.confirm.first_name, exact: true })).toHaveValue(VISITOR.name);
  await expect(page.getByRole('textbox', { name: lvLV.confirm.phone, exact: true })).toHaveValue(VISITOR.phone);
  await page.getByRole('textbox', { name: lvLV.confirm.email, exact: true }).fill(VISITOR.email);
  await page.getByRole('button', { name: lvLV.button.continue, exact: true }).click();
  await expect(heading).toHaveText(lvLV.header.confirmation);

  await page.getByRole('combobox', { name: lvLV.menu.change_lang }).selectOption('he-IL');
  await expect(heading).toHaveText(heIL.header.confirmation);
  await expect(page.locator('.bw-root')).toHaveAttribute('dir', 'rtl');
  const summary = page.getByRole('region', { name: heIL.header.confirmation });
  await expect(summary).toContainText(HAIRCUT);
  await expect(summary).toContainText(OLIVIA);
  await expect(summary).toContainText('Lumen Studio SoHo');

  const [offered] = await traffic.slotsOffered(DEMO.staff.olivia, date);
  await page.getByRole('button', { name: heIL.confirm.confirm, exact: true }).click();
  await expect(heading).toHaveText(heIL.record.booking_success);
  const [booking] = await demo.bookings();
  expect(booking).toMatchObject({
    serviceIds: [DEMO.services.womensHaircut],
    staffId: DEMO.staff.olivia,
    datetime: offered?.datetime,
    fullname: VISITOR.name,
  });
});
