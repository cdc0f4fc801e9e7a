// The demo backend: an in-memory fake of the public booking API, quirks included. One
// implementation serves the dev server, the unit tests and the e2e tests.
import { Hono } from 'hono';
import { absoluteAssets } from './assets';
import { notFound } from './envelope';
import { FaultPlan, faultRoutes, injectFaults } from './faults';
import { HostileSwitch, hostileContent, hostileRoutes } from './hostile';
import { accountRoutes } from './routes/account';
import { activityRoutes } from './routes/activity';
import { bookingRoutes } from './routes/booking';
import { calendarRoutes } from './routes/calendar';
import { catalogRoutes } from './routes/catalog';
import { controlRoutes } from './routes/control';
import { settingsRoutes } from './routes/settings';
import { DemoStore } from './store';

export interface DemoApp {
  app: Hono;
  /** `env` carries Node's request objects, which a dropped-connection fault closes. */
  fetch: (req: Request, env?: unknown) => Response | Promise<Response>;
  store: DemoStore;
  /** Faults armed through `/__demo/faults` (see faults.ts). */
  faults: FaultPlan;
  /** Hostile texts switched on through `/__demo/hostile` (see hostile.ts). */
  hostile: HostileSwitch;
}

export interface DemoOptions {
  /** The demo's clock; tests pass a fixed one. Defaults to the real clock. */
  now?: () => Date;
  /** Names the pictures absolutely on this origin (a separate upstream); by path when absent. */
  assetOrigin?: string;
}

/** A fresh instance with its own in-memory state. */
export function createDemoApp(options: DemoOptions = {}): DemoApp {
  const store = new DemoStore(options.now);
  const app = new Hono();
  const api = new Hono();
  const faults = new FaultPlan();
  const hostile = new HostileSwitch();
  api.use('*', injectFaults(faults));
  api.use('*', absoluteAssets(options.assetOrigin));
  api.use('*', hostileContent(hostile));
  settingsRoutes(api, store);
  catalogRoutes(api, store);
  calendarRoutes(api, store);
  bookingRoutes(api, store);
  activityRoutes(api, store);
  accountRoutes(api, store);
  app.route('/api/v1', api);
  faultRoutes(app, faults);
  hostileRoutes(app, hostile);
  controlRoutes(app, store);
  app.notFound((c) => notFound(c));
  app.onError((err, c) => {
    console.error('[demo]', err);
    return c.json({ success: false, data: null, meta: { message: 'Server error' } }, 500);
  });
  return { app, fetch: (req, env) => app.fetch(req, env), store, faults, hostile };
}
