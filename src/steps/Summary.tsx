// What the visitor is about to book (or has booked): services, team member, when and where.
import type { BookingModel } from '../flow/model';
import type { StepId } from '../flow/machine';
import { t } from '../i18n';
import { addressLine } from '../i18n/joins';
import { AppointmentRows, ChangeCell } from './AppointmentRows';
import { AppointmentList } from './Appointments';

export function Summary({ model, editable }: { model: BookingModel; editable: boolean }) {
  const s = model.selection.value;
  const lang = model.lang.value ?? 'en-US';
  const steps = model.flow.value?.steps ?? [];
  const change = (step: StepId, item: string) => (editable && steps.includes(step) ? <ChangeCell item={item} onChange={() => model.go(step)} /> : null);
  const currency = s.location?.currency ?? '';
  const tz = model.tz.value;
  // Several appointments are listed one by one; the place is the same for all of them.
  const several = model.appointments.value.length > 1;

  return (
    <>
      {several && <AppointmentList model={model} editable={editable} />}
      <dl class="bw-summary">
        {!several && (
          <AppointmentRows
            services={s.services}
            duration={s.duration}
            memberName={s.memberName}
            datetime={s.slot?.datetime}
            tz={tz}
            lang={lang}
            currency={currency}
            change={change}
          />
        )}
        {s.location && (
          <div class="bw-summary__row">
            <dt>{t('record.place')}</dt>
            <dd>
              <bdi>{s.location.title}</bdi>
              <br />
              {/* bdi: a business's own text keeps its direction inside a right-to-left page. */}
              <bdi class="bw-muted">{addressLine(s.location.address, s.location.city, lang)}</bdi>
            </dd>
            {/* A booking is for one location: changing it would start the appointments over. */}
            {!several && change('location', t('record.place'))}
          </div>
        )}
      </dl>
    </>
  );
}
