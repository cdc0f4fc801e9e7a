// The widget in the demo's pseudo language (`?lang=en-XA`, src/server/demo/pseudo.ts): every text
// of the resource and every widget text comes accented and marked ⟦…⟧. Walking every step, state
// and screen, each visible and accessible text must be marked, unless it is the business's own
// data (from the demo's seed), what the visitor typed, or what Intl wrote (dates, times, zones,
// numbers, prices, durations). A text that is none of these never went through the language
// layer: English that every other language would show too. This is the guard against new English.
// Also run in the deployed topology (the built files behind the built server, the demo as its
// upstream): there the hosted page's first step comes rendered in the HTML, read as served too.
import type { Page } from '@playwright/test';
import { CATEGORIES, DEMO, FORMS, LANGUAGES, LOCATIONS, SERVICES, TEAM } from '../src/server/demo/seed';
import { pseudoText as pseudoOf } from '../src/server/demo/pseudo';
import { expect, test } from './fixtures';
import { setClocks } from './visitor-clock';
import { RIGA_VISITOR, STEP, VISITOR, type Visitor } from './widget';

const LANG = 'en-XA';
// Long walks: each test goes through many states, and a whole booking or more.
test.describe.configure({ timeout: 120_000 });
// The visitor is in another zone than either location: the zone notice and "your time" show.
test.use({ timezoneId: 'Asia/Tokyo', locale: 'en-US' });
/** Early on a working day in New York: the day's first times are far enough ahead to cancel online. */
const EARLY = '2026-11-24T05:00:00-05:00';

// ---------------------------------------------------------------------------------------------
// What may show unmarked

/** The pieces of text a piece of HTML shows, entities decoded. */
function htmlTexts(html: string): string[] {
  const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&nbsp;/g, '\u00a0');
  return html.split(/<[^>]*>/).map(decode);
}

/** "Olivia Bennett" → "OB", as the avatar writes a name without a photo. */
const initials = (name: string) => {
  const words = name.trim().split(/\s+/);
  return (words.length > 1 ? [words[0]!, words[words.length - 1]!] : words).map((w) => [...w][0] ?? '').join('').toUpperCase();
};

/** The business's own words, read from the demo's seed (not from the page): what its API serves. */
const BUSINESS: string[] = [
  ...LOCATIONS.flatMap((l) => [l.title, l.shortDescription, l.phone, l.country, l.city, l.address, l.zip, l.site, ...htmlTexts(l.descriptionHtml), ...htmlTexts(l.privacyPolicyHtml)]),
  ...CATEGORIES.map((c) => c.title),
  ...SERVICES.flatMap((s) => [s.title, s.comment]),
  ...TEAM.flatMap((m) => [m.name, initials(m.name), m.specialization, m.position?.title ?? '', ...htmlTexts(m.informationHtml)]),
  ...FORMS.flatMap((f) => [f.title, f.commentInputName ?? '', f.bookingNotifyText ?? '']),
  ...Object.values(LANGUAGES).map((l) => l.title),
];

/** What the visitors of these walks type. */
const SEARCHED = 'zzzz';
const TYPED: string[] = [...[VISITOR, RIGA_VISITOR].flatMap((v: Visitor) => [v.name, v.phone, v.email, v.comment]), SEARCHED];
/** Products' own names, the same in every language. */
const BRANDS = ['Outlook.com'];

const ALLOWED = [...new Set([...BUSINESS, ...TYPED, ...BRANDS].map((s) => s.trim()).filter((s) => /\p{L}/u.test(s)))].sort((a, b) => b.length - a.length);

/**
 * The words Intl writes in the widget's language for the dates, times, zones and amounts it
 * formats: month and weekday names, AM/PM, the words joining a date and a time, zone names and
 * abbreviations (both locations' and the visitor's), unit names, list and range joins. Whole
 * phrases, so "Time" alone is not allowed because Intl writes "Eastern Time".
 */
