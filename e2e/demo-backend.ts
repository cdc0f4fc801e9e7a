// The demo backend's control routes, as the specs use them: a clean store before each test and
// the bookings it holds afterwards.
import type { APIRequestContext } from '@playwright/test';
import type { DemoBooking } from '../src/server/demo/store';

export type { DemoBooking };

export class DemoBackend {
  constructor(private readonly request: APIRequestContext) {}

  async reset(): Promise<void> {
    const answer = await this.request.post('/__demo/reset');
    if (!answer.ok()) throw new Error(`demo reset answered ${answer.status()}`);
  }

  async bookings(): Promise<DemoBooking[]> {
    const answer = await this.request.get('/__demo/bookings');
    if (!answer.ok()) throw new Error(`demo bookings answered ${answer.status()}`);
    return (await answer.json()) as DemoBooking[];
  }
}
