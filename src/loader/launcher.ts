// Button mode's floating button, drawn by the loader at once (the dialog comes with its chunk).
// Pointer over, focus or touch on it, or on any element with data-booking-widget-open, is a sign
// of intent: the widget starts loading before the click.
import type { EmbedOptions } from './options';

export const OPENER = 'data-booking-widget-open';

export const LAUNCHER_CSS =
  '.launcher{position:fixed;z-index:2147483000;bottom:20px;right:20px;min-height:48px;padding:0 22px;border:0;border-radius:24px;' +
  'background:var(--launcher,#1a56b8);color:var(--on-launcher,#fff);font:600 16px/1.2 system-ui,sans-serif;cursor:pointer;box-shadow:0 2px 10px #0004}' +
  '.launcher:focus-visible{outline:3px solid #1a56b8;outline-offset:3px}.top{top:20px;bottom:auto}.left{left:20px;right:auto}';

/** Draws the button; returns the function that removes the page listeners. */
export function launcher(options: EmbedOptions, shadow: ShadowRoot, warm: () => void, open: (opener: Element) => void): () => void {
  const { text, position, color } = options.button;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'launcher ' + position.replace('-', ' ');
  button.textContent = text;
  button.setAttribute('aria-haspopup', 'dialog');
  shadow.append(button);
  if (color) {
    button.style.setProperty('--launcher', color);
    // Dark text on a light colour, white on a dark one.
    const [r = 0, g = 0, b = 0] = (getComputedStyle(button).backgroundColor.match(/\d+/g) || []).map(Number);
    if (0.299 * r + 0.587 * g + 0.114 * b > 150) button.style.setProperty('--on-launcher', '#1b1f24');
  }
  for (const type of ['pointerenter', 'focus', 'touchstart']) button.addEventListener(type, warm, { once: true, passive: true });
  button.addEventListener('click', () => open(button));
  (window.requestIdleCallback || setTimeout)(warm);

  const openerOf = (e: Event) => {
    const el = (e.target as Element | null)?.closest?.(`[${OPENER}]`);
    return el && (el.getAttribute(OPENER) || 'default') === options.ns ? el : null;
  };
  const onClick = (e: Event) => {
    const el = openerOf(e);
    if (!el) return;
    e.preventDefault();
    open(el);
  };
  const onIntent = (e: Event) => openerOf(e) && warm();
  const page: [string, (e: Event) => unknown][] = [['click', onClick], ['pointerover', onIntent], ['focusin', onIntent]];
  for (const [type, fn] of page) document.addEventListener(type, fn);
  return () => page.forEach(([type, fn]) => document.removeEventListener(type, fn));
}