function intlPhrases(page: Page, lang: string, zones: string[]): Promise<string[]> {
  return page.evaluate(
    ({ lang, zones }) => {
      const out = new Set<string>();
      const add = (parts: Intl.DateTimeFormatPart[] | { type: string; value: string }[], types?: string[]) => {
        for (const p of parts) if ((!types || types.includes(p.type)) && /\p{L}/u.test(p.value)) out.add(p.value.trim());
      };
      const days = Array.from({ length: 14 }, (_, i) => new Date(Date.UTC(2026, 0, 4 + i, 15)));
      const months = Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(2026, i, 15, 3)));
      const dateOptions: Intl.DateTimeFormatOptions[] = [
        { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
        { weekday: 'long', day: 'numeric', month: 'long', hour: 'numeric', minute: '2-digit' },
        { weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' },
        { weekday: 'short', hour: 'numeric', minute: '2-digit' },
        { month: 'long', year: 'numeric' },
        { weekday: 'narrow' },
        { dateStyle: 'full', timeStyle: 'short' },
        { dateStyle: 'long', timeStyle: 'short' },
        { dateStyle: 'medium', timeStyle: 'short' },
        { timeStyle: 'short' },
      ];
      for (const options of dateOptions) {
        const f = new Intl.DateTimeFormat(lang, { ...options, timeZone: 'UTC' });
        for (const d of [...days, ...months]) add(f.formatToParts(d));
        if (typeof f.formatRangeToParts === 'function') add(f.formatRangeToParts(days[0]!, days[3]!));
      }
      for (const timeZone of zones) {
        for (const timeZoneName of ['short', 'long', 'shortGeneric', 'longGeneric', 'shortOffset', 'longOffset'] as const) {
          const f = new Intl.DateTimeFormat(lang, { timeZone, timeZoneName });
          for (const d of months) add(f.formatToParts(d), ['timeZoneName', 'literal']);
        }
      }
      for (const unit of ['hour', 'minute', 'second', 'day']) {
        for (const unitDisplay of ['short', 'long', 'narrow'] as const) {
          const f = new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay });
          for (const n of [0, 1, 2, 5, 1.5]) add(f.formatToParts(n), ['unit', 'literal']);
        }
      }
      for (const currency of ['USD', 'EUR']) {
        add(new Intl.NumberFormat(lang, { style: 'currency', currency }).formatToParts(65), ['currency']);
      }
      for (const type of ['conjunction', 'unit', 'disjunction'] as const) {
        add(new Intl.ListFormat(lang, { type }).formatToParts(['1', '2', '3']), ['literal']);
      }
      return [...out].filter(Boolean);
    },
    { lang, zones },
  );
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The part of a text that is nobody's words: what is left once allowed data and Intl are taken out. */
function unmarkedPart(text: string, intl: string[]): string | undefined {
  let rest = text;
  for (const allowed of ALLOWED) rest = rest.split(allowed).join(' ');
  for (const phrase of intl) rest = rest.replace(new RegExp(`(?<!\\p{L})${escape(phrase)}(?!\\p{L})`, 'gu'), ' ');
  // Every letter of a marked text is accented: a plain one was never through the language layer.
  if (/[A-Za-z]/.test(rest)) return rest;
  // Outside the marks, only digits, punctuation and symbols. A text node may hold one end of a
  // marked text whose placeholder is an element of its own ("⟦Ŵéé šééñţ … ţöö ", <bdi>phone</bdi>, "⟧").
  let outside = rest;
  while (/⟦[^⟦⟧]*⟧/u.test(outside)) outside = outside.replace(/⟦[^⟦⟧]*⟧/gu, ' ');
  outside = outside.replace(/⟦[^⟦⟧]*$/u, ' ').replace(/^[^⟦⟧]*⟧/u, ' ');
  return /\p{L}/u.test(outside) ? rest : undefined;
}

/**
 * Every text a visitor sees or hears: text nodes (hidden and visually hidden ones too), the
 * accessible names, descriptions and values written in attributes, the targets of
 * aria-describedby and aria-labelledby, and the page's title; shadow roots included.
 */
function shownTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [document.title];
    const ATTRIBUTES = ['aria-label', 'aria-description', 'aria-valuetext', 'aria-roledescription', 'aria-placeholder', 'title', 'placeholder', 'alt', 'abbr', 'label'];
    const visit = (root: Document | ShadowRoot) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
        if (node.nodeType === Node.TEXT_NODE) {
          const parent = node.parentElement?.tagName;
          // Content marked translate="no" (the language switch's code, "en") is no one's words.
          const untranslatable = node.parentElement?.closest('[translate="no"]');
          if (parent !== 'SCRIPT' && parent !== 'STYLE' && !untranslatable) texts.push(node.textContent ?? '');
        }
        if (node instanceof Element) {
          for (const name of ATTRIBUTES) texts.push(node.getAttribute(name) ?? '');
          if (node instanceof HTMLInputElement && ['button', 'submit', 'reset'].includes(node.type)) texts.push(node.value);
          for (const name of ['aria-describedby', 'aria-labelledby']) {
            for (const id of (node.getAttribute(name) ?? '').split(/\s+/).filter(Boolean)) {
              texts.push((node.getRootNode() as Document | ShadowRoot).getElementById(id)?.textContent ?? '');
            }
          }
          if (node.shadowRoot) visit(node.shadowRoot);
        }
      }
    };
    visit(document);
    return texts.map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean);
  });
}

/** Collects, per state walked, every text that is not marked; the test asserts on all of them at once. */
class Walk {
  readonly found: string[] = [];
  readonly states: string[] = [];
  private intl: string[] | undefined;

  constructor(
    private readonly page: Page,
    private readonly lang = LANG,
  ) {}

  async check(state: string): Promise<void> {
    // Nothing still loading: the state's own texts, not a skeleton's.
    await expect(this.page.locator('[aria-busy="true"]')).toHaveCount(0);
    // The page's title follows the language once the hosted page's later chunk is in (src/app/page-lang.ts).
    await expect.poll(() => this.page.title(), { timeout: 5_000 }).toMatch(/⟧$/u).catch(() => undefined);
    this.intl ??= await intlPhrases(this.page, this.lang, [...new Set([...LOCATIONS.map((l) => l.timezoneName), 'Asia/Tokyo'])]);
    this.states.push(state);
    for (const text of await shownTexts(this.page)) {
      const part = unmarkedPart(text, this.intl);
      const line = `${state}: "${text}"`;
      if (part !== undefined && !this.found.includes(line)) this.found.push(line);
    }
  }

  expectAllMarked(): void {
    expect(this.found, `unmarked texts in ${this.states.length} states`).toEqual([]);
  }
}

// ---------------------------------------------------------------------------------------------
// Moves in the pseudo language, found by role and the accessible names the demo's transform gives

const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const MARKED = /^⟦.*⟧$/u;

/** Waits for the step whose heading is the pseudo text of `english`. */
async function onStep(page: Page, english: string): Promise<void> {
  await expect(heading(page)).toHaveText(new RegExp(`^${escape(pseudoOf(english))}$`, 'u'));
}

const P = {
  continue: pseudoOf('Continue'),
  signUp: pseudoOf('Sign up'),
  confirmCode: pseudoOf('Confirm'),
  retry: pseudoOf('Try again'),
  name: pseudoOf('Name'),
  phone: pseudoOf('Telephone'),
  email: pseudoOf('Email'),
  code: pseudoOf('The code'),
  nextMonth: pseudoOf('Next month'),
  previousMonth: pseudoOf('Previous month'),
  anyMember: pseudoOf('Any available team member'),
  cancel: pseudoOf('Cancel appointment'),
  keep: pseudoOf('Keep it'),
  takeTime: pseudoOf('Choose this time'),
  tryNextMonth: pseudoOf('Try the next month'),
  checkAgain: pseudoOf('Check again'),
  requestCode: pseudoOf('Request code again'),
  manage: pseudoOf('View or cancel this booking'),
};

// Step headings, in English here, shown marked (`onStep` marks them).
const STEPS = STEP;

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const startsWith = (name: string) => new RegExp(`^${escape(name)}`);

/** Opens the hosted page afresh: choices kept from an earlier visit (session.ts) are forgotten. */
async function open(page: Page, form: number): Promise<void> {
  if (page.url().startsWith('http')) await page.evaluate(() => localStorage.clear());
  await page.goto(`/?form=${form}&lang=${LANG}`);
}

async function chooseService(page: Page, title: string): Promise<void> {
  await page.getByRole('checkbox', { name: startsWith(title) }).check();
  await button(page, P.continue).click();
  await onStep(page, STEPS.staff);
}

async function chooseFirstDay(page: Page): Promise<string> {
  const day = page.locator('.bw-cal-day--free').first();
  await expect(day).toBeVisible();
  const date = (await day.getAttribute('data-date'))!;
  await day.click();
  await onStep(page, STEPS.time);
  return date;
}

