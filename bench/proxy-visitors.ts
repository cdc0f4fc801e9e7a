// The abusive-client scenario of `npm run bench:proxy`: one client busting the cache as fast as its
// own per-client limit lets it, while a few normal visitors each walk a booking at a human pace
// from other addresses. The proxy runs with its DEFAULT limits (only TRUST_PROXY set, so
// X-Forwarded-For names the clients), in front of an upstream that allows 5 calls per second per
// IP and answers 429 above it. What matters: the upstream never sees more than its limit, and
// the normal visitors are never refused.
import { randomUUID } from 'node:crypto';
import { DEFAULTS } from '../src/server/proxy/config';
import { DEMO } from '../src/server/demo/seed';
import { percentile } from './proxy-stats';

const NY = DEMO.locations.newYork;
const SERVICE = DEMO.services.womensHaircut;
const ABUSIVE_IP = '203.0.113.66';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface VisitorStep {
  readonly visitor: number;
  readonly step: string;
  readonly status: number;
  readonly ms: number;
  /** When it was sent, ms after the scenario began. */
  readonly at: number;
  /** The answer's message, for an answer that was not 2xx. */
  readonly message?: string;
}

export interface AbuseReport {
  /** How long the abusive client ran: at least the asked seconds, until the last visitor was done. */
  readonly seconds: number;
  readonly visitors: number;
  /** The abusive client's pace: the proxy's default per-client limit. */
  readonly abusivePerSecond: number;
  readonly abusiveSent: number;
  /** Answered 429 by the proxy (its per-client limit or the upstream budget). */
  readonly abusiveRefused: number;
  readonly abusiveOk: number;
  readonly abusiveOther: number;
  readonly upstreamCalls: number;
  /** Most calls the upstream saw in any one-second span. */
  readonly upstreamMaxPerSecond: number;
  /** The calls of the busiest one-second span: ms after the span's first call, and what was called. */
  readonly busiestSpan: string[];
  /** Every upstream call: ms after the scenario began, what, and 429 when the upstream refused it. */
  readonly upstreamLog: string[];
  readonly upstream429: number;
  readonly visitorRequests: number;
  /** Visitor answers that were not 2xx (each with its step), empty when nobody was refused. */
  readonly visitorFailures: VisitorStep[];
  readonly visitorsBooked: number;
  readonly visitorP50Ms: number;
  readonly visitorP99Ms: number;
  readonly visitorMaxMs: number;
  readonly steps: VisitorStep[];
}

/** Most timestamps in any one-second span, and the indexes (into `times`) of that span's calls. */
export function busiestSecond(times: readonly number[]): { count: number; indexes: number[] } {
  const order = times.map((_, i) => i).sort((a, b) => times[a]! - times[b]!);
  let best = { count: 0, from: 0 };
  for (let i = 0, j = 0; i < order.length; i++) {
    while (times[order[i]!]! - times[order[j]!]! >= 1000) j++;
    if (i - j + 1 > best.count) best = { count: i - j + 1, from: j };
  }
  return { count: best.count, indexes: order.slice(best.from, best.from + best.count) };
}

/** A pseudo-random pause between `min` and `max` ms, the same every run. */
function thinkTime(visitor: number, step: number, min = 900, max = 1600): number {
  const x = Math.sin(visitor * 97 + step * 13) * 10_000;
  return min + Math.floor((x - Math.floor(x)) * (max - min));
}

/** One visitor's booking: the eight requests the widget makes, with a person's pauses between. */
async function walkBooking(api: string, visitor: number, began: number, record: (step: VisitorStep) => void): Promise<boolean> {
  const ip = `198.51.100.${10 + visitor}`;
  let stepNo = 0;
  /** The answer's data, or null when the answer was not 2xx (the walk stops there). */
  const call = async (step: string, path: string, init: RequestInit = {}): Promise<{ data: any } | null> => {
    if (stepNo++ > 0) await sleep(thinkTime(visitor, stepNo));
    const started = performance.now();
    const at = Date.now() - began;
    const response = await fetch(api + path, { ...init, headers: { ...init.headers, 'X-Forwarded-For': ip } });
    const text = await response.text();
    const ms = Math.round((performance.now() - started) * 10) / 10;
    if (!response.ok) {
      let message = text.slice(0, 200);
      try {
        message = (JSON.parse(text) as { meta?: { message?: string } }).meta?.message ?? message;
      } catch {
        // not JSON: the text itself
      }
      record({ visitor, step, status: response.status, ms, at, message });
      return null;
    }
    record({ visitor, step, status: response.status, ms, at });
    return { data: (JSON.parse(text) as { data: unknown }).data };
  };
  if (!(await call('bookform', `/bookform/${DEMO.forms.newYork}`))) return false;
  if (!(await call('company', `/company/${NY}?forBooking=1`))) return false;
  if (!(await call('book_services', `/book_services/${NY}`))) return false;
  if (!(await call('book_staff', `/book_staff/${NY}?service_ids[]=${SERVICE}`))) return false;
  const dates = await call('book_dates', `/book_dates/${NY}?service_ids[]=${SERVICE}&staff_id=0`);
  // Each visitor books another day, so none of them is refused because another took the time first.
  const days = (dates?.data?.booking_dates ?? []) as string[];
  const day = days[visitor % Math.max(1, days.length)];
  if (!day) return false;
  const times = (await call('book_times', `/book_times/${NY}/0/${day}?service_ids[]=${SERVICE}`))?.data as Array<{ datetime: string }> | undefined;
  if (!times?.length) return false;
  const slot = times[Math.floor(times.length / 2)]!;
  const appointments = [{ id: 1, services: [SERVICE], staff_id: 0, datetime: slot.datetime }];
  const json = { 'Content-Type': 'application/json' };
  if (!(await call('book_check', `/book_check/${NY}`, { method: 'POST', headers: json, body: JSON.stringify({ appointments }) }))) return false;
  const booked = await call('book_record', `/book_record/${NY}`, {
    method: 'POST',
    headers: { ...json, 'Idempotency-Key': randomUUID() },
    body: JSON.stringify({ fullname: `Bench Visitor ${visitor}`, phone: `+1 212 555 01${String(10 + visitor)}`, email: `visitor${visitor}@example.com`, appointments }),
  });
  return Array.isArray(booked?.data) && booked.data.length > 0;
}

