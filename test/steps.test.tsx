// @vitest-environment jsdom
// Component tests of the step views, on a model backed by the demo backend (in-process fetch).
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../src/api/client';
import { App } from '../src/app/App';
import { loadLaterSteps } from '../src/app/later-steps';
import { createBookingModel, type BookingModel } from '../src/flow/model';
import { createDemoApp } from '../src/server/demo/app';
import { DEMO } from '../src/server/demo/seed';
import { setLocale } from '../src/i18n';

const NOW = new Date('2026-11-23T14:00:00Z');
let model: BookingModel | undefined;

// The later steps' views are a chunk of their own: loaded once here, as the app loads it once the
// first step is on screen, so no test waits on the test runner compiling it (over a second on a
// busy machine, longer than a findBy waits).
beforeAll(() => loadLaterSteps());

afterEach(() => {
  cleanup();
  model?.dispose();
  setLocale('en-US', null);
});

function renderWidget(formId: number = DEMO.forms.newYork) {
  const demo = createDemoApp({ now: () => NOW });
  const api = createApi({
    baseUrl: 'http://demo.test/api/v1',
    fetch: (input, init) => Promise.resolve(demo.fetch(new Request(input as RequestInfo, init))),
  });
  model = createBookingModel({ api, formId, now: () => NOW, remember: false });
  render(<App model={model} />);
  return { model, demo };
}

const heading = () => screen.getByRole('heading', { level: 2 });

describe('service step', () => {
  it('shows categories in weight order with prices, durations and discounts; search narrows them', async () => {
    renderWidget();
    await screen.findByRole('checkbox', { name: /Women's haircut/ });
    const groups = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(groups).toEqual(['Hair', 'Colour', 'Nails', 'Beauty']);
    const haircut = screen.getByRole('checkbox', { name: /Women's haircut/ }).closest('label')!;
    expect(haircut.textContent).toContain('$65 – $95');
    expect(haircut.textContent).toMatch(/1 hr/);
    // A discount: the price paid, the list price struck through (read as "Was …") and the percentage.
    const balayage = screen.getByRole('checkbox', { name: /Balayage/ }).closest('label')!;
    expect(balayage.querySelector('.bw-price__now')?.textContent).toBe('$153 – $221');
    expect(balayage.querySelector('s')?.textContent).toBe('$180 – $260');
    expect(balayage.textContent).toContain('Was $180 – $260');
    expect(balayage.textContent).toContain('Discount -15%');

    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'manic' } });
    expect(screen.getAllByRole('checkbox').map((c) => c.closest('label')!.textContent)).toEqual([
      expect.stringContaining('Classic manicure'),
      expect.stringContaining('Gel manicure'),
    ]);
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'zzz' } });
    expect(screen.getByText(/No promotions or services found/)).toBeTruthy();
  });

  it('continue is enabled once a service is chosen, and says how many', async () => {
    renderWidget();
    const next = await screen.findByRole('button', { name: 'Continue' });
    expect((next as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(await screen.findByRole('checkbox', { name: /Women's haircut/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /Blow-dry/ }));
    expect(screen.getByText('2 selected')).toBeTruthy();
    fireEvent.click(next);
    await waitFor(() => expect(heading().textContent).toBe('Choose a team member'));
  });
});

describe('team member step', () => {
  it('lists "any team member" first, then members offering the service with rating and next free day', async () => {
    renderWidget();
    fireEvent.click(await screen.findByRole('checkbox', { name: /Women's haircut/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    const any = await screen.findByRole('button', { name: /Any available team member/ });
    const buttons = screen.getAllByRole('button').filter((b) => b.classList.contains('bw-card'));
    expect(buttons[0]).toBe(any);
    const olivia = screen.getByRole('button', { name: /Olivia Bennett/ });
    expect(olivia.textContent).toContain('Senior stylist');
    expect(within(olivia).getByLabelText(/Rating 4.9 out of 5/)).toBeTruthy();
    expect(olivia.textContent).toMatch(/Next free: /);
    // A member who does not cut hair (the nail technician) is not offered.
    expect(screen.queryByRole('button', { name: /Hannah Kim/ })).toBeNull();
  });
});

describe('contact step', () => {
  async function reachContact() {
    const { model: m } = renderWidget();
    fireEvent.click(await screen.findByRole('checkbox', { name: /Women's haircut/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    fireEvent.click(await screen.findByRole('button', { name: /Olivia Bennett/ }));
    await waitFor(() => expect(m.dates.state.value.status).toBe('ready'));
    const day = (await screen.findAllByRole('gridcell')).find((c) => c.getAttribute('aria-disabled') !== 'true' && c.textContent);
    fireEvent.click(day!);
    const slot = (await screen.findAllByRole('button', { name: /, / })).find((b) => b.classList.contains('bw-time'))!;
    fireEvent.click(slot);
    await waitFor(() => expect(heading().textContent).toBe('Entering contact details'));
    return m;
  }

  it('shows no error before the visitor tries; then each message next to its field', async () => {
    const m = await reachContact();
    expect(screen.queryByText('Enter your name')).toBeNull();
    fireEvent.input(screen.getByLabelText(/Telephone/), { target: { value: '12ab' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    const name = screen.getByLabelText(/^Name/);
    expect(name.getAttribute('aria-invalid')).toBe('true');
    const described = name.getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id)?.textContent).join(' ');
    expect(described).toContain('Enter your name');
    expect(screen.getByText('Wrong number')).toBeTruthy();
    expect(m.flow.value?.current).toBe('contact');

    fireEvent.input(name, { target: { value: 'Ann Lee' } });
    fireEvent.input(screen.getByLabelText(/Telephone/), { target: { value: '+1 212 555 0100' } });
    expect(screen.queryByText('Enter your name')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(heading().textContent).toBe('Confirmation'));
    // The summary names what will be booked, with whom, when and where.
    const summary = document.querySelector('.bw-summary')!;
    expect(summary.textContent).toContain("Women's haircut");
    expect(summary.textContent).toContain('Olivia Bennett');
    expect(summary.textContent).toContain('Lumen Studio SoHo');
    expect(summary.textContent).toContain('118 Prince Street');
  });
});
