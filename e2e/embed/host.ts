// The host page's side of an embed: every event it received (public/demo/events.js records them
// in window.hostEvents), and every CSP violation or console error on the page.
import { expect, type Page } from '@playwright/test';
import type { WidgetEventName, WidgetEvents } from '../../src/protocol';

export interface HostEvent<E extends WidgetEventName = WidgetEventName> {
  ns: string;
  event: E;
  payload: WidgetEvents[E];
}

export async function hostEvents(page: Page): Promise<HostEvent[]> {
  return page.evaluate(() => (window as unknown as { hostEvents: HostEvent[] }).hostEvents);
}

/** The events' names in order, for one namespace. */
export async function eventNames(page: Page, ns = 'default'): Promise<string[]> {
  return (await hostEvents(page)).filter((e) => e.ns === ns).map((e) => e.event);
}

/** Waits until the host has received `event` (in `ns`), and returns its payload. */
export async function waitForEvent<E extends WidgetEventName>(page: Page, event: E, ns = 'default'): Promise<WidgetEvents[E]> {
  await expect.poll(async () => (await hostEvents(page)).some((e) => e.ns === ns && e.event === event)).toBe(true);
  const found = (await hostEvents(page)).find((e) => e.ns === ns && e.event === event)!;
  return found.payload as WidgetEvents[E];
}

/** Starts collecting CSP violations (from the page and its frames) and console errors. */
export async function watchProblems(page: Page): Promise<{ violations: string[]; errors: string[] }> {
  const problems = { violations: [] as string[], errors: [] as string[] };
  await page.exposeFunction('reportCspViolation', (text: string) => problems.violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (e) => (window as unknown as { reportCspViolation(t: string): void }).reportCspViolation(`${e.violatedDirective} ${e.blockedURI}`),
      true,
    );
  });
  page.on('console', (m) => {
    if (m.type() === 'error') problems.errors.push(m.text());
  });
  page.on('pageerror', (e) => problems.errors.push(e.message));
  return problems;
}
