// Remembering the flow: the choices and typed contact data kept across a reload and a closed tab
// (session.ts, its own small chunk loaded beside the form), and the booking request that was out
// when the page was left. The flow starts once both the form and this memory are here.
import { effect, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import type { BookingForm } from '../api/types';
import { initialState, type Choices, type FlowState } from './machine';
import type { FlowMemory, PendingBooking } from './session';

export interface MemoryInputs {
  flow: Signal<FlowState | null>;
  formId: number;
  now: () => Date;
  preset?: Partial<Choices>;
  /** False: nothing is kept (nor read back). */
  remember?: boolean;
}

export interface Remembering {
  memory: ReadonlySignal<FlowMemory | undefined>;
  /** The form is here: start the flow, where the visitor left it if that is remembered. */
  start(form: BookingForm): void;
  /** A booking request that was out when the page was left: checked before anything else. */
  pending?: PendingBooking;
  /** Until that is known and being checked, fresh times do not drop its time. */
  holdSlot: boolean;
  dispose(): void;
}

export function createMemory({ flow, formId, now, preset, remember }: MemoryInputs): Remembering {
  const load = remember === false || !hasWebStorage() ? undefined : import('./session').then((m) => m.flowMemory(m.visitorStore(), formId, () => now().getTime()), () => undefined);
  const memory = signal<FlowMemory | undefined>(undefined, { name: 'flowMemory' });
  const r: Remembering = {
    memory,
    start(f) {
      const start = () => {
        if (!flow.peek()) flow.value = memory.peek()?.restore(initialState(f, preset)) ?? initialState(f, preset);
      };
      if (!load) return start();
      void load.then((m) => {
        r.pending = m?.pending();
        r.holdSlot = r.pending !== undefined;
        memory.value = m;
        start();
      });
    },
    holdSlot: load !== undefined,
    dispose: effect(() => {
      const s = flow.value;
      const m = memory.value;
      if (s && m) m.save(s);
    }),
  };
  return r;
}

/** Web storage can be missing (Node) or forbidden (sandboxed frames, some private modes). */
function hasWebStorage(): boolean {
  try {
    return (typeof localStorage !== 'undefined' && localStorage !== null) || (typeof sessionStorage !== 'undefined' && sessionStorage !== null);
  } catch {
    return false;
  }
}
