// A large chain (demo form 13: 30 locations in six cities): the city first, a search, the city's
// locations, booking through; "nearest to me" with the browser's position allowed, and refused.
// The same chain on a form without the city step (demo form 14): the city is still asked first.
import type { BrowserContext } from '@playwright/test';
import { distanceKm } from '../src/flow/chain';
import { CHAIN_IDS, CHAIN_LOCATIONS } from '../src/server/demo/chain-seed';
import { DEMO } from '../src/server/demo/seed';
import { axeViolations } from './a11y-walk';
import type { DemoBackend } from './demo-backend';
import { expect, test } from './fixtures';
import { setClocks } from './visitor-clock';
import type { BookingWidget } from './widget';

const FORM = DEMO.forms.largeChain;
// A Tuesday morning before any location opens (New York 05:00), so the first free times stay ahead.
test.beforeEach(({ page, demo }) => setClocks(page, demo, '2026-11-24T05:00:00-05:00'));

const CITY = 'Choose city';
const LOCATION = 'Choose location';

/** From the location's service step to the success screen; the booking is made at `locationId`. */
async function bookHere(widget: BookingWidget, demo: DemoBackend, locationId: number | undefined) {
  await widget.expectStep('service');
  await widget.chooseService('Express haircut');
  await widget.chooseMember('Any available team member');
  await widget.chooseFirstSlot();
  await widget.fillContact();
  await widget.confirmButton().click();
  await widget.expectStep('success');
  const [booking] = await demo.bookings();
  expect(booking?.locationId).toBe(locationId);
}

async function allowPosition(context: BrowserContext, at: { lat: number; lon: number }) {
  await context.grantPermissions(['geolocation']);
  await context.setGeolocation({ latitude: at.lat, longitude: at.lon });
}

test('city → search → location → booked, back from the locations returning to the cities', async ({ page, widget, demo }) => {
  test.setTimeout(60_000);
  await widget.open(FORM);
  await expect(widget.heading()).toHaveText(CITY);
  const cities = page.getByRole('region', { name: CITY });
  await expect(cities.getByRole('listitem')).toHaveCount(6);
  await expect(cities.getByRole('button', { name: /^Chicago/ })).toContainText('5 locations');

  // The city step's search also finds locations in every city, and says how many.
  const citySearch = cities.getByRole('searchbox', { name: 'Find cities' });
  await citySearch.fill('broadway');
  await expect(cities.locator('.bw-card__title')).toHaveText(['Lumen Express Upper West Side', 'Lumen Express Astoria', 'Lumen Express Downtown']);
  await expect(cities.getByRole('status').filter({ hasText: '3 locations' })).toHaveCount(1);
  expect(await axeViolations(page)).toEqual([]);
  await citySearch.fill('nowhere at all');
  await expect(cities.getByText('No locations found for your search')).toBeVisible();
  await cities.getByRole('button', { name: 'Clear search' }).click();
  await expect(citySearch).toBeFocused();

  await cities.getByRole('button', { name: /^Chicago/ }).click();
  await expect(widget.heading()).toHaveText(LOCATION);
  const locations = page.getByRole('region', { name: LOCATION });
  await expect(locations.locator('.bw-card__title')).toHaveCount(5);
  // Each keeps its next free time: Chicago opens at 8:00, its own zone's time.
  await expect(locations.getByRole('button', { name: /^Lumen Express Wicker Park/ })).toContainText(/8:00\sAM/);

  // Back from the locations: the cities again, Chicago chosen.
  await widget.back();
  await expect(widget.heading()).toHaveText(CITY);
  await expect(cities.getByRole('button', { name: /^Chicago/ })).toHaveAttribute('aria-pressed', 'true');
  await cities.getByRole('button', { name: /^Chicago/ }).click();

  await locations.getByRole('searchbox', { name: 'Find locations' }).fill('milwaukee');
  await expect(locations.locator('.bw-card__title')).toHaveText(['Lumen Express Wicker Park', 'Lumen Express Logan Square']);
  await expect(locations.getByRole('status').filter({ hasText: '2 locations' })).toHaveCount(1);
  expect(await axeViolations(page)).toEqual([]);
  await locations.getByRole('button', { name: /^Lumen Express Wicker Park/ }).click();

  await bookHere(widget, demo, CHAIN_IDS['Chicago']!['Wicker Park']);
});

