// Routes for tests and the dev page, outside the API: what was booked, a reset, the SMS codes.
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

  /** The last code "sent" to each phone, so a developer can type it in. */
  app.get('/__demo/sms', (c) =>
    c.json([...store.smsCodes.entries()].map(([phone, { code, sentAt }]) => ({ phone, code, sentAt }))),
  );
}
