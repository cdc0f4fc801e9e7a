// Exactly one booking, whatever is lost and wherever: the booking model and the real API client
// talk HTTP to the real proxy, which talks HTTP to the demo backend as its upstream. An answer is
// lost on either hop (the browser's, the proxy's) before or after the booking was made, and the
// visitor follows up every way they can (presses again, reloads, opens a second tab). The demo
// must end with exactly the bookings the visitor meant, and what they were told must be true.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi } from '../src/api/client';
import type { BookingModel } from '../src/flow/model';
import { createBookingModel } from '../src/flow/model';
import { dataOf } from '../src/flow/query';
import { createDemoApp } from '../src/server/demo/app';
import type { Fault } from '../src/server/demo/faults';
import { DEMO } from '../src/server/demo/seed';
import { createProxy, parseConfig } from '../src/server/proxy';
import { listenOnLoopback, type LoopbackServer } from '../src/server/proxy/loopback';
import { MemoryStorage } from './helpers/memory-storage';
import { NO_LIMITS } from './helpers/proxy';
import { vi } from 'vitest';

vi.setConfig({ testTimeout: 20_000 });

const NOW = new Date('2026-11-23T14:00:00Z');
const until = (check: () => unknown) => vi.waitFor(() => expect(check()).toBeTruthy(), { timeout: 8000, interval: 10 });

/** What happens to the next booking request on the browser's hop. */
type BrowserFault = 'before' | 'after' | undefined;

interface Bed {
  demo: ReturnType<typeof createDemoApp>;
  upstream: LoopbackServer;
  proxy: LoopbackServer;
  browserFault: BrowserFault;
  models: BookingModel[];
}

let bed: Bed;

beforeEach(async () => {
  const demo = createDemoApp({ now: () => NOW });
  const upstream = await listenOnLoopback(demo.fetch);
  const config = parseConfig({
    ALTEGIO_PARTNER_TOKEN: 'partner-token',
    ALTEGIO_UPSTREAM: `${upstream.url}/api/v1`,
    UPSTREAM_TIMEOUT_MS: '400',
    ...NO_LIMITS,
  });
  const proxy = await listenOnLoopback(createProxy(config, { log: () => {}, retryDelaysMs: [5] }).fetch);
  bed = { demo, upstream, proxy, browserFault: undefined, models: [] };
  // The visitor's browser storage, shared by reloads and tabs of one test.
  (globalThis as { localStorage?: Storage }).localStorage = new MemoryStorage();
});

afterEach(async () => {
  for (const m of bed.models) m.dispose();
  await bed.proxy.close();
  await bed.upstream.close();
  delete (globalThis as { localStorage?: Storage }).localStorage;
});

/** A page that has gone away (a reload, a closed tab): its answers never arrive, its code stops. */
const never = () => new Promise<never>(() => {});

interface Page {
  gone: boolean;
  /** The visitor leaves (reloads, closes the tab) the moment the booking request is sent. */
  leaveOnBooking: boolean;
  bookingSent: boolean;
}

/** The browser's fetch, with a fault for the next booking request when one is armed. */
const browserFetch = (page: Page): typeof fetch => async (input, init) => {
  if (page.gone) return never();
  const isBooking = (init?.method ?? (input instanceof Request ? input.method : 'GET')) === 'POST' && String(input instanceof Request ? input.url : input).includes('/book_record/');
  const sent = pageFetch(input, init);
  if (isBooking) page.bookingSent = true;
  if (isBooking && page.leaveOnBooking) {
    page.gone = true;
    sent.catch(() => undefined); // the request goes on; nobody is left to read its answer
    return never();
  }
  try {
    const response = await sent;
    return page.gone ? never() : response;
  } catch (error) {
    if (page.gone) return never();
    throw error;
  }
};

