import { describe, expect, it } from 'vitest';
import { addMonthsTo, daysInMonth, formatSlotLong, lastDayOfMonth, localDateOf, localTimeOf, monthOf, normaliseOffset, todayIn, toIntlLocale } from '../src/dates';
import { formatDateLong, formatMonthTitle, formatTime, partOfDay } from '../src/dates/names';
import { weekStartFor } from '../src/dates/calendar';
import { parseDateTime, zoneDiffers, zoneLabel } from '../src/dates/zones';
import { addDaysTo, addMonthsToDate, endOfWeekOf, isoWeekdayIndex, monthGrid, startOfWeekOf, weekdayNames } from '../src/dates/calendar';

const NY = 'America/New_York';
const RIGA = 'Europe/Riga';

describe('reading API date-times', () => {
  it('accepts offsets with and without a colon, Z, and millis', () => {
    const expected = Date.UTC(2026, 2, 4, 15, 30);
    expect(parseDateTime('2026-03-04T10:30:00-05:00').getTime()).toBe(expected);
    expect(parseDateTime('2026-03-04T10:30:00-0500').getTime()).toBe(expected);
    expect(parseDateTime('2026-03-04T10:30:00.000-0500').getTime()).toBe(expected);
    expect(parseDateTime('2026-03-04T15:30:00Z').getTime()).toBe(expected);
    expect(parseDateTime('2026-03-04T18:30:00.000+03:00').getTime()).toBe(expected);
    expect(parseDateTime('2026-03-04T18:30:00+03').getTime()).toBe(expected);
  });

  it('normalises offsets to +HH:MM and leaves the wall time alone', () => {
    expect(normaliseOffset('2026-03-04T10:30:00-0500')).toBe('2026-03-04T10:30:00-05:00');
    expect(normaliseOffset('2025-09-21T23:00:00.000+03:00')).toBe('2025-09-21T23:00:00.000+03:00');
    expect(normaliseOffset('2026-03-04 10:30:00+0530')).toBe('2026-03-04T10:30:00+05:30');
  });

  it('reads a wall time without an offset only in a given zone', () => {
    expect(parseDateTime('2026-07-01T09:00:00', RIGA).toISOString()).toBe('2026-07-01T06:00:00.000Z');
    expect(() => parseDateTime('2026-07-01T09:00:00')).toThrow(RangeError);
    expect(() => parseDateTime('yesterday')).toThrow(RangeError);
  });
});

