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
  });

  it('a search that finds nothing names what was looked for and clears it, focus back in the search box', async () => {
    renderWidget();
    await screen.findByRole('checkbox', { name: /Women's haircut/ });
    const search = screen.getByRole('searchbox') as HTMLInputElement;
    // The step's own status, in the page before anything is typed so what it says is announced.
    const status = within(search.closest('.bw-services') as HTMLElement).getByRole('status');
    expect(status.textContent).toBe('');
    fireEvent.input(search, { target: { value: '  zzz ' } });
    expect(screen.queryAllByRole('checkbox')).toEqual([]);
    expect(status.textContent).toContain('Nothing matched “zzz”');
    const clear = within(status).getByRole('button', { name: 'Clear search' });
    clear.focus();
    fireEvent.click(clear);
    expect(search.value).toBe('');
    expect(document.activeElement).toBe(search);
    expect(status.textContent).toBe('');
    expect(screen.getAllByRole('checkbox')).toHaveLength(12);
  });

  it('a chosen service is checked and its card marked; the price is a column of its own after the name', async () => {
    renderWidget();
    const haircut = await screen.findByRole('checkbox', { name: /Women's haircut/ });
    const card = haircut.closest('label')!;
    expect(card.classList.contains('is-selected')).toBe(false);
    fireEvent.click(haircut);
    expect((haircut as HTMLInputElement).checked).toBe(true);
    expect(card.classList.contains('is-selected')).toBe(true);
    // Name (with the duration under it) and price are siblings, the price last: it never sits under the name.
    const parts = [...card.children].map((el) => el.className || el.tagName);
    expect(parts).toEqual(['INPUT', 'bw-card__img', 'bw-card__body', 'bw-card__price']);
    expect(card.querySelector('.bw-card__body')!.textContent).toBe("Women's haircut1 hr");
    fireEvent.click(haircut);
    expect(card.classList.contains('is-selected')).toBe(false);
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
    const buttons = screen.getAllByRole('button').filter((b) => b.classList.contains('bw-card__main'));
    expect(buttons[0]).toBe(any);
    const olivia = screen.getByRole('button', { name: /Olivia Bennett/ });
    expect(olivia.textContent).toContain('Senior stylist');
    expect(within(olivia).getByLabelText(/Rating 4.9 out of 5/)).toBeTruthy();
    expect(olivia.textContent).toMatch(/Next free: /);
    // A member who does not cut hair (the nail technician) is not offered.
    expect(screen.queryByRole('button', { name: /Hannah Kim/ })).toBeNull();
  });

  it('the chosen team member is pressed and marked when the visitor comes back; the others are not', async () => {
    renderWidget();
    fireEvent.click(await screen.findByRole('checkbox', { name: /Women's haircut/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    fireEvent.click(await screen.findByRole('button', { name: /Olivia Bennett/ }));
    await waitFor(() => expect(heading().textContent).toBe('Date picker'));
    fireEvent.click(screen.getByRole('button', { name: /Back/ }));
    const olivia = await screen.findByRole('button', { name: /Olivia Bennett/ });
    expect(olivia.getAttribute('aria-pressed')).toBe('true');
    expect(olivia.closest('li')!.classList.contains('is-selected')).toBe(true);
    const sofia = screen.getByRole('button', { name: /Sofia Alvarez/ });
    expect(sofia.getAttribute('aria-pressed')).toBe('false');
    expect(sofia.closest('li')!.classList.contains('is-selected')).toBe(false);
    expect(screen.getByRole('button', { name: /Any available team member/ }).getAttribute('aria-pressed')).toBe('false');
  });

  it('"About" opens within the member\'s card, under the button that chooses them', async () => {
    renderWidget();
    fireEvent.click(await screen.findByRole('checkbox', { name: /Women's haircut/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    const olivia = await screen.findByRole('button', { name: /Olivia Bennett/ });
    const card = olivia.closest('li')!;
    expect(card.classList.contains('bw-card')).toBe(true);
    const about = card.querySelector('details')!;
    expect(about.parentElement).toBe(card);
    expect(olivia.contains(about)).toBe(false);
    expect(about.open).toBe(false);
    fireEvent.click(within(card).getByText('About Team Member'));
    about.open = true; // what the browser does on the click
    about.dispatchEvent(new Event('toggle'));
    await waitFor(() => expect(about.textContent).toContain('Precision cuts and soft colour.'));
    expect(card.contains(about)).toBe(true);
  });
});

describe('location step', () => {
  it('locations are cards like the others: the chosen one pressed and marked, its "About" inside it', async () => {
    renderWidget(DEMO.forms.chain);
    const soho = await screen.findByRole('button', { name: /^Lumen Studio SoHo/ });
    expect(soho.getAttribute('aria-pressed')).toBe('false');
    const card = soho.closest('li')!;
    expect(card.classList.contains('bw-card')).toBe(true);
    expect(card.querySelector('details')?.parentElement).toBe(card);
    fireEvent.click(soho);
    await waitFor(() => expect(heading().textContent).toBe('Service selection'));
    fireEvent.click(screen.getByRole('button', { name: /Back/ }));
    const again = await screen.findByRole('button', { name: /^Lumen Studio SoHo/ });
    expect(again.getAttribute('aria-pressed')).toBe('true');
    expect(again.closest('li')!.classList.contains('is-selected')).toBe(true);
    expect(screen.getByRole('button', { name: /^Lumen Studio Rīga/ }).getAttribute('aria-pressed')).toBe('false');
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
