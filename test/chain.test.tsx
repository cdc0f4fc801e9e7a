// @vitest-environment jsdom
// A large chain: the city step (cities with their counts), a search across cities, the chosen
// city's locations, "nearest to me" after the visitor allows it, and a refusal that leaves the list usable.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../src/api/client';
import { normaliseBookingForm } from '../src/api/forms';
import type { Location } from '../src/api/types';
import { App } from '../src/app/App';
import { citiesOf, distanceKm, formatDistance, matchesLocation, placed } from '../src/flow/chain';
import { initialState, transition } from '../src/flow/machine';
import { createBookingModel, type BookingModel } from '../src/flow/model';
import { setLocale } from '../src/i18n';
import { createDemoApp } from '../src/server/demo/app';
import { CHAIN_IDS } from '../src/server/demo/chain-seed';
import { DEMO, FORMS } from '../src/server/demo/seed';
import { formJson } from '../src/server/demo/wire';

const NOW = new Date('2026-11-23T12:00:00Z');
let model: BookingModel | undefined;

afterEach(() => {
  cleanup();
  model?.dispose();
  setLocale('en-US', null);
  Reflect.deleteProperty(navigator, 'geolocation');
});

function renderWidget(formId: number = DEMO.forms.largeChain) {
  const demo = createDemoApp({ now: () => NOW });
  const api = createApi({
    baseUrl: 'http://demo.test/api/v1',
    fetch: (input, init) => Promise.resolve(demo.fetch(new Request(input as RequestInfo, init))),
  });
  model = createBookingModel({ api, formId, now: () => NOW, remember: false });
  render(<App model={model} />);
  return model;
}

/** A browser that answers the position request as given (after a tick, as a real one does). */
function fakeGeolocation(answer: { lat: number; lon: number } | { code: number }) {
  let asked = 0;
  const geolocation = {
    getCurrentPosition(ok: PositionCallback, fail?: PositionErrorCallback | null) {
      asked++;
      setTimeout(() => ('code' in answer ? fail?.({ code: answer.code, message: '' } as GeolocationPositionError) : ok({ coords: { latitude: answer.lat, longitude: answer.lon } } as GeolocationPosition)));
    },
  };
  Object.defineProperty(navigator, 'geolocation', { value: geolocation, configurable: true });
  return { asked: () => asked };
}

const heading = () => screen.getByRole('heading', { level: 2 });
const cardTitles = () => [...document.querySelectorAll('.bw-card__title')].map((e) => e.textContent);

describe('the flow of a form with a city step', () => {
  const form = normaliseBookingForm(formJson(FORMS.find((f) => f.id === DEMO.forms.largeChain)!), DEMO.forms.largeChain);

  it('asks for the city, then the location; back goes to the city; another city drops the location', () => {
    expect(form.cityStep).toBe(true);
    let s = initialState(form);
    expect(s.steps.slice(0, 3)).toEqual(['city', 'location', 'service']);
    expect(s.current).toBe('city');
    s = transition(s, { type: 'selectCity', city: 'Chicago' });
    expect(s.current).toBe('location');
    s = transition(s, { type: 'selectLocation', locationId: 5 });
    expect(s.current).toBe('service');
    s = transition(transition(s, { type: 'back' }), { type: 'back' });
    expect(s.current).toBe('city');
    expect(transition(s, { type: 'selectCity', city: 'Chicago' }).choices.locationId).toBe(5);
    const other = transition(s, { type: 'selectCity', city: 'Denver' });
    expect(other).toMatchObject({ current: 'location', choices: { city: 'Denver', locationId: undefined } });
    // A location found outside the chosen city (a search across cities) brings its city along.
    expect(transition(s, { type: 'selectLocation', locationId: 9, city: 'London' }).choices).toMatchObject({ city: 'London', locationId: 9 });
  });

  it('has no city step for the first chain, nor when a location is given', () => {
    const chain = normaliseBookingForm(formJson(FORMS.find((f) => f.id === DEMO.forms.chain)!), DEMO.forms.chain);
    expect(initialState(chain).steps[0]).toBe('location');
    expect(initialState(form, { locationId: 5 }).steps[0]).toBe('service');
  });
});

describe('cities, search and distances', () => {
  const at = (city: string, title: string, address: string, lat?: number, lon?: number): Location =>
    ({ id: title.length, title, address, city, ...(lat !== undefined && { coordinates: { lat, lon: lon! } }) }) as Location;
  const list = [at('Rīga', 'Lumen Teika', 'Brīvības gatve 300', 56.98, 24.17), at('Chicago', 'Lumen Loop', '20 N State Street', 41.88, -87.63), at('Rīga', 'Lumen Centrs', 'Kaļķu iela 15'), at('Chicago', 'Lumen Hyde Park', '1500 E 53rd Street', 41.8, -87.59)];

  it('counts each city once, in the language order', () => {
    expect(citiesOf(list, 'en-US')).toEqual([{ city: 'Chicago', count: 2 }, { city: 'Rīga', count: 2 }]);
  });

  it('finds by name, address or city, without accents and case', () => {
    expect(list.filter((l) => matchesLocation(l, 'kalku')).map((l) => l.title)).toEqual(['Lumen Centrs']);
    expect(list.filter((l) => matchesLocation(l, 'riga')).length).toBe(2);
    expect(list.filter((l) => matchesLocation(l, 'lumen street')).map((l) => l.title)).toEqual(['Lumen Loop', 'Lumen Hyde Park']);
  });

  it('orders by distance, those without coordinates last, and writes the distance the language way', () => {
    expect(Math.round(distanceKm({ lat: 51.5074, lon: -0.1278 }, { lat: 48.8566, lon: 2.3522 }))).toBe(344);
    const near = placed(list, { lat: 41.79, lon: -87.6 });
    expect(near.map((p) => p.location.title)).toEqual(['Lumen Hyde Park', 'Lumen Loop', 'Lumen Teika', 'Lumen Centrs']);
    expect(near[3]!.km).toBeUndefined();
    expect(formatDistance(1.609344 * 2.5, 'en-US')).toBe('2.5 mi');
    expect(formatDistance(2.46, 'lv-LV')).toBe('2,5 km');
    expect(formatDistance(0.437, 'fr-FR')).toMatch(/^440\sm$/);
  });
});

