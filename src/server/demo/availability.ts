// Seed look-ups and free time per team member, combining the pure slot maths with the store.
import type { DemoLocation, DemoService, DemoTeamMember } from './model';
import { LOCATIONS, SERVICES, TEAM } from './seed';
import { bookingWindow, freeStarts, shiftDate, workingIntervals } from './slots';
import type { DemoStore } from './store';

export function findLocation(id: number): DemoLocation | undefined {
  return LOCATIONS.find((l) => l.id === id);
}

/** Services offered online at a location (retired ones left out). */
export function bookableServices(locationId: number): DemoService[] {
  return SERVICES.filter((s) => s.locationId === locationId && s.bookable);
}

export function findService(locationId: number, id: number): DemoService | undefined {
  return SERVICES.find((s) => s.locationId === locationId && s.id === id);
}

export function teamOf(locationId: number): DemoTeamMember[] {
  return TEAM.filter((m) => m.locationId === locationId);
}

export function findMember(locationId: number, id: number): DemoTeamMember | undefined {
  return TEAM.find((m) => m.locationId === locationId && m.id === id);
}

/** Team members offering every one of the services. */
export function membersOffering(locationId: number, serviceIds: number[]): DemoTeamMember[] {
  return teamOf(locationId).filter((m) => serviceIds.every((id) => m.serviceIds.includes(id)));
}

/**
 * Minutes a visit takes: the sum of the chosen services, or, when none are chosen yet, the
 * member's shortest service (so "is anything free?" questions still have an answer).
 */
export function visitMinutes(member: DemoTeamMember, serviceIds: number[]): number {
  if (serviceIds.length > 0) {
    return serviceIds.reduce((sum, id) => sum + (findService(member.locationId, id)?.duration ?? 0), 0);
  }
  const own = member.serviceIds.map((id) => findService(member.locationId, id)?.duration ?? 60);
  return Math.min(...own, 60);
}

/** Free start instants of one member on one local date. */
export function memberFreeStarts(
  store: DemoStore,
  location: DemoLocation,
  member: DemoTeamMember,
  date: string,
  serviceIds: number[],
): number[] {
  const tz = location.timezoneName;
  const window = bookingWindow(store.nowMs(), tz);
  if (date < window.firstDate || date > window.lastDate) return [];
  return freeStarts({
    working: workingIntervals(member.hours, date, tz),
    busy: store.busy(member, date, tz),
    durationMinutes: visitMinutes(member, serviceIds),
    earliest: window.earliest,
  });
}

/** Whether the member works at all on the date (regardless of free time). */
export function memberWorks(location: DemoLocation, member: DemoTeamMember, date: string): boolean {
  return workingIntervals(member.hours, date, location.timezoneName).length > 0;
}

/** The first date from `from` on (within the booking window) with free time for the member. */
export function nextFreeDate(
  store: DemoStore,
  location: DemoLocation,
  member: DemoTeamMember,
  serviceIds: number[],
  from?: string,
): { date: string; starts: number[] } | undefined {
  const window = bookingWindow(store.nowMs(), location.timezoneName);
  let date = from && from > window.firstDate ? from : window.firstDate;
  for (; date <= window.lastDate; date = shiftDate(date, 1)) {
    const starts = memberFreeStarts(store, location, member, date, serviceIds);
    if (starts.length > 0) return { date, starts };
  }
  return undefined;
}

/** Whether the member can take a visit starting exactly at `start`. */
export function memberFreeAt(
  store: DemoStore,
  location: DemoLocation,
  member: DemoTeamMember,
  date: string,
  start: number,
  serviceIds: number[],
): boolean {
  return memberFreeStarts(store, location, member, date, serviceIds).includes(start);
}
