// Several appointments in one booking: a visitor adds a second appointment on the confirm step,
// books both in one go and the demo backend holds two records; a clash (437) is shown on the
// appointment the booking service names, and changing that one books both.
import { DEMO } from '../src/server/demo/seed';
import { expect, test } from './fixtures';
import { bookingBodyOf, isCall } from './traffic';
import type { BookingWidget } from './widget';

const HAIRCUT = "Women's haircut";
const OLIVIA = 'Olivia Bennett';
const MANICURE = 'Gel manicure';
const HANNAH = 'Hannah Kim';

/** Haircut with Olivia, then "+ Add service": a manicure with Hannah at her first free time. */
async function twoAppointments(widget: BookingWidget) {
  const first = await widget.reachConfirm({ form: DEMO.forms.newYork, service: HAIRCUT, member: OLIVIA });

  await widget.region('confirm').getByRole('button', { name: '+ Add service' }).click();
  await widget.expectStep('service');
  await widget.chooseService(MANICURE);
  await widget.chooseMember(HANNAH);
  await widget.chooseFirstBookableDay();
  await widget.times().first().click();
  // The contact data is already there: straight back to confirm.
  await widget.expectStep('confirm');
  return first;
}

const appointments = (widget: BookingWidget) => widget.region('confirm').getByRole('listitem', { name: /^Appointment \d$/ });

test('a two-appointment booking: both listed, sent in one request, two records made', async ({ page, widget, demo }) => {
  await twoAppointments(widget);
  const list = appointments(widget);
  await expect(list).toHaveCount(2);
  await expect(list.nth(0)).toContainText(HAIRCUT);
  await expect(list.nth(0)).toContainText(OLIVIA);
  await expect(list.nth(1)).toContainText(MANICURE);
  await expect(list.nth(1)).toContainText(HANNAH);
  await expect(list.nth(1).getByRole('button', { name: new RegExp(`^Remove ${MANICURE}, `) })).toBeVisible();

  const sent = page.waitForRequest((r) => isCall(r, 'book_record', 'POST'));
  await widget.confirmButton().click();
  const body = bookingBodyOf(await sent);
  await widget.expectStep('success');

  expect(body.appointments.map((a) => [a.id, a.services, a.staff_id])).toEqual([
    [1, [DEMO.services.womensHaircut], DEMO.staff.olivia],
    [2, [DEMO.services.gelManicure], DEMO.staff.hannah],
  ]);
  const bookings = await demo.bookings();
  expect(bookings.map((b) => [b.serviceIds, b.staffId, b.datetime])).toEqual(body.appointments.map((a) => [a.services, a.staff_id, a.datetime]));
  expect(new Set(bookings.map((b) => b.recordId)).size).toBe(2);
  await expect(widget.region('success')).toContainText(HAIRCUT);
  await expect(widget.region('success')).toContainText(MANICURE);
});

test('a clash (437) is shown on the appointment it names; changing that one books both', async ({ widget, demo }) => {
  await twoAppointments(widget);
  // The widget never offers overlapping times, so the booking service's refusal is forced here.
  await demo.fault({ endpoint: 'book_check', code: 437, appointmentId: 2, times: 1 });
  await widget.confirmButton().click();

  const [first, second] = [appointments(widget).nth(0), appointments(widget).nth(1)];
  await expect(second.getByRole('alert')).toContainText('Time overlap with another visit');
  await expect(first.getByRole('alert')).toHaveCount(0);
  await widget.expectStep('confirm');

  await second.getByRole('button', { name: new RegExp(`^Edit Appointment: ${MANICURE}, `) }).click();
  await widget.expectStep('time');
  await expect(widget.region('time').getByRole('alert')).toContainText('Time overlap with another visit');
  await widget.times().nth(1).click();
  await widget.expectStep('confirm');
  await expect(appointments(widget)).toHaveCount(2);
  await expect(widget.region('confirm').getByRole('alert')).toHaveCount(0);

  await widget.confirmButton().click();
  await widget.expectStep('success');
  expect((await demo.bookings()).map((b) => b.staffId)).toEqual([DEMO.staff.olivia, DEMO.staff.hannah]);
});

test('a second appointment is not offered times overlapping the first, and back drops it', async ({ widget, traffic }) => {
  const first = await twoAppointments(widget);
  const taken = (await traffic.slotsOffered(DEMO.staff.olivia, first.date))[0]!;
  await appointments(widget).nth(1).getByRole('button', { name: /^Remove / }).click();
  await expect(appointments(widget)).toHaveCount(0);
  await expect(widget.region('confirm').getByRole('button', { name: '+ Add service' })).toBeFocused();

  await widget.region('confirm').getByRole('button', { name: '+ Add service' }).click();
  await widget.chooseService('Blow-dry');
  await widget.chooseMember(OLIVIA);
  await widget.region('date').locator(`[data-date="${first.date}"]`).click();
  await widget.expectStep('time');
  await expect(widget.region('time')).toContainText('Times that overlap your other appointments are not shown.');
  await expect(widget.times().first()).toBeVisible();
  await expect(widget.region('time').getByRole('button', { name: first.time, exact: true })).toHaveCount(0);
  // The booking service offered it: it knows nothing of an appointment not yet booked.
  expect((await traffic.slotsOffered(DEMO.staff.olivia, first.date)).map((s) => s.datetime)).toContain(taken.datetime);

  // Back, step by step, to the new appointment's first step and once more: the list as it was.
  for (const step of ['date', 'staff', 'service'] as const) {
    await widget.back();
    await widget.expectStep(step);
  }
  await widget.back();
  await widget.expectStep('confirm');
  await expect(widget.region('confirm')).toContainText(HAIRCUT);
  await expect(appointments(widget)).toHaveCount(0);
});
