// What was booked, read back from the business's records. In order of what matters: that it is
// booked (a check mark and the resource's own words, in the form's colour); each appointment with
// its team member, time, place and prices, and their total; one main action, adding it to a
// calendar; then, all alike, the booking's page, the way there, and booking again with the contact
// data kept. While the records load, the same boxes are drawn from what the visitor chose, so
// nothing moves when they come.
import type { ComponentChildren } from 'preact';
import type { BookingDetails, CreatedRecord, Service, Slot } from '../api/types';
import { calendarEvent, directionsUrl, manageUrl } from '../flow/add-to-calendar';
import type { BookingModel } from '../flow/model';
import { t } from '../i18n';
import { Button } from '../ui/Button';
import { Skeleton } from '../ui/Skeleton';
import { AddToCalendar } from './AddToCalendar';
import { BookedDetails, TotalRow } from './BookedDetails';
import { RetryBox } from './Parts';
import { Summary } from './Summary';

export function SuccessScreen({ model }: { model: BookingModel }) {
  const records = model.flow.value?.booking ?? [];
  const booked = model.booked.state.value;
  const where = { formId: model.formData.value?.id ?? 0, locationId: model.location.value?.id ?? 0, lang: model.lang.value };
  const manageLink = (r: CreatedRecord) => manageUrl(r, where, model.bookingPage);
  const place = (booked.status === 'ready' && booked.data[0]?.location) || model.location.value;

  return (
    <div class="bw-success">
      <div class="bw-success__head">
        <CheckMark />
        {/* The step's heading says it to assistive technology (the header's, hidden on this step). */}
        <p class="bw-success__title" aria-hidden="true">
          {t('record.booking_success')}
        </p>
      </div>
      {booked.status === 'ready' ? (
        <BookedList model={model} list={booked.data} records={records} manageLink={manageLink} />
      ) : booked.status === 'error' ? (
        <>
          {/* What the visitor chose is known here; the business's copy could not be read. */}
          <Summary model={model} editable={false} />
          <RetryBox onRetry={() => model.booked.retry()} />
        </>
      ) : (
        <BookedPlaceholder model={model} records={records} />
      )}
      {/* Known from the start (the records' links, the location), so they never move. */}
      <ul class="bw-plain-list bw-success__more">
        {records.map((r, i) => (
          <li key={r.recordId}>
            <a class="bw-btn bw-btn--secondary" href={manageLink(r)} target="_blank" rel="noopener">
              {records.length > 1 ? t('widget.labelled', { label: t('widget.manage_booking'), value: t('widget.appointment_n', { n: i + 1 }) }) : t('widget.manage_booking')}
            </a>
          </li>
        ))}
        {place && (
          <li>
            <a class="bw-btn bw-btn--secondary" href={directionsUrl(place)} target="_blank" rel="noopener noreferrer">
              {t('widget.directions')}
            </a>
          </li>
        )}
        <li>
          <Button variant="secondary" onClick={model.restart}>
            {t('record.create_new_record')}
          </Button>
        </li>
      </ul>
    </div>
  );
}

/** A filled circle in the form's colour with a check in the colour that reads on it. */
function CheckMark() {
  return (
    <svg class="bw-success__mark" viewBox="0 0 48 48" width="56" height="56" aria-hidden="true" focusable="false">
      <circle cx="24" cy="24" r="24" fill="currentColor" />
      <path d="M14 24.5l6.5 6.5L34 17.5" fill="none" stroke-width="4" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  );
}

interface Shown {
  model: BookingModel;
  /** Each appointment as the business has it, or as chosen while that loads. */
  list: BookingDetails[];
}

/** The appointments (a card each), the total of several, and the calendar button, or its place. */
function Appointments({ model, list, calendar }: Shown & { calendar: ComponentChildren }) {
  const lang = model.lang.value ?? 'en-US';
  const several = list.length > 1;
  const currency = list[0]?.location.currency || model.location.value?.currency || '';
  return (
    <div class="bw-success__booked">
      <ul class="bw-plain-list bw-booked">
        {list.map((d, i) => (
          <li key={d.id || i} class="bw-booked__item">
            {several && <h3 class="bw-appointment__title">{t('widget.appointment_n', { n: i + 1 })}</h3>}
            <BookedDetails details={{ ...d, location: { ...d.location, currency } }} tz={model.tz.value} lang={lang} total={!several} />
          </li>
        ))}
      </ul>
      {several && (
        <dl class="bw-summary bw-booked__sum">
          <TotalRow services={list.flatMap((d) => d.services)} currency={currency} lang={lang} />
        </dl>
      )}
      {calendar}
    </div>
  );
}

function BookedList(props: { model: BookingModel; list: BookingDetails[]; records: CreatedRecord[]; manageLink: (r: CreatedRecord) => string }) {
  const { model, list, records } = props;
  const events = list.map((d) => {
    const record = records.find((r) => r.recordId === d.id);
    return calendarEvent(d, { manageUrl: record && props.manageLink(record) });
  });
  const calendar = <AddToCalendar events={events} fileName={`booking-${list.map((d) => d.id).join('-')}.ics`} lang={model.lang.value ?? 'en-US'} />;
  return <Appointments model={model} list={list} calendar={calendar} />;
}

/**
 * While the business's copy loads: the details as the visitor chose them, in the boxes the copy
 * will fill, drawn as placeholders, so nothing below moves when it comes (no layout shift).
 */
function BookedPlaceholder({ model, records }: { model: BookingModel; records: CreatedRecord[] }) {
  const place = model.location.value;
  const several = model.appointments.value;
  const s = model.selection.value;
  const chosen: { services: Service[]; memberName?: string; slot?: Slot; record?: CreatedRecord }[] =
    several.length > 1 ? several : [{ services: s.services, memberName: s.memberName, slot: s.slot, record: records[0] }];
  const known = chosen.flatMap((a): BookingDetails[] =>
    place && a.slot
      ? [
          {
            id: a.record?.recordId ?? 0,
            services: a.services.map((x) => ({ id: x.id, title: x.title, cost: x.priceMin, priceMin: x.priceMin, priceMax: x.priceMax, discount: x.discount })),
            location: { ...place, allowDelete: false, deleteDelaySeconds: 0 },
            staff: { id: 0, name: a.memberName ?? '' },
            datetime: a.slot.datetime,
            length: a.slot.duration,
            comment: '',
            deleted: false,
            notifyBySms: 0,
            notifyByEmail: 0,
          },
        ]
      : [],
  );
  return (
    <div role="group" aria-busy="true" aria-label={t('widget.loading')} class="bw-placeholder">
      <div aria-hidden="true">
        {known.length ? (
          <Appointments
            model={model}
            list={known}
            calendar={<span class="bw-btn bw-btn--primary bw-btn--block bw-calendar-add__toggle">{t('widget.add_to_calendar')}</span>}
          />
        ) : (
          <Skeleton lines={6} />
        )}
      </div>
    </div>
  );
}
