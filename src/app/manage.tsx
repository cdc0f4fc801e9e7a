// The booking page: the hosted page opened with ?record=&hash= (the success screen links here).
// Its own chunk: the booking flow's pages never load it.
import { render } from 'preact';
import { createApi } from '../api/client';
import { createManageModel } from '../flow/manage';
import { ManageBooking } from '../steps/ManageBooking';
import type { WidgetConfig } from './config';

export function startManage(container: HTMLElement, config: WidgetConfig & { manage: NonNullable<WidgetConfig['manage']> }): void {
  const apiBase = new URL(config.apiBase, location.href).href;
  const api = createApi({ baseUrl: apiBase, lang: config.lang });
  const model = createManageModel({
    api,
    formId: config.formId,
    locationId: config.manage.locationId,
    recordId: config.manage.recordId,
    hash: config.manage.hash,
    lang: config.lang,
  });
  render(<ManageBooking model={model} />, container);
}