const pageFetch: typeof fetch = async (input, init) => {
  const request = new Request(input, init);
  const isBooking = request.method === 'POST' && request.url.includes('/book_record/');
  const fault = isBooking ? bed.browserFault : undefined;
  if (fault) bed.browserFault = undefined;
  if (fault === 'before') {
    await new Promise((resolve) => setTimeout(resolve, 100)); // the network gives up after a moment
    throw new TypeError('Failed to fetch');
  }
  const response = await fetch(request);
  if (fault === 'after') {
    await response.arrayBuffer(); // the proxy answered; the phone network lost it on the way
    throw new TypeError('Failed to fetch');
  }
  return response;
};

/** A new page of the widget (a first visit, a reload, another tab): same storage, fresh everything else. */
function openWidget(formId: number = DEMO.forms.newYork): BookingModel & { leave(): void; page: Page } {
  const page: Page = { gone: false, leaveOnBooking: false, bookingSent: false };
  const api = createApi({ baseUrl: `${bed.proxy.url}/api/v1`, fetch: browserFetch(page), lang: 'en-US' });
  const model = createBookingModel({ api, formId, now: () => NOW });
  bed.models.push(model);
  return Object.assign(model, { page, leave: () => ((page.gone = true), model.dispose()) });
}

const fault = (f: Fault) => bed.demo.faults.add(f);
const bookings = () => bed.demo.store.bookings.length;

const VISITOR = { name: 'Ann Visitor', phone: '+1 212 555 0123', email: '', comment: '' };

/** Service → team member (0: any) → first free day → first free time → contact → confirm. */
async function toConfirm(m: BookingModel, service: number, staffId: number): Promise<void> {
  await until(() => m.flow.value?.current === 'service' || m.flow.value?.current === 'staff');
  m.dispatch({ type: 'setServices', serviceIds: [service] });
  m.next();
  await until(() => m.flow.value?.current === 'staff' && dataOf(m.staff));
  m.dispatch({ type: 'selectStaff', staffId });
  await until(() => dataOf(m.dates)?.bookable.length);
  m.dispatch({ type: 'selectDate', date: dataOf(m.dates)!.bookable[0]! });
  await until(() => m.flow.value?.current === 'time' && dataOf(m.times)?.length);
  m.dispatch({ type: 'selectSlot', slot: dataOf(m.times)![0]! });
  m.dispatch({ type: 'setContact', contact: VISITOR });
  await until(() => m.contactValid.value);
  m.next();
  await until(() => m.flow.value?.current === 'confirm');
}

const phase = (m: BookingModel) => m.booking.value.phase;
const told = (m: BookingModel) => (phase(m) === 'lost' ? m.booking.value.lost : phase(m));
const settled = (m: BookingModel) => until(() => ['done', 'lost', 'idle', 'awaitingCode'].includes(phase(m)) && !m.booking.value.phase.startsWith('verif'));

/** Presses the booking button and waits until the widget has said something. */
async function press(m: BookingModel): Promise<void> {
  await m.submit();
  await settled(m);
}

const FACIAL = DEMO.services.expressFacial;
const GRACE = DEMO.staff.grace;

interface Loss {
  name: string;
  /** Whether the booking was made upstream before the answer was lost. */
  made: boolean;
  arm(): void;
}

const LOSSES: Loss[] = [
  { name: 'proxy→upstream, before Altegio had it', made: false, arm: () => fault({ endpoint: 'book_record', drop: 'before', times: 1 }) },
  { name: 'proxy→upstream, after Altegio made it', made: true, arm: () => fault({ endpoint: 'book_record', drop: 'after', times: 1 }) },
  { name: 'proxy→upstream, cut off mid-body', made: true, arm: () => fault({ endpoint: 'book_record', malformed: 'json', times: 1 }) },
  { name: 'proxy→upstream, the answer later than the proxy waits', made: true, arm: () => fault({ endpoint: 'book_record', delayMs: 800, times: 1 }) },
  { name: 'proxy→upstream, a 503 from a gateway (nothing made)', made: false, arm: () => fault({ endpoint: 'book_record', status: 503, delayMs: 150, times: 1 }) },
  { name: 'browser→proxy, before the proxy had it', made: false, arm: () => (bed.browserFault = 'before') },
  { name: 'browser→proxy, after the proxy had the answer', made: true, arm: () => (bed.browserFault = 'after') },
];

