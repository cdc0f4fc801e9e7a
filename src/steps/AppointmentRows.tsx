// One appointment's rows in a summary list: what (services, prices, length), with whom, and when,
// in the location's time with the visitor's own beside it when the two differ. The summary of a
// single appointment and each card of a booking with several share them.
import type { ComponentChildren } from 'preact';
import type { Service } from '../api/types';
import type { StepId } from '../flow/machine';
import { t } from '../i18n';
import { formatDuration } from '../i18n/format';
import { Price } from './Price';
import { VisitTime } from './VisitTime';

export interface AppointmentRowsProps {
  services: readonly Service[];
  duration: number;
  /** undefined: any team member; null: none chosen yet (no row). */
  memberName: string | null | undefined;
  /** The slot's datetime as the API gave it; no time row without one. */
  datetime: string | undefined;
  tz: string;
  lang: string;
  currency: string;
  /** The "Change" cell of a row (a <dd>), or null where nothing can be changed. */
  change: (step: StepId, part: string) => ComponentChildren;
}

/** A row's "Change" button, in a <dd>: a description list holds only terms and descriptions. */
export function ChangeCell({ item, onChange }: { item: string; onChange: () => void }) {
  return (
    <dd class="bw-summary__change">
      <button type="button" class="bw-link" onClick={onChange} aria-label={t('widget.change_item', { item })}>
        {t('widget.change')}
      </button>
    </dd>
  );
}

export function AppointmentRows({ services, duration, memberName, datetime, tz, lang, currency, change }: AppointmentRowsProps) {
  const serviceLabel = t(services.length > 1 ? 'record.services' : 'record.service');
  return (
    <>
      <div class="bw-summary__row">
        <dt>{serviceLabel}</dt>
        <dd>
          <ul class="bw-plain-list">
            {services.map((sv) => (
              <li key={sv.id}>
                <bdi>{sv.title}</bdi>{' '}
                <span class="bw-muted">
                  <Price service={sv} currency={currency} lang={lang} />
                </span>
              </li>
            ))}
          </ul>
          {duration > 0 && <span class="bw-muted">{formatDuration(duration, lang)}</span>}
        </dd>
        {change('service', serviceLabel)}
      </div>
      {memberName !== null && (
        <div class="bw-summary__row">
          <dt>{t('record.master')}</dt>
          <dd>{memberName ?? t('widget.any_member')}</dd>
          {change('staff', t('record.master'))}
        </div>
      )}
      {datetime && (
        <div class="bw-summary__row">
          <dt>{t('record.date')}</dt>
          <dd>
            <VisitTime datetime={datetime} tz={tz} lang={lang} />
          </dd>
          {change('time', t('record.time'))}
        </div>
      )}
    </>
  );
}
