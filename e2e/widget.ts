// The booking widget as a visitor sees it: one small group of moves per step, found by role and
// accessible name the way a screen reader user would find them.
import { expect, type Locator, type Page } from '@playwright/test';
import { DEMO } from '../src/server/demo/seed';
import type { Booked } from './demo-backend';

/** Step headings in English (the en-US resource). */
export const STEP = {
  location: 'Choose location',
  service: 'Service selection',
  staff: 'Choose a team member',
  date: 'Date picker',
  time: 'Pick a time',
  contact: 'Entering contact details',
  confirm: 'Confirmation',
  success: 'You have successfully signed up!',
} as const;
export type StepName = keyof typeof STEP;

export interface Visitor {
  name: string;
  phone: string;
  email: string;
  comment: string;
}

export const VISITOR: Visitor = {
  name: 'Jane Carter',
  phone: '+1 212 555 0123',
  email: 'jane.carter@example.com',
  comment: 'First visit, a little early is fine',
};

/** A visitor in Riga, with a Latvian mobile number. */
export const RIGA_VISITOR: Visitor = { ...VISITOR, phone: '+371 2612 3456' };

/** What a spec books: on which form, which service with whom, and who books it (VISITOR unless told). */
export interface Booking {
  form: number;
  service: string;
  member: string;
  visitor?: Visitor;
}

/** Riga confirms the phone with an SMS code. */
export const RIGA_MANICURE: Booking = { form: DEMO.forms.riga, service: 'Manikīrs ar gēllaku', member: 'Elīna Bērziņa', visitor: RIGA_VISITOR };

/** A name at the start of an accessible name: "Men's haircut" must not find "Women's haircut". */
function startingWith(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s|$)`);
}

export class BookingWidget {
  constructor(readonly page: Page) {}

  /** Opens the hosted page on a booking form, in English unless told otherwise. */
  async open(form: number, lang = 'en-US'): Promise<void> {
    await this.page.goto(`/?form=${form}&lang=${lang}`);
  }

  /** Opens a booking's own page (?record=&hash=), where the visitor sees or cancels it. */
  async openBooking(form: number, location: number, booked: Booked, lang = 'en-US'): Promise<void> {
    await this.page.goto(`/?form=${form}&location=${location}&record=${booked.recordId}&hash=${booked.hash}&lang=${lang}`);
  }

  /** Opens the form (one without a location step), chooses the service and the team member. */
  async reachDate({ form, service, member }: Booking): Promise<void> {
    await this.open(form);
    await this.chooseService(service);
    await this.chooseMember(member);
  }

  /** On to the contact step at the first free slot, which it returns. */
  async reachContact(booking: Booking): Promise<{ date: string; time: string }> {
    await this.reachDate(booking);
    return this.chooseFirstSlot();
  }

  /** On to the confirm step, the visitor's contact data filled in; returns the slot chosen. */
  async reachConfirm(booking: Booking): Promise<{ date: string; time: string }> {
    const slot = await this.reachContact(booking);
    await this.fillContact(booking.visitor);
    return slot;
  }

  /** The step's title: the hosted page's one h1. */
  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** The current step's content: a region named like the step's heading. */
  region(step: StepName): Locator {
    return this.page.getByRole('region', { name: STEP[step], exact: true });
  }

  async expectStep(step: StepName): Promise<void> {
    await expect(this.heading()).toHaveText(STEP[step]);
  }

  async back(): Promise<void> {
    await this.page.getByRole('button', { name: 'Back', exact: true }).click();
  }

  continueButton(): Locator {
    return this.page.getByRole('button', { name: 'Continue', exact: true });
  }

  async continue(): Promise<void> {
    await this.continueButton().click();
  }

  // Location
  location(title: string): Locator {
    return this.region('location').getByRole('button', { name: startingWith(title) });
  }

  async chooseLocation(title: string): Promise<void> {
    await this.location(title).click();
    await this.expectStep('service');
  }

  // Services
  service(title: string): Locator {
    return this.region('service').getByRole('checkbox', { name: startingWith(title) });
  }

  async chooseService(title: string): Promise<void> {
    await this.service(title).check();
    await this.continue();
    await this.expectStep('staff');
  }

  // Team member
  member(name: string): Locator {
    return this.region('staff').getByRole('button', { name: startingWith(name) });
  }

  anyMember(): Locator {
    return this.member('Any available team member');
  }

  async chooseMember(name: string): Promise<void> {
    await this.member(name).click();
    await this.expectStep('date');
  }

  // Date
  /** Days that can be chosen: named by their full date, not marked unavailable, in a grid done loading. */
  bookableDays(): Locator {
    return this.region('date').locator('[role="grid"]:not([aria-busy="true"])').getByRole('gridcell', { name: /\d{4}$/, disabled: false });
  }

  /** Moves the calendar one month on and waits for the new month's grid. */
  async showNextMonth(): Promise<void> {
    const grid = this.region('date').getByRole('grid');
    const shown = await grid.evaluate((el) => document.getElementById(el.getAttribute('aria-labelledby') ?? '')?.textContent ?? '');
    await this.region('date').getByRole('button', { name: 'Next month', exact: true }).click();
    await expect(grid).not.toHaveAccessibleName(shown);
  }

  /** Chooses the first bookable day shown and returns it as YYYY-MM-DD. */
  async chooseFirstBookableDay(): Promise<string> {
    const day = this.bookableDays().first();
    await expect(day).toBeVisible();
    const date = await day.getAttribute('data-date');
    await day.click();
    await this.expectStep('time');
    return date ?? '';
  }

  // Time
  times(): Locator {
    return this.region('time').getByRole('listitem').getByRole('button');
  }

  /** Chooses the first free time and returns its accessible name, e.g. "2:00 PM, Tuesday, November 24". */
  async chooseFirstTime(): Promise<string> {
    const time = this.times().first();
    await expect(time).toBeVisible();
    const label = (await time.getAttribute('aria-label')) ?? '';
    await time.click();
    await this.expectStep('contact');
    return label;
  }

  /** The first bookable day and its first free time. */
  async chooseFirstSlot(): Promise<{ date: string; time: string }> {
    const date = await this.chooseFirstBookableDay();
    const time = await this.chooseFirstTime();
    return { date, time };
  }

  // Contact
  nameField(): Locator {
    return this.page.getByRole('textbox', { name: 'Name', exact: true });
  }

  phoneField(): Locator {
    return this.page.getByRole('textbox', { name: 'Telephone', exact: true });
  }

  emailField(): Locator {
    return this.page.getByRole('textbox', { name: 'Email', exact: true });
  }

  /** The comment's label is the form's own ("Anything we should know?") or "A comment". */
  commentField(): Locator {
    return this.region('contact').getByRole('textbox').last();
  }

  async fillContact(visitor: Visitor = VISITOR): Promise<void> {
    await this.nameField().fill(visitor.name);
    await this.phoneField().fill(visitor.phone);
    await this.emailField().fill(visitor.email);
    await this.commentField().fill(visitor.comment);
    await this.continue();
    await this.expectStep('confirm');
  }

  // Confirm
  confirmButton(): Locator {
    return this.region('confirm').getByRole('button', { name: 'Sign up', exact: true });
  }

  codeField(): Locator {
    return this.page.getByRole('textbox', { name: 'The code', exact: true });
  }

  codeButton(): Locator {
    return this.region('confirm').getByRole('button', { name: 'Confirm', exact: true });
  }
}
