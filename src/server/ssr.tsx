// The hosted page with its first step already drawn: the server asks its own proxy for
// booking_start (through the proxy's cache: a warm cache costs no upstream call), renders the real
// App from a model seeded with that answer (preact-render-to-string), and inlines the answer as a
// non-executable JSON block for the page's script to hydrate from (src/app/hydrate.ts). Anything
// short of a whole first step (no such form, the upstream down, a step whose data the answer
// does not hold) gives no rendering: the caller serves the plain client-rendered page.
import { options, type VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { createApi } from '../api/client';
import { readStart, withStart } from '../api/start';
import { App } from '../app/App';
import { readConfig } from '../app/config';
import { firstStepReady } from '../app/hydrate';
import { START_DATA_ID, toChoices } from '../app/start';
import { toIntlLocale } from '../dates/locale';
import { planSteps } from '../flow/machine';
import { dataOf } from '../flow/query';
import { createBookingModel } from '../flow/model';
import { isRtl, setLocale, t, type Dictionary } from '../i18n';

/** Asks the proxy for booking_start: `/api/v1/booking_start/<form>?lang=&location=`, with Accept-Language. */
export type StartLoader = (path: string, lang: string | undefined) => Promise<Response>;

/** How long the page waits for its first step before it is sent without one. */
const READY_MS = 500;

/** The markup the app's mount is filled with, before any script runs. */
const MOUNT = /<main id="booking-widget">\s*<\/main>/;

/**
 * `template` (the built index.html) with the first step rendered for `url`, or undefined when it
 * cannot be (then the page is served as built, and the browser renders it).
 */
export async function renderHostedPage(template: string, url: URL, loadStart: StartLoader): Promise<string | undefined> {
  if (!MOUNT.test(template)) return undefined;
  const config = readConfig({ dataset: {} } as HTMLElement, url);
  if (config.manage) return undefined;
  const { formId, lang, preselect } = config;
  const query = new URLSearchParams();
  if (lang) query.set('lang', lang);
  if (preselect.locationId) query.set('location', String(preselect.locationId));
  const response = await loadStart(`/booking_start/${formId}${query.size ? `?${query}` : ''}`, lang);
  if (!response.ok) return undefined;
  const answer = await response.text();
  const seed = await readStart(answer, formId);
  if (!seed) return undefined;

  // Only a first step the answer holds whole is rendered: its language's texts, the locations and,
  // on the service step, the services (the same plan the widget makes).
  const { steps, choices } = planSteps(seed.form, toChoices(preselect));
  const first = steps[0];
  if (!seed.locale || !seed.locations || !(first === 'location' || (first === 'service' && seed.servicesLocationId === choices.locationId && seed.services))) return undefined;
  // Nothing but the seed answers: anything else the model asks is never answered here (and
  // never fails, which would leave a rejection nobody handles), so the page goes unrendered.
  const unanswered = (() => new Promise<Response>(() => {})) as typeof fetch;
  const api = withStart(createApi({ baseUrl: 'http://server-rendering.invalid/api/v1', fetch: unanswered, ...(lang && { lang }) }), Promise.resolve(seed));
  const model = createBookingModel({ api, formId, lang, preset: toChoices(preselect), remember: false });
  try {
    const ready = await Promise.race([firstStepReady(model).then(() => true), new Promise<false>((resolve) => setTimeout(resolve, READY_MS, false))]);
    const step = model.flow.peek()?.current;
    const needs = step === 'location' ? [model.locations] : step === 'service' ? [model.locations, model.catalog] : undefined;
    const dictionary = dataOf(model.locale);
    const shownLang = model.lang.peek();
    if (!ready || !needs || !shownLang || !dictionary || needs.some((q) => q.state.peek().status !== 'ready')) return undefined;
    const { markup, title } = renderFirstStep(() => <App model={model} page={!config.frame} />, shownLang, dictionary as Dictionary, url);
    return fill(template, { markup, title, lang: toIntlLocale(shownLang), dir: isRtl(shownLang) ? 'rtl' : 'ltr', data: answer });
  } finally {
    model.dispose();
  }
}

/**
 * Renders in one synchronous turn with the page's language set: the i18n layer is one per
 * process, so no other request's rendering can come between. The views read `document.baseURI`
 * to keep image URLs to the web (src/ui/Avatar.tsx): the page's own URL stands in for it here.
 */
function renderFirstStep(app: () => preact.VNode, lang: string, dictionary: Dictionary, url: URL): { markup: string; title: string } {
  const global = globalThis as { document?: unknown };
  const hadDocument = 'document' in global;
  setLocale(lang, dictionary);
  if (!hadDocument) global.document = { baseURI: url.href };
  try {
    const title = t('widget.page_title');
    return { markup: asTheBrowserWrites(() => renderToString(app())), title: title === 'widget.page_title' ? '' : title };
  } finally {
    if (!hadDocument) delete global.document;
    setLocale('en-US', null);
  }
}

/**
 * Renders with `translate={true|false}` written as the browser's preact writes it (translate="yes"
 * or "no"): preact-render-to-string leaves out an attribute that is `false`, and hydration keeps
 * the server's attributes as they came, so the language switch's code ("en") would be words to
 * translate for good on a hydrated page.
 */
function asTheBrowserWrites<T>(render: () => T): T {
  const previous = options.vnode;
  options.vnode = (vnode: VNode) => {
    const props = vnode.props as Record<string, unknown>;
    if (typeof vnode.type === 'string' && typeof props.translate === 'boolean') props.translate = props.translate ? 'yes' : 'no';
    previous?.(vnode);
  };
  try {
    return render();
  } finally {
    options.vnode = previous;
  }
}

function fill(template: string, page: { markup: string; title: string; lang: string; dir: string; data: string }): string {
  // `<` escaped: the JSON can close no element and open no comment, whatever a business wrote.
  const data = page.data.replace(/</g, '\\u003c');
  let html = template
    .replace(/<html[^>]*>/, `<html lang="${escapeAttr(page.lang)}" dir="${page.dir}">`)
    .replace(MOUNT, () => `<main id="booking-widget">${page.markup}</main>\n    <script type="application/json" id="${START_DATA_ID}">${data}</script>`);
  if (page.title) html = html.replace(/<title>[^<]*<\/title>/, () => `<title>${escapeText(page.title)}</title>`);
  return html;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttr(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}