async function chooseFirstTime(page: Page): Promise<void> {
  await page.locator('.bw-time').first().click();
  await onStep(page, STEPS.contact);
}

async function fillContact(page: Page, visitor: Visitor = VISITOR): Promise<void> {
  await page.getByRole('textbox', { name: P.name, exact: true }).fill(visitor.name);
  await page.getByRole('textbox', { name: P.phone, exact: true }).fill(visitor.phone);
  await page.getByRole('textbox', { name: P.email, exact: true }).fill(visitor.email);
  await page.locator('#bw-comment').fill(visitor.comment);
}

async function toConfirm(page: Page, visitor: Visitor = VISITOR): Promise<void> {
  await fillContact(page, visitor);
  await button(page, P.continue).click();
  await onStep(page, STEPS.confirm);
}

/** New York, a facial with Grace, to the confirm step. */
async function facialToConfirm(page: Page): Promise<void> {
  await open(page, DEMO.forms.newYork);
  await chooseService(page, 'Express facial');
  await page.getByRole('button', { name: startsWith('Grace Okafor') }).click();
  await onStep(page, STEPS.date);
  await chooseFirstDay(page);
  await chooseFirstTime(page);
  await toConfirm(page);
}

// ---------------------------------------------------------------------------------------------

/**
 * Opens the hosted page in the pseudo language and, in the deployed topology, waits for the app to
 * take over the server's first step (its `seeded` chunk, then a quiet network): a change made to
 * the page before that would be drawn over. First in its test, so the chunk comes over the network.
 */
async function openTakenOver(page: Page, form: number, deployed: boolean): Promise<void> {
  const seeded = deployed && page.waitForResponse((r) => /\/assets\/seeded-[\w-]+\.js$/.test(new URL(r.url()).pathname));
  await open(page, form);
  if (!seeded) return;
  await seeded;
  await page.waitForLoadState('networkidle');
}

test('the guard finds English: plain texts, a text put into the widget, a half-marked one', async ({ page, demoURL }) => {
  await openTakenOver(page, DEMO.forms.newYork, !!demoURL);
  await onStep(page, STEPS.service);
  const marked = new Walk(page);
  await marked.check('service');
  expect(marked.found).toEqual([]);
  // One English word inside a marked text, and an accented text without its marks: both found.
  await page.locator('.bw-title').evaluate((el) => {
    el.insertAdjacentHTML('afterend', '<span aria-label="Book">x</span><span>Ŝéŕṽîçé</span>');
    el.textContent = `${el.textContent!.slice(0, -1)} now⟧`;
  });
  await marked.check('service, tampered');
  expect(marked.found).toEqual([
    expect.stringContaining(' now⟧"'),
    'service, tampered: "Book"',
    'service, tampered: "x"',
    'service, tampered: "Ŝéŕṽîçé"',
  ]);

  await page.goto(`/?form=${DEMO.forms.newYork}&lang=en-US`);
  const walk = new Walk(page);
  await expect(heading(page)).toHaveText('Service selection');
  await walk.check('service in English');
  expect(walk.found).toEqual(expect.arrayContaining(['service in English: "Service selection"', 'service in English: "Continue"']));
  // Business data and Intl are allowed, but only as whole phrases.
  expect(unmarkedPart('Olivia Bennett, Tuesday, November 24 at 9:00 AM (EST)', ['Tuesday', 'November', 'at', 'AM', 'EST'])).toBeUndefined();
  expect(unmarkedPart('Olivia', [])).toBe('Olivia');
});

test('the first step as the server sends it, before any script: every text marked, the page in the language', async ({ browser, request, baseURL, demoURL }) => {
  test.skip(!demoURL, 'the dev server sends the page without its first step: the built server renders it (src/server/ssr.tsx)');
  // What a visitor sees before any script has run: the HTML as served, in a page with scripts off.
  const served = await browser.newContext({ javaScriptEnabled: false, timezoneId: 'Asia/Tokyo', locale: 'en-US' });
  const page = await served.newPage();
  const walk = new Walk(page);
  for (const [form, step] of [
    [DEMO.forms.chain, STEPS.location],
    [DEMO.forms.newYork, STEPS.service],
    [DEMO.forms.riga, STEPS.service],
  ] as const) {
    const answer = await request.get(`${baseURL}/?form=${form}&lang=${LANG}`, { headers: { Accept: 'text/html' } });
    expect(answer.status()).toBe(200);
    const html = await answer.text();
    // Rendered (the first step's data inlined), not the plain page the browser would draw.
    expect(html).toContain('id="bw-start"');
    expect(html.match(/<html[^>]*>/)?.[0]).toBe(`<html lang="${LANG}" dir="ltr">`);
    await page.setContent(html);
    await onStep(page, step);
    expect(await page.title()).toMatch(MARKED);
    await walk.check(`form ${form} as served`);
  }
  await served.close();
  expect(walk.states).toHaveLength(3);
  walk.expectAllMarked();
});

