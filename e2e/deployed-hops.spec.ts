// Faults on both hops of the deployed topology (project `deployed` only): `demo.fault` is armed on
// the upstream behind the proxy, `browserHop.fault` between the browser and the proxy. A read the
// proxy can retry is ridden out; a booking whose answer is lost, wherever and however, leaves the
// backend with exactly the one booking the visitor meant, and the visitor is told nothing untrue.
import { DEMO } from '../src/server/demo/seed';
import type { HopFault } from './browser-hop';
import type { Fault } from './demo-backend';
import { expect, test } from './fixtures';
import { isCall } from './traffic';
import type { Booking, BookingWidget } from './widget';

const FACIAL: Booking = { form: DEMO.forms.newYork, service: 'Express facial', member: 'Grace Okafor' };
const RETRY_BOX = 'We could not reach the booking service';
/** Said only when the booking is known not to exist. */
const NOT_MADE = 'Your booking was not made';
/** Said of someone else's booking: never true of the visitor's own. */
const TAKEN = 'Someone has just taken this time';

test('a read failing twice upstream is ridden out by the proxy: the visitor sees nothing of it', async ({ page, widget, demo }) => {
  await demo.fault({ endpoint: 'book_staff', status: 503, times: 2 });
  const answers: number[] = [];
  page.on('response', (r) => isCall(r, 'book_staff') && answers.push(r.status()));
  await widget.open(DEMO.forms.newYork);
  await widget.chooseService('Express facial');
  await expect(widget.member('Grace Okafor')).toBeVisible();
  expect(answers).toEqual([200]);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a read failing upstream on every attempt: the inline error, and its retry button recovers', async ({ page, widget, demo }) => {
  await demo.fault({ endpoint: 'book_staff', status: 500 });
  await widget.open(DEMO.forms.newYork);
  await widget.chooseService('Express facial');
  const box = page.getByRole('alert').filter({ hasText: RETRY_BOX });
  await expect(box).toBeVisible();
  await demo.clearFaults();
  await box.getByRole('button', { name: 'Try again' }).click();
  await expect(widget.member('Grace Okafor')).toBeVisible();
});

/**
 * Presses Sign up, then again whenever the widget offers it, as a visitor would (at most three
 * presses); returns every notice shown on the way.
 */
async function pressUntilSettled(widget: BookingWidget): Promise<string[]> {
  const notices: string[] = [];
  const notice = widget.region('confirm').getByRole('alert');
  for (let press = 0; press < 3; press++) {
    await widget.confirmButton().click();
    const success = widget.page.getByRole('heading', { level: 1, name: 'You have successfully signed up!' });
    await expect(success.or(notice)).toBeVisible({ timeout: 20_000 });
    if (await success.isVisible()) break;
    notices.push(await notice.innerText());
    if (!(await widget.confirmButton().isVisible())) break;
  }
  return notices;
}

interface LostAnswer {
  name: string;
  arm(hops: { demo: { fault(f: Fault): Promise<void> }; browserHop: { fault(f: HopFault): Promise<void> } }): Promise<void>;
  /** Whether the booking reached the backend with the first press. */
  made: boolean;
}

const LOST: LostAnswer[] = [
  { name: 'upstream: the connection drops after the booking was made', made: true, arm: ({ demo }) => demo.fault({ endpoint: 'book_record', drop: 'after', times: 1 }) },
  { name: 'upstream: the answer is cut off mid-body', made: true, arm: ({ demo }) => demo.fault({ endpoint: 'book_record', malformed: true, times: 1 }) },
  { name: "upstream: the answer arrives after the proxy's timeout", made: true, arm: ({ demo }) => demo.fault({ endpoint: 'book_record', delayAfterMs: 4000, times: 1 }) },
  { name: 'upstream: a 200 HTML page after the booking was made', made: true, arm: ({ demo }) => demo.fault({ endpoint: 'book_record', html: 'after', times: 1 }) },
  { name: 'upstream: a 502 HTML page after the booking was made', made: true, arm: ({ demo }) => demo.fault({ endpoint: 'book_record', html: 'after', status: 502, times: 1 }) },
  { name: 'upstream: the connection drops before the booking arrived', made: false, arm: ({ demo }) => demo.fault({ endpoint: 'book_record', drop: 'before', times: 1 }) },
  { name: 'upstream: a 502 HTML page before the booking arrived', made: false, arm: ({ demo }) => demo.fault({ endpoint: 'book_record', html: 'before', status: 502, times: 1 }) },
  { name: 'browser: the connection drops after the proxy booked', made: true, arm: ({ browserHop }) => browserHop.fault({ endpoint: 'book_record', drop: 'after', times: 1 }) },
  { name: "browser: the proxy's answer is cut off mid-body", made: true, arm: ({ browserHop }) => browserHop.fault({ endpoint: 'book_record', malformed: true, times: 1 }) },
  { name: 'browser: a 200 HTML page after the proxy booked', made: true, arm: ({ browserHop }) => browserHop.fault({ endpoint: 'book_record', html: 'after', times: 1 }) },
  { name: 'browser: the request never reaches the proxy', made: false, arm: ({ browserHop }) => browserHop.fault({ endpoint: 'book_record', drop: 'before', times: 1 }) },
];

for (const lost of LOST) {
  test(`${lost.name}: one booking, and nothing untrue said`, async ({ widget, demo, browserHop }) => {
    await widget.reachConfirm(FACIAL);
    await lost.arm({ demo, browserHop });
    const notices = await pressUntilSettled(widget);

    expect(await demo.bookings()).toHaveLength(1);
    for (const text of notices) expect(text).not.toContain(TAKEN);
    if (lost.made) for (const text of notices) expect(text).not.toContain(NOT_MADE);
  });
}
