// A visitor books from start to finish on the New York form, and the demo backend holds exactly
// the booking the widget offered and sent.
import { DEMO } from '../src/server/demo/seed';
import { expect, test } from './fixtures';
import { bookingBodyOf, isCall } from './traffic';
import { STEP } from './widget';

const HAIRCUT = "Women's haircut";
const OLIVIA = 'Olivia Bennett';

test('a booking through every step holds the chosen service, team member and slot unchanged', async ({ page, widget, traffic, demo }) => {
  await widget.open(DEMO.forms.newYork);
  await widget.expectStep('service');
  await widget.chooseService(HAIRCUT);
  await widget.chooseMember(OLIVIA);
  const { date, time } = await widget.chooseFirstSlot();
  await widget.fillContact();

  const summary = widget.region('confirm');
  await expect(summary).toContainText(HAIRCUT);
  await expect(summary).toContainText(OLIVIA);
  await expect(summary).toContainText(time);

  const sent = page.waitForRequest((r) => isCall(r, 'book_record', 'POST'));
  await widget.confirmButton().click();
  const body = bookingBodyOf(await sent);

  await widget.expectStep('success');
  const success = widget.region('success');
  await expect(success).toContainText(HAIRCUT); // what
  await expect(success).toContainText(OLIVIA); // with whom
  await expect(success).toContainText(time); // when
  await expect(success).toContainText('Lumen Studio SoHo'); // where
  await expect(success).toContainText('118 Prince Street');

  const [appointment] = body.appointments;
  const offered = await traffic.slotsOffered(DEMO.staff.olivia, date);
  expect(appointment?.datetime).toBe(offered[0]?.datetime);
  expect(appointment).toMatchObject({ services: [DEMO.services.womensHaircut], staff_id: DEMO.staff.olivia });

  const bookings = await demo.bookings();
  expect(bookings).toHaveLength(1);
  expect(bookings[0]).toMatchObject({
    locationId: DEMO.locations.newYork,
    serviceIds: [DEMO.services.womensHaircut],
    staffId: DEMO.staff.olivia,
    datetime: appointment?.datetime,
    fullname: body.fullname,
  });
});

test('a booking with any team member lands on a member who offers the service, named on success', async ({ widget, traffic, demo }) => {
  await widget.open(DEMO.forms.newYork);
  await widget.chooseService(HAIRCUT);
  const listed = await traffic.membersListed();
  await widget.chooseMember('Any available team member');
  await widget.chooseFirstSlot();
  await widget.fillContact();
  await expect(widget.region('confirm')).toContainText('Any available team member');
  await widget.confirmButton().click();
  await widget.expectStep('success');

  const bookings = await demo.bookings();
  expect(bookings).toHaveLength(1);
  const offering = listed.filter((m) => m.bookable).map((m) => m.id);
  expect(offering).toContain(bookings[0]!.staffId);
  const member = listed.find((m) => m.id === bookings[0]!.staffId)!;
  await expect(widget.region('success')).toContainText(member.name);
  await expect(widget.region('success')).not.toContainText('Any available team member');
});

test('a double click on confirm books exactly once', async ({ widget, traffic, demo }) => {
  await widget.reachConfirm({ form: DEMO.forms.newYork, service: "Men's haircut", member: 'Marcus Reed' });
  await widget.confirmButton().dblclick();
  await expect(widget.heading()).toHaveText(STEP.success);

  expect(traffic.count('book_record')).toBe(1);
  expect(await demo.bookings()).toHaveLength(1);
});
