// What the visitor is about to book (or has booked): services, team member, when and where, and
// what it all costs. The confirm step shows it; on a wide widget it is also the rail beside the
// steps from the team member on (BookingRail).
import { useId } from 'preact/hooks';
import type { BookingModel } from '../flow/model';
import type { StepId } from '../flow/machine';
import { t } from '../i18n';
import { addressLine } from '../i18n/joins';
import { AppointmentRows, ChangeCell } from './AppointmentRows';
import { AppointmentList } from './Appointments';
import { TotalPrice } from './TotalPrice';

/** `brief`: the rail's summary, which names the appointments without their failures (the confirm step tells those). */
export function Summary({ model, editable, brief }: { model: BookingModel; editable: boolean; brief?: boolean }) {
  const s = model.selection.value;
  const lang = model.lang.value ?? 'en-US';
  const steps = model.flow.value?.steps ?? [];
  const change = (step: StepId, item: string) => (editable && steps.includes(step) ? <ChangeCell item={item} onChange={() => model.go(step)} /> : null);
  const currency = s.location?.currency ?? '';
  const tz = model.tz.value;
  // Several appointments are listed one by one; the place is the same for all of them.
  const list = model.appointments.value;
  const several = list.length > 1;
  const services = several ? list.flatMap((a) => a.services) : s.services;

  return (
    <>
      {several && !brief && <AppointmentList model={model} editable={editable} />}
      <dl class="bw-summary">
        {(several ? (brief ? list : []) : [{ ...s, memberName: model.choices.value?.staffId === undefined ? null : s.memberName }]).map((a, i) => (
          <AppointmentRows
            key={i}
            services={a.services}
            duration={a.slot?.duration ?? s.duration}
            // Before a team member is chosen (the rail on that step) there is no row for one.
            memberName={a.memberName}
            datetime={a.slot?.datetime}
            tz={tz}
            lang={lang}
            currency={currency}
            change={change}
          />
        ))}
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
        {services.length > 0 && (
          <div class="bw-summary__row bw-summary__total">
            <dt>{t('widget.total')}</dt>
            <dd>
              <TotalPrice services={services} currency={currency} lang={lang} />
            </dd>
          </div>
        )}
      </dl>
    </>
  );
}

/**
 * The booking so far, beside the steps on a wide widget (widget.css hides it on a narrow one,
 * where the confirm step sums it up). A labelled region of its own, not a step: it changes nothing.
 */
export function BookingRail({ model }: { model: BookingModel }) {
  const id = useId();
  return (
    <aside class="bw-rail" aria-labelledby={id}>
      <p class="bw-rail__title" id={id}>
        {t('widget.your_booking')}
      </p>
      <Summary model={model} editable={false} brief />
    </aside>
  );
}
