// How the booking form shapes the flow: a chain starts at the location, a hidden service step
// books its default service.
import { DEMO } from '../src/server/demo/seed';
import { expect, test } from './fixtures';

test('the chain form starts at the location step and each location leads to its own services', async ({ widget }) => {
  await widget.open(DEMO.forms.chain);
  await widget.expectStep('location');
  await expect(widget.page.getByRole('button', { name: 'Back', exact: true })).toHaveCount(0);

  await widget.chooseLocation('Lumen Studio Rīga');
  await expect(widget.service('Sieviešu matu griezums')).toBeVisible();
  await expect(widget.service("Women's haircut")).toHaveCount(0);

  await widget.back();
  await widget.expectStep('location');
  await widget.chooseLocation('Lumen Studio SoHo');
  await expect(widget.service("Women's haircut")).toBeVisible();
  await expect(widget.service('Sieviešu matu griezums')).toHaveCount(0);
});

test('a form with a hidden service step starts at the team member step and books the default service', async ({ widget, demo }) => {
  await widget.open(DEMO.forms.newYorkPresetService);
  await widget.expectStep('staff');
  await expect(widget.page.getByRole('button', { name: 'Back', exact: true })).toHaveCount(0);
  // Only members who offer the default service (women's haircut) are listed.
  await expect(widget.member('Olivia Bennett')).toBeVisible();
  await expect(widget.member('Marcus Reed')).toHaveCount(0);

  await widget.chooseMember('Sofia Alvarez');
  await widget.chooseFirstSlot();
  await widget.fillContact(); // this form requires the comment
  await expect(widget.region('confirm')).toContainText("Women's haircut");
  await widget.confirmButton().click();
  await widget.expectStep('success');

  const bookings = await demo.bookings();
  expect(bookings).toHaveLength(1);
  expect(bookings[0]).toMatchObject({ serviceIds: [DEMO.services.womensHaircut], staffId: DEMO.staff.sofia });
});
