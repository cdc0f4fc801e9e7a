// @vitest-environment jsdom
// The date and time steps as one view (side by side on a wide widget, widget.css), and the rail
// with the booking so far. jsdom applies no stylesheet: these check what is rendered and where
// the flow and focus go; e2e/layouts.spec.ts checks what a wide and a narrow widget show.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApi } from '../src/api/client';
import { App } from '../src/app/App';
import { loadLaterSteps } from '../src/app/later-steps';
import { createBookingModel, type BookingModel } from '../src/flow/model';
import { createDemoApp } from '../src/server/demo/app';
import { DEMO } from '../src/server/demo/seed';
import { setLocale } from '../src/i18n';

const NOW = new Date('2026-11-23T14:00:00Z');
let model: BookingModel | undefined;

beforeAll(() => loadLaterSteps());

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  model?.dispose();
  setLocale('en-US', null);
});

/** The New York form; `presetDay` hides its date step with that day as the form's default. */
function renderWidget(presetDay?: string) {
  const demo = createDemoApp({ now: () => NOW });
  const api = createApi({
    baseUrl: 'http://demo.test/api/v1',
    fetch: (input, init) => Promise.resolve(demo.fetch(new Request(input as RequestInfo, init))),
  });
  if (presetDay) {
    const getForm = api.getBookingForm.bind(api);
    api.getBookingForm = async (id) => {
      const form = await getForm(id);
      return { ...form, steps: form.steps.map((s) => (s.step === 'datetime' ? { ...s, dateHidden: true, dateDefault: presetDay } : s)) };
    };
  }
  model = createBookingModel({ api, formId: DEMO.forms.newYork, now: () => NOW, remember: false });
  render(<App model={model} />);
  return model;
}

const heading = () => screen.getByRole('heading', { level: 2 });
const rail = () => screen.queryByRole('complementary', { name: 'Your booking' });
const freeDays = () => screen.getAllByRole('gridcell').filter((c) => c.getAttribute('aria-disabled') !== 'true' && c.dataset.date);
const times = () => document.querySelectorAll<HTMLButtonElement>('.bw-time');