test('a whole booking from the chain form, the booking page and cancelling: every text marked', async ({ page, demo }) => {
  await setClocks(page, demo, EARLY);
  const walk = new Walk(page);
  await open(page, DEMO.forms.chain);
  await onStep(page, STEPS.location);
  await walk.check('location');
  await page.locator('.bw-about summary').first().click();
  await expect(page.locator('.bw-about__body').first()).not.toBeEmpty();
  await walk.check('location, about');
  await page.getByRole('button', { name: startsWith('Lumen Studio SoHo') }).click();

  await onStep(page, STEPS.service);
  await walk.check('service');
  const search = page.getByRole('searchbox');
  await search.fill(SEARCHED);
  await expect(page.locator('.bw-empty')).toBeVisible();
  await walk.check('service, search without result');
  await search.fill('');
  await page.getByRole('checkbox', { name: startsWith("Women's haircut") }).check();
  await walk.check('service, one chosen');
  await page.getByRole('checkbox', { name: startsWith('Blow-dry') }).check();
  await walk.check('service, two chosen');
  await page.getByRole('checkbox', { name: startsWith('Blow-dry') }).uncheck();
  await button(page, P.continue).click();

  await onStep(page, STEPS.staff);
  await walk.check('team member');
  await page.locator('.bw-about summary').first().click();
  await expect(page.locator('.bw-about__body').first()).not.toBeEmpty();
  await walk.check('team member, about');
  await page.getByRole('button', { name: startsWith(P.anyMember) }).click();

  await onStep(page, STEPS.date);
  await walk.check('date');
  await button(page, P.nextMonth).click();
  await walk.check('date, next month');
  await button(page, P.previousMonth).click();
  await walk.check('date, back a month');
  await chooseFirstDay(page);
  await walk.check('time');
  await chooseFirstTime(page);

  await walk.check('contact');
  await button(page, P.continue).click();
  await expect(page.locator('[aria-invalid="true"]').first()).toBeVisible();
  await walk.check('contact, nothing filled');
  await page.getByRole('textbox', { name: P.phone, exact: true }).fill('12');
  await page.getByRole('textbox', { name: P.email, exact: true }).fill('not-an-address');
  await page.getByRole('textbox', { name: P.name, exact: true }).focus();
  await walk.check('contact, wrong phone and e-mail');
  await fillContact(page);
  await walk.check('contact, filled, reminders by SMS and e-mail');
  await button(page, P.continue).click();

  await onStep(page, STEPS.confirm);
  await walk.check('confirm');
  await button(page, P.signUp).click();
  await onStep(page, STEPS.success);
  await walk.check('success');

  const link = await page.getByRole('link', { name: P.manage }).getAttribute('href');
  expect(link).toContain(`lang=${LANG}`);
  await page.goto(link!);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(MARKED);
  await walk.check('booking page');
  await button(page, P.cancel).click();
  await expect(button(page, P.keep)).toBeVisible();
  await walk.check('booking page, cancel?');
  await button(page, P.keep).click();
  await button(page, P.cancel).click();
  await page.getByRole('group').getByRole('button', { name: P.cancel, exact: true }).click();
  await expect(page.getByRole('status')).toContainText(pseudoOf('Your appointment has been deleted.'));
  await walk.check('booking page, cancelled');
  walk.expectAllMarked();
});

