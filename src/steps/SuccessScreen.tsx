// What was booked, read back from the business's records: every appointment with its team
// member, time and place; adding it to a calendar, the way there, a link to see or cancel it,
// and booking again with the contact data kept.
import { useState } from 'preact/hooks';
import type { BookingDetails, CreatedRecord } from '../api/types';
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
        <div aria-busy="true" aria-label={t('widget.loading')}>
          <Skeleton lines={5} />
        </div>
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

