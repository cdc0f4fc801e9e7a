// The hosted page: the widget full page, with the booking form chosen in the URL (?form=ID).
import { render } from 'preact';
import { createApi } from '../api/client';
import { createBookingModel } from '../flow/model';
import { App } from './App';
import { readConfig } from './config';
import '../ui/base.css';
import '../steps/steps.css';
import './page.css';

const mount = document.getElementById('booking-widget');
if (mount) {
  const config = readConfig(mount, new URL(location.href));
  const api = createApi({ baseUrl: config.apiBase, lang: config.lang });
  const model = createBookingModel({ api, formId: config.formId, lang: config.lang, preset: config.preset });
  render(<App model={model} />, mount);
}
