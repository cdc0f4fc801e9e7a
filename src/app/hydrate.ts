// The hosted page as the server sent it (its first step already drawn, src/server/ssr.tsx) is
// taken over, not drawn again: once the model holds what the server rendered from, preact
// hydrates the markup. Its own chunk: only server-rendered pages need it.
import { effect } from '@preact/signals';
import { hydrate, render, type VNode } from 'preact';
import { initialState, type Choices } from '../flow/machine';
import type { BookingModel } from '../flow/model';

/**
 * Resolves once the first step can be drawn as it will stay: the flow has started and its
 * language, locations and services are no longer loading (each is there, or failed).
 */
export function firstStepReady(model: BookingModel): Promise<void> {
  return new Promise((resolve) => {
    const stop = effect(() => {
      if (!model.flow.value || [model.form, model.locale, model.locations, model.catalog].some((q) => q.state.value.status === 'loading')) return;
      resolve();
      queueMicrotask(() => stop());
    });
  });
}

/** Hydrates `app` into the server's markup in `container` once the first step is ready. */
export async function hydrateWhenReady(model: BookingModel, app: VNode, container: HTMLElement, preset: Partial<Choices>): Promise<void> {
  await firstStepReady(model);
  // A visitor coming back mid-booking (the flow remembered in this tab: another step, a service
  // already ticked) sees what the server could not know: drawn afresh, as without the server's
  // rendering, rather than forced onto markup of the untouched first step (hydration keeps the
  // server's checkboxes and fields as they came).
  const form = model.formData.peek();
  const untouched = form && JSON.stringify(model.flow.peek()) === JSON.stringify(initialState(form, preset));
  if (untouched && model.flow.peek()?.current === container.querySelector('[data-step]')?.getAttribute('data-step')) return hydrate(app, container);
  container.textContent = '';
  render(app, container);
}