test('the privacy policy, a required comment and the form’s notice: every text marked', async ({ page, demo }) => {
  await setClocks(page, demo, EARLY);
  const walk = new Walk(page);
  await open(page, DEMO.forms.newYorkConsent);
  await chooseService(page, 'Express facial');
  await page.getByRole('button', { name: startsWith('Grace Okafor') }).click();
  await chooseFirstDay(page);
  await chooseFirstTime(page);
  await walk.check('contact with consent');
  await button(page, P.continue).click();
  await expect(page.locator('#bw-consent')).toHaveAttribute('aria-invalid', 'true');
  await walk.check('contact with consent, nothing filled');
  await page.locator('.bw-consent summary').click();
  await expect(page.locator('.bw-consent .bw-about__body')).not.toBeEmpty();
  await walk.check('contact, the policy open');
  walk.expectAllMarked();
});

test('the SMS code: sent, refused, a new one after the wait, booked: every text marked', async ({ page, demo }) => {
  await page.clock.install();
  const walk = new Walk(page);
  await open(page, DEMO.forms.riga);
  await chooseService(page, 'Manikīrs ar gēllaku');
  await page.getByRole('button', { name: startsWith('Elīna Bērziņa') }).click();
  await chooseFirstDay(page);
  await chooseFirstTime(page);
  await toConfirm(page, RIGA_VISITOR);
  await button(page, P.signUp).click();
  const code = page.getByRole('textbox', { name: P.code, exact: true });
  await expect(code).toBeFocused();
  await walk.check('SMS code sent');
  await code.fill('9999');
  await button(page, P.confirmCode).click();
  await expect(code).toHaveAttribute('aria-invalid', 'true');
  await walk.check('SMS code refused, waiting for a new one');
  await page.clock.fastForward(31_000);
  await expect(button(page, P.requestCode)).toBeVisible();
  await walk.check('SMS code, a new one may be asked for');
  await code.fill(DEMO.smsCode);
  await button(page, P.confirmCode).click();
  await onStep(page, STEPS.success);
  await walk.check('success, Riga');

  const booked = (await demo.bookings())[0]!;
  await page.goto(`/?form=${DEMO.forms.riga}&location=${DEMO.locations.riga}&record=${booked.recordId}&hash=${booked.recordHash}&lang=${LANG}`);
  await expect(page.getByRole('alert')).toBeVisible();
  await walk.check('booking page, cancelling by phone only');
  walk.expectAllMarked();
});

test('booking errors at confirm, each where it is fixed: every text marked', async ({ page, demo }) => {
  const walk = new Walk(page);
  await facialToConfirm(page);

  for (const [code, state] of [
    [434, 'confirm, 434 phone refused'],
    [431, 'contact, 431 wrong number'],
    [433, 'time, 433 taken'],
    [436, 'time, 436 nobody free'],
    [437, 'time, 437 overlap'],
  ] as const) {
    await demo.fault({ endpoint: 'book_record', code, times: 1 });
    await button(page, P.signUp).click();
    if (code === 431) await expect(page.getByRole('textbox', { name: P.phone, exact: true })).toHaveAttribute('aria-invalid', 'true');
    else await expect(page.getByRole('alert').first()).toBeVisible();
    await walk.check(state);
    if (code === 434) continue;
    if (code === 431) await page.getByRole('textbox', { name: P.phone, exact: true }).fill('+1 212 555 0124');
    else await chooseFirstTime(page);
    await button(page, P.continue).click();
    await onStep(page, STEPS.confirm);
  }

  await demo.fault({ endpoint: 'book_record', status: 500, times: 3 });
  await button(page, P.signUp).click();
  await expect(page.getByRole('alert').first()).toBeVisible();
  await walk.check('confirm, server error');

  await demo.clearFaults();
  await demo.fault({ endpoint: 'book_record', status: 429, retryAfter: 1, times: 5 });
  await button(page, P.signUp).click();
  await expect(page.getByRole('alert').first()).toBeVisible();
  await walk.check('confirm, the booking service busy');

  await demo.clearFaults();
  await demo.fault({ endpoint: 'book_record', code: 438, times: 1 });
  await button(page, P.signUp).click();
  await onStep(page, STEPS.service);
  await expect(page.getByRole('alert')).toBeVisible();
  await walk.check('service, 438 cannot be booked');

  await facialToConfirm(page);
  await demo.fault({ endpoint: 'book_record', drop: 'before', times: 1 });
  await button(page, P.signUp).click();
  await expect(page.getByRole('alert').first()).toBeVisible();
  await walk.check('confirm, lost answer, not made');

  await demo.clearFaults();
  await demo.fault({ endpoint: 'book_record', drop: 'after', times: 1 });
  await button(page, P.signUp).click();
  await expect(button(page, P.signUp)).toBeHidden();
  await expect(page.getByRole('alert')).toBeVisible();
  await walk.check('confirm, lost answer, most likely made');
  walk.expectAllMarked();
});

