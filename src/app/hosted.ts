// What the hosted page (and the iframe's page) loads after the first paint: the host API, and the
// page's language, direction and title following the widget's (./page-lang.ts).
export { createHostApi } from './host-api';
export { followLanguage } from './page-lang';
export { startAnalytics } from '../analytics/start';
