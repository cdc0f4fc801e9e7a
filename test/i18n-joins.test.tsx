// @vitest-environment jsdom
// Texts joined the language's way, never with an English ", ": a date with its time (one Intl
// format), lists of services (Intl.ListFormat), the comma between unlike parts, and a location's
// address with its city written once, in English, French, Arabic and Chinese.
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../src/api/client';
import { App } from '../src/app/App';
import { formatSlotLong } from '../src/dates';
import { createBookingModel, type BookingModel } from '../src/flow/model';
import { setLocale } from '../src/i18n';
import { placeParts } from '../src/i18n/format';
import { addressLine, comma, formatList } from '../src/i18n/joins';
import { createDemoApp } from '../src/server/demo/app';
import { DEMO, LOCATIONS } from '../src/server/demo/seed';

const NY = 'America/New_York';
const SLOT = '2026-03-07T17:05:00-05:00'; // Saturday 7 March, 5:05 PM in New York

afterEach(() => setLocale('en-US', null));

describe('a date with its time', () => {
  it('is one Intl format, so each language joins the two its own way', () => {
    expect(formatSlotLong(SLOT, NY, 'en-US')).toBe('Saturday, March 7, 2026 at 5:05 PM');
    expect(formatSlotLong(SLOT, NY, 'fr-FR')).toBe('samedi 7 mars 2026 à 17:05');
    expect(formatSlotLong(SLOT, NY, 'cn-CN')).toBe('2026年3月7日星期六 17:05');
    const arabic = formatSlotLong(SLOT, NY, 'ar');
    // "في" ("at") joins them, the date's own comma is the Arabic one; never "5:05 م, السبت".
    expect(arabic).toMatch(/^السبت، 7 مارس 2026 في \S+ م$/);
    expect(arabic).not.toContain(', ');
  });

  it('writes the time as the time grid does, so a time button’s name holds its visible text', () => {
    for (const lang of ['en-US', 'fr-FR', 'ar', 'cn-CN', 'he-IL', 'lv-LV', 'de-DE', 'ru-RU']) {
      for (const at of ['2026-03-07T07:05:00-05:00', SLOT]) {
        const time = new Intl.DateTimeFormat(lang === 'cn-CN' ? 'zh-CN' : lang, { timeStyle: 'short', timeZone: NY }).format(new Date(at));
        expect(formatSlotLong(at, NY, lang)).toContain(time);
      }
    }
  });
});

describe('lists of services', () => {
  const services = ['Coupe', 'Couleur', 'Brushing'];

  it('read as the language lists things, with its own "and"', () => {
    expect(formatList(services, 'en-US')).toBe('Coupe, Couleur, and Brushing');
    expect(formatList(services, 'fr-FR')).toBe('Coupe, Couleur et Brushing');
    expect(formatList(services, 'ar')).toBe('Coupe وCouleur وBrushing');
    expect(formatList(services, 'cn-CN')).toBe('Coupe、Couleur和Brushing');
    expect(formatList(['Coupe'], 'fr-FR')).toBe('Coupe');
  });
});

describe('the language’s comma', () => {
  it('comes from Intl’s list patterns: Arabic "،", Chinese "、"', () => {
    expect(comma('en-US')).toBe(', ');
    expect(comma('fr-FR')).toBe(', ');
    expect(comma('ar')).toBe('، ');
    expect(comma('cn-CN')).toBe('、');
    // Russian lists units with spaces ("1 ч 30 мин"), but separates parts with a comma.
    expect(comma('ru-RU')).toBe(', ');
  });

  it('follows the loaded language by default', () => {
    setLocale('ar', null);
    expect(comma()).toBe('، ');
  });
});

describe('an address with its city', () => {
  it('is one part when either holds the other, two when the address lacks the city', () => {
    expect(placeParts('Adelaide, 42 Rundle Mall', 'adelaide')).toEqual(['Adelaide, 42 Rundle Mall']);
    expect(placeParts('Rundle Mall 42', 'Adelaide, Rundle Mall 42')).toEqual(['Adelaide, Rundle Mall 42']);
    expect(placeParts('42 Rundle Mall', 'Adelaide')).toEqual(['42 Rundle Mall', 'Adelaide']);
    expect(placeParts('42 Rundle Mall', ' ')).toEqual(['42 Rundle Mall']);
  });

  it('names the city once when the address has it, whichever end it is at', () => {
    expect(addressLine('Adelaide, 42 Rundle Mall', 'Adelaide', 'en-US')).toBe('Adelaide, 42 Rundle Mall');
    expect(addressLine('118 Prince Street, New York, NY', 'New York', 'en-US')).toBe('118 Prince Street, New York, NY');
    expect(addressLine('Kaļķu iela 7, RĪGA', 'Rīga', 'lv-LV')).toBe('Kaļķu iela 7, RĪGA');
    expect(addressLine('上海市黄浦区南京东路100号', '上海市', 'cn-CN')).toBe('上海市黄浦区南京东路100号');
    // A city field that holds the whole address.
    expect(addressLine('Rundle Mall 42', 'Adelaide, Rundle Mall 42', 'en-US')).toBe('Adelaide, Rundle Mall 42');
  });

  it('adds the city with the language’s comma when the address lacks it', () => {
    expect(addressLine('42 Rundle Mall', 'Adelaide', 'en-US')).toBe('42 Rundle Mall, Adelaide');
    expect(addressLine('42 Rundle Mall', 'Adelaide', 'ar')).toBe('42 Rundle Mall، Adelaide');
    expect(addressLine('南京东路100号', '上海', 'cn-CN')).toBe('南京东路100号、上海');
    expect(addressLine('', 'Adelaide', 'en-US')).toBe('Adelaide');
    expect(addressLine('42 Rundle Mall', '', 'en-US')).toBe('42 Rundle Mall');
  });
});

describe('the location step', () => {
  let model: BookingModel | undefined;
  afterEach(() => {
    cleanup();
    model?.dispose();
  });

  it('show each location’s address with its city once', async () => {
    const demo = createDemoApp({ now: () => new Date('2026-11-23T14:00:00Z') });
    const api = createApi({
      baseUrl: 'http://demo.test/api/v1',
      fetch: (input, init) => Promise.resolve(demo.fetch(new Request(input as RequestInfo, init))),
    });
    model = createBookingModel({ api, formId: DEMO.forms.chain, now: () => new Date('2026-11-23T14:00:00Z'), remember: false });
    render(<App model={model} />);
    for (const location of LOCATIONS.filter((l) => l.groupId === DEMO.groupId)) {
      // The demo's addresses already end with their city ("118 Prince Street, New York, NY").
      expect(location.address).toContain(location.city);
      const card = await screen.findByRole('button', { name: new RegExp(`^${location.title}`) });
      // Before: "118 Prince Street, New York, NY, New York".
      const meta = within(card).getByText(location.address).parentElement!;
      expect(meta.className).toBe('bw-card__meta');
      expect(meta.textContent).toBe(location.address);
    }
  });
});
