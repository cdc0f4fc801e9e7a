// @vitest-environment jsdom
// A chain whose form has no city step: the widget still asks the city first once the locations
// show it is large (more than 8, in at least 2 cities), and only before a location is chosen.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../src/api/client';
import { normaliseBookingForm } from '../src/api/forms';
import { App } from '../src/app/App';
import { initialState, transition, type FlowState } from '../src/flow/machine';
import { createBookingModel, type BookingModel } from '../src/flow/model';
import { flowMemory } from '../src/flow/session';
import { setLocale } from '../src/i18n';
import { createDemoApp } from '../src/server/demo/app';
import { CHAIN_IDS, CHAIN_LOCATIONS } from '../src/server/demo/chain-seed';
import { DEMO, FORMS } from '../src/server/demo/seed';
import { formJson } from '../src/server/demo/wire';

const NOW = new Date('2026-11-23T12:00:00Z');
const formOf = (id: number) => normaliseBookingForm(formJson(FORMS.find((f) => f.id === id)!), id);
const LARGE = DEMO.forms.largeChainNoCityStep;
const CITIES = CHAIN_LOCATIONS.map((l) => l.city);

describe('asking the city first (askCity)', () => {
  const form = formOf(LARGE);

  it('puts the city before the location for 30 locations in 6 cities, while nothing is chosen', () => {
    expect(form.cityStep).toBeFalsy();
    const fresh = initialState(form);
    expect(fresh.steps.slice(0, 2)).toEqual(['location', 'service']);
    const s = transition(fresh, { type: 'askCity', cities: CITIES });
    expect(s.steps.slice(0, 3)).toEqual(['city', 'location', 'service']);
    expect(s.current).toBe('city');
    // Asked again (the locations read afresh): nothing more changes.
    expect(transition(s, { type: 'askCity', cities: CITIES })).toBe(s);
    // Then as a form with Altegio's city step: a city, its locations, back to the cities.
    const inCity = transition(s, { type: 'selectCity', city: 'Chicago' });
    expect(inCity.current).toBe('location');
    expect(transition(inCity, { type: 'back' }).current).toBe('city');
    // Book again starts over at the city.
    expect(transition(inCity, { type: 'restart' }).current).toBe('city');
  });

  it('does not once a location is chosen, nor away from the location step', () => {
    const chosen = transition(initialState(form), { type: 'selectLocation', locationId: CHAIN_IDS['Chicago']!['Wicker Park']! });
    expect(chosen.current).toBe('service');
    expect(transition(chosen, { type: 'askCity', cities: CITIES })).toBe(chosen);
    // Back on the location step with a location chosen: the flat list stays.
    const back = transition(chosen, { type: 'back' });
    expect(back.current).toBe('location');
    expect(transition(back, { type: 'askCity', cities: CITIES })).toBe(back);
    // A location given by the page: no location step at all.
    const preset = initialState(form, { locationId: CHAIN_IDS['Chicago']!['Wicker Park']! });
    expect(transition(preset, { type: 'askCity', cities: CITIES })).toBe(preset);
  });

  it('does not for 2 locations in 2 cities, for 8 locations, nor for many in one city', () => {
    for (const id of [DEMO.forms.chain, DEMO.forms.chainLightPalette, DEMO.forms.chainDarkPalette, DEMO.forms.chainClasses]) {
      const s = initialState(formOf(id));
      expect(transition(s, { type: 'askCity', cities: ['New York', 'Rīga'] })).toBe(s);
    }
    const s = initialState(form);
    expect(transition(s, { type: 'askCity', cities: [...Array(4).fill('Chicago'), ...Array(4).fill('Denver')] })).toBe(s);
    expect(transition(s, { type: 'askCity', cities: Array(30).fill('Chicago') })).toBe(s);
    expect(transition(s, { type: 'askCity', cities: [...Array(8).fill('Chicago'), 'Denver'] }).current).toBe('city');
  });

  it('adds the city to both kinds of booking on a form that asks for the kind', () => {
    const s = transition(initialState(formOf(DEMO.forms.chainClasses)), { type: 'askCity', cities: CITIES });
    expect(s.current).toBe('city');
    expect(s.paths!.services.slice(0, 3)).toEqual(['city', 'location', 'record_type']);
    expect(s.paths!.events).toEqual(['city', 'location', 'record_type', 'event', 'contact', 'confirm']);
    expect(s.steps).toEqual(s.paths!.services);
  });

  it('keeps a remembered city: back on its locations after a reload', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v), removeItem: (k: string) => void store.delete(k) } as Storage;
    const memory = flowMemory(storage, LARGE, () => NOW.getTime());
    let s: FlowState = transition(initialState(form), { type: 'askCity', cities: CITIES });
    s = transition(s, { type: 'selectCity', city: 'Denver' });
    memory.save(s);
    const restored = transition(memory.restore(initialState(form)), { type: 'askCity', cities: CITIES });
    expect(restored).toMatchObject({ current: 'location', choices: { city: 'Denver' } });
    expect(restored.steps.slice(0, 2)).toEqual(['city', 'location']);
  });
});

let model: BookingModel | undefined;
afterEach(() => {
  cleanup();
  model?.dispose();
  setLocale('en-US', null);
});

function renderWidget(formId: number) {
  const demo = createDemoApp({ now: () => NOW });
  const api = createApi({ baseUrl: 'http://demo.test/api/v1', fetch: (input, init) => Promise.resolve(demo.fetch(new Request(input as RequestInfo, init))) });
  model = createBookingModel({ api, formId, now: () => NOW, remember: false });
  render(<App model={model} />);
  return model;
}

const heading = () => screen.getByRole('heading', { level: 2 });
const cardTitles = () => [...document.querySelectorAll('.bw-card__title')].map((e) => e.textContent);

describe('the demo chain without a city step (form 14)', () => {
  it('starts at the city step once its locations load, without taking the page’s focus; a city leads to its locations', async () => {
    const m = renderWidget(LARGE);
    await screen.findByRole('button', { name: /Chicago/ });
    expect(heading().textContent).toBe('Choose city');
    expect(m.flow.peek()!.steps.slice(0, 2)).toEqual(['city', 'location']);
    expect(cardTitles()).toEqual(['Chicago', 'Denver', 'London', 'Los Angeles', 'New York', 'Rīga']);
    // The flow moved on its own, not the visitor: focus is not pulled into the widget.
    expect(document.activeElement).toBe(document.body);
    fireEvent.click(screen.getByRole('button', { name: /Denver/ }));
    await waitFor(() => expect(heading().textContent).toBe('Choose location'));
    await waitFor(() => expect(cardTitles().length).toBe(CHAIN_LOCATIONS.filter((l) => l.city === 'Denver').length));
    // A step the visitor moved to takes focus to its heading, as on every step.
    expect(document.activeElement).toBe(heading());
  });

  it('leaves the two-location chain on its flat list of locations', async () => {
    const m = renderWidget(DEMO.forms.chain);
    await waitFor(() => expect(cardTitles().length).toBe(2));
    expect(heading().textContent).toBe('Choose location');
    expect(m.flow.peek()!.steps).not.toContain('city');
  });
});
