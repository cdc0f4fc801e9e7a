// The demo backend's control routes, as the specs use them: a clean store before each test, the
// clock for specs that need another day, and the bookings it holds afterwards. In the dev-server
// project they are on the page's origin; in the deployed one on the separate upstream behind the
// proxy, so a fault armed here is on the proxy↔upstream hop.
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
  /** `origin`: the demo backend's own (the deployed project's upstream); the baseURL's when absent. */
  constructor(
    private readonly request: APIRequestContext,
    private readonly origin = '',
  ) {}

  async reset(): Promise<void> {
    const answer = await this.request.post(`${this.origin}/__demo/reset`);
    if (!answer.ok()) throw new Error(`demo reset answered ${answer.status()}`);
  }

  /** Moves the demo's clock (it runs on from there); the next reset moves it back. */
  async setClock(now: string): Promise<void> {
    const answer = await this.request.post(`${this.origin}/__demo/clock`, { data: { now } });
    if (!answer.ok()) throw new Error(`demo clock answered ${answer.status()}`);
  }

  async bookings(): Promise<DemoBooking[]> {
    const answer = await this.request.get(`${this.origin}/__demo/bookings`);
    if (!answer.ok()) throw new Error(`demo bookings answered ${answer.status()}`);
    return (await answer.json()) as DemoBooking[];
  }

  /** Arms faults on the demo API (see src/server/demo/faults.ts); a reset clears them. */
  async fault(...faults: Fault[]): Promise<void> {
    const answer = await this.request.post(`${this.origin}/__demo/faults`, { data: faults });
    if (!answer.ok()) throw new Error(`demo faults answered ${answer.status()}: ${await answer.text()}`);
  }

  /** The business's texts carry the XSS corpus (src/server/demo/hostile.ts) until the next reset. */
  async hostile(): Promise<void> {
    const answer = await this.request.post(`${this.origin}/__demo/hostile`);
    if (!answer.ok()) throw new Error(`demo hostile answered ${answer.status()}`);
  }

  /** The free times (ISO) of a team member (0: anyone) on a day, as the API answers them. */
  async freeTimes(location: number, service: number, staff: number, date: string): Promise<string[]> {
    const answer = await this.request.get(`${this.origin}/api/v1/book_times/${location}/${staff}/${date}?service_ids[]=${service}`);
    return ((await answer.json()).data as { datetime: string }[]).map((slot) => slot.datetime);
  }

  /**
   * A booking made straight through the demo API, as another device would have made it: at the
   * first free time of the team member (0: anyone) on the day (the first bookable day by default).
   */
  async book(location: number, service: number, phone: string, at: { staff?: number; date?: string } = {}): Promise<Booked> {
    const staff = at.staff ?? 0;
    let date = at.date;
    if (!date) {
      const dates = await (await this.request.get(`${this.origin}/api/v1/book_dates/${location}?service_ids[]=${service}`)).json();
      date = dates.data.booking_dates[0] as string;
    }
    const [datetime] = await this.freeTimes(location, service, staff, date);
    if (!datetime) throw new Error(`no free time on ${date}`);
    const code = location === DEMO.locations.riga ? DEMO.smsCode : undefined;
    if (code) await this.request.post(`${this.origin}/api/v1/book_code/${location}`, { data: { phone, fullname: 'Ann' } });
    const answer = await this.request.post(`${this.origin}/api/v1/book_record/${location}`, {
      data: { fullname: 'Ann Visitor', phone, email: '', comment: '', code, appointments: [{ id: 1, services: [service], staff_id: staff, datetime }] },
    });
    if (answer.status() !== 201) throw new Error(`demo book_record answered ${answer.status()}: ${await answer.text()}`);
    const [record] = (await answer.json()).data;
    return { recordId: record.record_id, hash: record.record_hash, datetime };
  }

  async clearFaults(): Promise<void> {
    await this.request.delete(`${this.origin}/__demo/faults`);
  }
}
