// @vitest-environment jsdom
// The service card says when a service can or must be paid for online, in the locale resource's
// words (`master.prepaid.*`), as group events do; a service that cannot shows nothing more.
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../src/api/client';
import { App } from '../src/app/App';
import { createBookingModel, type BookingModel } from '../src/flow/model';
import { setLocale } from '../src/i18n';
import { createDemoApp } from '../src/server/demo/app';
import { DEMO } from '../src/server/demo/seed';

const NOW = new Date('2026-11-23T14:00:00Z');
let model: BookingModel | undefined;

afterEach(() => {
  cleanup();
  model?.dispose();
  setLocale('en-US', null);
});

// The demo sends 'forbidden' for every individual service: its book_services answer is rewritten
// on the way, as a business that takes payment online would answer.
const RULES: Record<string, string> = { "Women's haircut": 'allowed', Balayage: 'required', 'Classic manicure': 'forbidden' };

function renderWidget() {
  const demo = createDemoApp({ now: () => NOW });
  const api = createApi({
    baseUrl: 'http://demo.test/api/v1',
    fetch: async (input, init) => {
      const request = new Request(input as RequestInfo, init);
      const response = await demo.fetch(request);
      if (!new URL(request.url).pathname.includes('/book_services/')) return response;
      const answer = (await response.json()) as { data: { services: { title: string; prepaid?: string }[] } };
      for (const service of answer.data.services) service.prepaid = RULES[service.title] ?? service.prepaid;
      return Response.json(answer);
    },
  });
  model = createBookingModel({ api, formId: DEMO.forms.newYork, now: () => NOW, remember: false });
  render(<App model={model} />);
}

async function card(name: RegExp): Promise<HTMLElement> {
  return (await screen.findByRole('checkbox', { name })).closest('label')!;
}

describe('service card: prepayment', () => {
  it('shows the rule in English when payment online is possible or required, nothing when forbidden', async () => {
    renderWidget();
    const haircut = await card(/Women's haircut/);
    expect(haircut.querySelector('.bw-card__meta')?.textContent).toContain('Prepayment possible');
    expect((await card(/Balayage/)).querySelector('.bw-card__meta')?.textContent).toContain('Prepayment required');
    const manicure = await card(/Classic manicure/);
    expect(manicure.textContent).not.toMatch(/prepayment/i);
    // A service the rewrite leaves alone (the demo's own 'forbidden') shows nothing either.
    expect((await card(/Gel manicure/)).textContent).not.toMatch(/prepayment/i);
  });

  it('speaks the visitor’s language: the demo’s lv-LV resource, chosen in the widget', async () => {
    renderWidget();
    await card(/Women's haircut/);
    model!.setLang('lv-LV');
    await screen.findByText('Iespējama priekšapmaksa', {}, { timeout: 5000 });
    expect((await card(/Women's haircut/)).textContent).toContain('Iespējama priekšapmaksa');
    expect((await card(/Balayage/)).textContent).toContain('Nepieciešama priekšapmaksa');
    const manicure = await card(/Classic manicure/);
    expect(manicure.textContent).not.toMatch(/priekšapmaksa|prepayment/i);
  });
});
