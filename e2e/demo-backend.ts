// The demo backend's control routes, as the specs use them: a clean store before each test, the
// clock for specs that need another day, and the bookings it holds afterwards.
import type { APIRequestContext } from '@playwright/test';
import type { Fault } from '../src/server/demo/faults';
import { DEMO } from '../src/server/demo/seed';
import type { DemoBooking } from '../src/server/demo/store';

export type { DemoBooking, Fault };

/** What a booking page (?record=&hash=) needs of a booking. */
export interface Booked {
  recordId: number;
  hash: string;
  datetime: string;
}

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

  /** A booking made straight through the demo API at the first free time, as another device would have made it. */
  async book(location: number, service: number, phone: string): Promise<Booked> {
    const api = (path: string) => `/api/v1/${path}`;
    const dates = await (await this.request.get(api(`book_dates/${location}?service_ids[]=${service}`))).json();
    const date = dates.data.booking_dates[0] as string;
    const times = await (await this.request.get(api(`book_times/${location}/0/${date}?service_ids[]=${service}`))).json();
    const datetime = times.data[0].datetime as string;
    const code = location === DEMO.locations.riga ? DEMO.smsCode : undefined;
    if (code) await this.request.post(api(`book_code/${location}`), { data: { phone, fullname: 'Ann' } });
    const answer = await this.request.post(api(`book_record/${location}`), {
      data: { fullname: 'Ann Visitor', phone, email: '', comment: '', code, appointments: [{ id: 1, services: [service], staff_id: 0, datetime }] },
    });
    if (answer.status() !== 201) throw new Error(`demo book_record answered ${answer.status()}: ${await answer.text()}`);
    const [record] = (await answer.json()).data;
    return { recordId: record.record_id, hash: record.record_hash, datetime };
  }

  async clearFaults(): Promise<void> {
    await this.request.delete('/__demo/faults');
  }
}
