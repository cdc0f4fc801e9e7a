// The demo backend called in process, as the demo-* tests drive it: a fresh store at a fixed
// moment, JSON in, the status and the parsed answer out.
import { createDemoApp } from '../../src/server/demo/app';

export type Json = Record<string, unknown>;

/** A slot as book_times writes it. */
export interface Slot {
  time: string;
  seance_length: number;
  datetime: string;
}

export function demoAt(now: Date) {
  const demo = createDemoApp({ now: () => now });
  /** Any route, the API's (`/api/v1/…`) or the control routes (`/__demo/…`); an empty answer is undefined. */
  const call = async (method: string, path: string, payload?: unknown) => {
    const res = await demo.app.request(path, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: payload === undefined ? undefined : JSON.stringify(payload),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as Json };
  };
  /** The free times of a team member (0: anyone) on a day for the services. */
  const times = async (location: number, staff: number, date: string, services: number[]) => {
    const q = services.map((id) => `service_ids[]=${id}`).join('&');
    return (await call('GET', `/api/v1/book_times/${location}/${staff}/${date}?${q}`)).body.data as Slot[];
  };
  return { ...demo, call, times };
}
