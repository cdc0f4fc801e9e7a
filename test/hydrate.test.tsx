// @vitest-environment jsdom
// The hosted page's script takes over the server's markup of the first step (src/app/hydrate.ts):
// the same nodes stay on screen, now answering the visitor.
import { renderToString } from 'preact-render-to-string';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../src/api/client';
import { readStart, withStart } from '../src/api/start';
import { App } from '../src/app/App';
import { firstStepReady, hydrateWhenReady } from '../src/app/hydrate';
import { createBookingModel, type BookingModel } from '../src/flow/model';
import { createDemoApp } from '../src/server/demo/app';
import { DEMO } from '../src/server/demo/seed';
import { createProxy, parseConfig } from '../src/server/proxy';
import { NO_LIMITS } from './helpers/proxy';
import { until } from './helpers/until';

const models: BookingModel[] = [];
afterEach(() => models.splice(0).forEach((m) => m.dispose()));

async function startAnswer(formId: number): Promise<string> {
  const demo = createDemoApp({ now: () => new Date('2026-11-23T14:00:00Z') });
  const proxy = createProxy(
    { ...parseConfig({ ...NO_LIMITS }), partnerToken: null, upstream: 'http://demo.invalid/api/v1' },
    { upstreamFetch: async (input, init) => demo.fetch(new Request(input, init)), log: () => {} },
  );
  return (await proxy.fetch(new Request(`http://widget.example/api/v1/booking_start/${formId}`))).text();
}

function seededModel(answer: string, formId: number): BookingModel {
  const unanswered = (() => new Promise<Response>(() => {})) as typeof fetch;
  const api = withStart(createApi({ baseUrl: 'http://widget.example/api/v1', fetch: unanswered }), readStart(answer, formId));
  const model = createBookingModel({ api, formId, remember: false });
  models.push(model);
  return model;
}

describe('hydrating the server-rendered first step', () => {
  it('keeps the server\'s nodes and markup, and they answer the visitor', async () => {
    const formId = DEMO.forms.newYork;
    const answer = await startAnswer(formId);
    const server = seededModel(answer, formId);
    await firstStepReady(server);
    const container = document.createElement('main');
    container.innerHTML = renderToString(<App model={server} page />);
    document.body.append(container);
    const served = container.innerHTML;
    const heading = container.querySelector('h1');
    const checkbox = container.querySelector<HTMLInputElement>('input[type="checkbox"]')!;

    const client = seededModel(answer, formId);
    await hydrateWhenReady(client, <App model={client} page />, container, {});
    expect(container.innerHTML).toBe(served);
    expect(container.querySelector('h1')).toBe(heading);
    checkbox.click();
    await until(() => (client.choices.value?.serviceIds.length ?? 0) === 1);
    container.remove();
  });

  it('a flow remembered past the first step\'s untouched state is drawn afresh: no server checkbox left unticked', async () => {
    const formId = DEMO.forms.newYork;
    const answer = await startAnswer(formId);
    const server = seededModel(answer, formId);
    await firstStepReady(server);
    const container = document.createElement('main');
    container.innerHTML = renderToString(<App model={server} page />);
    const client = seededModel(answer, formId);
    await firstStepReady(client);
    const serviceId = client.catalog.state.peek().status === 'ready' ? (client.catalog.state.peek() as { data: { services: { id: number }[] } }).data.services[0]!.id : 0;
    client.dispatch({ type: 'setServices', serviceIds: [serviceId] });
    await hydrateWhenReady(client, <App model={client} page />, container, {});
    expect(client.choices.value?.serviceIds).toEqual([serviceId]);
    expect(container.querySelectorAll('input[type="checkbox"]:checked')).toHaveLength(1);
  });
});
