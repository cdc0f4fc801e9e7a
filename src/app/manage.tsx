// The booking page: the hosted page opened with ?record=&hash= (the success screen links here).
// Its own chunk: the booking flow's pages never load it.
import { render } from 'preact';
import type { ApiOptions, Api } from '../api/client';
import { createManageModel } from '../flow/manage';
import { addEnglish } from '../i18n';
import { enLater } from '../i18n/en-later';
import { ManageBooking } from '../steps/ManageBooking';
import type { WidgetConfig } from './config';
import { followLanguage } from './page-lang';
import { applyTheme, formTheme } from './theme';

addEnglish(enLater);

/** `createApi` comes from the page's own chunk, which has it already (src/app/main.tsx). */
export function startManage(
  container: HTMLElement,
  config: WidgetConfig & { manage: NonNullable<WidgetConfig['manage']> },
  createApi: (options: ApiOptions) => Api,
): void {
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
  followLanguage();
  // The booking form's colours, as on the booking pages themselves.
  void model.form.then((form) => applyTheme(document.documentElement, {}, formTheme(form.style, container)), () => {});
}