test('a lost answer checked again once back online, offline, reads failing: every text marked', async ({ page, context, demo, browserHop, demoURL }) => {
  const walk = new Walk(page);
  await facialToConfirm(page);
  await demo.fault({ endpoint: 'book_record', drop: 'after', times: 1 });
  await page.route(/\/api\/v1\/book_record\//, async (route) => {
    await route.fallback();
    await demo.fault({ endpoint: 'book_check', drop: true, times: 1 });
  });
  await button(page, P.signUp).click();
  await expect(button(page, P.checkAgain)).toBeVisible();
  await walk.check('confirm, lost answer, no connection to check');
  await page.unroute(/\/api\/v1\/book_record\//);

  await open(page, DEMO.forms.newYork);
  await chooseService(page, 'Express facial');
  await context.setOffline(true);
  await expect(page.locator('.bw-offline')).toBeVisible();
  await page.getByRole('button', { name: startsWith('Grace Okafor') }).click();
  await onStep(page, STEPS.date);
  await expect(button(page, P.retry)).toBeVisible();
  await walk.check('date, offline, the read failed');
  // Back online, the days load by themselves; the first free day's times fail (on the browser's
  // hop when deployed: the proxy rides out an upstream's failing reads with retries of its own).
  const timesFail = { endpoint: 'book_times', status: 500, times: 3 };
  await (demoURL ? browserHop.fault(timesFail) : demo.fault(timesFail));
  await context.setOffline(false);
  await expect(page.locator('.bw-offline')).toHaveCount(0);
  await chooseFirstDay(page);
  await expect(button(page, P.retry)).toBeVisible();
  await walk.check('time, the read failed');
  walk.expectAllMarked();
});

