// The widget's palette as custom properties on the element that holds it (the shadow host, or the
// hosted page's root). Set through the CSSOM, which a strict CSP allows, never as a style attribute.
import type { FormStyle } from '../api/types';
import type { Theme, ThemeMode } from '../protocol';

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

/** Sets every property the theme names and clears the others, so applying a theme again replaces it. */
export function applyTheme(el: HTMLElement, theme: Theme): void {
  for (const [key, property] of Object.entries(PROPERTIES)) {
    const value = theme[key as keyof typeof PROPERTIES];
    if (value && typeof value === 'string') el.style.setProperty(property, value);
    else el.style.removeProperty(property);
  }
  el.dataset.theme = theme.mode && MODES.includes(theme.mode) ? theme.mode : 'light';
}

/**
 * The booking form's own colour as the primary, in light mode only, and only when text in it stays
 * readable (4.5:1) on the light background; otherwise the default palette keeps its contrast.
 */
export function formTheme(style: FormStyle | undefined, probe: HTMLElement): Theme {
  const colour = style?.buttonsColor ?? style?.mainColor;
  const rgb = colour ? toRgb(colour, probe) : undefined;
  if (!rgb || contrast(rgb, [255, 255, 255]) < 4.5) return {};
  const onPrimary = contrast(rgb, [255, 255, 255]) >= contrast(rgb, [27, 31, 36]) ? '#fff' : '#1b1f24';
  return { primary: colour, onPrimary };
}

type Rgb = [number, number, number];

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

function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
