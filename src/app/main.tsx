// The hosted page: the widget full page, with the booking form chosen in the URL (?form=ID).
// The same page is the iframe embed (?embed=frame): then it also talks to the parent page.
import { createApi, toQuery } from '../api/client';
import { readConfig } from './config';
import { START_DATA_ID, startWidget } from './start';
import './widget.css';
import './page.css';

const mount = document.getElementById('booking-widget');
const config = mount && readConfig(mount, new URL(location.href));
if (mount && config?.manage) {
  // A booking's own page (linked from the success screen): its own chunk, no booking flow.
  const { manage } = config;
  void import('./manage').then((m) => m.startManage(mount, { ...config, manage }, createApi));
} else if (mount && config) {
  // The hosted page is the widget's own: back/forward move between steps (not inside a host's frame).
  // The server inlined the first step's data (and rendered the step from it): hydrate that.
  // Otherwise one request for everything before the first step (a proxy's booking_start; plain
  // Altegio has none, and the widget then asks for each part as before).
  const inlined = document.getElementById(START_DATA_ID)?.textContent;
  const { formId, lang, preselect } = config;
  // Sent with the Accept-Language the widget's own reads carry: both find the same cached answers.
  const start = inlined ?? fetch(`${config.apiBase}/booking_start/${formId}?${toQuery({ lang, location: preselect.locationId })}`, { headers: lang ? { 'Accept-Language': lang } : {} });
  const started = startWidget(mount, { ...config, history: !config.frame, page: !config.frame, start });
  const framed = config.frame && window.parent !== window ? config.frame : undefined;
  // The host API (form colours, events), the page following the widget's language and the frame
  // messaging are not needed for the first paint.
  void Promise.all([import('./hosted'), framed && import('./frame')]).then(([{ createHostApi, followLanguage, startAnalytics }, frame]) => {
    followLanguage();
    const widget = createHostApi(started, { formId, themed: document.documentElement });
    if (frame && framed) frame.connectToParent(widget, framed.ns);
    startAnalytics(started.model, widget, config);
  });
}
