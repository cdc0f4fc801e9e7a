// Booking through the widget wherever it lives: the hosted page, a shadow root on a host page
// (Playwright's locators pierce open shadow roots) or an iframe (a FrameLocator). The moves are
// the ones a visitor makes, found by role and name.
import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';
import { STEP, VISITOR, type StepName } from '../widget';

export type WidgetRoot = Page | FrameLocator | Locator;

export const HAIRCUT = "Women's haircut";
export const OLIVIA = 'Olivia Bennett';

export function region(root: WidgetRoot, step: StepName): Locator {
  return root.getByRole('region', { name: STEP[step], exact: true });
}

/** The step's title: h1 on the hosted page, h2 in an embed (e2e/a11y-structure.spec.ts checks which). */
export async function expectStep(root: WidgetRoot, step: StepName): Promise<void> {
  await expect(root.getByRole('heading', { name: STEP[step], exact: true })).toBeVisible();
}

type AtEachStep = (step: StepName) => Promise<void>;

/**
 * Books on the New York form (service → team member → date → time → contact → confirm).
 * `atEachStep` runs once every step is on screen, e.g. to check the frame's scroll bar.
 */
export async function bookOnNewYorkForm(root: WidgetRoot, atEachStep: AtEachStep = async () => {}): Promise<void> {
  await walkToContact(root, atEachStep);
  await root.getByRole('textbox', { name: 'Name', exact: true }).fill(VISITOR.name);
  await root.getByRole('textbox', { name: 'Telephone', exact: true }).fill(VISITOR.phone);
  await root.getByRole('textbox', { name: 'Email', exact: true }).fill(VISITOR.email);
  await region(root, 'contact').getByRole('textbox').last().fill(VISITOR.comment);
  await root.getByRole('button', { name: 'Continue', exact: true }).click();

  await expectStep(root, 'confirm');
  await atEachStep('confirm');
  await region(root, 'confirm').getByRole('button', { name: 'Sign up', exact: true }).click();
  await expectStep(root, 'success');
  await atEachStep('success');
}

/** The New York form from its service step to the contact step, a haircut with Olivia at the first free time. */
export async function walkToContact(root: WidgetRoot, atEachStep: AtEachStep = async () => {}): Promise<void> {
  await expectStep(root, 'service');
  await atEachStep('service');
  await region(root, 'service').getByRole('checkbox', { name: new RegExp(`^${HAIRCUT}`) }).check();
  await root.getByRole('button', { name: 'Continue', exact: true }).click();

  await expectStep(root, 'staff');
  await atEachStep('staff');
  await region(root, 'staff').getByRole('button', { name: new RegExp(`^${OLIVIA}`) }).click();

  await expectStep(root, 'date');
  const day = region(root, 'date').locator('[role="grid"]:not([aria-busy="true"])').getByRole('gridcell', { name: /\d{4}$/, disabled: false }).first();
  await expect(day).toBeVisible();
  await atEachStep('date');
  await day.click();

  await expectStep(root, 'time');
  const time = region(root, 'time').getByRole('listitem').getByRole('button').first();
  await expect(time).toBeVisible();
  await atEachStep('time');
  await time.click();

  await expectStep(root, 'contact');
  await atEachStep('contact');
}