/**
 * Runs the scenario for `seconds` against the proxy at `api` (…/api/v1); `upstreamStats` gives
 * the upstream's call times and 429 count afterwards.
 */
export async function abusiveClientScenario(
  api: string,
  upstreamStats: () => Promise<{ calls: number[]; what: string[]; refused: number }>,
  options: { seconds: number; visitors: number },
): Promise<AbuseReport> {
  const perSecond = DEFAULTS.rateLimitPerSecond;
  const steps: VisitorStep[] = [];
  const abusive = { sent: 0, refused: 0, ok: 0, other: 0 };
  const began = Date.now();
  const minimumStop = began + options.seconds * 1000;
  let visitorsDone = false;

  // The abusive client: a different answer every time (a known parameter varied, so the cache key
  // changes), sent at its per-client limit without waiting for answers.
  const abuse = (async () => {
    const answers: Promise<void>[] = [];
    const services = Object.values(DEMO.services).filter((id) => id < 6000);
    const staff = [0, ...Object.values(DEMO.staff).filter((id) => id < 300)];
    const start = Date.now();
    // At least `seconds`, and until the last visitor is done: every visitor walks under attack.
    for (let n = 0; Date.now() < minimumStop || !visitorsDone; n++) {
      const day = new Date(Date.UTC(2027, 0, 1) + (n % 300) * 86_400_000).toISOString().slice(0, 10);
      const path = `/book_times/${NY}/${staff[n % staff.length]}/${day}?service_ids[]=${services[n % services.length]}`;
      abusive.sent++;
      answers.push(
        fetch(api + path, { headers: { 'X-Forwarded-For': ABUSIVE_IP } }).then(
          async (r) => {
            await r.arrayBuffer();
            if (r.status === 429) abusive.refused++;
            else if (r.ok) abusive.ok++;
            else abusive.other++;
          },
          () => void abusive.other++,
        ),
      );
      // Paced against the clock, so slow answers never slow the attack down.
      const next = start + ((n + 1) * 1000) / perSecond;
      await sleep(Math.max(0, next - Date.now()));
    }
    await Promise.all(answers);
  })();

  // Normal visitors, each from its own address, arriving one after another during the attack.
  let booked = 0;
  const visitors = Array.from({ length: options.visitors }, async (_, i) => {
    await sleep(500 + i * 400);
    if (await walkBooking(api, i, began, (step) => steps.push(step))) booked++;
  });
  await Promise.all(visitors);
  visitorsDone = true;
  await abuse;
  const seconds = Math.round((Date.now() - began) / 100) / 10;
  const upstream = await upstreamStats();
  const latencies = steps.map((s) => s.ms);
  const busiest = busiestSecond(upstream.calls);
  const first = upstream.calls[busiest.indexes[0] ?? 0] ?? 0;
  return {
    seconds,
    visitors: options.visitors,
    abusivePerSecond: perSecond,
    abusiveSent: abusive.sent,
    abusiveRefused: abusive.refused,
    abusiveOk: abusive.ok,
    abusiveOther: abusive.other,
    upstreamCalls: upstream.calls.length,
    upstreamMaxPerSecond: busiest.count,
    upstreamLog: upstream.calls.map((t, i) => `+${t - began} ms ${upstream.what[i] ?? ''}`),
    busiestSpan: busiest.indexes.map((i) => `+${upstream.calls[i]! - first} ms ${upstream.what[i] ?? ''}`),
    upstream429: upstream.refused,
    visitorRequests: steps.length,
    visitorFailures: steps.filter((s) => s.status < 200 || s.status > 299),
    visitorsBooked: booked,
    visitorP50Ms: percentile(latencies, 50),
    visitorP99Ms: percentile(latencies, 99),
    visitorMaxMs: Math.max(0, ...latencies),
    steps,
  };
}
