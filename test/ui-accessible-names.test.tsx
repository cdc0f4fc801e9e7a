// @vitest-environment jsdom
// What a screen reader says for a day and for a time, in the visitor's language: the full date
// (with "unavailable" for a day that cannot be booked) and a time with its day, from Intl and the
// language's resource, never English glued on.
import { cleanup, render, screen } from '@testing-library/preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { Slot } from '../src/api/types';
import { setLocale, type Dictionary } from '../src/i18n';
import { Calendar } from '../src/ui/Calendar';
import { TimeGrid } from '../src/ui/TimeGrid';

import heIL from '../src/server/demo/locales/he-IL.json';
import lvLV from '../src/server/demo/locales/lv-LV.json';

const RESOURCES: Record<string, Dictionary | null> = { 'en-US': null, 'lv-LV': lvLV, 'he-IL': heIL };

afterEach(() => {
  cleanup();
  setLocale('en-US', null);
});

const TZ = 'America/New_York';
const slot = (time: string): Slot => ({ time, duration: 3600, datetime: `2026-03-03T${time}:00-0500` });

function calendar(lang: string) {
  return render(
    <Calendar
      month="2026-03"
      bookable={new Set(['2026-03-03'])}
      today="2026-03-02"
      lang={lang}
      onSelect={() => {}}
      onMonthChange={() => {}}
    />,
  );
}

const CASES = [
  {
    lang: 'en-US',
    free: 'Tuesday, March 3, 2026',
    closed: 'Wednesday, March 4, 2026, unavailable',
    time: 'Tuesday, March 3, 2026 at 10:30 AM',
    grid: 'March 2026',
  },
  {
    lang: 'lv-LV',
    free: 'otrdiena, 2026. gada 3. marts',
    closed: 'trešdiena, 2026. gada 4. marts, nav pieejams',
    time: 'otrdiena, 2026. gada 3. marts 10:30',
    grid: '2026. g. marts',
  },
  {
    lang: 'he-IL',
    free: 'יום שלישי, 3 במרץ 2026',
    closed: 'יום רביעי, 4 במרץ 2026, לא זמין',
    time: 'יום שלישי, 3 במרץ 2026 בשעה 10:30',
    grid: 'מרץ 2026',
  },
];

describe('accessible names of days and times', () => {
  for (const c of CASES) {
    it(`are whole dates and times in ${c.lang}`, () => {
      act(() => setLocale(c.lang, RESOURCES[c.lang] ?? null));
      calendar(c.lang);
      expect(screen.getByRole('grid', { name: c.grid })).toBeTruthy();
      const free = screen.getByRole('gridcell', { name: c.free });
      expect(free.getAttribute('aria-disabled')).toBeNull();
      // The visible text is only the day's number; the name carries the rest.
      expect(free.textContent).toBe('3');
      expect(screen.getByRole('gridcell', { name: c.closed }).getAttribute('aria-disabled')).toBe('true');
      cleanup();

      render(<TimeGrid slots={[slot('10:30')]} tz={TZ} lang={c.lang} onSelect={() => {}} />);
      const time = screen.getByRole('button', { name: c.time });
      expect(time.textContent).not.toContain(c.time);
    });
  }

  it('follow the month and day the calendar shows, not a fixed text', () => {
    render(
      <Calendar
        month="2026-12"
        bookable={new Set(['2026-12-31'])}
        today="2026-12-01"
        lang="en-GB"
        onSelect={() => {}}
        onMonthChange={() => {}}
      />,
    );
    expect(screen.getByRole('gridcell', { name: 'Thursday, 31 December 2026' })).toBeTruthy();
    expect(screen.getByRole('gridcell', { name: 'Tuesday, 1 December 2026, unavailable' })).toBeTruthy();
  });
});
