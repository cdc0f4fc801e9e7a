// Which answers about free times are still current. Each location has a generation, part of the
// cache key of its availability answers (allowlist.ts `availability`); a booking, its check or a
// cancellation passing through moves it on, so the next read asks the upstream instead of
// offering a time that was just taken. A cancellation names no location: it moves every one.
/** Locations tracked one by one; past this (ids made up by a bot), everything moves on at once. */
const MAX_LOCATIONS = 10_000;

export class AvailabilityGenerations {
  private readonly byLocation = new Map<string, number>();
  private everywhere = 0;

  generation(locationId: string): string {
    return `${this.everywhere}.${this.byLocation.get(locationId) ?? 0}`;
  }

  changed(locationId: string | undefined): void {
    if (locationId === undefined || (this.byLocation.size >= MAX_LOCATIONS && !this.byLocation.has(locationId))) {
      this.everywhere++;
      this.byLocation.clear();
    } else this.byLocation.set(locationId, (this.byLocation.get(locationId) ?? 0) + 1);
  }
}
