// What the visitor is about to book (or has booked): services, team member, when and where.
import type { BookingModel } from '../flow/model';
import type { StepId } from '../flow/machine';
import { formatSlotLong } from '../dates';
import { formatVisitorTime, parseDateTime, visitorZone, zoneDiffers, zoneLabel } from '../dates/zones';
import { t } from '../i18n';
import { formatDuration } from '../i18n/format';
import { Price } from './Price';
import { AppointmentList } from './Appointments';

export function Summary({ model, editable }: { model: BookingModel; editable: boolean }) {
  const s = model.selection.value;
  const lang = model.lang.value ?? 'en-US';
  const steps = model.flow.value?.steps ?? [];
  const change = (step: StepId, item: string) =>
    editable && steps.includes(step) ? (
      // In a <dd>: a description list holds only terms and descriptions.
      <dd class="bw-summary__change">
        <button type="button" class="bw-link" onClick={() => model.go(step)} aria-label={t('widget.change_item', { item })}>
          {t('widget.change')}
        </button>
      </dd>
    ) : null;
  const currency = s.location?.currency ?? '';
  const tz = model.tz.value;
  // The visitor's own clock beside the location's, when they differ at that instant.
  const at = s.slot ? parseDateTime(s.slot.datetime) : undefined;
  const visitor = visitorZone();
  const yours = at && zoneDiffers(tz, at, visitor) ? `${formatVisitorTime(at, tz, lang, visitor)} (${zoneLabel(visitor, lang, at)})` : '';
  const serviceLabel = t(s.services.length > 1 ? 'record.services' : 'record.service');
  // Several appointments are listed one by one; the place is the same for all of them.
  const several = model.appointments.value.length > 1;

  return (
    <>
      {several && <AppointmentList model={model} editable={editable} />}
      <dl class="bw-summary">
        {!several && (
          <>
            <div class="bw-summary__row">
              <dt>{serviceLabel}</dt>
              <dd>
                <ul class="bw-plain-list">
                  {s.services.map((sv) => (
                    <li key={sv.id}>
                      <bdi>{sv.title}</bdi>{' '}
                      <span class="bw-muted">
                        <Price service={sv} currency={currency} lang={lang} />
                      </span>
                    </li>
                  ))}
                </ul>
                {s.duration > 0 && <span class="bw-muted">{formatDuration(s.duration, lang)}</span>}
              </dd>
              {change('service', serviceLabel)}
            </div>
            <div class="bw-summary__row">
              <dt>{t('record.master')}</dt>
              <dd>{s.memberName ?? t('widget.any_member')}</dd>
              {change('staff', t('record.master'))}
            </div>
            {s.slot && (
              <div class="bw-summary__row">
                <dt>{t('record.date')}</dt>
                <dd>
                  {formatSlotLong(s.slot.datetime, tz, lang)} <span class="bw-muted">({zoneLabel(tz, lang, at!)})</span>
                  {yours && (
                    <>
                      <br />
                      <span class="bw-muted bw-summary__yours">{t('widget.your_time', { time: yours })}</span>
                    </>
                  )}
                </dd>
                {change('time', t('record.time'))}
              </div>
            )}
          </>
        )}
        {s.location && (
          <div class="bw-summary__row">
            <dt>{t('record.place')}</dt>
            <dd>
              <bdi>{s.location.title}</bdi>
              <br />
              {/* bdi: a business's own text keeps its direction inside a right-to-left page. */}
              <bdi class="bw-muted">{[s.location.address, s.location.city].filter(Boolean).join(', ')}</bdi>
            </dd>
            {/* A booking is for one location: changing it would start the appointments over. */}
            {!several && change('location', t('record.place'))}
          </div>
        )}
      </dl>
    </>
  );
}
