// Fault injection in the demo backend, seen through the widget's own API client over real HTTP:
// each kind of fault looks to the client like the failure it stands for.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApi, isApiError, isNetworkError } from '../src/api';
import { createDemoApp } from '../src/server/demo/app';
import { DEMO } from '../src/server/demo/seed';

const demo = createDemoApp();
let origin = '';
let close: () => void = () => {};

beforeAll(async () => {
  await new Promise<void>((resolve) => {
    const server = serve({ fetch: demo.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => {
      origin = `http://127.0.0.1:${info.port}`;
      resolve();
    });
    close = () => server.close();
  });
});
afterAll(() => close());
beforeEach(() => demo.faults.clear());

const arm = (fault: object) =>
  fetch(`${origin}/__demo/faults`, { method: 'POST', body: JSON.stringify(fault), headers: { 'Content-Type': 'application/json' } });
const api = (timeoutMs?: number) => createApi({ baseUrl: `${origin}/api/v1`, timeoutMs });
const failureOf = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);
/** book_code over plain fetch, to see the raw answer a fault makes. */
const sendCodeRaw = (phone: string, signal?: AbortSignal) =>
  fetch(`${origin}/api/v1/book_code/${DEMO.locations.riga}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ phone, fullname: 'A' }),
    ...(signal && { signal }),
  });

describe('demo fault injection', () => {
  it('answers a booking error code as the API does', async () => {
    await arm({ endpoint: 'book_check', code: 436 });
    const error = await failureOf(api().checkBooking(DEMO.locations.newYork, [{ id: 1, serviceIds: [1], staffId: 1, datetime: 'x' }]));
    expect(isApiError(error, 436)).toBe(true);
  });

  it('names the appointment at fault when told which, as the API does for several appointments', async () => {
    await arm({ endpoint: 'book_record', code: 437, appointmentId: 2 });
    const twoAppointments = [1, 2].map((id) => ({ id, serviceIds: [1], staffId: 1, datetime: 'x' }));
    const error = await failureOf(api().createBooking(DEMO.locations.newYork, { contact: { name: 'A', phone: '+12125550100', email: '', comment: '' }, appointments: twoAppointments }));
    expect(isApiError(error, 437) && error.appointmentId).toBe(2);
    expect((await arm({ endpoint: 'book_record', code: 437, appointmentId: -1 })).status).toBe(400);
  });

  it('fails a GET a given number of times, which the client rides out with its retries', async () => {
    await arm({ endpoint: 'bookform', status: 503, times: 2 });
    const form = await api().getBookingForm(DEMO.forms.newYork);
    expect(form.locationId).toBe(DEMO.locations.newYork);
    expect(demo.faults.list()).toEqual([]);
  });

  it('drops the connection before handling: a network error, nothing happens', async () => {
    await arm({ endpoint: 'bookform', drop: true });
    const error = await failureOf(api().getBookingForm(DEMO.forms.newYork));
    expect(isNetworkError(error)).toBe(true);
  });

  it('drops the answer after handling: the client sees a network error, the request took effect', async () => {
    await arm({ endpoint: 'book_code', drop: 'after' });
    const error = await failureOf(api().sendCode(DEMO.locations.riga, { phone: '+371 2612 3456', fullname: 'A' }));
    expect(isNetworkError(error)).toBe(true);
    expect(demo.store.smsCodes.size).toBe(1);
  });

  it('delays past the client timeout: a timed-out network error', async () => {
    await arm({ endpoint: 'bookform', delayMs: 400 });
    const error = await failureOf(api(100).getBookingForm(DEMO.forms.newYork));
    expect(isNetworkError(error) && error.timedOut).toBe(true);
  });

  it('sends a cut-off body: an API error, never a crash', async () => {
    await arm({ endpoint: 'bookform', malformed: true });
    const error = await failureOf(api().getBookingForm(DEMO.forms.newYork));
    expect(isApiError(error)).toBe(true);
  });

  it('answers an HTML page without handling the request (a gateway error page): nothing happens', async () => {
    await arm({ endpoint: 'book_code', html: 'before', status: 502 });
    const before = demo.store.smsCodes.size;
    const answer = await sendCodeRaw('+371 2612 0001');
    expect(answer.status).toBe(502);
    expect(answer.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(await answer.text()).toMatch(/^<!doctype html>/);
    expect(demo.store.smsCodes.size).toBe(before);
  });

  it('answers a 200 HTML page after handling the request: the client sees an API error, the request took effect', async () => {
    await arm({ endpoint: 'book_code', html: 'after' });
    const before = demo.store.smsCodes.size;
    const answer = await sendCodeRaw('+371 2612 0002');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(demo.store.smsCodes.size).toBe(before + 1);
    await arm({ endpoint: 'book_code', html: true });
    const error = await failureOf(api().sendCode(DEMO.locations.riga, { phone: '+371 2612 0003', fullname: 'A' }));
    expect(isApiError(error) || isNetworkError(error)).toBe(true);
    expect(demo.store.smsCodes.size).toBe(before + 2);
  });

  it('handles the request, then answers late: a caller that gave up has missed an answer to a request that took effect', async () => {
    await arm({ endpoint: 'book_code', delayAfterMs: 400 });
    const before = demo.store.smsCodes.size;
    const started = Date.now();
    const gaveUp = await failureOf(sendCodeRaw('+371 2612 0004', AbortSignal.timeout(100)));
    expect((gaveUp as Error).name).toBe('TimeoutError');
    expect(Date.now() - started).toBeLessThan(400);
    expect(demo.store.smsCodes.size).toBe(before + 1);

    demo.faults.clear();
    await arm({ endpoint: 'book_code', delayAfterMs: 200, times: 1 });
    const waited = Date.now();
    expect((await sendCodeRaw('+371 2612 0005')).ok).toBe(true);
    expect(Date.now() - waited).toBeGreaterThanOrEqual(190);
  });

  it('rejects a fault it cannot apply, and a reset clears the armed ones', async () => {
    expect((await arm({ endpoint: 'book_times', code: 499 })).status).toBe(400);
    expect((await arm({ endpoint: 'book_times', html: 'sideways' })).status).toBe(400);
    expect((await arm({ endpoint: 'book_times', status: 200 })).status).toBe(400);
    expect((await arm({ endpoint: 'book_times', delayAfterMs: -1 })).status).toBe(400);
    await arm({ endpoint: 'book_times', status: 500 });
    expect(await (await fetch(`${origin}/__demo/faults`)).json()).toHaveLength(1);
    await fetch(`${origin}/__demo/reset`, { method: 'POST' });
    expect(demo.faults.list()).toEqual([]);
  });
});