describe('location-local dates', () => {
  it('gives the same instant different dates in New York and Riga', () => {
    const iso = '2026-03-04T23:30:00-05:00';
    expect(localDateOf(iso, NY)).toBe('2026-03-04');
    expect(localDateOf(iso, RIGA)).toBe('2026-03-05');
    expect(localTimeOf(iso, RIGA)).toBe('06:30');
  });

  it('knows today at the location, not on the visitor’s clock', () => {
    const now = new Date('2026-06-01T02:00:00Z');
    expect(todayIn(NY, now)).toBe('2026-05-31');
    expect(todayIn(RIGA, now)).toBe('2026-06-01');
  });

  it('keeps times right across DST changes', () => {
    // New York falls back on 2026-11-01: 01:30 happens twice.
    expect(localTimeOf('2026-11-01T05:30:00Z', NY)).toBe('01:30');
    expect(localTimeOf('2026-11-01T06:30:00Z', NY)).toBe('01:30');
    expect(localDateOf('2026-11-01T04:30:00Z', NY)).toBe('2026-11-01');
    // …and springs forward on 2026-03-08: 02:30 does not exist.
    expect(localTimeOf('2026-03-08T07:30:00Z', NY)).toBe('03:30');
    expect(localDateOf('2026-03-08T04:59:00Z', NY)).toBe('2026-03-07');
    // Riga moves to summer time on 2026-03-29 at 03:00 local.
    expect(localTimeOf('2026-03-29T00:59:00Z', RIGA)).toBe('02:59');
    expect(localTimeOf('2026-03-29T01:00:00Z', RIGA)).toBe('04:00');
    expect(formatSlotLong('2026-03-29T10:00:00+03:00', RIGA, 'en-GB')).toBe('Sunday, 29 March 2026 at 10:00');
  });

  it('steps plain dates by whole days over a DST change', () => {
    expect(addDaysTo('2026-03-07', 1)).toBe('2026-03-08');
    expect(addDaysTo('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDaysTo('2026-10-31', 1)).toBe('2026-11-01');
    expect(addDaysTo('2026-01-01', -1)).toBe('2025-12-31');
  });
});

describe('months and weeks', () => {
  it('moves between months', () => {
    expect(monthOf('2026-03-04')).toBe('2026-03');
    expect(addMonthsTo('2026-12', 1)).toBe('2027-01');
    expect(addMonthsTo('2026-01', -1)).toBe('2025-12');
    expect(addMonthsToDate('2026-01-31', 1)).toBe('2026-02-28');
  });

  it('knows how long a month is, leap years included', () => {
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2026, 12)).toBe(31);
    expect(lastDayOfMonth('2028-02')).toBe('2028-02-29');
    expect(lastDayOfMonth('2026-04')).toBe('2026-04-30');
  });

  it('lays out a month starting on Sunday in Monday-first weeks', () => {
    // 1 March 2026 is a Sunday.
    const grid = monthGrid('2026-03', 1);
    expect(grid[0]).toEqual([null, null, null, null, null, null, '2026-03-01']);
    expect(grid[1]?.[0]).toBe('2026-03-02');
    expect(grid.length).toBe(6);
    expect(grid.at(-1)).toEqual(['2026-03-30', '2026-03-31', null, null, null, null, null]);
    expect(grid.every((week) => week.length === 7)).toBe(true);
  });

  it('lays out the same month in Sunday-first weeks', () => {
    const grid = monthGrid('2026-03', 0);
    expect(grid[0]?.[0]).toBe('2026-03-01');
    expect(grid.length).toBe(5);
    expect(grid.flat().filter(Boolean)).toHaveLength(31);
  });

  it('finds week starts and ends', () => {
    expect(isoWeekdayIndex('2026-03-01')).toBe(7);
    expect(isoWeekdayIndex('2026-03-02')).toBe(1);
    expect(startOfWeekOf('2026-03-04', 1)).toBe('2026-03-02');
    expect(endOfWeekOf('2026-03-04', 1)).toBe('2026-03-08');
    expect(startOfWeekOf('2026-03-04', 0)).toBe('2026-03-01');
    expect(endOfWeekOf('2026-03-04', 0)).toBe('2026-03-07');
  });

  it('names weekdays in display order', () => {
    expect(weekdayNames('en-US', 1, 'short')).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    expect(weekdayNames('en-US', 0, 'long')[0]).toBe('Sunday');
    expect(weekdayNames('lv-LV', 1, 'long')[0]).toMatch(/^pirmdiena$/i);
  });

  it('picks the week start from the language', () => {
    expect(weekStartFor('en-US')).toBe(0);
    expect(weekStartFor('lv-LV')).toBe(1);
    expect(weekStartFor('ru-RU')).toBe(1);
    expect(weekStartFor('he-IL')).toBe(0);
  });
});

describe('part of day', () => {
  it('splits at 12:00 and 17:00', () => {
    expect(partOfDay('00:00')).toBe('morning');
    expect(partOfDay('11:59')).toBe('morning');
    expect(partOfDay('12:00')).toBe('day');
    expect(partOfDay('16:59')).toBe('day');
    expect(partOfDay('17:00')).toBe('evening');
    expect(partOfDay('23:45')).toBe('evening');
  });
});