describe('a lost answer, then the visitor presses again', () => {
  for (const loss of LOSSES) {
    it(`${loss.name}: ${loss.made ? 'one booking, never a second' : 'nothing made, said so, and the next press books once'}`, async () => {
      const m = openWidget();
      await toConfirm(m, FACIAL, GRACE);
      loss.arm();
      await press(m);
      // A late answer: the upstream finishes the booking after the proxy gave up.
      await new Promise((resolve) => setTimeout(resolve, loss.name.includes('later') ? 600 : 0));

      if (loss.made) {
        // Either the proxy had the answer (the booking itself), or Altegio shows the time taken.
        expect(['done', 'madeLikely']).toContain(told(m));
        expect(bookings()).toBe(1);
        await press(m);
        await press(m);
        expect(bookings()).toBe(1);
      } else {
        expect(told(m)).toBe('notMade');
        expect(bookings()).toBe(0);
        await press(m);
        expect(told(m)).toBe('done');
        expect(bookings()).toBe(1);
      }
    });
  }

  it('browser→proxy lost after the proxy had it: the widget shows the booking itself, with its record', async () => {
    const m = openWidget();
    await toConfirm(m, FACIAL, GRACE);
    bed.browserFault = 'after';
    await press(m);
    expect(phase(m)).toBe('done');
    expect(m.flow.value?.current).toBe('success');
    expect(m.records.value[0]?.recordId).toBe(bed.demo.store.bookings[0]?.recordId);
  });
});

describe('a lost answer, then a reload or another tab', () => {
  for (const loss of LOSSES) {
    it(`${loss.name}: a reload checks first and ${loss.made ? 'never books again' : 'then books once'}`, async () => {
      const first = openWidget();
      await toConfirm(first, FACIAL, GRACE);
      loss.arm();
      // The page goes away as soon as the request is out: it was marked before it was sent.
      first.page.leaveOnBooking = true;
      void first.submit();
      await until(() => first.page.bookingSent);
      first.leave();
      await new Promise((resolve) => setTimeout(resolve, 900)); // the proxy and Altegio finish meanwhile

      const reloaded = openWidget();
      // Before anything else, it finds out what became of the booking that was out.
      await until(() => phase(reloaded) === 'done' || phase(reloaded) === 'lost');
      if (loss.made) {
        expect(['done', 'madeLikely']).toContain(told(reloaded));
        expect(reloaded.flow.value?.current).toBe(told(reloaded) === 'done' ? 'success' : 'confirm');
      } else {
        expect(told(reloaded)).toBe('notMade');
        expect(bookings()).toBe(0);
      }
      await press(reloaded);
      expect(bookings()).toBe(1);
    });
  }

  it('a second tab at confirm presses while the first tab\'s answer is lost: it checks, it does not book', async () => {
    const first = openWidget();
    const second = openWidget();
    await toConfirm(first, FACIAL, GRACE);
    await toConfirm(second, FACIAL, GRACE);
    fault({ endpoint: 'book_record', drop: 'after', times: 1 });
    await press(first);
    expect(told(first)).toBe('madeLikely');
    await press(second);
    expect(told(second)).toBe('madeLikely');
    expect(bookings()).toBe(1);
  });
});

