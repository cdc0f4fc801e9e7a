// After booking: the success screen shows the business's own record of each appointment, adds
// it to a calendar (.ics file and Google Calendar), shows the way there, links to the booking's
// page, and books again with the contact data kept.
import { readFile } from 'node:fs/promises';
import { DEMO, TEAM } from '../src/server/demo/seed';
import { expect, test } from './fixtures';
import { bookingBodyOf, isCall } from './traffic';
import { VISITOR } from './widget';

const SERVICE = "Men's haircut"; // 30 minutes

/** iCalendar content lines: unfolded, each as name, parameters and unescaped value. */
function icsLines(text: string): { name: string; params: string; value: string }[] {
  return text
    .replace(/\r\n[ \t]/g, '')
    .split(/\r\n/)
    .filter(Boolean)
    .map((line) => {
      const colon = line.indexOf(':');
      const [name = '', ...params] = line.slice(0, colon).split(';');
      const value = line.slice(colon + 1).replace(/\\([\\;,])/g, '$1').replace(/\\n/gi, '\n');
      return { name, params: params.join(';'), value };
    });
}

const stamp = (at: Date) => at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

test('the .ics file and the Google Calendar link hold the booked start, end, title and address', async ({ page, widget, demo }) => {
  await widget.reachConfirm({ form: DEMO.forms.newYork, service: SERVICE, member: 'Any available team member' });
  const sent = page.waitForRequest((r) => isCall(r, 'book_record', 'POST'));
  const readBack = page.waitForResponse((r) => /\/api\/v1\/book_record\/\d+\/\d+\/\w+$/.test(new URL(r.url()).pathname));
  await widget.confirmButton().click();
  const body = bookingBodyOf(await sent);
  expect((await readBack).ok()).toBe(true);
  await widget.expectStep('success');

  const [booking] = await demo.bookings();
  // "Any" was chosen: a member who offers the service was assigned, and the record names them.
  const member = TEAM.find((m) => m.id === booking?.staffId);
  expect(member?.serviceIds).toContain(DEMO.services.mensHaircut);
  const success = widget.region('success');
  await expect(success).toContainText(member!.name);
  await expect(success).toContainText(SERVICE);
  await expect(success).toContainText('118 Prince Street');

  const start = new Date(body.appointments[0]!.datetime);
  const end = new Date(start.getTime() + 30 * 60_000);

  const downloading = page.waitForEvent('download');
  await success.getByRole('button', { name: 'Add to calendar (.ics)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`booking-${booking!.recordId}.ics`);
  const lines = icsLines(await readFile((await download.path())!, 'utf8'));
  const field = (name: string) => lines.filter((l) => l.name === name).map((l) => l.value);
  expect(field('BEGIN')).toEqual(['VCALENDAR', 'VEVENT']);
  expect(field('DTSTART')).toEqual([stamp(start)]);
  expect(field('DTEND')).toEqual([stamp(end)]);
  expect(field('SUMMARY')[0]).toBe(`${SERVICE}, Lumen Studio SoHo`);
  expect(field('LOCATION')[0]).toBe('Lumen Studio SoHo, 118 Prince Street, New York, NY');
  expect(field('UID')[0]).toBe(`${booking!.recordId}.${DEMO.locations.newYork}@booking-widget`);
  expect(field('DESCRIPTION')[0]).toContain('Telephone: +1 212 555 0142');

  const google = new URL((await success.getByRole('link', { name: 'Add to google calendar' }).getAttribute('href'))!);
  expect(google.origin + google.pathname).toBe('https://calendar.google.com/calendar/render');
  expect(google.searchParams.get('action')).toBe('TEMPLATE');
  expect(google.searchParams.get('dates')).toBe(`${stamp(start)}/${stamp(end)}`);
  expect(google.searchParams.get('text')).toBe(`${SERVICE}, Lumen Studio SoHo`);
  expect(google.searchParams.get('location')).toBe('Lumen Studio SoHo, 118 Prince Street, New York, NY');

  const directions = new URL((await success.getByRole('link', { name: 'Directions' }).getAttribute('href'))!);
  expect(directions.searchParams.get('destination')).toBe('40.7251,-73.9991');

  const manage = new URL((await success.getByRole('link', { name: 'View or cancel this booking' }).getAttribute('href'))!);
  expect(Object.fromEntries(manage.searchParams)).toMatchObject({
    form: String(DEMO.forms.newYork),
    location: String(DEMO.locations.newYork),
    record: String(booking!.recordId),
    hash: booking!.recordHash,
  });
});

test('book again starts over with the contact data kept', async ({ widget }) => {
  await widget.reachConfirm({ form: DEMO.forms.newYork, service: SERVICE, member: 'Marcus Reed' });
  await widget.confirmButton().click();
  await widget.expectStep('success');

  await widget.region('success').getByRole('button', { name: 'Sign up more' }).click();
  await widget.expectStep('service');
  await widget.chooseService("Kids' haircut (under 12)");
  await widget.chooseMember('Marcus Reed');
  await widget.chooseFirstSlot();
  await expect(widget.nameField()).toHaveValue(VISITOR.name);
  await expect(widget.phoneField()).toHaveValue(VISITOR.phone);
  await expect(widget.emailField()).toHaveValue(VISITOR.email);
});
