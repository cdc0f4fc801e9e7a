import type { BookingModel } from '../flow/model';
import { formatSlotLong } from '../dates';
import { t } from '../i18n';
import { placeParts } from '../i18n/format';
import { About } from '../ui/BusinessHtml';
import { QueryView } from './QueryView';
import { ContinueWithChoice } from './Parts';

export function LocationStep({ model }: { model: BookingModel }) {
  const chosen = model.choices.value?.locationId;
  const lang = model.lang.value ?? 'en-US';
  return (
    <>
      <QueryView query={model.locations} rows={2} cards>
        {(locations) =>
          locations.length === 0 ? (
            <p class="bw-empty">{t('widget.no_locations')}</p>
          ) : (
            <ul class="bw-list" role="list">
              {locations.map((l) => (
                // Laid out as the service and team member cards: the choice, then its "About" within the card.
                <li key={l.id} class={`bw-card${chosen === l.id ? ' is-selected' : ''}`}>
                  <button
                    type="button"
                    class="bw-card__main"
                    aria-pressed={chosen === l.id}
                    onClick={() => model.dispatch({ type: 'selectLocation', locationId: l.id })}
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
                    </span>
                    <span class="bw-card__mark" aria-hidden="true" />
                  </button>
                  <About label={t('address.details')} html={l.descriptionHtml} />
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
      <ContinueWithChoice model={model} step="location" />
    </>
  );
}
