// The widget's palette as custom properties on the element that holds it (the hosted page's root,
// the dialog), or, for a shadow host, on the shadow root's own elements (`:host > *`, a sheet of
// the shadow root's): a page's CSS reaches the host element, and custom properties even inherit
// through the shadow boundary, but nothing of the page reaches the elements inside, so there the
// page's --bw-* (src/app/widget.css resets them) meet only the widget's own values. Set through the
// CSSOM, which a strict CSP allows, never as a style attribute.
//
// Three layers, weakest first: the stylesheet's defaults (base.css, widget.css); the booking
// form's style, as --bw-form-* properties the defaults fall back to (one set for light, one for
// dark, so "auto" can follow the visitor's system); the embedder's theme(), set on --bw-* itself.
import type { FormStyle } from '../api/types';
import type { Theme, ThemeMode } from '../protocol';
import { contrast, hexRgb, mix, paletteRgb, rgbHex, type Rgb } from './palettes';

const PROPERTIES = {
  primary: '--bw-primary',
  onPrimary: '--bw-on-primary',
  bg: '--bw-bg',
  surface: '--bw-surface',
  text: '--bw-text',
  muted: '--bw-muted',
  border: '--bw-border',
  error: '--bw-error',
  radius: '--bw-radius',
  font: '--bw-font',
} as const satisfies Record<Exclude<keyof Theme, 'mode'>, string>;

const MODES: readonly ThemeMode[] = ['light', 'dark', 'auto'];

/** What the booking form's style asks for: a mode, and --bw-form-* properties. */
export interface FormTheme {
  mode?: 'light' | 'dark';
  vars: Record<string, string>;
}

/** Sets every property the themes name and clears the others, so applying a theme again replaces it. */
export function applyTheme(el: HTMLElement, host: Theme, form: FormTheme = { vars: {} }): void {
  const style = el.shadowRoot ? paletteRule(el.shadowRoot) : el.style;
  for (let i = style.length - 1; i >= 0; i--) {
    const property = style.item(i);
    if (property.startsWith('--bw-')) style.removeProperty(property);
  }
  for (const [property, value] of Object.entries(form.vars)) style.setProperty(property, value);
  for (const [key, property] of Object.entries(PROPERTIES)) {
    const value = host[key as keyof typeof PROPERTIES];
    if (value && typeof value === 'string') style.setProperty(property, value);
  }
  // The embedder's primary colours the buttons too, whatever the form's button colour.
  if (host.primary) style.setProperty('--bw-button', 'var(--bw-primary)');
  if (host.onPrimary) style.setProperty('--bw-on-button', 'var(--bw-on-primary)');
  el.dataset.theme = host.mode && MODES.includes(host.mode) ? host.mode : (form.mode ?? 'light');
}

const paletteRules = new WeakMap<ShadowRoot, CSSStyleDeclaration>();

/**
 * The declarations the palette goes into inside a shadow root. The selector outweighs the
 * stylesheet's own palettes (widget.css: `:host > *`, and `:host([data-theme='dark']) > *`, which it
 * follows, being adopted), as a style attribute would.
 */
function paletteRule(shadow: ShadowRoot): CSSStyleDeclaration {
  let style = paletteRules.get(shadow);
  if (!style) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(':host([data-theme]) > * {}');
    shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
    style = (sheet.cssRules[0] as CSSStyleRule).style;
    paletteRules.set(shadow, style);
  }
  return style;
}

const WHITE: Rgb = [255, 255, 255];
const BLACK: Rgb = [0, 0, 0];
/** Backgrounds and text of the stylesheet's light and dark palettes. */
const SCHEMES = {
  light: { bg: WHITE, surface: [243, 245, 248] as Rgb, ink: [27, 31, 36] as Rgb, suffix: '' },
  dark: { bg: [22, 25, 29] as Rgb, surface: [35, 39, 45] as Rgb, ink: [232, 234, 237] as Rgb, suffix: '-dark' },
};
type Scheme = (typeof SCHEMES)[keyof typeof SCHEMES];

