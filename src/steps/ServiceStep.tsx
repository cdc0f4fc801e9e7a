// Services grouped by category (heavier categories first), a search box, and several services
// per appointment. Continue appears once one is chosen.
import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import type { BookingModel } from '../flow/model';
import type { Service, ServiceCatalog } from '../api/types';
import { t, tPlural } from '../i18n';
import { formatDuration } from '../i18n/format';
import { safeImageUrl } from '../ui/Avatar';
import { prepaidText } from './prepaid';
import { Price } from './Price';
import { QueryView } from './QueryView';

export function ServiceStep({ model }: { model: BookingModel }) {
  const [search, setSearch] = useState('');
  const searchBox = useRef<HTMLInputElement>(null);
  const selected = model.choices.value?.serviceIds ?? [];
  const currency = model.location.value?.currency ?? '';
  const lang = model.lang.value ?? 'en-US';
  // 438 at confirm: these services cannot be booked online now.
  const failure = model.booking.value.failure;
  // The sticky bar sums up the visit so far: how many services and how long.
  const catalog = model.catalog.state.value;
  const total = catalog.status === 'ready' ? catalog.data.services.filter((s) => selected.includes(s.id)).reduce((sum, s) => sum + (s.duration ?? 0), 0) : 0;
  // A search that finds nothing says what was looked for and offers to start again.
  const query = search.trim();
  const noMatch = query !== '' && catalog.status === 'ready' && catalog.data.services.length > 0 && groupByCategory(catalog.data, query).length === 0;

  function clearSearch() {
    setSearch('');
    // The button goes away with the message: focus goes back to where the visitor types.
    searchBox.current?.focus();
  }

  function toggle(id: number) {
    const next = selected.includes(id) ? selected.filter((s) => s !== id) : [...selected, id];
    model.dispatch({ type: 'setServices', serviceIds: next });
  }

  return (
    <div class="bw-services">
      {failure?.fixAt === 'service' && (
        <p class="bw-notice" role="alert">
          {t(failure.message)}. {t('widget.services_gone')}
        </p>
      )}
      <label class="bw-search">
        <span class="bw-visually-hidden">{t('service.search')}</span>
        <input
          ref={searchBox}
          type="search"
          placeholder={t('service.search')}
          value={search}
          onInput={(e) => setSearch(e.currentTarget.value)}
        />
      </label>
      {/* Always in the page, so what it comes to say is announced. */}
      <div role="status">
        {noMatch && (
          <div class="bw-empty">
            <p>{t('widget.no_match', { query })}</p>
            <button type="button" class="bw-btn bw-btn--secondary" onClick={clearSearch}>
              {t('widget.clear_search')}
            </button>
          </div>
        )}
      </div>
      <QueryGroups model={model} search={search}>
        {(s) => (
          <li key={s.id}>
            <label class={`bw-card bw-card--check${selected.includes(s.id) ? ' is-selected' : ''}`}>
              <input type="checkbox" checked={selected.includes(s.id)} onChange={() => toggle(s.id)} />
              <ServiceImage src={s.image} />
              <span class="bw-card__body">
                <span class="bw-card__title">{s.title}</span>
                <span class="bw-card__meta">
                  {s.duration ? <span>{formatDuration(s.duration, lang)}</span> : null}
                  {s.comment ? <span>{s.comment}</span> : null}
                  {s.prepaid && <span>{prepaidText(s.prepaid)}</span>}
                </span>
              </span>
              {/* A column of its own at the card's end: prices line up whatever the name's length. */}
              <span class="bw-card__price">
                <Price service={s} currency={currency} lang={lang} />
              </span>
            </label>
          </li>
        )}
      </QueryGroups>
      <div class="bw-actions bw-actions--sticky">
        <span class="bw-actions__note" aria-live="polite">
          {selected.length > 0 ? tPlural('widget.services_selected', selected.length) : ''}
          {/* The "·" before the total is the stylesheet's decoration (steps.css), not text to translate. */}
          {total > 0 && <span class="bw-actions__total">{formatDuration(total, lang)}</span>}
        </span>
        <button type="button" class="bw-btn bw-btn--primary" disabled={selected.length === 0} onClick={model.next}>
          {t('button.continue')}
        </button>
      </div>
    </div>
  );
}

function QueryGroups({ model, search, children }: { model: BookingModel; search: string; children: (s: Service) => ComponentChildren }) {
  return (
    <QueryView query={model.catalog} rows={6} cards>
      {(catalog) => {
        const groups = groupByCategory(catalog, search);
        if (catalog.services.length === 0) return <p class="bw-empty">{t('widget.no_services')}</p>;
        // Nothing matched: the status above the list says so.
        if (groups.length === 0) return null;
        return groups.map(({ id, title, services }) => (
          <section key={id} class="bw-group" aria-labelledby={`bw-cat-${id}`}>
            <h3 id={`bw-cat-${id}`} class="bw-group__title">
              {title}
            </h3>
            <ul class="bw-list" role="list">
              {services.map(children)}
            </ul>
          </section>
        ));
      }}
    </QueryView>
  );
}

/** Categories in the API's weight order, each with its matching services; empty ones dropped. */
function groupByCategory(catalog: ServiceCatalog, search: string) {
  const needle = search.trim().toLocaleLowerCase();
  const match = (s: Service) => !needle || s.title.toLocaleLowerCase().includes(needle);
  const groups = catalog.categories.map((c) => ({
    id: c.id,
    title: c.title,
    services: catalog.services.filter((s) => s.categoryId === c.id && match(s)),
  }));
  const known = new Set(catalog.categories.map((c) => c.id));
  const loose = catalog.services.filter((s) => !known.has(s.categoryId) && match(s));
  if (loose.length) groups.push({ id: 0, title: t('service.services'), services: loose });
  return groups.filter((g) => g.services.length > 0);
}

/** The service's picture: lazy, and sized before it loads so the list never jumps. */
function ServiceImage({ src }: { src: string | undefined }) {
  const url = safeImageUrl(src);
  return url ? <img class="bw-card__img" src={url} alt="" width={48} height={48} loading="lazy" decoding="async" /> : null;
}
