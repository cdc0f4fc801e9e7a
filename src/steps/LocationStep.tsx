import type { ComponentChildren } from 'preact';
import type { Location } from '../api/types';
import type { BookingModel } from '../flow/model';
import { formatSlotLong } from '../dates';
import { t } from '../i18n';
import { placeParts } from '../i18n/format';
import { About } from '../ui/BusinessHtml';
import { QueryView } from './QueryView';
import { ContinueWithChoice } from './Parts';

export function LocationStep({ model }: { model: BookingModel }) {
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

/**
 * A location as a card, laid out as the service and team member cards: the choice, then its
 * "About" within the card. `withCity`: the choice takes the location's city along (a large
 * chain's search and nearest to me find locations in other cities). `children`: more lines.
 */
export function LocationCard({ model, location: l, chosen, withCity, children }: { model: BookingModel; location: Location; chosen: boolean; withCity?: boolean; children?: ComponentChildren }) {
  const lang = model.lang.value ?? 'en-US';
  return (
    <li class={`bw-card${chosen ? ' is-selected' : ''}`}>
      <button type="button" class="bw-card__main" aria-pressed={chosen} onClick={() => model.dispatch({ type: 'selectLocation', locationId: l.id, ...(withCity && { city: l.city }) })}>
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
