// A booking with several appointments: each one with what, with whom and when, its own ways to
// change or remove it, and the booking error that names it (433, 436, 437, 438). Summary shows a
// single appointment the usual way; this list takes over once there are two or more.
import type { BookingModel, AppointmentView } from '../flow/model';
import type { StepId } from '../flow/machine';
import { formatSlotLong } from '../dates';
import { t } from '../i18n';
import { comma, formatList } from '../i18n/joins';
import { Button } from '../ui/Button';
import { AppointmentRows, ChangeCell } from './AppointmentRows';

/** How buttons name an appointment: "Women's haircut, Tuesday, November 24 at 10:30 AM". */
function appointmentName(a: AppointmentView, tz: string, lang: string): string {
  return formatList(a.services.map((s) => s.title), lang) + comma(lang) + formatSlotLong(a.slot.datetime, tz, lang);
}

export function AppointmentList({ model, editable }: { model: BookingModel; editable: boolean }) {
  const list = model.appointments.value;
  return (
    <ol class="bw-appointments">
      {list.map((a, i) => (
        <AppointmentItem key={a.id} model={model} a={a} n={i + 1} editable={editable} />
      ))}
    </ol>
  );
}

function AppointmentItem({ model, a, n, editable }: { model: BookingModel; a: AppointmentView; n: number; editable: boolean }) {
  const lang = model.lang.value ?? 'en-US';
  const tz = model.tz.value;
  const steps = model.flow.value?.steps ?? [];
  const currency = model.location.value?.currency ?? '';
  const name = appointmentName(a, tz, lang);
  const headingId = `bw-appointment-${a.id}`;
  // "Change" makes this appointment the one being chosen, at that step; the others stay as they are.
  const change = (step: StepId, part: string) =>
    editable && steps.includes(step) ? <ChangeCell item={part + comma(lang) + name} onChange={() => void model.changeAppointment(a.id, step)} /> : null;

  function remove(e: Event) {
    const form = (e.currentTarget as HTMLElement).closest('form');
    void model.removeAppointment(a.id).then(() => {
      // The pressed button is gone: focus the next appointment, or the way to add one.
      const headings = form?.querySelectorAll<HTMLElement>('.bw-appointment__title');
      const next = headings?.[Math.min(n - 1, headings.length - 1)] ?? form?.querySelector<HTMLElement>('.bw-add-appointment');
      next?.focus();
    });
  }

  return (
    <li class={a.failure ? 'bw-appointment bw-appointment--failed' : 'bw-appointment'} aria-labelledby={headingId}>
      <h3 class="bw-appointment__title" id={headingId} tabIndex={-1}>
        {t('widget.appointment_n', { n })}
      </h3>
      <dl class="bw-summary">
        <AppointmentRows
          services={a.services}
          duration={a.slot.duration}
          memberName={a.memberName}
          datetime={a.slot.datetime}
          tz={tz}
          lang={lang}
          currency={currency}
          change={change}
        />
      </dl>
      {a.failure && (
        <div class="bw-notice" role="alert">
          <p>{t(a.failure.message)}</p>
          {editable && a.failure.action && (
            <Button variant="secondary" onClick={() => void model.changeAppointment(a.id)} aria-label={t('widget.labelled', { label: t(a.failure.action), value: name })}>
              {t(a.failure.action)}
            </Button>
          )}
        </div>
      )}
      {editable && (
        <button type="button" class="bw-link bw-appointment__remove" onClick={remove} aria-label={t('widget.remove_item', { item: name })}>
          {t('widget.remove')}
        </button>
      )}
    </li>
  );
}
