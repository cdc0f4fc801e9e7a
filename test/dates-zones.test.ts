// What a visitor in another zone is told about a New York location's times, including the
// week of 14 March 2027 when New York moves its clocks forward and Riga does not yet.
import { describe, expect, it } from 'vitest';
import { localDateOf } from '../src/dates';
import { formatTime } from '../src/dates/names';
import { formatVisitorTime, zoneDiffers, zoneLabel, zoneName } from '../src/dates/zones';
import { monthGrid } from '../src/dates/calendar';

const NY = 'America/New_York';
const SATURDAY = new Date('2027-03-13T16:00:00Z'); // 11:00 EST
const SUNDAY = new Date('2027-03-14T15:00:00Z'); // 11:00 EDT, the first day of summer time

describe('the location’s zone, named', () => {
  it('has a name that holds all year and a short name that says which side of the change', () => {
    expect(zoneName(NY, 'en-US', SATURDAY)).toBe('Eastern Time');
    expect(zoneLabel(NY, 'en-US', SATURDAY)).toBe('EST');
    expect(zoneLabel(NY, 'en-US', SUNDAY)).toBe('EDT');
    expect(zoneName(NY, 'lv-LV', SUNDAY)).toBe('Austrumu laiks');
    expect(zoneName(NY, 'he-IL', SUNDAY)).toBe('שעון החוף המזרחי');
  });

  it('falls back to the zone’s own id when Intl has no name for it', () => {
    expect(zoneName('Etc/GMT-14', 'en-US', SUNDAY)).toBe('GMT-14');
  });
});

describe('the visitor’s own time', () => {
  it('is the same wall time on both days for the location, and moves an hour for Honolulu and Riga', () => {
    expect([SATURDAY, SUNDAY].map((at) => formatTime(at, NY, 'en-GB'))).toEqual(['11:00', '11:00']);
    expect([SATURDAY, SUNDAY].map((at) => formatVisitorTime(at, NY, 'en-GB', 'Pacific/Honolulu'))).toEqual(['06:00', '05:00']);
    expect([SATURDAY, SUNDAY].map((at) => formatVisitorTime(at, NY, 'en-GB', 'Europe/Riga'))).toEqual(['18:00', '17:00']);
  });

  it('names the weekday when it is already the next day for the visitor', () => {
    expect(formatVisitorTime(SUNDAY, NY, 'en-US', 'Pacific/Kiritimati')).toBe('Mon 5:00 AM');
    expect(formatVisitorTime(SUNDAY, NY, 'lv-LV', 'Pacific/Kiritimati')).toBe('pirmd., 05:00');
    expect(zoneLabel('Pacific/Kiritimati', 'en-US', SUNDAY)).toBe('GMT+14');
  });

  it('is only offered when the clocks differ at that instant', () => {
    expect(zoneDiffers(NY, SUNDAY, 'America/Toronto')).toBe(false);
    expect(zoneDiffers(NY, SUNDAY, 'Pacific/Honolulu')).toBe(true);
    // Chicago is an hour behind all year.
    expect(zoneDiffers(NY, SATURDAY, 'America/Chicago')).toBe(true);
  });
});

describe('days around the change', () => {
  it('keeps every day of March 2027 once, in seven columns', () => {
    const days = monthGrid('2027-03', 0).flat().filter(Boolean);
    expect(days).toHaveLength(31);
    expect(days).toContain('2027-03-14');
  });

  it('puts late-evening times on the location’s day, whatever the visitor’s zone', () => {
    expect(localDateOf('2027-03-14T23:30:00-04:00', NY)).toBe('2027-03-14');
    expect(localDateOf('2027-03-13T23:30:00-05:00', NY)).toBe('2027-03-13');
  });
});
