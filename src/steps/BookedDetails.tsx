// One appointment as the business has it on record: services, team member, time and place.
// The success screen and the booking page (src/steps/ManageBooking.tsx) show it the same way.
import type { BookingDetails } from '../api/types';
import { formatSlotLong } from '../dates';
import { formatVisitorTime, parseDateTime, visitorZone, zoneDiffers, zoneLabel } from '../dates/zones';
import { t } from '../i18n';
import { formatDuration } from '../i18n/format';

export function BookedDetails({ details: d, tz, lang }: { details: BookingDetails; tz: string; lang: string }) {
  // As on the summary: the location's time with its zone, and the visitor's own when it differs.
  const at = parseDateTime(d.datetime);
  const visitor = visitorZone();
  const yours = zoneDiffers(tz, at, visitor) ? `${formatVisitorTime(at, tz, lang, visitor)} (${zoneLabel(visitor, lang, at)})` : '';
  return (
    <dl class="bw-summary">
      <div class="bw-summary__row">
        <dt>{t(d.services.length > 1 ? 'record.services' : 'record.service')}</dt>
        <dd>
          <bdi>{d.services.map((s) => s.title).join(', ')}</bdi>
          {d.length > 0 && <span class="bw-muted"> · {formatDuration(d.length, lang)}</span>}
        </dd>
      </div>
      <div class="bw-summary__row">
        <dt>{t('record.master')}</dt>
        <dd>
          <bdi>{d.staff.name || t('widget.any_member')}</bdi>
        </dd>
      </div>
      <div class="bw-summary__row">
        <dt>{t('record.date')}</dt>
        <dd>
          {formatSlotLong(d.datetime, tz, lang)} <span class="bw-muted">({zoneLabel(tz, lang, at)})</span>
          {yours && (
            <>
              <br />
              <span class="bw-muted bw-summary__yours">{t('widget.your_time', { time: yours })}</span>
            </>
          )}
        </dd>
      </div>
      <div class="bw-summary__row">
        <dt>{t('record.place')}</dt>
        <dd>
          <bdi>{d.location.title}</bdi>
          <br />
          <bdi class="bw-muted">{addressOf(d.location)}</bdi>
        </dd>
      </div>
    </dl>
  );
}

export function addressOf(place: BookingDetails['location']): string {
  return !place.city || place.address.includes(place.city) ? place.address : [place.address, place.city].filter(Boolean).join(', ');
}

/** The business's phone as a link (only digits and + kept), for what only the business can settle. */
export function PhoneLink({ phone }: { phone: string }) {
  return phone ? <a href={`tel:${phone.replace(/[^\d+]/g, '')}`}>{phone}</a> : null;
}