test('empty states: no form, no locations, services, team members, days or times: every text marked', async ({ page, demo, demoURL }) => {
  const walk = new Walk(page);
  // The booking form itself cannot be read: the widget has nothing but a way to try again. Deployed,
  // the server's rendering and the proxy's own retries read it too: it fails until cleared.
  await demo.fault({ endpoint: 'bookform', status: 500, ...(!demoURL && { times: 3 }) });
  await open(page, DEMO.forms.chain);
  // Deployed, the proxy tries each of the widget's reads three times (250 and 750 ms apart) first.
  await expect(button(page, P.retry)).toBeVisible({ timeout: demoURL ? 30_000 : undefined });
  await walk.check('no booking form');
  await demo.clearFaults();

  await demo.fault({ endpoint: 'companies', malformed: 'shape' });
  await open(page, DEMO.forms.chain);
  await onStep(page, STEPS.location);
  await expect(page.locator('.bw-empty')).toBeVisible();
  await walk.check('location, none');
  await demo.clearFaults();

  await demo.fault({ endpoint: 'book_services', malformed: 'shape' });
  await open(page, DEMO.forms.newYork);
  await expect(page.locator('.bw-empty')).toBeVisible();
  await walk.check('service, none');
  await demo.clearFaults();

  await demo.fault({ endpoint: 'book_staff', malformed: 'shape' });
  await open(page, DEMO.forms.newYork);
  await chooseService(page, "Women's haircut");
  await expect(page.locator('.bw-empty')).toBeVisible();
  await walk.check('team member, none');
  await demo.clearFaults();

  // The last evening of March: no free day left in it; the nearest free times cannot be had.
  await setClocks(page, demo, '2026-03-31T20:00:00-04:00');
  await demo.fault({ endpoint: 'book_staff_seances', status: 404 });
  await open(page, DEMO.forms.newYork);
  await chooseService(page, "Women's haircut");
  await page.getByRole('button', { name: startsWith('Olivia Bennett') }).click();
  await onStep(page, STEPS.date);
  await button(page, P.previousMonth).click();
  await expect(button(page, P.tryNextMonth)).toBeVisible();
  await walk.check('date, a month without free days');
  await demo.clearFaults();

  // A day whose times are all gone meanwhile: the nearest free time instead.
  await open(page, DEMO.forms.newYork);
  await chooseService(page, "Women's haircut");
  await page.getByRole('button', { name: startsWith('Olivia Bennett') }).click();
  await onStep(page, STEPS.date);
  await expect(page.locator('.bw-earliest')).toBeVisible();
  await walk.check('date, the earliest free time');
  await page.route(/\/api\/v1\/book_times\//, (route) => route.fulfill({ json: { success: true, data: [], meta: [] } }));
  await page.locator('.bw-cal-day--free').nth(1).click();
  await onStep(page, STEPS.time);
  await expect(button(page, P.takeTime)).toBeVisible();
  await walk.check('time, a day without times');
  walk.expectAllMarked();
});

test('several appointments: the list, one named by an error, times hidden for overlapping: every text marked', async ({ page, demo }) => {
  const walk = new Walk(page);
  await open(page, DEMO.forms.newYork);
  await chooseService(page, "Women's haircut");
  await page.getByRole('button', { name: startsWith('Olivia Bennett') }).click();
  const day = await chooseFirstDay(page);
  await chooseFirstTime(page);
  await toConfirm(page);
  await button(page, pseudoOf('+ Add service')).click();
  await onStep(page, STEPS.service);
  await walk.check('service, a second appointment');
  await chooseService(page, 'Blow-dry & styling');
  await page.getByRole('button', { name: startsWith('Olivia Bennett') }).click();
  await page.locator(`[data-date="${day}"]`).click();
  await onStep(page, STEPS.time);
  // Olivia's first time is the first appointment's: not offered again, and the step says so.
  await expect(page.locator('.bw-step-time .bw-hint')).toBeVisible();
  await walk.check('time, overlapping times hidden');
  await page.locator('.bw-time').first().click();
  await onStep(page, STEPS.confirm);
  await walk.check('confirm, two appointments');
  await demo.fault({ endpoint: 'book_check', code: 437, appointmentId: 2, times: 1 });
  await button(page, P.signUp).click();
  await expect(page.locator('.bw-appointment--failed')).toBeVisible();
  await walk.check('confirm, the second appointment refused');
  walk.expectAllMarked();
});

test('the booking page: not found, too late to cancel online, already past, cancelling failed: every text marked', async ({ page, demo, browserHop }) => {
  await setClocks(page, demo, EARLY);
  const walk = new Walk(page);
  const booked = await demo.book(DEMO.locations.newYork, DEMO.services.mensHaircut, '+1 212 555 0177');
  const openBooking = (hash: string) =>
    page.goto(`/?form=${DEMO.forms.newYork}&location=${DEMO.locations.newYork}&record=${booked.recordId}&hash=${hash}&lang=${LANG}`);

  await openBooking('not-the-hash');
  await expect(page.getByRole('alert')).toBeVisible();
  await walk.check('booking page, not found');

  // Cancelling answered by a server error (on the browser's hop: the demo takes faults on reads and bookings).
  await openBooking(booked.hash);
  await browserHop.fault({ endpoint: 'user', method: 'DELETE', status: 500 });
  await button(page, P.cancel).click();
  await page.getByRole('group').getByRole('button', { name: P.cancel, exact: true }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await walk.check('booking page, cancelling failed');
  await page.unrouteAll();

  // An hour before the visit, then a day after it.
  await setClocks(page, demo, new Date(Date.parse(booked.datetime) - 60 * 60_000).toISOString());
  await openBooking(booked.hash);
  await expect(page.getByRole('alert')).toBeVisible();
  await walk.check('booking page, too late to cancel online');
  await setClocks(page, demo, new Date(Date.parse(booked.datetime) + 24 * 60 * 60_000).toISOString());
  await openBooking(booked.hash);
  await expect(page.locator('.bw-note')).toBeVisible();
  await walk.check('booking page, the visit is past');
  walk.expectAllMarked();
});

test('reaching the pseudo language needs asking for it: no form lists it', async ({ page }) => {
  await page.goto(`/?form=${DEMO.forms.newYork}`);
  await expect(heading(page)).toHaveText('Service selection');
  await expect(page.locator('.bw-lang option').first()).toBeAttached();
  await expect(page.locator(`.bw-lang option[value="${LANG}"]`)).toHaveCount(0);
});