describe('formatting', () => {
  it('formats in en-US', () => {
    expect(formatDateLong('2026-03-04', 'en-US')).toBe('Wednesday, March 4, 2026');
    expect(formatMonthTitle('2026-03', 'en-US')).toBe('March 2026');
    expect(formatTime('2026-03-04T10:30:00-05:00', NY, 'en-US')).toBe('10:30 AM');
    expect(formatSlotLong('2026-03-04T10:30:00-0500', NY, 'en-US')).toBe('Wednesday, March 4, 2026 at 10:30 AM');
  });

  it('formats in lv-LV', () => {
    expect(formatDateLong('2026-03-04', 'lv-LV')).toBe('trešdiena, 2026. gada 4. marts');
    expect(formatMonthTitle('2026-03', 'lv-LV')).toMatch(/marts/i);
    expect(formatTime('2026-03-04T10:30:00+02:00', RIGA, 'lv-LV')).toBe('10:30');
  });

  it('formats in Russian and Ukrainian', () => {
    expect(formatDateLong('2026-03-04', 'ru-RU')).toBe('среда, 4 марта 2026 г.');
    expect(formatMonthTitle('2026-03', 'uk-UK')).toMatch(/березень/i);
  });

  it('shows the location’s time, not the visitor’s', () => {
    // 10:30 in Riga is 03:30 in New York; the label must say 10:30.
    expect(formatTime('2026-03-04T10:30:00+02:00', RIGA, 'en-GB')).toBe('10:30');
  });

  it('never lets a process time zone shift a plain date', () => {
    const saved = process.env.TZ;
    try {
      const seen = new Set<string>();
      for (const zone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/New_York', 'UTC']) {
        process.env.TZ = zone;
        seen.add(
          [
            formatDateLong('2026-03-01', 'en-US'),
            monthGrid('2026-03', 1)[0]?.join(','),
            addDaysTo('2026-03-08', 1),
            weekdayNames('en-US', 1, 'short').join(','),
          ].join('|'),
        );
      }
      expect(seen.size).toBe(1);
      expect([...seen][0]).toContain('Sunday, March 1, 2026');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('zones', () => {
  it('labels a zone briefly', () => {
    expect(zoneLabel(NY, 'en-US', new Date('2026-01-15T12:00:00Z'))).toBe('EST');
    expect(zoneLabel(NY, 'en-US', new Date('2026-07-15T12:00:00Z'))).toBe('EDT');
    expect(zoneLabel('Asia/Dubai', 'en-US', new Date('2026-07-15T12:00:00Z'))).toBe('GMT+4');
  });

  it('tells whether the visitor is in another offset', () => {
    const winter = new Date('2026-01-15T12:00:00Z');
    expect(zoneDiffers(RIGA, winter, 'Europe/Helsinki')).toBe(false);
    expect(zoneDiffers(RIGA, winter, NY)).toBe(true);
    expect(zoneDiffers('UTC', winter, 'Etc/UTC')).toBe(false);
  });
});

describe('language codes of the booking form', () => {
  it('maps odd codes to valid tags', () => {
    const cases: [string, string][] = [
      ['uk-UK', 'uk'],
      ['cn-CN', 'zh-CN'],
      ['Lt-sr-SP', 'sr-Latn'],
      ['ka-KA', 'ka'],
      ['kk-KK', 'kk'],
      ['cs-CS', 'cs'],
      ['sl-SL', 'sl'],
      ['ar-AR', 'ar'],
      ['en-US', 'en-US'],
      ['lv-LV', 'lv-LV'],
    ];
    for (const [code, expected] of cases) expect(toIntlLocale(code), code).toBe(expected);
  });

  it('falls back instead of throwing', () => {
    for (const code of ['', 'x', '???', 'not a tag', 'zz-ZZ-ZZZZZZZZZ', 'Lt-sr-SP', 'cn']) {
      expect(() => formatDateLong('2026-03-04', code)).not.toThrow();
      expect(() => weekdayNames(code, 1, 'short')).not.toThrow();
      expect(() => zoneLabel(RIGA, code)).not.toThrow();
    }
    expect(toIntlLocale('???')).toBe('en');
    expect(formatDateLong('2026-03-04', 'Lt-sr-SP')).toMatch(/mart/i);
  });
});
