// The widget's frame: header (back, step title, progress), the current step, a live region.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { BookingModel } from '../flow/model';
import type { Screen } from '../flow/machine';
import { dirOf, t } from '../i18n';
import { Skeleton } from '../ui/Skeleton';
import { LocationStep } from '../steps/LocationStep';
import { ChainLocationsView, CityView } from '../steps/chain-lazy';
import { ServiceStep } from '../steps/ServiceStep';
import { RetryBox } from '../steps/Parts';
import { StepBoundary } from '../steps/StepBoundary';
import { LaterStep, loadLaterSteps, type LaterScreen } from './later-steps';
import { AccountEntry, PageHeader } from './PageHeader';
import { Account, resumeAccount } from '../account/entry';

const TITLES: Record<Screen, string> = {
  city: 'header.select_town',
  location: 'header.select_company',
  record_type: 'widget.booking_kind',
  event: 'group_booking.choose_group_event',
  service: 'header.select_service',
  staff: 'header.choose_staff',
  date: 'header.select_date',
  time: 'header.choose_time',
  contact: 'header.input_personal',
  confirm: 'header.confirmation',
  success: 'record.booking_success',
};

/** The data each step waits for, so a slow load can be announced. */
const STEP_DATA = { city: 'locations', location: 'locations', service: 'catalog', staff: 'staff', date: 'dates', time: 'times' } as const;

/** Whether the step's data (or, on confirm, the booking) is still on its way. */
function waiting(model: BookingModel, step: Screen | undefined): boolean {
  if (step === 'confirm') return /^(checking|sendingCode|booking|verifying)$/.test(model.booking.value.phase);
  const data = step && step in STEP_DATA ? model[STEP_DATA[step as keyof typeof STEP_DATA]] : undefined;
  return data?.state.value.status === 'loading';
}

const later = (screen: LaterScreen) => (props: { model: BookingModel }) => <LaterStep screen={screen} {...props} />;
// The date and time steps are one view: on a wide widget the calendar and the day's times side by
// side (the calendar kept, and its focus, as the flow moves between them), on a narrow one either.
const dayAndTime = later('date');
const Rail = later('rail');
/** Steps with the booking so far beside them (on a wide widget, widget.css). */
const RAIL = /^(staff|date|time|contact)$/;

const VIEWS = {
  city: CityView,
  location: LocationStep,
  service: ServiceStep,
  staff: later('staff'),
  date: dayAndTime,
  time: dayAndTime,
  // Group events: their own views and part of the model, loaded when the form offers them.
  record_type: later('group'),
  event: later('group'),
  contact: later('contact'),
  confirm: later('confirm'),
  success: later('success'),
} satisfies Record<Screen, unknown>;

/** True once `on` has held for `ms`: a quick load is not worth interrupting anyone for. */
function useLasting(on: boolean, ms: number): boolean {
  const [lasted, setLasted] = useState(false);
  useEffect(() => {
    setLasted(false);
    if (!on) return;
    const timer = setTimeout(() => setLasted(true), ms);
    return () => clearTimeout(timer);
  }, [on]);
  return on && lasted;
}

