// The hosted page rendered on the server (src/server/ssr.tsx): the first step in the page as
// served, the data inlined as inert JSON, the page's language, direction and title; and the plain
// page whenever the first step cannot be had whole.
import { describe, expect, it } from 'vitest';
import { createDemoApp } from '../src/server/demo/app';
import { DEMO } from '../src/server/demo/seed';
import { createProxy, parseConfig } from '../src/server/proxy';
import { renderHostedPage } from '../src/server/ssr';
import { NO_LIMITS } from './helpers/proxy';

const TEMPLATE = `<!doctype html>
<html lang="en">
  <head><title>Book an appointment</title><script type="module" src="/assets/index.js"></script></head>
  <body>
    <main id="booking-widget"></main>
  </body>
</html>`;

function setup() {
  const demo = createDemoApp({ now: () => new Date('2026-11-23T14:00:00Z') });
  const upstream: string[] = [];
  const proxy = createProxy(
    { ...parseConfig({ ...NO_LIMITS }), partnerToken: null, upstream: 'http://demo.invalid/api/v1' },
    {
      upstreamFetch: async (input, init) => {
        upstream.push(new URL(input).pathname);
        return demo.fetch(new Request(input, init));
      },
      log: () => {},
    },
  );
  const render = (query: string) =>
    renderHostedPage(TEMPLATE, new URL(`http://widget.example/${query}`), (path, lang) =>
      proxy.fetch(new Request(`http://widget.example/api/v1${path}`, lang ? { headers: { 'Accept-Language': lang } } : {})),
    );
  return { render, upstream };
}

const inlined = (html: string) => JSON.parse(/<script type="application\/json" id="bw-start">([^]*?)<\/script>/.exec(html)![1]!) as { data: { formId: number } };

describe('the hosted page rendered on the server', () => {
  it('holds the service step of a single-location form, its data as inert JSON, in the form\'s language', async () => {
    const { render } = setup();
    const html = (await render(`?form=${DEMO.forms.newYork}`))!;
    expect(html).toContain('data-step="service"');
    expect(html).toContain("Women's haircut");
    expect(html).toMatch(/<html lang="en-US" dir="ltr">/);
    expect(inlined(html).data.formId).toBe(DEMO.forms.newYork);
    // Only the JSON block was added as a script: nothing to execute, nothing a strict CSP refuses.
    expect(html.match(/<script/g)).toHaveLength(2);
  });

  it('a right-to-left language: html lang, dir and the title follow it', async () => {
    const { render } = setup();
    const html = (await render(`?form=${DEMO.forms.chain}&lang=he-IL`))!;
    expect(html).toContain('data-step="location"');
    expect(html).toMatch(/<html lang="he(-IL)?" dir="rtl">/);
    expect(html).not.toContain('<title>Book an appointment</title>');
  });

  it('a form in Latvian by default', async () => {
    const { render } = setup();
    const html = (await render(`?form=${DEMO.forms.riga}`))!;
    expect(html).toContain('data-step="service"');
    expect(html).toMatch(/<html lang="lv(-LV)?" dir="ltr">/);
  });

  it('a location from the URL: its service step', async () => {
    const { render } = setup();
    const html = (await render(`?form=${DEMO.forms.chain}&location=${DEMO.locations.newYork}`))!;
    expect(html).toContain('data-step="service"');
  });

  it('warm, it costs no upstream call', async () => {
    const { render, upstream } = setup();
    await render(`?form=${DEMO.forms.newYork}`);
    upstream.length = 0;
    expect(await render(`?form=${DEMO.forms.newYork}`)).toContain('data-step="service"');
    expect(upstream).toEqual([]);
  });

  it('a business\'s text cannot close the JSON block', async () => {
    const { render } = setup();
    const html = (await render(`?form=${DEMO.forms.newYork}`))!;
    const block = /id="bw-start">([^]*?)<\/script>/.exec(html)![1]!;
    expect(block).not.toContain('<');
  });

  it('no page rendered for an unknown form, a booking\'s own page, or a bad language', async () => {
    const { render } = setup();
    expect(await render('?form=999')).toBeUndefined();
    expect(await render(`?form=1&record=5&hash=abc&location=${DEMO.locations.newYork}`)).toBeUndefined();
    expect(await render('?form=1&lang=<script>')).toBeUndefined();
  });
});
