// The demo backend's control routes, as the specs use them: a clean store before each test, the
// clock for specs that need another day, and the bookings it holds afterwards.
import type { APIRequestContext } from '@playwright/test';
import type { Fault } from '../src/server/demo/faults';
import type { DemoBooking } from '../src/server/demo/store';

export type { DemoBooking, Fault };

export class DemoBackend {
  constructor(private readonly request: APIRequestContext) {}

  async reset(): Promise<void> {
    const answer = await this.request.post('/__demo/reset');
    if (!answer.ok()) throw new Error(`demo reset answered ${answer.status()}`);
  }

  /** Moves the demo's clock (it runs on from there); the next reset moves it back. */
  async setClock(now: string): Promise<void> {
    const answer = await this.request.post('/__demo/clock', { data: { now } });
    if (!answer.ok()) throw new Error(`demo clock answered ${answer.status()}`);
  }

  async bookings(): Promise<DemoBooking[]> {
    const answer = await this.request.get('/__demo/bookings');
    if (!answer.ok()) throw new Error(`demo bookings answered ${answer.status()}`);
    return (await answer.json()) as DemoBooking[];
  }

  /** Arms faults on the demo API (see src/server/demo/faults.ts); a reset clears them. */
  async fault(...faults: Fault[]): Promise<void> {
    const answer = await this.request.post('/__demo/faults', { data: faults });
    if (!answer.ok()) throw new Error(`demo faults answered ${answer.status()}: ${await answer.text()}`);
  }

  /** The business's texts carry the XSS corpus (src/server/demo/hostile.ts) until the next reset. */
  async hostile(): Promise<void> {
    const answer = await this.request.post('/__demo/hostile');
    if (!answer.ok()) throw new Error(`demo hostile answered ${answer.status()}`);
  }

  async clearFaults(): Promise<void> {
    await this.request.delete('/__demo/faults');
  }
}
