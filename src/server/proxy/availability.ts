// Which answers about free times are still current. Each location has a generation, part of the
// cache key of its availability answers (allowlist.ts `availability`); a booking, its check or a
// cancellation passing through moves it on, in the shared store, so the next read in any instance
// asks the upstream instead of offering a time that was just taken. A cancellation names no
// location: it moves every one.
import type { SharedStore } from './store';

export class AvailabilityGenerations {
  constructor(private readonly store: SharedStore) {}

  async generation(locationId: string): Promise<string> {
    const [everywhere, here] = await Promise.all([this.store.counter('gen:*'), this.store.counter(`gen:${locationId}`)]);
    return `${everywhere}.${here}`;
  }

  async changed(locationId: string | undefined): Promise<void> {
    await this.store.increment(locationId === undefined ? 'gen:*' : `gen:${locationId}`);
  }
}
