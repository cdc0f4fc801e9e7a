// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/preact';
import { act } from 'preact/test-utils';
import { h } from 'preact';
import { afterEach, expect, it } from 'vitest';
import { setLocale, t } from '../src/i18n';

afterEach(() => {
  cleanup();
  setLocale('en-US', null);
});

function Heading() {
  return h('h2', null, t('header.choose_time'));
}

it('re-renders text when the language changes', () => {
  render(h(Heading, null));
  expect(screen.getByRole('heading').textContent).toBe('Pick a time');
  act(() => setLocale('lv-LV', { header: { choose_time: 'Izvēlieties laiku' } }));
  expect(screen.getByRole('heading').textContent).toBe('Izvēlieties laiku');
  act(() => setLocale('en-US', null));
  expect(screen.getByRole('heading').textContent).toBe('Pick a time');
});
