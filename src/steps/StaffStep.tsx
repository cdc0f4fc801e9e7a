// "Any team member" first, then each member with avatar, rating, position or specialization
// (as the form says) and the next day they have free time.
import type { BookingModel } from '../flow/model';
import { ANY_MEMBER } from '../flow/machine';
import type { TeamMember } from '../api/types';
import { formatDateShort } from '../dates/names';
import { t, tPlural } from '../i18n';
import { formatCount, formatRating } from '../i18n/format';
import { Avatar } from '../ui/Avatar';
import { About } from '../ui/BusinessHtml';
import { QueryView } from './QueryView';
import { ContinueWithChoice } from './Parts';

export function StaffStep({ model }: { model: BookingModel }) {
  const chosen = model.choices.value?.staffId;
  const lang = model.lang.value ?? 'en-US';
  const caption = model.formData.value?.staffCaption ?? 'specialization';
  const select = (staffId: number) => model.dispatch({ type: 'selectStaff', staffId });

  return (
    <>
      <QueryView query={model.staff} rows={5} cards>
        {(members) => {
          const bookable = members.filter((m) => m.bookable);
          if (members.length === 0) return <p class="bw-empty">{t('widget.no_members')}</p>;
          return (
            <ul class="bw-list" role="list">
              {bookable.length > 1 && (
                <li class={`bw-card bw-card--member${chosen === ANY_MEMBER ? ' is-selected' : ''}`}>
                  <button type="button" class="bw-card__main" aria-pressed={chosen === ANY_MEMBER} onClick={() => select(ANY_MEMBER)}>
                    <span class="bw-avatar bw-avatar--any" aria-hidden="true" />
                    <span class="bw-card__body">
                      <span class="bw-card__title">{t('widget.any_member')}</span>
                      <span class="bw-card__meta">{t('widget.any_member_hint')}</span>
                    </span>
                    <span class="bw-card__mark" aria-hidden="true" />
                  </button>
                </li>
              )}
              {members.map((m) => (
                // The card holds the choice and, below it, the "About" that opens within the card.
                <li key={m.id} class={`bw-card bw-card--member${chosen === m.id ? ' is-selected' : ''}${m.bookable ? '' : ' is-disabled'}`}>
                  <button
                    type="button"
                    class="bw-card__main"
                    aria-pressed={chosen === m.id}
                    disabled={!m.bookable}
                    onClick={() => select(m.id)}
                  >
                    <Avatar name={m.name} src={m.avatar} />
                    <span class="bw-card__body">
                      <span class="bw-card__title">{m.name}</span>
                      <span class="bw-card__meta">{captionOf(m, caption)}</span>
                      <span class="bw-card__meta">
                        {m.rating !== null && m.rating > 0 && (
                          <span class="bw-rating" aria-label={t('widget.rating', { rating: formatRating(m.rating, lang), max: formatCount(5, lang) })}>
                            ★ {formatRating(m.rating, lang)}
                          </span>
                        )}
                        {m.reviewsCount ? (
                          <span>
                            {formatCount(m.reviewsCount, lang)} {tPlural('master.reviews', m.reviewsCount)}
                          </span>
                        ) : null}
                        {m.bookable && m.nextDate ? (
                          <span>{t('widget.next_free', { date: formatDateShort(m.nextDate, lang, true) })}</span>
                        ) : (
                          !m.bookable && <span>{t('master.no_record_new')}</span>
                        )}
                      </span>
                    </span>
                    {m.bookable && <span class="bw-card__mark" aria-hidden="true" />}
                  </button>
                  <About label={t('header.master-info')} html={m.informationHtml} />
                </li>
              ))}
            </ul>
          );
        }}
      </QueryView>
      <ContinueWithChoice model={model} step="staff" />
    </>
  );
}

function captionOf(m: TeamMember, mode: 'specialization' | 'position'): string {
  return mode === 'position' ? m.position?.title || m.specialization : m.specialization || m.position?.title || '';
}
