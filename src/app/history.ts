// The browser's back and forward buttons move between the widget's steps: each step the visitor
// reaches gets a history entry, and going back or forward through them goes to that step.
// Only where the widget owns the page (the hosted page): on a host's page, its history is the
// host's, so this is off unless asked for (the `history` start option).
import { effect } from '@preact/signals';
import type { Screen, StepId } from '../flow/machine';
import type { BookingModel } from '../flow/model';

const KEY = 'bookingWidgetStep';

export function syncHistory(model: BookingModel, history: History = window.history, target: Window = window): () => void {
  let shown: Screen | undefined;
  let popped = false;

  const stop = effect(() => {
    const current = model.flow.value?.current;
    if (!current || current === shown) return;
    const entry = { ...(history.state as object | null), [KEY]: current };
    // The first step (also after a reload) and a step the visitor moved to with back/forward
    // replace the entry they are on; any other move is a new entry.
    if (shown === undefined || popped) history.replaceState(entry, '');
    else history.pushState({ [KEY]: current }, '');
    shown = current;
    popped = false;
  });

  function onPopState(event: PopStateEvent) {
    const step = (event.state as Record<string, unknown> | null)?.[KEY] as Screen | undefined;
    const flow = model.flow.peek();
    if (!step || !flow || step === flow.current || step === 'success') return;
    popped = true;
    // The machine refuses steps it cannot show (e.g. after booking); the entry then says where we are.
    model.go(step as StepId);
    if (model.flow.peek()?.current === flow.current) {
      popped = false;
      history.replaceState({ ...(history.state as object | null), [KEY]: flow.current }, '');
    }
  }

  target.addEventListener('popstate', onPopState);
  return () => {
    stop();
    target.removeEventListener('popstate', onPopState);
  };
}
