// One appointment as the business has it on record: services, team member, time and place.
// The success screen and the booking page (src/steps/ManageBooking.tsx) show it the same way.
import type { BookingDetails } from '../api/types';
import { t } from '../i18n';
import { formatDuration } from '../i18n/format';
import { comma, formatList } from '../i18n/joins';
import { placeAddress } from '../flow/add-to-calendar';
import { VisitTime } from './VisitTime';

export function BookedDetails({ details: d, tz, lang }: { details: BookingDetails; tz: string; lang: string }) {
  return (
    <dl class="bw-summary">
      <div class="bw-summary__row">
        <dt>{t(d.services.length > 1 ? 'record.services' : 'record.service')}</dt>
        <dd>
          <bdi>{formatList(d.services.map((s) => s.title), lang)}</bdi>
          {d.length > 0 && <span class="bw-muted">{comma(lang) + formatDuration(d.length, lang)}</span>}
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
          <VisitTime datetime={d.datetime} tz={tz} lang={lang} />
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

/** The place's address, its city written once (the rule the calendar event and map link follow). */
export function addressOf(place: BookingDetails['location']): string {
  return placeAddress(place);
}

/** The business's phone as a link (only digits and + kept), for what only the business can settle. */
export function PhoneLink({ phone }: { phone: string }) {
  return phone ? <a href={`tel:${phone.replace(/[^\d+]/g, '')}`} dir="ltr">{phone}</a> : null;
}
