// The least the widget needs on screen: the API client, the booking model and the view, in a
// container. The hosted page starts here; the host API (src/app/host-api.ts) loads after.
import { render } from 'preact';
import { createApi, type Api } from '../api/client';
import type { Choices } from '../flow/machine';
import { createBookingModel, type BookingModel, type ModelOptions } from '../flow/model';
import type { Preselection } from '../protocol';
import { App } from './App';

/** The id of the hosted page's inlined booking_start answer (`<script type="application/json">`). */
export const START_DATA_ID = 'bw-start';

export interface StartOptions {
  formId: number;
  /** Absolute, or relative to the widget's own origin; default VITE_API_BASE or /api/v1 there. */
  apiBase?: string;
  lang?: string;
  /** The deployment's hosted page, for the success screen's link to a booking; default where these files are. */
  bookingPage?: string;
  preselect?: Preselection;
  /** Browser back/forward move between steps (pushState per step). On for the hosted page only. */
  history?: boolean;
  /** The widget's own page (not embedded): shows the form's logo and header image. */
  page?: boolean;
  /**
   * booking_start's answer on its way (requested while the code loaded): the first requests are
   * answered from it; without it, or when it fails, they are asked for one by one. As text, it is
   * the answer the server inlined in the page beside its rendering of the first step, which the
   * container holds: that is hydrated, not drawn anew.
   */
  start?: Promise<Response> | string;
}

export interface Started {
  model: BookingModel;
  /** Read when the form arrives: changing it before then changes where the flow starts. */
  modelOptions: ModelOptions & { preset: Partial<Choices> };
  container: HTMLElement;
  unmount(): void;
}

export function startWidget(container: HTMLElement, options: StartOptions): Started {
  // Resolved against this module, not the page: on a host's page the API is on the widget's side.
  const apiBase = new URL(options.apiBase || import.meta.env.VITE_API_BASE || '/api/v1', import.meta.url).href;
  const direct = createApi({ baseUrl: apiBase, lang: options.lang });
  const { start, formId } = options;
  const seeded = start && import('./seeded');
  const api = seeded ? whenReady(seeded.then((m) => m.withStart(direct, m.readStart(start, formId)), () => direct)) : direct;
  const modelOptions = { api, formId, lang: options.lang, preset: toChoices(options.preselect ?? {}), bookingPage: options.bookingPage };
  const model = createBookingModel(modelOptions);
  const app = <App model={model} history={options.history} page={options.page} apiBase={apiBase} />;
  // The server's markup stays on screen until the model holds what it was rendered from.
  if (seeded && typeof start == 'string') seeded.then((m) => m.hydrateWhenReady(model, app, container, modelOptions.preset), () => render(app, container));
  else render(app, container);
  return {
    model,
    modelOptions,
    container,
    unmount() {
      render(null, container);
      model.dispose();
    },
  };
}

/** An Api whose calls wait for the one it resolves to (booking_start's reader, a small chunk of its own). */
function whenReady(ready: Promise<Api>): Api {
  return new Proxy({} as Api, { get: (_, name) => (...args: unknown[]) => ready.then((api) => (api[name as keyof Api] as (...a: unknown[]) => unknown)(...args)) });
}

/** Only well-formed ids reach the model, whatever a host or a URL passes. */
export function toChoices(selection: Preselection): Partial<Choices> {
  const choices: Partial<Choices> = {};
  if (isId(selection.locationId)) choices.locationId = selection.locationId;
  if (Array.isArray(selection.serviceIds)) choices.serviceIds = selection.serviceIds.filter(isId);
  if (selection.staffId === 0 || isId(selection.staffId)) choices.staffId = selection.staffId;
  return choices;
}

function isId(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v > 0;
}
