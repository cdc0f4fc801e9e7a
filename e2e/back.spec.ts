// Going back to change nothing keeps every choice: the service stays checked, and the team
// member, day and time are still selected on the way forward.
import { DEMO } from '../src/server/demo/seed';
import { expect, test } from './fixtures';
import type { Booking } from './widget';

const MANICURE: Booking = { form: DEMO.forms.newYork, service: 'Gel manicure', member: 'Hannah Kim' };

test('going back to the service step keeps the service, team member, day and time', async ({ widget }) => {
  const { date, time } = await widget.reachContact(MANICURE);
  await widget.nameField().fill('Jane Carter');

  for (const step of ['time', 'date', 'staff', 'service'] as const) {
    await widget.back();
    await widget.expectStep(step);
  }
  await expect(widget.service('Gel manicure')).toBeChecked();
  await widget.continue();

  await widget.expectStep('staff');
  await expect(widget.member('Hannah Kim')).toHaveAttribute('aria-pressed', 'true');
  await widget.chooseMember('Hannah Kim');

  const day = widget.region('date').getByRole('gridcell', { selected: true });
  await expect(day).toHaveAttribute('data-date', date);
  await day.click();

  await widget.expectStep('time');
  const chosen = widget.region('time').getByRole('button', { name: time, exact: true });
  await expect(chosen).toHaveAttribute('aria-pressed', 'true');
  await chosen.click();

  await widget.expectStep('contact');
  await expect(widget.nameField()).toHaveValue('Jane Carter');
});

test('changing to a service the team member does not offer drops that member', async ({ widget }) => {
  await widget.reachDate(MANICURE);
  await widget.back();
  await widget.back();
  await widget.expectStep('service');

  await widget.service('Gel manicure').uncheck();
  await widget.chooseService('Brow shaping');
  await expect(widget.member('Grace Okafor')).toBeVisible();
  await expect(widget.member('Hannah Kim')).toHaveCount(0);
  await expect(widget.region('staff').getByRole('button', { pressed: true })).toHaveCount(0);
});
