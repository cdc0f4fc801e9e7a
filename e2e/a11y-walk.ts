// A booking walked step by step, whatever steps the form has: at each one `atStep` runs once the
// step's content is on screen, then the visitor's move for that step is made. Steps are told by
// the widget's `data-step`, and moves use roles and the language's own words, so the walk works
// in any language and covers new steps as soon as they have a move here.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import type enJson from '../src/server/demo/locales/en-US.json';
import { DEMO_SMS_CODE } from '../src/server/demo/seed';
import { VISITOR } from './widget';

type Resource = typeof enJson;
export const resource = (code: string) =>
  JSON.parse(readFileSync(new URL(`../src/server/demo/locales/${code}.json`, import.meta.url), 'utf8')) as Resource;

/** The widget's root: the hosted page, a host page's shadow root, or the dialog (Playwright pierces open shadow roots). */
export type WidgetRoot = Page | Locator;

export const stepOf = (root: WidgetRoot) => root.locator('.bw-root[data-step]').first().getAttribute('data-step');

interface Move {
  /** What shows the step is ready for the visitor. */
  ready(root: WidgetRoot, words: Resource): Locator;
  /** The visitor's move; a screen within the step (the SMS code) is shown to `atStep` too. */
  act(root: WidgetRoot, words: Resource, atStep: (step: string) => Promise<void>): Promise<void>;
}

const continueButton = (root: WidgetRoot, words: Resource) =>
  root.getByRole('button', { name: words.button.continue, exact: true });

/** A day that can be chosen: named (padding cells are not), not marked unavailable, its month loaded. */
const bookableDay = (root: WidgetRoot) =>
  root.locator('[role="grid"]:not([aria-busy="true"])').getByRole('gridcell', { name: /\S/, disabled: false }).first();

const MOVES: Record<string, Move> = {
  location: {
    ready: (root) => root.locator('.bw-step').getByRole('button').first(),
    act: async (root) => root.locator('.bw-step').getByRole('button').first().click(),
  },
  service: {
    ready: (root) => root.getByRole('checkbox').first(),
    act: async (root, words) => {
      await root.getByRole('checkbox').first().check();
      await continueButton(root, words).click();
    },
  },
  staff: {
    ready: (root) => root.locator('.bw-step').getByRole('button', { disabled: false }).first(),
    act: async (root) => root.locator('.bw-step').getByRole('button', { disabled: false }).first().click(),
  },
  date: {
    ready: (root) => bookableDay(root),
    act: async (root) => bookableDay(root).click(),
  },
  time: {
    ready: (root) => root.locator('.bw-step').getByRole('listitem').getByRole('button').first(),
    act: async (root) => root.locator('.bw-step').getByRole('listitem').getByRole('button').first().click(),
  },
  contact: {
    ready: (root, words) => root.getByRole('textbox', { name: words.confirm.first_name }),
    act: async (root, words) => {
      const boxes = root.locator('.bw-step').getByRole('textbox');
      const values = [VISITOR.name, VISITOR.phone, VISITOR.email, VISITOR.comment];
      for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).fill(values[i] ?? VISITOR.comment);
      // Consents a form may ask for (privacy policy and the like).
      const unchecked = root.locator('.bw-step').getByRole('checkbox', { checked: false });
      for (let i = await unchecked.count(); i > 0; i--) await unchecked.first().check();
      await continueButton(root, words).click();
    },
  },
  confirm: {
    ready: (root, words) => root.getByRole('button', { name: words.confirm.confirm, exact: true }),
    act: async (root, words, atStep) => {
      await root.getByRole('button', { name: words.confirm.confirm, exact: true }).click();
      // A location that confirms phones by SMS asks for the code first.
      const code = root.getByRole('textbox', { name: words['user-data-form']['phone-code'], exact: true });
      await expect(code.or(root.locator('.bw-root[data-step="success"]'))).toBeVisible();
      if (!(await code.isVisible())) return;
      await atStep('confirm: SMS code');
      await code.fill(DEMO_SMS_CODE);
      await root.getByRole('button', { name: words.confirm.phone_confirm_button, exact: true }).click();
    },
  },
};

/**
 * Walks from the step on screen to the success screen, calling `atStep` on each step (success and
 * the SMS code included); returns the steps seen.
 */
export async function walkBooking(root: WidgetRoot, lang: string, atStep: (step: string) => Promise<void>): Promise<string[]> {
  const words = resource(lang);
  const seen: string[] = [];
  const visit = async (step: string) => {
    seen.push(step);
    await atStep(step);
  };
  for (let guard = 0; guard < 12; guard++) {
    await expect(root.locator('.bw-root[data-step]').first()).toBeVisible();
    const step = (await stepOf(root)) ?? '';
    const move = MOVES[step];
    if (step !== 'success') {
      expect(move, `a move for the "${step}" step`).toBeTruthy();
      await expect(move!.ready(root, words)).toBeVisible();
    }
    await visit(step);
    if (step === 'success') return seen;
    await move!.act(root, words, visit);
    await expect.poll(() => stepOf(root), { message: `leaving the ${step} step` }).not.toBe(step);
  }
  throw new Error(`No success screen after ${seen.join(' → ')}`);
}

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe's WCAG 2.2 AA violations on the page (open shadow roots included): one line per rule, with its first element. */
export async function axeViolations(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(WCAG_TAGS);
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  return violations.map((v) => {
    const [first] = v.nodes;
    const why = first?.failureSummary?.split('\n').slice(1).join(' ').trim() || v.help;
    return `${v.id} ×${v.nodes.length}: ${first?.target.join(' ') ?? ''}: ${why}`;
  });
}

/**
 * Holds the answers to the widget's API reads (GET) of the endpoints named (`book_staff`,
 * `bookform`…) until they are let go, so a loading state stays on screen for as long as a check
 * takes, however busy the machine is.
 */
export async function holdAnswers(page: Page) {
  const held = new Map<string, { gate: Promise<void>; open: () => void }>();
  await page.route('**/api/v1/**', async (route) => {
    const endpoint = new URL(route.request().url()).pathname.split('/api/v1/')[1]?.split('/')[0] ?? '';
    if (route.request().method() === 'GET') await held.get(endpoint)?.gate;
    await route.fallback();
  });
  return {
    hold(...endpoints: string[]) {
      for (const endpoint of endpoints) {
        let open = () => {};
        const gate = new Promise<void>((resolve) => (open = resolve));
        held.set(endpoint, { gate, open });
      }
    },
    letGo(...endpoints: string[]) {
      for (const endpoint of endpoints.length ? endpoints : [...held.keys()]) {
        held.get(endpoint)?.open();
        held.delete(endpoint);
      }
    },
  };
}