/**
 * The booking form's palettes and colours as --bw-form-* properties, for the light and the dark
 * scheme. `backgroundPalette: black` makes the widget dark. Every colour used for text or under
 * text is moved (darker on light, lighter on dark) until text stays readable (4.5:1): a yellow
 * form gets a deep yellow on white, a dark form light shades. The form's own hex colours
 * (`main_color`, `buttons_color`) win over its palettes when they are readable as given.
 */
export function formTheme(style: FormStyle | undefined, probe?: HTMLElement): FormTheme {
  if (!style) return { vars: {} };
  const background = style.backgroundPalette?.trim().toLowerCase();
  const vars: Record<string, string> = {};
  for (const scheme of Object.values(SCHEMES)) {
    const dark = scheme === SCHEMES.dark;
    // A coloured background palette tints the cards' surface in the light scheme.
    const tint = !dark && background && background !== 'white' && background !== 'grey' ? paletteRgb(background) : undefined;
    const surface = tint ? mix(tint, WHITE, 0.9) : scheme.surface;
    const grounds = [scheme.bg, surface];
    const primary = asGiven(style.mainColor, grounds, probe) ?? fitted(style.primaryPalette, grounds, scheme);
    const button = asGiven(style.buttonsColor, grounds, probe) ?? fitted(style.warnPalette, grounds, scheme) ?? primary;
    const accent = paletteRgb(style.accentPalette);
    const set = (name: string, rgb: Rgb | undefined) => rgb && (vars[`--bw-form-${name}${scheme.suffix}`] = rgbHex(rgb));
    set('primary', primary);
    set('on-primary', primary && onColour(primary, scheme));
    set('button', button);
    set('on-button', button && onColour(button, scheme));
    set('accent', accent);
    if (tint) set('surface', surface);
  }
  return { mode: background === 'black' ? 'dark' : background ? 'light' : undefined, vars };
}

/** A palette's colour moved towards black (light) or white (dark) until readable on every ground. */
function fitted(name: string | undefined, grounds: Rgb[], scheme: Scheme): Rgb | undefined {
  const key = name?.trim().toLowerCase();
  // A neutral primary is the scheme's own ink: black on light, white on dark.
  const rgb = key === 'white' || key === 'black' ? scheme.ink : paletteRgb(key);
  if (!rgb) return undefined;
  const toward = scheme === SCHEMES.dark ? WHITE : BLACK;
  for (let step = 0; step <= 20; step++) {
    const shade = mix(rgb, toward, step / 20);
    if (readableOn(shade, grounds) && contrast(shade, onColour(shade, scheme)) >= 4.5) return shade;
  }
  return scheme.ink;
}

/** A colour the form gives as hex (or any CSS colour), only when readable as it is. */
function asGiven(colour: string | undefined, grounds: Rgb[], probe?: HTMLElement): Rgb | undefined {
  const rgb = colour ? (hexRgb(colour) ?? (probe && toRgb(colour, probe))) : undefined;
  return rgb && readableOn(rgb, grounds) ? rgb : undefined;
}

function readableOn(rgb: Rgb, grounds: Rgb[]): boolean {
  return grounds.every((g) => contrast(rgb, g) >= 4.5);
}

/** Text on a filled colour: white or the scheme's darkest, whichever reads better. */
function onColour(fill: Rgb, scheme: Scheme): Rgb {
  const darkest = scheme === SCHEMES.dark ? scheme.bg : scheme.ink;
  return contrast(fill, WHITE) >= contrast(fill, darkest) ? WHITE : darkest;
}

/** Resolves any CSS colour (names included) through the browser; undefined when it is not one. */
function toRgb(colour: string, probe: HTMLElement): Rgb | undefined {
  if (typeof CSS !== 'undefined' && !CSS.supports('color', colour)) return undefined;
  const span = document.createElement('span');
  span.style.color = colour;
  probe.append(span);
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(getComputedStyle(span).color);
  span.remove();
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}
