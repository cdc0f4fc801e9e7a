// @vitest-environment jsdom
// The hosted page's consent prompt as a visitor meets it: a named region with Allow and Decline
// alike, nothing loaded before an answer, the answer remembered per form, Cookie settings to
// change it, and in another language its own words.
import { signal } from '@preact/signals';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { askConsent, consentKey } from '../src/analytics/consent';
import { createEmitter } from '../src/events';
import type { BookingModel } from '../src/flow/model';
import { setLocale } from '../src/i18n';
import fr from '../src/i18n/widget/fr';

const IDS = { ga: 'G-DEMO12345', pixel: '1234567890123' };
let stop: (() => void) | undefined;

function start(formId = 12) {
  const model = {
    flow: signal({ current: 'service', basket: [], choices: { serviceIds: [], contact: { name: 'Ann', phone: '', email: '', comment: '' } } }),
    catalog: { state: signal({ status: 'idle' }) },
    location: signal({ currency: 'USD' }),
  } as unknown as BookingModel;
  stop = askConsent(model, createEmitter() as never, IDS, formId);
}

const scripts = () => [...document.head.querySelectorAll('script')].map((s) => s.src);

afterEach(() => {
  stop?.();
  localStorage.clear();
  document.head.innerHTML = '';
  for (const key of ['dataLayer', 'gtag', 'fbq', '_fbq', 'ym']) delete (window as unknown as Record<string, unknown>)[key];
  setLocale('en-US', null);
});

describe('the consent prompt', () => {
  it('asks in a region naming the tools, with Allow and Decline alike, and loads nothing before an answer', async () => {
    start();
    const region = await screen.findByRole('region', { name: 'Statistics cookies' });
    expect(region.textContent).toContain('Google Analytics and Meta Pixel');
    const [allow, decline] = within(region).getAllByRole('button');
    expect([allow!.textContent, decline!.textContent]).toEqual(['Allow', 'Decline']);
    expect(allow!.className).toBe(decline!.className);
    expect(scripts()).toEqual([]);
    expect((window as unknown as { dataLayer?: unknown }).dataLayer).toBeUndefined();
  });

  it('declined: nothing loads, the answer is kept for the form, and Cookie settings bring the prompt back', async () => {
    start();
    fireEvent.click(await screen.findByRole('button', { name: 'Decline' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Statistics cookies' })).toBeNull());
    expect(localStorage.getItem(consentKey(12))).toBe('no');
    const settings = screen.getByRole('button', { name: 'Cookie settings' });
    await waitFor(() => expect(document.activeElement).toBe(settings));
    expect(settings.getAttribute('aria-expanded')).toBe('false');
    expect(scripts()).toEqual([]);

    stop!();
    start(); // the next visit: not asked again
    expect(screen.queryByRole('region', { name: 'Statistics cookies' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Cookie settings' }));
    const region = await screen.findByRole('region', { name: 'Statistics cookies' });
    await waitFor(() => expect(document.activeElement).toBe(region));
  });

  it('allowed: GA4 and the Pixel load from their own hosts, and the next visit loads them without asking', async () => {
    start();
    fireEvent.click(await screen.findByRole('button', { name: 'Allow' }));
    expect(scripts()).toEqual(['https://www.googletagmanager.com/gtag/js?id=G-DEMO12345', 'https://connect.facebook.net/en_US/fbevents.js']);
    expect(localStorage.getItem(consentKey(12))).toBe('yes');
    // The booking began before the answer: its begin_checkout went to gtag once allowed.
    const layer = (window as unknown as { dataLayer: IArguments[] }).dataLayer.map((args) => [...args]);
    expect(layer.map((args) => args.slice(0, 2))).toEqual([['js', expect.any(Date)], ['config', 'G-DEMO12345'], ['event', 'begin_checkout']]);
    expect(JSON.stringify(layer)).not.toContain('Ann');

    stop!();
    document.head.innerHTML = '';
    start(); // another form: asked anew
    stop!();
    start(13);
    expect(await screen.findByRole('region', { name: 'Statistics cookies' })).toBeTruthy();
  });

  it('speaks the visitor’s language', async () => {
    await act(() => setLocale('fr-FR', fr as never));
    start();
    const region = await screen.findByRole('region', { name: 'Cookies de statistiques' });
    expect(within(region).getAllByRole('button').map((b) => b.textContent)).toEqual(['Autoriser', 'Refuser']);
    expect(screen.getByRole('button', { name: 'Paramètres des cookies' })).toBeTruthy();
  });
});
