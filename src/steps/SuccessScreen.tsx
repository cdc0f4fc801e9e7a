// What was booked, read back from the business's records: every appointment with its team
// member, time and place; adding it to a calendar, the way there, a link to see or cancel it,
// and booking again with the contact data kept.
import { useState } from 'preact/hooks';
import type { BookingDetails, CreatedRecord, Service, Slot } from '../api/types';
import { calendarEvent, directionsUrl, googleCalendarUrl, manageUrl } from '../flow/add-to-calendar';
import type { BookingModel } from '../flow/model';
import { t } from '../i18n';
import { Button } from '../ui/Button';
import { Skeleton } from '../ui/Skeleton';
import { BookedDetails } from './BookedDetails';
import { RetryBox } from './Parts';
import { Summary } from './Summary';

export function SuccessScreen({ model }: { model: BookingModel }) {
  const records = model.flow.value?.booking ?? [];
  const booked = model.booked.state.value;
  const where = { formId: model.formData.value?.id ?? 0, locationId: model.location.value?.id ?? 0, lang: model.lang.value };
  const links = (r: CreatedRecord) => manageUrl(r, where);

  return (
    <div class="bw-success">
      <p class="bw-success__mark" aria-hidden="true">
        ✓
      </p>
      {booked.status === 'ready' ? (
        <BookedList model={model} list={booked.data} records={records} manageLink={links} />
      ) : booked.status === 'error' ? (
        <>
          {/* What the visitor chose is known here; the business's copy could not be read. */}
          <Summary model={model} editable={false} />
          <RetryBox onRetry={() => model.booked.retry()} />
        </>
      ) : (
        <BookedPlaceholder model={model} records={records} />
      )}
      <div class="bw-actions bw-actions--wrap">
        <Button variant="secondary" onClick={model.restart}>
          {t('record.create_new_record')}
        </Button>
      </div>
    </div>
  );
}

function BookedList(props: { model: BookingModel; list: BookingDetails[]; records: CreatedRecord[]; manageLink: (r: CreatedRecord) => string }) {
  const { model, list, records } = props;
  const lang = model.lang.value ?? 'en-US';
  const tz = model.tz.value;
  const [saving, setSaving] = useState(false);
  const [saveFailed, setSaveFailed] = useState(false);
  const recordOf = (d: BookingDetails) => records.find((r) => r.recordId === d.id);
  const events = list.map((d) => {
    const record = recordOf(d);
    return calendarEvent(d, { manageUrl: record && props.manageLink(record) });
  });
  const place = list[0]?.location;

  async function saveIcs() {
    setSaving(true);
    setSaveFailed(false);
    try {
      const { downloadIcs } = await import('../flow/ics');
      downloadIcs(events, `booking-${list.map((d) => d.id).join('-')}.ics`);
    } catch {
      setSaveFailed(true); // offline: the file's code could not load; pressing again retries
    } finally {
      setSaving(false);
    }
  }

  return (
    <>
      <ul class="bw-plain-list bw-booked">
        {list.map((d, i) => {
          const record = recordOf(d);
          return (
            <li key={d.id} class="bw-booked__item">
              <BookedDetails details={d} tz={tz} lang={lang} />
              <p class="bw-links">
                <a href={googleCalendarUrl(events[i]!)} target="_blank" rel="noopener noreferrer">
                  {t('record.add_to_google_calendar')}
                </a>
                {record && (
                  <a href={props.manageLink(record)} target="_blank" rel="noopener">
                    {t('widget.manage_booking')}
                  </a>
                )}
              </p>
            </li>
          );
        })}
      </ul>
      <div class="bw-actions bw-actions--wrap">
        <button type="button" class="bw-btn bw-btn--secondary" onClick={() => void saveIcs()} aria-busy={saving}>
          {t('widget.add_to_calendar')}
        </button>
        {place && (
          <a class="bw-btn bw-btn--secondary" href={directionsUrl(place)} target="_blank" rel="noopener noreferrer">
            {t('widget.directions')}
          </a>
        )}
      </div>
      {saveFailed && (
        <p class="bw-error" role="alert">
          {t('widget.network_error')}
        </p>
      )}
    </>
  );
}


/**
 * While the business's copy loads: the details as the visitor chose them, in the boxes the copy
 * will fill, drawn as placeholders, so nothing below moves when it comes (no layout shift).
 */
function BookedPlaceholder({ model, records }: { model: BookingModel; records: CreatedRecord[] }) {
  const lang = model.lang.value ?? 'en-US';
  const place = model.location.value;
  const several = model.appointments.value;
  const s = model.selection.value;
  const chosen: { services: Service[]; memberName?: string; slot?: Slot; record?: CreatedRecord }[] =
    several.length > 1 ? several : [{ services: s.services, memberName: s.memberName, slot: s.slot, record: records[0] }];
  const known = (a: (typeof chosen)[number]): BookingDetails | undefined =>
    place && a.slot && {
      id: a.record?.recordId ?? 0,
      services: a.services.map((x) => ({ id: x.id, title: x.title, cost: x.priceMin })),
      location: { ...place, allowDelete: false, deleteDelaySeconds: 0 },
      staff: { id: 0, name: a.memberName ?? '' },
      datetime: a.slot.datetime,
      length: a.slot.duration,
      comment: '',
      deleted: false,
      notifyBySms: 0,
      notifyByEmail: 0,
    };
  return (
    <div role="group" aria-busy="true" aria-label={t('widget.loading')} class="bw-placeholder">
      <div aria-hidden="true">
        <ul class="bw-plain-list bw-booked">
          {chosen.map((a, i) => {
            const d = known(a);
            return (
              <li key={i} class="bw-booked__item">
                {d ? <BookedDetails details={d} tz={model.tz.value} lang={lang} /> : <Skeleton lines={6} />}
                <p class="bw-links">
                  <span>{t('record.add_to_google_calendar')}</span>
                  {a.record && <span>{t('widget.manage_booking')}</span>}
                </p>
              </li>
            );
          })}
        </ul>
        <div class="bw-actions bw-actions--wrap">
          <span class="bw-btn bw-btn--secondary">{t('widget.add_to_calendar')}</span>
          {place && <span class="bw-btn bw-btn--secondary">{t('widget.directions')}</span>}
        </div>
      </div>
    </div>
  );
}
