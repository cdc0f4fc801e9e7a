// The hosted page's consent prompt for the business's analytics: a small region after the widget
// (not a dialog: the booking goes on around it), "Allow" and "Decline" alike in size and look, the
// answer remembered per form in this browser, and a "Cookie settings" button in the page's footer
// to change it. Until the visitor allows, nothing is loaded and nothing leaves the page; the
// events of the booking so far wait in memory, and are dropped if the visitor declines.
import { signal } from '@preact/signals';
import { render } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { FormAnalytics } from './ids';
import type { WidgetHandle } from '../app/host-api';
import type { BookingModel } from '../flow/model';
import { addEnglish, t } from '../i18n';
import { enLater } from '../i18n/en-later';
import { formatList } from '../i18n/joins';
import { keptUtm, type CommerceEvent } from './commerce';
import { loadTools, TOOL_NAMES, type Loaded } from './tools';
import { watchCommerce } from './watch';
import './consent.css';

export type Answer = 'yes' | 'no';

/** The localStorage key of a form's answer. */
export const consentKey = (formId: number) => `bw-analytics-consent:${formId}`;

function storage(name: 'localStorage' | 'sessionStorage'): Storage | undefined {
  try {
    return window[name];
  } catch {
    return undefined; // blocked: the answer lasts as long as the page
  }
}

export function askConsent(model: BookingModel, widget: WidgetHandle, ids: FormAnalytics, formId: number, root: HTMLElement = document.body): () => void {
  addEnglish(enLater);
  const store = storage('localStorage');
  const key = consentKey(formId);
  let stored: string | null | undefined;
  try {
    stored = store?.getItem(key);
  } catch {
    stored = null;
  }
  const answer = signal<Answer | null>(stored === 'yes' || stored === 'no' ? stored : null);
  const open = signal(answer.peek() === null);
  // The campaign in the page's address now, before anything could change it.
  const utm = () => keptUtm(location.search, storage('sessionStorage'));
  utm();

  let tools: Loaded | undefined;
  const waiting: CommerceEvent[] = [];
  const send = (event: CommerceEvent) => {
    if (answer.peek() === 'yes') tools?.send(event);
    else if (answer.peek() === null) waiting.push(event);
  };
  const allow = () => {
    tools ||= loadTools(ids);
    waiting.splice(0).forEach((event) => tools!.send(event));
  };
  if (answer.peek() === 'yes') allow();

  const decide = (given: Answer) => {
    answer.value = given;
    open.value = false;
    try {
      store?.setItem(key, given);
    } catch {
      // Not remembered: asked again on the next visit.
    }
    if (given === 'yes') allow();
    else {
      waiting.length = 0;
      tools?.revoke();
      tools = undefined;
    }
  };

  const stopWatching = watchCommerce(model, widget, send, utm);
  const container = document.createElement('div');
  container.className = 'bw-consent-root';
  root.append(container);
  const names = (Object.keys(TOOL_NAMES) as (keyof FormAnalytics)[]).filter((tool) => ids[tool]).map((tool) => TOOL_NAMES[tool]);
  render(<ConsentPrompt tools={names} open={open} decide={decide} />, container);
  return () => {
    stopWatching();
    render(null, container);
    container.remove();
  };
}

function ConsentPrompt({ tools, open, decide }: { tools: string[]; open: ReturnType<typeof signal<boolean>>; decide: (answer: Answer) => void }) {
  const region = useRef<HTMLElement>(null);
  const settings = useRef<HTMLButtonElement>(null);
  // Where focus goes after an answer or a click on the settings: never lost to the page's top.
  const focusNext = useRef<'region' | 'settings' | null>(null);
  const shown = open.value;
  useLayoutEffect(() => {
    const target = focusNext.current === 'region' ? region.current : focusNext.current === 'settings' ? settings.current : null;
    focusNext.current = null;
    target?.focus();
  }, [shown]);
  const answer = (given: Answer) => {
    focusNext.current = 'settings';
    decide(given);
  };
  return (
    <>
      {shown && (
        <section class="bw-consent" aria-labelledby="bw-consent-title" tabIndex={-1} ref={region}>
          <h2 id="bw-consent-title">{t('widget.analytics_title')}</h2>
          <p>{t('widget.analytics_prompt', { tools: formatList(tools) })}</p>
          <div class="bw-consent-actions">
            <button type="button" onClick={() => answer('yes')}>
              {t('widget.analytics_allow')}
            </button>
            <button type="button" onClick={() => answer('no')}>
              {t('widget.analytics_decline')}
            </button>
          </div>
        </section>
      )}
      <footer class="bw-page-footer">
        <button
          type="button"
          class="bw-consent-settings"
          ref={settings}
          aria-expanded={shown}
          onClick={() => {
            focusNext.current = shown ? null : 'region';
            open.value = !shown;
          }}
        >
          {t('widget.analytics_settings')}
        </button>
      </footer>
    </>
  );
}
