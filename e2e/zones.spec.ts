// Visitors in Honolulu, on Kiritimati and in Riga book the New York location in the week New York
// moves its clocks forward (Sunday 14 March 2027). Times are the location's; each visitor also
// sees their own clock; the slot shown, the slot sent and the success screen agree.
import { DEMO } from '../src/server/demo/seed';
import { expect, test } from './fixtures';
import { bookingBodyOf, isCall } from './traffic';
import { setClocks } from './visitor-clock';

/** Tuesday of that week, 09:00 in New York. */
const NOW = '2027-03-09T14:00:00Z';
const HAIRCUT = "Women's haircut";
const SOFIA = 'Sofia Alvarez'; // works Saturdays and Sundays

// Offsets written out rather than asked of Intl, so the test does not share the widget's maths.
// None of these zones changes its clocks that week.
const VISITORS = [
  { zone: 'Pacific/Honolulu', offset: -10, abbr: 'HST' },
  { zone: 'Pacific/Kiritimati', offset: 14, abbr: 'GMT+14' },
  { zone: 'Europe/Riga', offset: 2, abbr: 'GMT+2' },
];
const DAYS = [
  { date: '2027-03-13', name: 'Saturday, March 13, 2027', abbr: 'EST', offset: '-05:00' },
  { date: '2027-03-14', name: 'Sunday, March 14, 2027', abbr: 'EDT', offset: '-04:00' },
];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "2027-03-14T11:00:00-04:00" → its wall clock and instant. */
function parseSlot(datetime: string) {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):\d{2}(?:\.\d+)?([+-]\d{2}):?(\d{2})$/.exec(datetime);
  if (!m) throw new Error(`unexpected datetime ${datetime}`);
  const [, date, h, min, oh, om] = m;
  const offset = `${oh}:${om}`;
  const sign = oh!.startsWith('-') ? -1 : 1;
  const utc = Date.parse(`${date}T${h}:${min}:00Z`) - sign * (Math.abs(Number(oh)) * 60 + Number(om)) * 60_000;
  return { date: date!, hour: Number(h), minute: Number(min), offset, utc };
}

const clock = (h: number, m: number) => `${h % 12 || 12}:${String(m).padStart(2, '0')} ${h < 12 ? 'AM' : 'PM'}`;

/** The visitor's wall time, with the weekday when it is another day than the location's. */
function visitorTime(utc: number, hours: number, locationDate: string): string {
  const d = new Date(utc + hours * 3_600_000);
  const time = clock(d.getUTCHours(), d.getUTCMinutes());
  return d.toISOString().slice(0, 10) === locationDate ? time : `${WEEKDAYS[d.getUTCDay()]} ${time}`;
}

for (const visitor of VISITORS) {
  test.describe(`a visitor in ${visitor.zone}`, () => {
    test.use({ timezoneId: visitor.zone });

    for (const day of DAYS) {
      test(`books New York on ${day.name} (${day.abbr}): shown, sent and confirmed alike`, async ({ page, widget, traffic, demo }) => {
        await setClocks(page, demo, NOW);
        await widget.reachDate({ form: DEMO.forms.newYork, service: HAIRCUT, member: SOFIA });
        await widget.region('date').locator(`[data-date="${day.date}"]`).click();
        await widget.expectStep('time');
        await expect(widget.times().first()).toBeVisible();

        const [offered] = await traffic.slotsOffered(DEMO.staff.sofia, day.date);
        const slot = parseSlot(offered!.datetime);
        expect(slot.offset).toBe(day.offset);
        const at = clock(slot.hour, slot.minute);
        const yours = visitorTime(slot.utc, visitor.offset, day.date);

        // Shown: the location's time, its zone named, the visitor's own time beside it.
        const first = widget.times().first();
        await expect(first).toHaveAccessibleName(`${day.name} at ${at}`);
        await expect(first).toHaveAccessibleDescription(`${yours} your time`);
        await expect(widget.region('time')).toContainText(
          `Times are shown in the location’s time: Eastern Time (${day.abbr}). ${at} there is ${yours} your time (${visitor.abbr}).`,
        );

        await first.click();
        await widget.expectStep('contact');
        await widget.fillContact();
        const when = `${day.name} at ${at} (${day.abbr})`;
        await expect(widget.region('confirm')).toContainText(when);
        await expect(widget.region('confirm')).toContainText(`${yours} (${visitor.abbr}) your time`);

        // Sent: the slot's own datetime, unchanged, to both book_check and book_record.
        const checked = page.waitForRequest((r) => isCall(r, 'book_check', 'POST'));
        const recorded = page.waitForRequest((r) => isCall(r, 'book_record', 'POST'));
        await widget.confirmButton().click();
        expect(bookingBodyOf(await checked).appointments[0]?.datetime).toBe(offered!.datetime);
        expect(bookingBodyOf(await recorded).appointments[0]?.datetime).toBe(offered!.datetime);

        // Confirmed: the success screen and the stored booking say the same.
        await widget.expectStep('success');
        await expect(widget.region('success')).toContainText(when);
        await expect(widget.region('success')).toContainText(`${yours} (${visitor.abbr}) your time`);
        const [booking] = await demo.bookings();
        expect(booking?.datetime).toBe(offered!.datetime);
      });
    }
  });
}
