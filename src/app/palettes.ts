// The Material palette names a booking form's style uses (primaryPalette, accentPalette,
// warnPalette, backgroundPalette), each as its 500 shade. Other shades are worked out from it
// (darker on light backgrounds, lighter on dark ones) until text stays readable, so the table
// stays one hex per name. `white` and `black` are the neutral palettes.
export const PALETTES: Record<string, string> = {
  red: 'f44336',
  pink: 'e91e63',
  purple: '9c27b0',
  'deep-purple': '673ab7',
  indigo: '3f51b5',
  blue: '2196f3',
  'light-blue': '03a9f4',
  cyan: '00bcd4',
  teal: '009688',
  green: '4caf50',
  'light-green': '8bc34a',
  lime: 'cddc39',
  yellow: 'ffeb3b',
  amber: 'ffc107',
  orange: 'ff9800',
  'deep-orange': 'ff5722',
  brown: '795548',
  grey: '9e9e9e',
  'blue-grey': '607d8b',
  white: 'ffffff',
  black: '000000',
};

export type Rgb = [number, number, number];

/** A palette's 500 shade; undefined for a name the API does not use. */
export function paletteRgb(name: string | undefined): Rgb | undefined {
  const hex = name ? PALETTES[name.trim().toLowerCase()] : undefined;
  return hex ? hexRgb(hex) : undefined;
}

export function hexRgb(hex: string): Rgb | undefined {
  const h = hex.replace(/^#/, '');
  const full = h.length === 3 ? h.replace(/./g, '$&$&') : h;
  if (!/^[0-9a-f]{6}$/i.test(full)) return undefined;
  const n = parseInt(full, 16);
  return [n >> 16, (n >> 8) & 255, n & 255];
}

export function rgbHex(rgb: Rgb): string {
  return `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG contrast ratio, 1 to 21. */
export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `amount` (0–1) of the way from `from` to `to`. */
export function mix(from: Rgb, to: Rgb, amount: number): Rgb {
  return from.map((c, i) => c + (to[i]! - c) * amount) as Rgb;
}