describe('the city step', () => {
  it('lists the six cities with their number of locations; a city leads to its locations, back to the cities', async () => {
    renderWidget();
    await screen.findByRole('button', { name: /Chicago/ });
    expect(heading().textContent).toBe('Choose city');
    expect(cardTitles()).toEqual(['Chicago', 'Denver', 'London', 'Los Angeles', 'New York', 'Rīga']);
    expect(screen.getByRole('button', { name: /Chicago/ }).textContent).toContain('5 locations');
    fireEvent.click(screen.getByRole('button', { name: /Chicago/ }));
    await waitFor(() => expect(heading().textContent).toBe('Choose location'));
    await screen.findByRole('button', { name: /Lumen Express Wicker Park/ });
    expect(cardTitles()).toEqual(['Lumen Express The Loop', 'Lumen Express Wicker Park', 'Lumen Express Lincoln Park', 'Lumen Express Hyde Park', 'Lumen Express Logan Square']);
    // Each keeps its next free time, in its own zone.
    expect(screen.getByRole('button', { name: /Wicker Park/ }).textContent).toMatch(/The closest available recording session is:.*\d/);
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    await waitFor(() => expect(heading().textContent).toBe('Choose city'));
    expect(screen.getByRole('button', { name: /Chicago/ }).getAttribute('aria-pressed')).toBe('true');
  });

  it('searches the locations of every city, says how many it found, and what it did not find', async () => {
    const m = renderWidget();
    await screen.findByRole('button', { name: /Chicago/ });
    const search = screen.getByRole('searchbox', { name: 'Find cities' }) as HTMLInputElement;
    fireEvent.input(search, { target: { value: 'broadway' } });
    expect(cardTitles()).toEqual(['Lumen Express Upper West Side', 'Lumen Express Astoria', 'Lumen Express Downtown']);
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain('3 locations');
    fireEvent.input(search, { target: { value: 'zzz' } });
    expect(cardTitles()).toEqual([]);
    expect(screen.getByText('No locations found for your search')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear search' }));
    expect(search.value).toBe('');
    expect(document.activeElement).toBe(search);
    expect(cardTitles()).toHaveLength(6);
    // A location found in another city is chosen with its city: the service step follows.
    fireEvent.input(search, { target: { value: 'downtown' } });
    fireEvent.click(screen.getByRole('button', { name: /Lumen Express Downtown/ }));
    await waitFor(() => expect(m.flow.value?.current).toBe('service'));
    expect(m.choices.value).toMatchObject({ city: 'Los Angeles', locationId: CHAIN_IDS['Los Angeles']!['Downtown'] });
  });

  it('orders every location by distance once the visitor allows it, with the distance shown', async () => {
    const geo = fakeGeolocation({ lat: 51.5416, lon: -0.1439 }); // near Camden, London
    renderWidget();
    await screen.findByRole('button', { name: /Chicago/ });
    expect(geo.asked()).toBe(0); // nothing asked before the press
    const near = screen.getByRole('button', { name: 'Nearest to me' });
    fireEvent.click(near);
    await waitFor(() => expect(near.getAttribute('aria-pressed')).toBe('true'));
    expect(geo.asked()).toBe(1);
    expect(cardTitles().slice(0, 3)).toEqual(['Lumen Express Camden', 'Lumen Express Shoreditch', 'Lumen Express Notting Hill']);
    expect(cardTitles()).toHaveLength(30);
    const first = screen.getByRole('button', { name: /Lumen Express Camden/ });
    expect(first.querySelector('.bw-distance')?.textContent).toBe('0.1 mi');
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain('30 locations');
    // Pressed again: the cities as before.
    fireEvent.click(near);
    expect(cardTitles()).toHaveLength(6);
  });

  it('a refusal says so and leaves the cities usable', async () => {
    fakeGeolocation({ code: 1 });
    renderWidget();
    await screen.findByRole('button', { name: /Chicago/ });
    fireEvent.click(screen.getByRole('button', { name: 'Nearest to me' }));
    await screen.findByText(/Your location was not shared/);
    expect(cardTitles()).toHaveLength(6);
    fireEvent.click(screen.getByRole('button', { name: /Denver/ }));
    await waitFor(() => expect(heading().textContent).toBe('Choose location'));
  });

  it('orders the chosen city’s locations by distance on the location step', async () => {
    fakeGeolocation({ lat: 39.7, lon: -104.96 }); // Washington Park, Denver
    renderWidget();
    fireEvent.click(await screen.findByRole('button', { name: /Denver/ }));
    await screen.findByRole('button', { name: /Lumen Express LoDo/ });
    const list = within(document.querySelector('.bw-step') as HTMLElement);
    fireEvent.click(list.getByRole('button', { name: 'Nearest to me' }));
    await waitFor(() => expect(cardTitles()[0]).toBe('Lumen Express Washington Park'));
    expect(cardTitles()).toHaveLength(5);
    fireEvent.input(list.getByRole('searchbox', { name: 'Find locations' }), { target: { value: 'colfax' } });
    expect(cardTitles()).toEqual(['Lumen Express Capitol Hill']);
  });
});
