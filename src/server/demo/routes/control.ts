// Routes for tests and the dev page, outside the API: what was booked, a reset, the clock, the
// SMS codes.
import type { Hono } from 'hono';
import type { DemoBooking, DemoStore } from '../store';

export function controlRoutes(app: Hono, store: DemoStore): void {
  app.get('/__demo/bookings', (c) =>
    c.json(
      store.bookings.map(({ start: _start, end: _end, memberRequested: _requested, ...booking }): DemoBooking => booking),
    ),
  );

  app.post('/__demo/reset', (c) => {
    store.reset();
    return c.json({ ok: true });
  });

  /**
   * `{ "now": "2027-03-09T14:00:00Z" }` moves the demo clock there (it runs on); a reset moves
   * it back. Lets one dev server serve specs that need another day, e.g. a daylight-saving week.
   */
  app.post('/__demo/clock', async (c) => {
    const body = (await c.req.json().catch(() => ({}))) as { now?: unknown };
    const at = typeof body.now === 'string' ? new Date(body.now) : new Date(NaN);
    if (Number.isNaN(at.getTime())) return c.json({ ok: false, message: 'now: an ISO date-time' }, 400);
    store.setClock(at);
    return c.json({ ok: true, now: store.now().toISOString() });
  });

  /** The last code "sent" to each phone, so a developer can type it in. */
  app.get('/__demo/sms', (c) =>
    c.json([...store.smsCodes.entries()].map(([phone, { code, sentAt }]) => ({ phone, code, sentAt }))),
  );
}
