// The booking's appointments as the confirm step and the success screen show them: named from
// the location's catalog and team, each with the record it became and the booking error that
// names it; and the moves over them (basket.ts). Only the confirm step needs this, so the model
// loads it with that step, not in the first chunk.
import { computed, type ReadonlySignal, type Signal } from '@preact/signals';
import type { Api } from '../api/client';
import type { Appointment, BookingDetails, CreatedRecord, Service, ServiceCatalog, TeamMember } from '../api/types';
import { moveBasket, type BasketMove } from './basket';
import type { BookingFailure } from './failures';
import { appointmentsOf, type AppointmentChoice, type FlowState, type StepId } from './machine';
import { createQuery, dataOf, type Query } from './query';

/** One appointment of the booking, named for lists: what, with whom, and once booked its record. */
export interface AppointmentView extends AppointmentChoice {
  services: Service[];
  /** Undefined for "any team member" until the booking names who was assigned. */
  memberName?: string;
  record?: CreatedRecord;
  /** The booking error that names this appointment, while it is as it was when refused. */
  failure?: BookingFailure;
}

interface Deps {
  api: Api;
  flow: Signal<FlowState | null>;
  locationId: ReadonlySignal<number | undefined>;
  /** The catalog is narrowed to the chosen team member (the form asks for the member first). */
  staffFirst: ReadonlySignal<boolean>;
  catalog: Query<ServiceCatalog>;
  staff: Query<TeamMember[]>;
  booked: Query<BookingDetails[]>;
  /** The last booking failure and the appointment it named, as sent. */
  failure: ReadonlySignal<{ failure?: BookingFailure; refusedAppointment?: Appointment }>;
  clearFailure: () => void;
}

export function createAppointments(d: Deps) {
  // With several appointments, the location's whole team (and, when the catalog is narrowed to
  // one team member, its whole catalog) names what each finished appointment holds.
  const whole = createQuery<{ members: TeamMember[]; services: Service[] }>('wholeLocation', () => {
    const loc = d.locationId.value;
    if (loc === undefined || !d.flow.value?.basket.length) return null;
    const narrowed = d.staffFirst.value;
    return {
      key: `whole:${loc}:${narrowed}`,
      load: async () => {
        const [members, catalog] = await Promise.all([d.api.getStaff(loc), narrowed ? d.api.getServices(loc) : undefined]);
        return { members, services: catalog?.services ?? [] };
      },
    };
  });

  const list = computed<AppointmentView[]>(() => {
    const s = d.flow.value;
    if (!s) return [];
    const all = dataOf(whole);
    const services = [...(dataOf(d.catalog)?.services ?? []), ...(all?.services ?? [])];
    const members = [...(dataOf(d.staff) ?? []), ...(all?.members ?? [])];
    const details = dataOf(d.booked) ?? [];
    const { failure, refusedAppointment: refused } = d.failure.value;
    return appointmentsOf(s).map((a) => {
      const record = s.booking?.find((r) => r.appointmentId === a.id);
      // Who was assigned, once booked (for "any team member"); otherwise whom the visitor chose.
      const assigned = details.find((x) => x.id === record?.recordId)?.staff.name;
      const unchanged = refused?.id === a.id && refused.datetime === a.slot.datetime && refused.staffId === a.staffId && `${refused.serviceIds}` === `${a.serviceIds}`;
      return {
        ...a,
        services: a.serviceIds.flatMap((id) => services.find((sv) => sv.id === id) ?? []),
        memberName: assigned || members.find((m) => m.id === a.staffId)?.name,
        record,
        failure: unchanged ? failure : undefined,
      };
    });
  });

  function move(m: BasketMove) {
    const s = d.flow.peek();
    if (!s) return;
    // A failure naming another appointment than the one being changed no longer applies.
    if (m.type !== 'change' || d.failure.peek().failure?.appointmentId !== m.id) d.clearFailure();
    d.flow.value = moveBasket(s, m);
  }

  return {
    list: list as ReadonlySignal<AppointmentView[]>,
    move,
    /** Makes appointment `id` the one being chosen, at `step`: by default where its failure is fixed. */
    change(id: number, step?: StepId) {
      const failure = list.peek().find((a) => a.id === id)?.failure;
      move({ type: 'change', id, step: step ?? failure?.fixAt ?? 'time', dropSlot: failure?.code === 433 || failure?.code === 436 });
    },
    dispose: () => whole.dispose(),
  };
}
