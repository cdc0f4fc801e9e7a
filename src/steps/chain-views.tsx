// A large chain's views, a chunk of their own (chain-lazy.tsx): the city step (the cities with
// their counts; a search that also finds locations in every city; "nearest to me") and the
// location step's list of the chosen city's locations with the same search and ordering.
import { useRef } from 'preact/hooks';
import type { Location } from '../api/types';
import { chainOf, citiesOf, formatDistance, matchesCity, matchesLocation, placed, type ChainState, type Placed } from '../flow/chain';
import type { BookingModel } from '../flow/model';
import { addEnglish, t, tPlural } from '../i18n';
import { enChain } from '../i18n/en-chain';
import { LocationCard } from './LocationStep';
import { ContinueWithChoice } from './Parts';
import { QueryView } from './QueryView';

addEnglish(enChain);

/** The city step: cities with their number of locations, or, when searching or nearest first, locations. */
export function CityStep({ model }: { model: BookingModel }) {
  const chain = chainOf(model);
  return (
    <>
      <QueryView query={model.locations} rows={4} cards>
        {(locations) => <Cities model={model} chain={chain} locations={locations} />}
      </QueryView>
      <ContinueWithChoice model={model} step="city" />
    </>
  );
}

function Cities({ model, chain, locations }: { model: BookingModel; chain: ChainState; locations: Location[] }) {
  const lang = model.lang.value ?? 'en-US';
  const query = chain.cityQuery.value.trim();
  const origin = chain.origin.value;
  const choices = model.choices.value;
  const chosenCity = choices?.city ?? locations.find((l) => l.id === choices?.locationId)?.city;
  // Searching: the cities by name and the locations (in every city) by name or address. Nearest
  // first: every location by distance. Otherwise the cities.
  const cities = origin && !query ? [] : citiesOf(locations, lang).filter((c) => matchesCity(c.city, query));
  const found = query ? locations.filter((l) => matchesLocation(l, query)) : origin ? locations : [];
  const shown = placed(found, origin);
  const nothing = query !== '' && cities.length === 0 && shown.length === 0;
  return (
    <>
      <Search chain={chain} which="cityQuery" label={t('city.search_cities')} />
      <NearMe chain={chain} />
      <Count active={query !== '' || !!origin} count={shown.length} nothing={nothing} chain={chain} which="cityQuery" />
      {cities.length > 0 && (
        <ul class="bw-list" role="list">
          {cities.map(({ city, count }) => (
            <li key={city} class={`bw-card${chosenCity === city ? ' is-selected' : ''}`}>
              <button type="button" class="bw-card__main" aria-pressed={chosenCity === city} onClick={() => model.dispatch({ type: 'selectCity', city })}>
                <span class="bw-card__body">
                  <span class="bw-card__title">{city}</span>
                  <span class="bw-card__meta">{tPlural('widget.locations_count', count)}</span>
                </span>
                <span class="bw-card__mark" aria-hidden="true" />
              </button>
            </li>
          ))}
        </ul>
      )}
      {shown.length > 0 && (
        <>
          {/* Locations under the cities, named as such; nearest first, the list says so. */}
          <h3 class="bw-group__title">{origin ? t('widget.nearest_first') : t('backFilials')}</h3>
          <Locations model={model} shown={shown} />
        </>
      )}
    </>
  );
}

/** The location step of a large chain: the chosen city's locations (every one without a city step). */
export function ChainLocations({ model }: { model: BookingModel }) {
  const chain = chainOf(model);
  return (
    <>
      <QueryView query={model.locations} rows={4} cards>
        {(locations) => {
          const choices = model.choices.value;
          const city = model.flow.value?.steps.includes('city') ? (choices?.city ?? locations.find((l) => l.id === choices?.locationId)?.city) : undefined;
          const inCity = city === undefined ? locations : locations.filter((l) => l.city === city);
          const query = chain.locationQuery.value.trim();
          const shown = placed(query ? inCity.filter((l) => matchesLocation(l, query)) : inCity, chain.origin.value);
          return (
            <>
              <Search chain={chain} which="locationQuery" label={t('company.find_companies')} />
              <NearMe chain={chain} />
              <Count active={query !== '' || !!chain.origin.value} count={shown.length} nothing={query !== '' && shown.length === 0} chain={chain} which="locationQuery" />
              {shown.length > 0 && <Locations model={model} shown={shown} />}
            </>
          );
        }}
      </QueryView>
      <ContinueWithChoice model={model} step="location" />
    </>
  );
}

function Locations({ model, shown }: { model: BookingModel; shown: Placed[] }) {
  const lang = model.lang.value ?? 'en-US';
  const chosen = model.choices.value?.locationId;
  return (
    <ul class="bw-list" role="list">
      {shown.map(({ location, km }) => (
        <LocationCard key={location.id} model={model} location={location} chosen={chosen === location.id} withCity>
          {km !== undefined && <span class="bw-card__meta bw-distance">{formatDistance(km, lang)}</span>}
        </LocationCard>
      ))}
    </ul>
  );
}

type QueryName = 'cityQuery' | 'locationQuery';

function Search({ chain, which, label }: { chain: ChainState; which: QueryName; label: string }) {
  return (
    <label class="bw-search">
      <span class="bw-visually-hidden">{label}</span>
      <input type="search" placeholder={label} value={chain[which].value} onInput={(e) => (chain[which].value = e.currentTarget.value)} />
    </label>
  );
}

/** "Nearest to me": asks for the position on the press only; pressed again, the list's own order. */
function NearMe({ chain }: { chain: ChainState }) {
  const geo = chain.geo.value;
  return (
    <div class="bw-near">
      <button
        type="button"
        class="bw-btn bw-btn--secondary"
        aria-pressed={geo === 'ready'}
        aria-busy={geo === 'asking' ? 'true' : undefined}
        onClick={() => (geo === 'ready' ? chain.forget() : geo !== 'asking' && chain.locate())}
      >
        {t('widget.near_me')}
      </button>
      {/* Always in the page, so what it comes to say is announced; the list stays usable whatever it says. */}
      <div role="status">
        {geo === 'asking' && <p class="bw-near__note">{t('widget.locating')}</p>}
        {geo === 'denied' && <p class="bw-notice">{t('widget.geo_denied')}</p>}
        {geo === 'unavailable' && <p class="bw-notice">{t('geo.geo_timeout_error')}</p>}
      </div>
    </div>
  );
}

/** How many locations the search or the ordering shows, read out politely; or that none matched. */
function Count({ active, count, nothing, chain, which }: { active: boolean; count: number; nothing: boolean; chain: ChainState; which: QueryName }) {
  const root = useRef<HTMLDivElement>(null);
  return (
    <div role="status" ref={root}>
      {nothing ? (
        <div class="bw-empty">
          <p>{t('company.not_found_companies')}</p>
          <button
            type="button"
            class="bw-btn bw-btn--secondary"
            onClick={() => {
              chain[which].value = '';
              root.current?.parentElement?.querySelector<HTMLInputElement>('input[type="search"]')?.focus();
            }}
          >
            {t('widget.clear_search')}
          </button>
        </div>
      ) : (
        <p class="bw-visually-hidden">{active ? tPlural('widget.locations_count', count) : ''}</p>
      )}
    </div>
  );
}