describe('an SMS location', () => {
  it('a lost answer after the code: checked, never sent again with the same code', async () => {
    const m = openWidget(DEMO.forms.riga);
    await toConfirm(m, DEMO.services.rigaFacial, DEMO.staff.anna);
    await press(m);
    expect(phase(m)).toBe('awaitingCode');
    m.setCode(DEMO.smsCode);
    fault({ endpoint: 'book_record', drop: 'after', times: 1 });
    await press(m);
    expect(told(m)).toBe('madeLikely');
    await press(m);
    expect(bookings()).toBe(1);
  });

  it('a code refused after a lost answer elsewhere still says only what is known', async () => {
    const m = openWidget(DEMO.forms.riga);
    await toConfirm(m, DEMO.services.rigaFacial, DEMO.staff.anna);
    await press(m);
    m.setCode(DEMO.smsCode);
    fault({ endpoint: 'book_record', drop: 'before', times: 1 });
    await press(m);
    expect(told(m)).toBe('notMade');
    // Booking again asks for a new code first (the last one may have been used up).
    await press(m);
    expect(phase(m)).toBe('awaitingCode');
    m.setCode(DEMO.smsCode);
    await press(m);
    expect(told(m)).toBe('done');
    expect(bookings()).toBe(1);
  });
});

describe('"any team member"', () => {
  it('made and lost: who was free before and after tells it was ours; nothing more is booked', async () => {
    const m = openWidget();
    await toConfirm(m, FACIAL, 0);
    fault({ endpoint: 'book_record', drop: 'after', times: 1 });
    await press(m);
    expect(told(m)).toBe('madeLikely');
    await press(m);
    expect(bookings()).toBe(1);
  });

  it('not made and lost: everyone free before is still free, so it says not made and books once', async () => {
    const m = openWidget();
    await toConfirm(m, FACIAL, 0);
    fault({ endpoint: 'book_record', drop: 'before', times: 1 });
    await press(m);
    expect(told(m)).toBe('notMade');
    await press(m);
    expect(told(m)).toBe('done');
    expect(bookings()).toBe(1);
  });
});

describe('after a refusal', () => {
  it('the taken time is not offered again: neither the proxy nor the browser serves the old times', async () => {
    const m = openWidget();
    await toConfirm(m, FACIAL, GRACE);
    const slot = m.choices.value!.slot!;
    // Someone else books that very time meanwhile, through the same proxy's upstream.
    const other = await fetch(`${bed.upstream.url}/api/v1/book_record/${DEMO.locations.newYork}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ fullname: 'Bo', phone: '+12125550177', email: '', appointments: [{ id: 1, services: [FACIAL], staff_id: GRACE, datetime: slot.datetime }] }),
    });
    expect(other.status).toBe(201);
    await press(m);
    expect(m.booking.value.failure?.code).toBe(433);
    await until(() => m.flow.value?.current === 'time' && dataOf(m.times));
    await until(() => !dataOf(m.times)!.some((s) => s.datetime === slot.datetime));
  });

  it('a 438 on a form whose service step is hidden is told on confirm, with the business to call', async () => {
    const m = openWidget(DEMO.forms.newYorkPresetService);
    await until(() => m.flow.value?.current === 'staff');
    m.dispatch({ type: 'selectStaff', staffId: DEMO.staff.olivia });
    await until(() => dataOf(m.dates)?.bookable.length);
    m.dispatch({ type: 'selectDate', date: dataOf(m.dates)!.bookable[0]! });
    await until(() => dataOf(m.times)?.length);
    m.dispatch({ type: 'selectSlot', slot: dataOf(m.times)![0]! });
    m.dispatch({ type: 'setContact', contact: { ...VISITOR, comment: 'First visit' } }); // this form asks for a comment
    await until(() => m.contactValid.value);
    m.next();
    await until(() => m.flow.value?.current === 'confirm');
    fault({ endpoint: 'book_check', code: 438, times: 1 });
    await press(m);
    expect(m.flow.value?.current).toBe('confirm');
    expect(m.booking.value.failure).toMatchObject({ code: 438, callBusiness: true });
    expect(m.booking.value.failure?.fixAt).toBeUndefined();
  });
});