async function reachDate(services: RegExp[] = [/Women's haircut/]) {
  const m = renderWidget();
  for (const name of services) fireEvent.click(await screen.findByRole('checkbox', { name }));
  fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
  fireEvent.click(await screen.findByRole('button', { name: /Olivia Bennett/ }));
  await waitFor(() => expect(m.dates.state.value.status).toBe('ready'));
  await waitFor(() => expect(freeDays().length).toBeGreaterThan(1));
  return m;
}

describe('the date and time steps, one view', () => {
  it('a day chosen moves the flow to the time step with the same calendar beside its times; another day there changes the day', async () => {
    const m = await reachDate();
    expect(heading().textContent).toBe('Date picker');
    const split = document.querySelector('.bw-split')!;
    expect(split.getAttribute('data-on')).toBe('date');
    // Until a day is chosen, the times' side asks for one (politely live, for the day to come).
    const subtitle = split.querySelector('.bw-subtitle')!;
    expect(subtitle.textContent).toBe('Choose a date');
    expect(subtitle.getAttribute('aria-live')).toBe('polite');
    expect(times()).toHaveLength(0);

    const grid = screen.getByRole('grid');
    const [first, second] = freeDays();
    fireEvent.click(first!);
    await waitFor(() => expect(heading().textContent).toBe('Pick a time'));
    expect(m.flow.value?.current).toBe('time');
    // Not a new screen: the same calendar, the same live line now naming the day.
    expect(screen.getByRole('grid')).toBe(grid);
    expect(split.isConnected && split.getAttribute('data-on')).toBe('time');
    expect(subtitle.isConnected).toBe(true);
    expect(subtitle.textContent).toMatch(/^\w+day, November \d+, 2026$/);
    await waitFor(() => expect(times().length).toBeGreaterThan(0));

    fireEvent.click(second!);
    await waitFor(() => expect(m.choices.value?.date).toBe(second!.dataset.date));
    expect(m.flow.value?.current).toBe('time');
    expect(second!.getAttribute('aria-selected')).toBe('true');
    await waitFor(() => expect(times()[0]?.getAttribute('aria-label')).toContain(`November ${Number(second!.dataset.date!.slice(8))}`));

    fireEvent.click(times()[0]!);
    await waitFor(() => expect(heading().textContent).toBe('Entering contact details'));
    expect(m.choices.value?.slot?.datetime.slice(0, 10)).toBe(second!.dataset.date);
  });

  it('back on the date step, the chosen day’s times are still beside the calendar: a time there moves on, and continue goes to the times', async () => {
    const m = await reachDate();
    fireEvent.click(freeDays()[0]!);
    await waitFor(() => expect(times().length).toBeGreaterThan(0));
    fireEvent.click(screen.getByRole('button', { name: /Back/ }));
    await waitFor(() => expect(heading().textContent).toBe('Date picker'));
    expect(times().length).toBeGreaterThan(0);
    // One continue bar: the current step's.
    expect(screen.getAllByRole('button', { name: 'Continue' })).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(heading().textContent).toBe('Pick a time'));
    fireEvent.click(screen.getByRole('button', { name: /Back/ }));
    await waitFor(() => expect(heading().textContent).toBe('Date picker'));
    fireEvent.click(times()[0]!);
    await waitFor(() => expect(m.flow.value?.current).toBe('contact'));
  });

  it('focus: a day chosen in a calendar still on screen keeps it; where the calendar goes (narrow), the time step’s heading takes it', async () => {
    await reachDate();
    const [first, second] = freeDays();
    // jsdom lays nothing out: a calendar on screen is one with boxes.
    const boxes = vi.spyOn(HTMLElement.prototype, 'getClientRects').mockReturnValue([new DOMRect(0, 0, 40, 40)] as unknown as DOMRectList);
    first!.focus();
    fireEvent.click(first!);
    await waitFor(() => expect(heading().textContent).toBe('Pick a time'));
    await new Promise((r) => setTimeout(r, 50));
    expect(document.activeElement).toBe(first);

    // A pressed button has focus (fireEvent does not give it).
    const back = screen.getByRole('button', { name: /Back/ });
    back.focus();
    fireEvent.click(back);
    await waitFor(() => expect(heading()).toBe(document.activeElement));
    boxes.mockReturnValue([] as unknown as DOMRectList);
    second!.focus();
    fireEvent.click(second!);
    await waitFor(() => expect(heading().textContent).toBe('Pick a time'));
    await waitFor(() => expect(document.activeElement).toBe(heading()));
  });

  it('a form that hides the date step (a preset day) shows that day’s times, no calendar, and books on that day', async () => {
    const m = renderWidget('2026-11-25');
    fireEvent.click(await screen.findByRole('checkbox', { name: /Women's haircut/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    fireEvent.click(await screen.findByRole('button', { name: /Olivia Bennett/ }));
    await waitFor(() => expect(heading().textContent).toBe('Pick a time'));
    expect(m.flow.value?.steps).not.toContain('date');
    expect(screen.queryByRole('grid')).toBeNull();
    expect(document.querySelector('.bw-split')?.classList.contains('bw-split--two')).toBe(false);
    expect(document.querySelector('.bw-subtitle')?.textContent).toBe('Wednesday, November 25, 2026');
    await waitFor(() => expect(times().length).toBeGreaterThan(0));
    fireEvent.click(times()[0]!);
    await waitFor(() => expect(heading().textContent).toBe('Entering contact details'));
    expect(m.choices.value?.slot?.datetime.slice(0, 10)).toBe('2026-11-25');
  });
});

describe('the rail: the booking so far', () => {
  it('from the team member step on: what, with whom, when, where and the total; not on the service or confirm step', async () => {
    const m = renderWidget();
    fireEvent.click(await screen.findByRole('checkbox', { name: /Women's haircut/ }));
    expect(rail()).toBeNull();
    fireEvent.click(screen.getByRole('checkbox', { name: /Blow-dry/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    await screen.findByRole('button', { name: /Olivia Bennett/ });

    // On the team member step: the services and what they cost together; no team member yet.
    let aside = rail()!;
    expect(aside.textContent).toContain("Women's haircut");
    expect(aside.textContent).toContain('Blow-dry & styling');
    expect(aside.textContent).toContain('Lumen Studio SoHo');
    expect(within(aside).queryByText('Employee')).toBeNull();
    // $65–95 and $45 less 10 %: $105.50 – $135.50.
    const total = aside.querySelector('.bw-summary__total')!;
    expect(total.querySelector('dt')?.textContent).toBe('Total');
    expect(total.querySelector('dd')?.textContent).toBe('$105.50 – $135.50');
    // A summary, not a form: nothing in it to press.
    expect(within(aside).queryAllByRole('button')).toHaveLength(0);

    // One service, the rest of the way (a day with room for both is not this month's first).
    fireEvent.click(screen.getByRole('button', { name: /Back/ }));
    fireEvent.click(await screen.findByRole('checkbox', { name: /Blow-dry/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    fireEvent.click(await screen.findByRole('button', { name: /Olivia Bennett/ }));
    await waitFor(() => expect(heading().textContent).toBe('Date picker'));
    aside = rail()!;
    expect(within(aside).getByText('Employee').nextElementSibling?.textContent).toBe('Olivia Bennett');

    await waitFor(() => expect(m.dates.state.value.status).toBe('ready'));
    await waitFor(() => expect(freeDays().length).toBeGreaterThan(0));
    fireEvent.click(freeDays()[0]!);
    await waitFor(() => expect(times().length).toBeGreaterThan(0));
    const chosen = times()[0]!;
    fireEvent.click(chosen);
    await waitFor(() => expect(heading().textContent).toBe('Entering contact details'));
    // When: the chosen time, as the confirm step will say it.
    expect(rail()!.textContent).toContain(chosen.getAttribute('aria-label')!.split(',')[0]);
    expect(m.flow.value?.current).toBe('contact');

    m.dispatch({ type: 'setContact', contact: { name: 'Ann Lee', phone: '+1 212 555 0100' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(heading().textContent).toBe('Confirmation'));
    expect(rail()).toBeNull();
    // The confirm step's own summary has the total too.
    expect(document.querySelector('.bw-summary__total dd')?.textContent).toBe('$65 – $95');
  });
});
