// Round trips the model saves a visitor: what it asks for early, and what it does not ask at all.
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../src/api/client';
import { createBookingModel, type BookingModel } from '../src/flow/model';
import { createDemoApp } from '../src/server/demo/app';
import { DEMO } from '../src/server/demo/seed';
import { until } from './helpers/until';
import { startServer } from './helpers/server';

const NOW = new Date('2026-11-23T14:00:00Z');
let model: BookingModel | undefined;
afterEach(() => model?.dispose());

async function setup(options: { locationId?: number }) {
  const demo = createDemoApp({ now: () => NOW });
  const server = await startServer((api) => api.all('*', (c) => demo.fetch(c.req.raw)));
  const api = createApi({ baseUrl: server.baseUrl });
  model = createBookingModel({ api, formId: DEMO.forms.newYork, now: () => NOW, preset: options });
  return { server, model };
}


describe('round trips', () => {
  it('asks for the services of a location the page names together with the form, once', async () => {
    const { server, model: m } = await setup({ locationId: DEMO.locations.newYork });
    await until(() => m.catalog.state.value.status === 'ready');
    const paths = server.requests.map((r) => r.path.split('/')[3]);
    expect(paths.slice(0, 2).sort()).toEqual(['book_services', 'bookform']);
    expect(paths.filter((p) => p === 'book_services')).toHaveLength(1);
  });

  it('without a location from the page, asks for services only once the form names it', async () => {
    const { server, model: m } = await setup({});
    await until(() => m.catalog.state.value.status === 'ready');
    expect(server.requests[0]!.path).toContain('bookform');
    expect(server.requests.filter((r) => r.path.includes('book_services'))).toHaveLength(1);
  });
});
