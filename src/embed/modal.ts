// Button mode's dialog: the loader draws the floating button; this chunk, loaded on the first sign
// of intent or when the browser is idle, adds a modal <dialog> holding the widget. Labelled,
// focus kept inside, Escape closes, and focus goes back to whatever opened it.
import { effect } from '@preact/signals';
import { t } from '../i18n';
import { mountForHost } from './app';
import { sheet } from './sheet';
import type { StartMode } from './context';

const FOCUSABLE =
  'a[href],button:not([disabled]),input:not([disabled]),select:not([disabled]),textarea:not([disabled]),summary,[tabindex]:not([tabindex="-1"])';
const CSS = `
dialog{box-sizing:border-box;width:min(100vw,560px);max-width:100vw;max-height:min(100dvh,820px);padding:0;border:0;
  border-radius:12px;background:var(--bw-bg,#fff);overflow:auto;overscroll-behavior:contain}
dialog::backdrop{background:#0009}
.bar{position:sticky;top:0;z-index:1;display:flex;justify-content:flex-end;background:inherit}
.close{min-width:44px;min-height:44px;border:0;background:none;color:var(--bw-text,#1b1f24);font:28px/1 system-ui,sans-serif;cursor:pointer}
.close:focus-visible{outline:3px solid var(--bw-primary,#1a56b8);outline-offset:-3px}
@media (max-width:600px){dialog{width:100vw;height:100dvh;max-height:100dvh;border-radius:0}}`;

export const start: StartMode = (context) => {
  const { shadow, options, events } = context;
  shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet(CSS)];
  const dialog = document.createElement('dialog');
  dialog.setAttribute('aria-label', options.button.text);
  const bar = document.createElement('div');
  bar.className = 'bar';
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'close';
  close.textContent = '×';
  // Named in the widget's language, and renamed when the visitor switches language.
  const stopNaming = effect(() => close.setAttribute('aria-label', t('widget.close')));
  bar.append(close);
  dialog.append(bar);
  shadow.append(dialog);
  // The widget mounts into the dialog itself, so its theme colours the whole dialog.
  const app = mountForHost(context, dialog);

  let returnTo: HTMLElement | null = null;
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    events.emit('close', {});
    returnTo?.focus();
    returnTo = null;
  });
  // showModal makes the page inert but lets Tab wander off to the browser's own UI: keep it inside.
  dialog.addEventListener('keydown', (e) => {
    if (e.key !== 'Tab') return;
    const items = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.getClientRects().length > 0);
    const first = items[0];
    const last = items[items.length - 1];
    const active = shadow.activeElement;
    if (!first || !last) return;
    if (e.shiftKey ? active === first || !dialog.contains(active) : active === last || !dialog.contains(active)) {
      e.preventDefault();
      (e.shiftKey ? last : first).focus();
    }
  });

  return {
    open(opener) {
      if (dialog.open) return;
      const from = opener || deepActiveElement();
      returnTo = from instanceof HTMLElement ? from : null;
      dialog.showModal();
      events.emit('open', {});
    },
    close: () => dialog.close(),
    destroy() {
      if (dialog.open) dialog.close();
      stopNaming();
      app.destroy();
      dialog.remove();
    },
    prefill: app.prefill,
    preselect: app.preselect,
    theme: app.theme,
  };
};

/** The focused element, looking into shadow roots (the page's own components may use them). */
function deepActiveElement(): Element | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}
