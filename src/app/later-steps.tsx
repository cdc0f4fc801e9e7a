// The steps after the first choices, kept out of the first chunk so the first step shows sooner.
// They load once the first step is on screen, while the visitor is still choosing; when the
// form starts with one of them, it loads alongside that step's data, which also waits on the form.
import type { BookingModel } from '../flow/model';
import { lazyViews } from '../ui/lazy-views';

export type LaterScreen = 'staff' | 'date' | 'time' | 'contact' | 'confirm' | 'success' | 'rail' | 'group';

const later = lazyViews('laterSteps', () => import('./later-steps-views').then((m) => m.LATER_STEPS));

/** Resolves once loaded or failed (a failed load shows Try again and a later call tries again). */
export function loadLaterSteps(): Promise<void> {
  return later.load().then(
    () => {},
    () => {},
  );
}

export function LaterStep({ screen, model }: { screen: LaterScreen; model: BookingModel }) {
  return later.show((views) => views[screen], { model });
}