/** `apiBase`: the booking API's base the widget was started with (the account's calls go there too). */
export function App({ model, history = false, page = false, apiBase = '/api/v1' }: { model: BookingModel; history?: boolean; page?: boolean; apiBase?: string }) {
  const flow = model.flow.value;
  const formState = model.form.state.value;
  const lang = model.lang.value ?? 'en-US';
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  const current = flow?.current;
  const busy = waiting(model, current);
  const slowLoad = useLasting(busy, 600);
  // "My bookings" (src/account/) in place of the step while open; the flow stays where it was.
  const [account, setAccount] = useState(false);
  // Its width from the start, so nothing moves when the first step replaces the placeholder.
  const rootClass = 'bw-root bw-flow' + (page ? ' bw-page' : '');

  useEffect(() => {
    if (!history) return;
    let stop: (() => void) | undefined;
    let gone = false;
    void import('./history').then((h) => !gone && (stop = h.syncHistory(model)));
    return () => {
      gone = true;
      stop?.();
    };
  }, [model, history]);

  // A visitor signed in earlier in this tab: the account loads to fill the contact step.
  useEffect(() => resumeAccount(model, apiBase), [model]);

  // The later steps load once the first one is on screen, before the visitor reaches them.
  useEffect(() => {
    if (current) void loadLaterSteps();
  }, [!!current]);

  // Each new step moves focus to its heading, so keyboard and screen-reader users start there;
  // but a day chosen in a calendar that stays on screen beside its times keeps focus.
  useEffect(() => {
    const h = heading.current;
    if (!current || !h) return;
    // The first step counts as shown once its data is here: until then the flow may move on its
    // own (a large chain's city asked first, machine.ts askCity), and focus stays where it is.
    if (first.current) {
      first.current = busy;
      return;
    }
    const active = (h.getRootNode() as Document | ShadowRoot).activeElement;
    if (!active?.closest('[data-keep-focus]') || !active.getClientRects().length) h.focus();
  }, [current, account, first.current && busy]);

  if (formState.status === 'error') {
    return (
      <div class={rootClass} lang={lang}>
        <RetryBox onRetry={() => model.form.retry()} />
      </div>
    );
  }
  if (!flow || !current) {
    return (
      <div class={rootClass} aria-busy="true">
        <Skeleton lines={6} />
      </div>
    );
  }

  const index = flow.steps.indexOf(current as never);
  const total = flow.steps.length;
  // A form with a city step: its location step lists the city's locations, with a search and nearest to me.
  const View = current === 'location' && flow.steps.includes('city') ? ChainLocationsView : VIEWS[current];
  const title = t(account ? 'widget.my_bookings' : TITLES[current]);
  const progress = current === 'success' || account ? '' : t('widget.step_progress', { n: index + 1, total });
  const langs = model.formData.value?.langs ?? [];
  const Title = page ? 'h1' : 'h2';

  return (
    <div class={rootClass} lang={lang} dir={dirOf(lang)} data-step={account ? 'account' : current}>
      {page && <PageHeader style={model.formData.value?.style} />}
      <header class="bw-header">
        {/* With other appointments finished, the first step's back returns to their list. */}
        {(account || ((index > 0 || flow.basket.length > 0) && current !== 'success')) && (
          <button type="button" class="bw-back" onClick={account ? () => setAccount(false) : model.back}>
            {/* ‹ is drawn › in right-to-left text (Unicode mirrors it), as the calendar's arrows are. */}
            <span aria-hidden="true">‹</span> {t('back')}
          </button>
        )}
        <div class="bw-header__titles">
          {/* The page's one h1 on the widget's own page; a level under the host's own in an embed. */}
          <Title class="bw-title" tabIndex={-1} ref={heading}>
            {title}
          </Title>
          {/* Read out by the progress bar below. */}
          {progress && <p class="bw-progress-text" aria-hidden="true">{progress}</p>}
        </div>
        {!account && <AccountEntry onOpen={() => setAccount(true)} />}
        {langs.length > 1 && (
          // A small button (a globe and the language's code) over the native list, which keeps its keyboard and labels.
          <label class="bw-lang">
            <span class="bw-visually-hidden">{t('menu.change_lang')}</span>
            {/* A language's code is no one's words to translate (nor for a page translator). */}
            <span class="bw-lang__code" aria-hidden="true" translate={false}>
              {lang.slice(0, 2)}
            </span>
            <select value={lang} onChange={(e) => model.setLang(e.currentTarget.value)}>
              {langs.map((l) => (
                <option key={l.code} value={l.code}>
                  {l.title}
                </option>
              ))}
            </select>
          </label>
        )}
      </header>
      {current !== 'success' && !account && (
        <div
          class="bw-progress"
          role="progressbar"
          aria-label={t('widget.progress')}
          aria-valuemin={1}
          aria-valuemax={total}
          aria-valuenow={index + 1}
          aria-valuetext={progress}
        >
          <div class="bw-progress__bar" style={{ width: `${((index + 1) / total) * 100}%` }} />
        </div>
      )}
      <p class="bw-visually-hidden" aria-live="polite">
        {progress ? t('widget.labelled', { label: progress, value: title }) : title}
      </p>
      <p class="bw-visually-hidden" role="status">
        {slowLoad ? t(current === 'confirm' ? 'widget.booking_in_progress' : 'widget.loading') : ''}
      </p>
      {!model.online.value && (
        <p class="bw-offline" role="alert">
          {t('widget.offline')}
        </p>
      )}
      {/* Every step needs the location (its zone, its phone); the location step shows its own error. */}
      {model.locations.state.value.status === 'error' && current !== 'location' && <RetryBox onRetry={() => model.locations.retry()} />}
      {account ? (
        <div class="bw-body">
          <section class="bw-step" aria-label={title}>
            <Account booking={model} apiBase={apiBase} level={page ? 2 : 3} onClose={() => setAccount(false)} />
          </section>
        </div>
      ) : (
      <div class="bw-body">
        {/* Keyed by the view: moving between the date and the time step keeps the calendar. */}
        <section class="bw-step" key={View} aria-label={title}>
          <StepBoundary key={View}>
            <View model={model} />
          </StepBoundary>
        </section>
        {RAIL.test(current) && flow.choices.recordType !== 'events' && (
          <div class="bw-side">
            <Rail model={model} />
          </div>
        )}
      </div>
      )}
    </div>
  );
}
