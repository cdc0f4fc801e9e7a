// @vitest-environment jsdom
// The booking form's palettes become readable colours; the embedder's theme wins over them.
import { describe, expect, it } from 'vitest';
import type { FormStyle } from '../src/api/types';
import { contrast, hexRgb, type Rgb } from '../src/app/palettes';
import { applyTheme, formTheme } from '../src/app/theme';

const WHITE: Rgb = [255, 255, 255];
const LIGHT_SURFACE: Rgb = [243, 245, 248];
const DARK_BG: Rgb = [22, 25, 29];
const style = (s: Partial<FormStyle>): FormStyle => ({ showHeader: true, ...s });
const rgb = (value: string | undefined) => hexRgb(value ?? '')!;

describe('formTheme', () => {
  it('darkens a yellow form until its text and button labels read at 4.5:1 on white', () => {
    const { mode, vars } = formTheme(style({ primaryPalette: 'yellow', warnPalette: 'amber', backgroundPalette: 'white' }));
    expect(mode).toBe('light');
    for (const fill of ['primary', 'button']) {
      const colour = rgb(vars[`--bw-form-${fill}`]);
      expect(contrast(colour, WHITE)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(colour, LIGHT_SURFACE)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(colour, rgb(vars[`--bw-form-on-${fill}`]))).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('makes a black-background form dark, with light shades readable on the dark background', () => {
    const { mode, vars } = formTheme(style({ primaryPalette: 'deep-purple', warnPalette: 'red', backgroundPalette: 'black' }));
    expect(mode).toBe('dark');
    for (const fill of ['primary', 'button']) {
      const colour = rgb(vars[`--bw-form-${fill}-dark`]);
      expect(contrast(colour, DARK_BG)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(colour, rgb(vars[`--bw-form-on-${fill}-dark`]))).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('meets 4.5:1 for every palette name the API lists, in both schemes', () => {
    const names = ['red', 'pink', 'purple', 'deep-purple', 'indigo', 'blue', 'light-blue', 'cyan', 'teal', 'green', 'light-green',
      'lime', 'yellow', 'amber', 'orange', 'deep-orange', 'brown', 'grey', 'blue-grey', 'white', 'black'];
    for (const name of names) {
      const { vars } = formTheme(style({ primaryPalette: name, backgroundPalette: name }));
      expect(contrast(rgb(vars['--bw-form-primary']), WHITE), name).toBeGreaterThanOrEqual(4.5);
      expect(contrast(rgb(vars['--bw-form-primary']), rgb(vars['--bw-form-surface'] ?? '#f3f5f8')), name).toBeGreaterThanOrEqual(4.5);
      expect(contrast(rgb(vars['--bw-form-primary-dark']), DARK_BG), name).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("uses the form's own hex colour when it is readable, and its palette when it is not", () => {
    expect(formTheme(style({ mainColor: '#0b6e4f', primaryPalette: 'yellow' })).vars['--bw-form-primary']).toBe('#0b6e4f');
    const white = formTheme(style({ mainColor: '#FFF', buttonsColor: '#FFF', primaryPalette: 'teal' })).vars;
    expect(white['--bw-form-primary']).not.toBe('#ffffff');
    expect(white['--bw-form-button']).toBe(white['--bw-form-primary']);
  });

  it('leaves the defaults alone for a form without palettes or colours', () => {
    expect(formTheme(style({}))).toEqual({ mode: undefined, vars: {} });
    expect(formTheme(style({ primaryPalette: 'chartreuse' })).vars['--bw-form-primary']).toBeUndefined();
  });
});

describe('applyTheme', () => {
  it("lets the embedder's mode and colours win over the form's, and clears what a later theme leaves out", () => {
    const el = document.createElement('div');
    const form = formTheme(style({ primaryPalette: 'teal', warnPalette: 'pink', backgroundPalette: 'black' }));
    applyTheme(el, {}, form);
    expect(el.dataset.theme).toBe('dark');
    expect(el.style.getPropertyValue('--bw-form-button')).not.toBe('');

    applyTheme(el, { mode: 'light', primary: '#0b6e4f' }, form);
    expect(el.dataset.theme).toBe('light');
    expect(el.style.getPropertyValue('--bw-primary')).toBe('#0b6e4f');
    expect(el.style.getPropertyValue('--bw-button')).toBe('var(--bw-primary)');

    applyTheme(el, {}, { vars: {} });
    expect(el.style.getPropertyValue('--bw-primary')).toBe('');
    expect(el.style.getPropertyValue('--bw-form-button')).toBe('');
    expect(el.dataset.theme).toBe('light');
  });
});
