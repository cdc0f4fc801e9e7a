// The server's first step carries the attributes the browser's rendering would give it: hydration
// keeps the server's attributes as they came, so one the server leaves out stays out.
import { describe, expect, it } from 'vitest';
import { createDemoApp } from '../src/server/demo/app';
import { DEMO } from '../src/server/demo/seed';
import { createProxy, parseConfig } from '../src/server/proxy';
import { renderHostedPage } from '../src/server/ssr';
import { NO_LIMITS } from './helpers/proxy';

const TEMPLATE = '<!doctype html><html lang="en"><head><title>Book an appointment</title></head><body><main id="booking-widget"></main></body></html>';

function render(query: string): Promise<string | undefined> {
  const demo = createDemoApp({ now: () => new Date('2026-11-23T14:00:00Z') });
  const proxy = createProxy(
    { ...parseConfig({ ...NO_LIMITS }), partnerToken: null, upstream: 'http://demo.invalid/api/v1' },
    { upstreamFetch: async (input, init) => demo.fetch(new Request(input, init)), log: () => {} },
  );
  return renderHostedPage(TEMPLATE, new URL(`http://widget.example/${query}`), (path, lang) =>
    proxy.fetch(new Request(`http://widget.example/api/v1${path}`, lang ? { headers: { 'Accept-Language': lang } } : {})),
  );
}

describe('the server-rendered first step', () => {
  it.each([
    ['the service step', `?form=${DEMO.forms.newYork}&lang=en-XA`],
    ['the location step, right to left', `?form=${DEMO.forms.chain}&lang=he-IL`],
  ])('%s: the language switch’s code is translate="no", as the browser writes translate={false}', async (_, query) => {
    const html = (await render(query))!;
    const code = /<span class="bw-lang__code"[^>]*>[^<]*<\/span>/.exec(html)?.[0];
    expect(code).toMatch(/ translate="no"/);
  });

  it('writes no translate attribute that the views do not ask for', async () => {
    const html = (await render(`?form=${DEMO.forms.newYork}`))!;
    expect(html.match(/ translate="/g)).toHaveLength(1);
  });
});
