import type { ComponentChildren } from 'preact';
import type { Location } from '../api/types';
import type { BookingModel } from '../flow/model';
import { dataOf } from '../flow/query';
import { formatSlotLong } from '../dates';
import { t } from '../i18n';
import { placeParts } from '../i18n/format';
import { About } from '../ui/BusinessHtml';
import { ChainView, isLargeChain } from './chain-lazy';
import { QueryView } from './QueryView';
import { ContinueWithChoice } from './Parts';

export function LocationStep({ model }: { model: BookingModel }) {
  // A chain with a city step, or a large one: the city's locations, a search and "nearest to me" (a chunk of their own).
  if (isLargeChain(model.flow.value?.steps, dataOf(model.locations))) return <ChainView view="ChainLocations" model={model} />;
  const chosen = model.choices.value?.locationId;
  return (
    <>
      <QueryView query={model.locations} rows={2} cards>
        {(locations) =>
          locations.length === 0 ? (
            <p class="bw-empty">{t('widget.no_locations')}</p>
          ) : (
            <ul class="bw-list" role="list">
              {locations.map((l) => (
                <LocationCard key={l.id} model={model} location={l} chosen={chosen === l.id} />
              ))}
            </ul>
          )
        }
      </QueryView>
      <ContinueWithChoice model={model} step="location" />
    </>
  );
}

/** A location's card: its name, address, next free time (and what the caller adds, e.g. its distance). */
export function LocationCard({ model, location: l, chosen, city, children }: { model: BookingModel; location: Location; chosen: boolean; city?: boolean; children?: ComponentChildren }) {
  const lang = model.lang.value ?? 'en-US';
  return (
    // Laid out as the service and team member cards: the choice, then its "About" within the card.
    <li class={`bw-card${chosen ? ' is-selected' : ''}`}>
      <button
        type="button"
        class="bw-card__main"
        aria-pressed={chosen}
        onClick={() => model.dispatch({ type: 'selectLocation', locationId: l.id, ...(city && { city: l.city }) })}
      >
        <span class="bw-card__body">
          <span class="bw-card__title">{l.title}</span>
          {/* The city once; when the address lacks it, beside it (a flex gap, no comma to translate). */}
          <span class="bw-card__meta">
            {placeParts(l.address, l.city).map((part) => (
              <span key={part}>{part}</span>
            ))}
          </span>
          {l.nextSlot && (
            <span class="bw-card__meta">
              {t('company.near_session')} {formatSlotLong(l.nextSlot, l.timezoneName, lang)}
            </span>
          )}
          {children}
        </span>
        <span class="bw-card__mark" aria-hidden="true" />
      </button>
      <About label={t('address.details')} html={l.descriptionHtml} />
    </li>
  );
}
