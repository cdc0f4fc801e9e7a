// A large chain's ways to a location: its cities with their counts, a search over the locations'
// names and addresses, and "nearest to me" (the visitor's position, asked for only on that
// button's press, and the distance to each location). Pure functions plus a little per-widget
// state; the views (src/steps/chain-views.tsx) load as their own chunk, only for chains.
import { signal, type Signal } from '@preact/signals';
import type { Location } from '../api/types';
import { toIntlLocale } from '../i18n';

export interface CityCount {
  city: string;
  count: number;
}

export interface Point {
  lat: number;
  lon: number;
}

/** Where "nearest to me" stands: not asked, asking, refused, or the browser could not tell. */
export type GeoStatus = 'idle' | 'asking' | 'ready' | 'denied' | 'unavailable';

/** The chain's cities, each once, with how many locations it has, in the language's order. */
export function citiesOf(locations: readonly Location[], lang: string): CityCount[] {
  const counts = new Map<string, number>();
  for (const l of locations) counts.set(l.city, (counts.get(l.city) ?? 0) + 1);
  const collator = new Intl.Collator(toIntlLocale(lang));
  return [...counts].map(([city, count]) => ({ city, count })).sort((a, b) => collator.compare(a.city, b.city));
}

/** Lower case without accents, so "riga" finds "Rīga" and "kalku" finds "Kaļķu iela". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Whether every word of the query is in the location's name, address or city. */
export function matchesLocation(l: Location, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const text = fold(`${l.title} ${l.address} ${l.city}`);
  return words.every((w) => text.includes(w));
}

/** Whether the city's name holds the query (every word of it). */
export function matchesCity(city: string, query: string): boolean {
  const text = fold(city);
  return fold(query).split(/\s+/).filter(Boolean).every((w) => text.includes(w));
}

/** Great-circle distance in kilometres (haversine; the Earth as a 6371 km sphere). */
export function distanceKm(a: Point, b: Point): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface Placed {
  location: Location;
  /** Kilometres from the visitor; undefined without a position or the location's coordinates. */
  km?: number;
}

/** The locations with their distances, nearest first when the position is known (those without coordinates last, as listed). */
export function placed(locations: readonly Location[], from: Point | null): Placed[] {
  const list = locations.map((location) => ({ location, km: from && location.coordinates ? distanceKm(from, location.coordinates) : undefined }));
  if (!from) return list;
  return list
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.km ?? Infinity) - (b.p.km ?? Infinity) || a.i - b.i)
    .map(({ p }) => p);
}

/** Countries whose road distances are in miles. */
const MILES = ['US', 'GB', 'LR', 'MM'];

/** "1.2 km", "0.8 mi", "850 m", in the language's digits and words (Intl). */
export function formatDistance(km: number, lang: string): string {
  const locale = toIntlLocale(lang);
  const miles = MILES.includes(new Intl.Locale(locale).maximize().region ?? '');
  const [value, unit] = miles ? [km / 1.609344, 'mile'] : km < 1 ? [Math.round(km * 100) * 10, 'meter'] : [km, 'kilometer'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
}

export interface ChainState {
  /** What the visitor typed on the city step and on the location step. */
  cityQuery: Signal<string>;
  locationQuery: Signal<string>;
  geo: Signal<GeoStatus>;
  /** The visitor's position once allowed. */
  origin: Signal<Point | null>;
  /** Asks the browser for the position (it asks the visitor); only ever called from a button. */
  locate(geolocation?: Geolocation | undefined): void;
  /** Back to the list's own order. */
  forget(): void;
}

const states = new WeakMap<object, ChainState>();

/** The chain state of one widget (keyed by its model), made on first use. */
export function chainOf(owner: object): ChainState {
  let state = states.get(owner);
  if (!state) {
    state = createChainState();
    states.set(owner, state);
  }
  return state;
}

export function createChainState(): ChainState {
  const cityQuery = signal('');
  cityQuery.name = 'chain.cityQuery';
  const locationQuery = signal('');
  locationQuery.name = 'chain.locationQuery';
  const geo = signal<GeoStatus>('idle');
  geo.name = 'chain.geo';
  const origin = signal<Point | null>(null);
  origin.name = 'chain.origin';
  return {
    cityQuery,
    locationQuery,
    geo,
    origin,
    locate(geolocation = typeof navigator === 'undefined' ? undefined : navigator.geolocation) {
      if (!geolocation) {
        geo.value = 'unavailable';
        return;
      }
      geo.value = 'asking';
      geolocation.getCurrentPosition(
        (p) => {
          origin.value = { lat: p.coords.latitude, lon: p.coords.longitude };
          geo.value = 'ready';
        },
        // 1 = PERMISSION_DENIED; otherwise no fix or too slow. The list stays as it was.
        (e) => (geo.value = e.code === 1 ? 'denied' : 'unavailable'),
        { timeout: 15_000, maximumAge: 5 * 60_000 },
      );
    },
    forget() {
      origin.value = null;
      geo.value = 'idle';
    },
  };
}
