// The host events (src/events.ts) read off the booking model's signals. Handlers run after the
// signal update settles, so a host handler can never re-enter the model mid-update.
import { effect } from '@preact/signals';
import { isApiError } from '../api/errors';
import type { BookingModel } from '../flow/model';
import { tEnglish } from '../i18n';
import type { Emitter } from '../events';
import { appointmentsOf } from '../flow/machine';
import type { BookedEvent } from '../protocol';

/** Emits ready, step, booked and error as the model moves; returns the stop function. */
export function watchModel(model: BookingModel, formId: number, emit: Emitter['emit']): () => void {
  let ready = false;
  let step: string | undefined;
  let booked: unknown;
  let failure: unknown;
  let formFailed = false;
  const later = (fn: () => void) => queueMicrotask(fn);

  return effect(() => {
    const flow = model.flow.value;
    const form = model.form.state.value;
    const attempt = model.booking.value.failure;

    if (form.status === 'error' && !formFailed) {
      formFailed = true;
      const code = isApiError(form.error) && form.error.code ? form.error.code : 'form_unavailable';
      later(() => emit('error', { code, message: 'The booking form could not be loaded' }));
    } else if (form.status !== 'error') formFailed = false;

    if (!flow) return;
    if (!ready) {
      ready = true;
      later(() => emit('ready', { formId }));
    }
    if (flow.booking && flow.booking !== booked) {
      booked = flow.booking;
      const list = appointmentsOf(flow);
      const records = flow.booking.map((r) => {
        const a = list.find((x) => x.id === r.appointmentId);
        return { recordId: r.recordId, datetime: a?.slot.datetime ?? '', serviceIds: a ? [...a.serviceIds] : [] };
      });
      const payload: BookedEvent = {
        recordIds: records.map((r) => r.recordId),
        datetime: records[0]?.datetime ?? '',
        serviceIds: [...new Set(records.flatMap((r) => r.serviceIds))],
        records,
      };
      later(() => emit('booked', payload));
    }
    if (flow.current !== step) {
      step = flow.current;
      const payload = { step: flow.current };
      later(() => emit('step', payload));
    }
    if (attempt && attempt !== failure) {
      const payload = { code: attempt.code ?? 'booking_failed', message: tEnglish(attempt.message) };
      later(() => emit('error', payload));
    }
    failure = attempt;
  });
}
