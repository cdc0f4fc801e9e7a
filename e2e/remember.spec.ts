// Nothing lost: a reload on any step comes back to that step with the choices and typed contact
// data (never the SMS code); the browser's back and forward buttons move between steps.
import { DEMO } from '../src/server/demo/seed';
import { expect, test } from './fixtures';
import { BookingWidget, RIGA_MANICURE, VISITOR } from './widget';

test('a reload on every step keeps the step, the choices and the typed contact data', async ({ page, widget }) => {
  // Seven page loads in one test: twice the usual time, so a busy machine's slow loads do not end it.
  test.setTimeout(60_000);
  await widget.open(DEMO.forms.newYork);
  await widget.service('Express facial').check();
  await page.reload();
  await widget.expectStep('service');
  await expect(widget.service('Express facial')).toBeChecked();

  await widget.continue();
  await widget.expectStep('staff');
  await page.reload();
  await widget.expectStep('staff');

  await widget.chooseMember('Grace Okafor');
  await page.reload();
  await widget.expectStep('date');

  await widget.chooseFirstBookableDay();
  await page.reload();
  await widget.expectStep('time');

  const time = await widget.chooseFirstTime();
  await widget.nameField().fill(VISITOR.name);
  await widget.emailField().fill(VISITOR.email);
  await page.reload();
  await widget.expectStep('contact');
  await expect(widget.nameField()).toHaveValue(VISITOR.name);
  await expect(widget.emailField()).toHaveValue(VISITOR.email);

  await widget.phoneField().fill(VISITOR.phone);
  await widget.commentField().fill(VISITOR.comment);
  await widget.continue();
  await widget.expectStep('confirm');
  await page.reload();
  await widget.expectStep('confirm');
  const summary = widget.region('confirm');
  await expect(summary).toContainText('Express facial');
  await expect(summary).toContainText('Grace Okafor');
  await expect(summary).toContainText(time);

  await widget.confirmButton().click();
  await widget.expectStep('success');
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('booking-widget')))).toEqual([]);
});

test('closing the tab at the contact step and opening the link again keeps everything, for 30 minutes', async ({ page, context, widget }) => {
  await widget.reachDate({ form: DEMO.forms.newYork, service: 'Express facial', member: 'Grace Okafor' });
  await widget.chooseFirstBookableDay();
  await widget.chooseFirstTime();
  await widget.nameField().fill(VISITOR.name);
  await widget.phoneField().fill(VISITOR.phone);
  await widget.phoneField().blur();
  await page.close();

  const again = new BookingWidget(await context.newPage());
  await again.open(DEMO.forms.newYork);
  await again.expectStep('contact');
  await expect(again.nameField()).toHaveValue(VISITOR.name);
  await expect(again.phoneField()).toHaveValue(/212 555/);

  // Half an hour later (the entry's time moved back 31 minutes), a new visit starts afresh.
  await again.page.evaluate(() => {
    for (const key of Object.keys(localStorage).filter((k) => k.startsWith('booking-widget:form:'))) {
      const saved = JSON.parse(localStorage.getItem(key)!);
      localStorage.setItem(key, JSON.stringify({ ...saved, savedAt: saved.savedAt - 31 * 60_000 }));
    }
  });
  await again.page.close();
  const later = new BookingWidget(await context.newPage());
  await later.open(DEMO.forms.newYork);
  await later.expectStep('service');
  await expect(later.service('Express facial')).not.toBeChecked();
  expect(await later.page.evaluate(() => JSON.stringify(localStorage))).not.toContain(VISITOR.name);
});

test('the SMS code is never kept: after a reload it is asked for again', async ({ page, widget }) => {
  await widget.reachConfirm(RIGA_MANICURE);
  await widget.confirmButton().click();
  await widget.codeField().fill(DEMO.smsCode);
  const stored = await page.evaluate(() => JSON.stringify(localStorage));
  expect(stored).toContain(VISITOR.name);
  expect(stored).not.toContain(`"${DEMO.smsCode}"`);

  await page.reload();
  await widget.expectStep('confirm');
  await expect(widget.codeField()).toHaveCount(0);
  await expect(widget.confirmButton()).toBeVisible();
});

test("the browser's back and forward buttons move between steps, keeping the choices", async ({ page, widget }) => {
  await widget.reachDate({ form: DEMO.forms.newYork, service: 'Express facial', member: 'Grace Okafor' });
  await widget.chooseFirstBookableDay();

  await page.goBack();
  await widget.expectStep('date');
  await page.goBack();
  await widget.expectStep('staff');
  await expect(widget.member('Grace Okafor')).toHaveAttribute('aria-pressed', 'true');
  await page.goForward();
  await widget.expectStep('date');
  await page.goForward();
  await widget.expectStep('time');
  await expect(widget.times().first()).toBeVisible();
});
