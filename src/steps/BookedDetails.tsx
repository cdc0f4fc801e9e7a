// One appointment as the business has it on record: services with their prices (and their
// total, when there are several), team member, time and place. The success screen and the booking
// page (src/steps/ManageBooking.tsx) show it the same way.
import type { BookingDetails } from '../api/types';
import { t } from '../i18n';
import { formatDuration } from '../i18n/format';
import { placeAddress } from '../flow/add-to-calendar';
import { Price } from './Price';
import { TotalPrice } from './TotalPrice';
import { VisitTime } from './VisitTime';

export interface BookedDetailsProps {
  details: BookingDetails;
  tz: string;
  lang: string;
  /** The total of its services under them (default); off where one total follows several appointments. */
  total?: boolean;
}

export function BookedDetails({ details: d, tz, lang, total = true }: BookedDetailsProps) {
  const currency = d.location.currency;
  return (
    <dl class="bw-summary bw-booked__details">
      <div class="bw-summary__row">
        <dt>{t(d.services.length > 1 ? 'record.services' : 'record.service')}</dt>
        <dd>
          <ul class="bw-plain-list bw-booked__services">
            {d.services.map((s) => (
              <li key={s.id}>
                <bdi>{s.title}</bdi> <Price service={s} currency={currency} lang={lang} />
              </li>
            ))}
          </ul>
          {d.length > 0 && <span class="bw-muted">{formatDuration(d.length, lang)}</span>}
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
      {total && d.services.length > 1 && <TotalRow services={d.services} currency={currency} lang={lang} />}
    </dl>
  );
}

/** The total of services as a summary row, after the services (or after several appointments). */
export function TotalRow(props: { services: BookingDetails['services']; currency: string; lang: string }) {
  return (
    <div class="bw-summary__row bw-summary__total">
      <dt>{t('widget.total')}</dt>
      <dd>
        <TotalPrice {...props} />
      </dd>
    </div>
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