test('a form without the city step: the large chain still asks the city first, and books through', async ({ page, widget, demo }) => {
  test.setTimeout(60_000);
  await widget.open(DEMO.forms.largeChainNoCityStep);
  await expect(widget.heading()).toHaveText(CITY);
  const cities = page.getByRole('region', { name: CITY });
  await expect(cities.getByRole('listitem')).toHaveCount(6);
  // The flow moved on its own once the locations came: the page's focus was not taken.
  await expect(widget.heading()).not.toBeFocused();
  await cities.getByRole('button', { name: /^London/ }).click();
  await expect(widget.heading()).toHaveText(LOCATION);
  const locations = page.getByRole('region', { name: LOCATION });
  await expect(locations.locator('.bw-card__title')).toHaveCount(CHAIN_LOCATIONS.filter((l) => l.city === 'London').length);
  await widget.back();
  await expect(widget.heading()).toHaveText(CITY);
  await cities.getByRole('button', { name: /^Denver/ }).click();
  await locations.getByRole('button', { name: /^Lumen Express Capitol Hill/ }).click();

  await bookHere(widget, demo, CHAIN_IDS['Denver']!['Capitol Hill']);
});

test('nearest to me: every location by distance, with the distance, once the visitor allows it', async ({ page, context, widget }) => {
  const here = { lat: 51.5416, lon: -0.1439 }; // Camden, London
  const nearest = [...CHAIN_LOCATIONS].sort((a, b) => distanceKm(here, a) - distanceKm(here, b)).map((l) => l.title);
  await allowPosition(context, here);
  await widget.open(FORM);
  const cities = page.getByRole('region', { name: CITY });
  await expect(cities.getByRole('listitem')).toHaveCount(6);
  const button = cities.getByRole('button', { name: 'Nearest to me' });
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  await expect(cities.locator('.bw-card__title')).toHaveText(nearest);
  await expect(cities.getByRole('status').filter({ hasText: '30 locations' })).toHaveCount(1);
  // In the visitor's units (en-US: miles), in order.
  const distances = await cities.locator('.bw-distance').allTextContents();
  expect(distances[0]).toMatch(/^0\.\d mi$/);
  const miles = distances.map((d) => Number(d.replace(/[^\d.]/g, '')));
  expect(miles).toEqual([...miles].sort((a, b) => a - b));
  expect(await axeViolations(page)).toEqual([]);

  // The London locations' step keeps the order: the nearest first, with its distance.
  await cities.getByRole('button', { name: 'Nearest to me' }).click();
  await cities.getByRole('button', { name: /^London/ }).click();
  await expect(widget.heading()).toHaveText(LOCATION);
  const locations = page.getByRole('region', { name: LOCATION });
  await locations.getByRole('button', { name: 'Nearest to me' }).click();
  await expect(locations.locator('.bw-card__title')).toHaveText(nearest.filter((t) => CHAIN_LOCATIONS.find((l) => l.title === t)!.city === 'London'));
  await expect(locations.locator('.bw-distance').first()).toHaveText(/^0\.\d mi$/);
});

test('a refused position says so, and the cities stay usable', async ({ page, context, widget }) => {
  await context.clearPermissions();
  await widget.open(FORM);
  const cities = page.getByRole('region', { name: CITY });
  await expect(cities.getByRole('listitem')).toHaveCount(6);
  await cities.getByRole('button', { name: 'Nearest to me' }).click();
  await expect(cities.getByRole('status').filter({ hasText: 'Your location was not shared' })).toBeVisible();
  await expect(cities.getByRole('button', { name: 'Nearest to me' })).toHaveAttribute('aria-pressed', 'false');
  await expect(cities.getByRole('listitem')).toHaveCount(6);
  expect(await axeViolations(page)).toEqual([]);
  await cities.getByRole('button', { name: /^Denver/ }).click();
  await expect(widget.heading()).toHaveText(LOCATION);
});
