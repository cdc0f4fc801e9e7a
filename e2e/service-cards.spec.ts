// The service list as a visitor reads it: prices in a column of their own at the cards' end, in
// line whatever a name's length (a 42-character name wraps in its column, its price stays beside
// it), at a phone's and a desktop's width, left to right and right to left; and a search that
// finds nothing says so and clears in one press, the cursor back in the search box; chosen cards
// in the light and the dark palette still pass axe (the tint under muted text).
import type { Page } from '@playwright/test';
import { DEMO } from '../src/server/demo/seed';
import { axeViolations } from './a11y-walk';
import { expect, test } from './fixtures';
import { freezeTime, WIDTHS } from './look';

const LONG_NAME = 'Signature balayage with gloss and blow-dry'; // 42 characters
const RENAMED = "Kids' haircut (under 12)";

/** The business names one service at length: the catalogue's answer with that title changed. */
async function longServiceName(page: Page): Promise<void> {
  await page.route(/\/api\/v1\/book_services\//, async (route) => {
    const answer = await route.fetch();
    const body = (await answer.text()).replace(JSON.stringify(RENAMED).slice(1, -1), LONG_NAME);
    await route.fulfill({ response: answer, body });
  });
}

interface CardBox {
  name: string;
  titleTop: number;
  bodyTop: number;
  bodyBottom: number;
  priceTop: number;
  priceBottom: number;
  /** The price's inline-end edge: its right edge left to right, its left edge right to left. */
  priceEnd: number;
  titleLines: number;
}

async function serviceCards(page: Page): Promise<CardBox[]> {
  return page.locator('.bw-card--check').evaluateAll((cards) =>
    cards.map((card) => {
      const rtl = getComputedStyle(card).direction === 'rtl';
      const title = card.querySelector('.bw-card__title')!;
      const body = card.querySelector('.bw-card__body')!.getBoundingClientRect();
      const price = card.querySelector('.bw-price')!.getBoundingClientRect();
      const t = title.getBoundingClientRect();
      return {
        name: title.textContent ?? '',
        titleTop: t.top,
        bodyTop: body.top,
        bodyBottom: body.bottom,
        priceTop: price.top,
        priceBottom: price.bottom,
        priceEnd: rtl ? price.left : price.right,
        titleLines: Math.round(t.height / parseFloat(getComputedStyle(title).lineHeight)),
      };
    }),
  );
}

const DIRECTIONS = [
  { dir: 'ltr', lang: 'en-US' },
  { dir: 'rtl', lang: 'he-IL' },
] as const;

for (const [width, viewport] of Object.entries(WIDTHS)) {
  for (const { dir, lang } of DIRECTIONS) {
    test(`prices line up at the cards' end whatever the name's length: ${viewport.width} px, ${dir}`, async ({ page, demo, widget }) => {
      await page.setViewportSize(viewport);
      await freezeTime(page, demo);
      await longServiceName(page);
      await widget.open(DEMO.forms.newYork, lang);
      await expect(page.getByRole('checkbox', { name: new RegExp(`^${LONG_NAME}`) })).toBeVisible();
      await expect(page.locator('.bw-root')).toHaveAttribute('dir', dir);

      const cards = await serviceCards(page);
      expect(cards.length).toBeGreaterThanOrEqual(12);
      const ends = cards.map((c) => c.priceEnd);
      expect(Math.max(...ends) - Math.min(...ends), `inline-end edges at ${width}: ${ends.join(', ')}`).toBeLessThanOrEqual(1);
      for (const card of cards) {
        // Beside the name and its duration, never on a line of its own under them.
        expect(card.priceTop, card.name).toBeLessThan(card.bodyBottom);
        expect(card.priceBottom, card.name).toBeGreaterThan(card.bodyTop);
      }
      const long = cards.find((c) => c.name === LONG_NAME)!;
      if (width === 'phone') expect(long.titleLines, 'the long name wraps in its column').toBeGreaterThan(1);
    });
  }
}

test('a search that finds nothing says what was looked for and clears in one press', async ({ page, demo, widget }) => {
  await freezeTime(page, demo);
  await widget.open(DEMO.forms.newYork);
  await expect(widget.service("Women's haircut")).toBeVisible();
  const search = page.getByRole('searchbox');
  await search.fill('zzz');
  await expect(page.getByRole('checkbox')).toHaveCount(0);
  const status = widget.region('service').getByRole('status').filter({ hasText: 'Nothing matched' });
  await expect(status).toHaveText(/Nothing matched “zzz”/);
  await status.getByRole('button', { name: 'Clear search' }).click();
  await expect(search).toBeFocused();
  await expect(search).toHaveValue('');
  await expect(widget.service("Women's haircut")).toBeVisible();
  await expect(page.getByText(/Nothing matched/)).toHaveCount(0);
  // The keyboard way: Tab from the search box reaches the button, Enter clears.
  await search.fill('qqq');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Clear search' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(search).toBeFocused();
  await expect(widget.service("Women's haircut")).toBeVisible();
});

const PALETTES = { light: [DEMO.forms.lightPalette, DEMO.forms.chainLightPalette], dark: [DEMO.forms.darkPalette, DEMO.forms.chainDarkPalette] } as const;

for (const [palette, [form, chain]] of Object.entries(PALETTES)) {
  test(`chosen cards are marked and pass axe: ${palette} palette`, async ({ page, demo, widget }) => {
    await freezeTime(page, demo);
    await widget.open(chain);
    await widget.chooseLocation('Lumen Studio SoHo');
    await widget.back();
    const soho = widget.location('Lumen Studio SoHo');
    await expect(soho).toHaveAttribute('aria-pressed', 'true');
    expect(await axeViolations(page)).toEqual([]);

    await widget.open(form);
    await widget.service("Women's haircut").check();
    await expect(page.locator('label.bw-card.is-selected')).toHaveCount(1);
    expect(await axeViolations(page)).toEqual([]);
    await widget.continue();
    await widget.chooseMember('Olivia Bennett');
    await widget.back();
    const olivia = widget.member('Olivia Bennett');
    await expect(olivia).toHaveAttribute('aria-pressed', 'true');
    // Marked by more than colour: a check mark is drawn in the chosen card only.
    const marks = await page.locator('.bw-card__mark').evaluateAll((els) => els.map((el) => getComputedStyle(el, '::after').content));
    expect(marks.filter((c) => c !== 'none')).toHaveLength(1);
    // "About" opens within the card: its text inside the card's box.
    const card = widget.region('staff').getByRole('listitem').filter({ hasText: 'Olivia Bennett' });
    await card.getByText('About Team Member').click();
    await expect(card.locator('.bw-about__body')).toContainText('Precision cuts');
    const [outer, inner] = await Promise.all([card.boundingBox(), card.locator('.bw-about__body').boundingBox()]);
    expect(inner!.y + inner!.height).toBeLessThanOrEqual(outer!.y + outer!.height);
    expect(await axeViolations(page)).toEqual([]);
  });
}
