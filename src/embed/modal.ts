// Button mode's dialog: the loader draws the floating button; this chunk, loaded on the first sign
// of intent or when the browser is idle, adds a modal <dialog> holding the widget. Labelled,
// focus kept inside, Escape closes, and focus goes back to whatever opened it. While it is open the
// page behind does not scroll.
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
dialog::backdrop{background:#0009;touch-action:none}
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
  let unlock: (() => void) | undefined;
  // A page that removes the widget while the dialog is open (no destroy()) gets its scroll back:
  // a removed dialog leaves the top layer without a close event, so closing it is ours to do.
  const removal = new MutationObserver(() => context.host.isConnected || dialog.close());
  const release = () => {
    removal.disconnect();
    unlock?.();
    unlock = undefined;
  };
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    release();
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
      unlock ||= lockPageScroll();
      removal.observe(document, { childList: true, subtree: true });
      events.emit('open', {});
    },
    close: () => dialog.close(),
    destroy() {
      if (dialog.open) dialog.close();
      release();
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

/**
 * Locks the page's scroll: a modal <dialog> makes the page inert, but the wheel, a touch pan or
 * the keyboard over the backdrop still scroll it. Returns the function that gives it back: only
 * the properties set here are put back, as the page had them (its own inline values and their
 * priority), and the scroll position with them.
 */
function lockPageScroll(): () => void {
  const html = document.documentElement;
  const body = document.body;
  const { scrollX, scrollY } = window;
  const undo: (() => void)[] = [];
  const set = (el: HTMLElement, property: string, value: string) => {
    const { style } = el;
    const was = style.getPropertyValue(property);
    const priority = style.getPropertyPriority(property);
    style.setProperty(property, value, 'important');
    undo.push(() => (was ? style.setProperty(property, was, priority) : style.removeProperty(property)));
  };
  const visible = (el: HTMLElement) => {
    const { overflowX, overflowY } = getComputedStyle(el);
    return overflowX === 'visible' && overflowY === 'visible';
  };
  // A classic scroll bar keeps its room when it goes, so nothing on the page moves sideways.
  if (innerWidth > html.clientWidth) set(html, 'scrollbar-gutter', 'stable');
  set(html, 'overscroll-behavior', 'none');
  // The viewport takes its overflow from the root, or from the body when the root's is visible.
  // A body that is not itself a scroll container is left alone: hiding its overflow would clip it.
  const rootVisible = visible(html);
  const locked = [...(rootVisible ? [] : [html]), ...(rootVisible || !visible(body) ? [body] : [])];
  for (const el of locked) {
    set(el, 'overflow-x', 'hidden');
    set(el, 'overflow-y', 'hidden');
  }
  return () => {
    for (const fn of undo.reverse()) fn();
    // At once, even on a page that scrolls smoothly.
    if (window.scrollX !== scrollX || window.scrollY !== scrollY) window.scrollTo({ left: scrollX, top: scrollY, behavior: 'instant' });
  };
}
