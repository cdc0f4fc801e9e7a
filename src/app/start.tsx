// The least the widget needs on screen: the API client, the booking model and the view, in a
// container. The hosted page starts here; the host API (src/app/host-api.ts) loads after.
import { render } from 'preact';
import { createApi } from '../api/client';
import type { Choices } from '../flow/machine';
import { createBookingModel, type BookingModel, type ModelOptions } from '../flow/model';
import type { Preselection } from '../protocol';
import { App } from './App';

export interface StartOptions {
  formId: number;
  /** Absolute, or relative to the widget's own origin; default VITE_API_BASE or /api/v1 there. */
  apiBase?: string;
  lang?: string;
  preselect?: Preselection;
  /** Browser back/forward move between steps (pushState per step). On for the hosted page only. */
  history?: boolean;
  /** The widget's own page (not embedded): shows the form's logo and header image. */
  page?: boolean;
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
  const api = createApi({ baseUrl: apiBase, lang: options.lang });
  const modelOptions = { api, formId: options.formId, lang: options.lang, preset: toChoices(options.preselect ?? {}) };
  const model = createBookingModel(modelOptions);
  render(<App model={model} history={options.history} page={options.page} />, container);
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
