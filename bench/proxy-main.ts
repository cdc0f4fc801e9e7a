// `npm run bench:proxy`: the booking proxy in front of the demo backend, both on loopback, under
// load from autocannon. Compares a cache hit with a pass-through (an answer never cached) and the
// demo backend called directly. On demand only: figures depend on the machine, so no pass/fail.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import autocannon from 'autocannon';
import { createDemoApp } from '../src/server/demo/app';
import { DEMO } from '../src/server/demo/seed';
import { createProxy, parseConfig } from '../src/server/proxy';
import { listenOnLoopback } from '../src/server/proxy/loopback';

const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const NY = DEMO.locations.newYork;

interface CaseResult {
  readonly case: string;
  readonly path: string;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly requests: number;
  readonly non2xx: number;
  readonly errors: number;
}

async function measure(name: string, base: string, path: string): Promise<CaseResult> {
  const result = await autocannon({ url: base + path, connections: CONNECTIONS, duration: DURATION_SECONDS });
  return {
    case: name,
    path,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/** Makes one real booking through the proxy, so the pass-through case reads existing details. */
async function bookOnce(api: string): Promise<string> {
  const service = DEMO.services.womensHaircut;
  const get = async (path: string) => ((await (await fetch(api + path)).json()) as { data: any }).data;
  const day = (await get(`/book_dates/${NY}?service_ids[]=${service}`)).booking_dates[0] as string;
  const slot = (await get(`/book_times/${NY}/0/${day}?service_ids[]=${service}`))[0] as { datetime: string };
  const response = await fetch(`${api}/book_record/${NY}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      fullname: 'Bench Client',
      phone: '+1 212 555 0142',
      appointments: [{ id: 1, services: [service], staff_id: 0, datetime: slot.datetime }],
    }),
  });
  const answer = (await response.json()) as { data: Array<{ record_id: number; record_hash: string }> | null };
  const record = answer.data?.[0];
  if (!record) throw new Error(`the bench booking failed with ${response.status}: ${JSON.stringify(answer)}`);
  return `/book_record/${NY}/${record.record_id}/${record.record_hash}`;
}

async function main(): Promise<void> {
  const demo = createDemoApp();
  const upstream = await listenOnLoopback((request) => demo.fetch(request));
  const config = parseConfig({
    ALTEGIO_PARTNER_TOKEN: 'bench-token',
    ALTEGIO_UPSTREAM: `${upstream.url}/api/v1`,
    // The per-client limits would answer nearly everything with 429 here: one client, thousands per second.
    RATE_LIMIT_PER_SECOND: '1000000000',
    RATE_LIMIT_PER_MINUTE: '1000000000',
  });
  const proxy = await listenOnLoopback(createProxy(config, { log: () => {} }).fetch);
  const api = `${proxy.url}/api/v1`;
  try {
    const details = await bookOnce(api);
    const hitPath = `/bookform/${DEMO.forms.newYork}`;
    await fetch(api + hitPath); // warm the cache
    console.log(`autocannon: ${CONNECTIONS} connections, ${DURATION_SECONDS} s per case, loopback, ${cpus().length} CPUs, Node ${process.version}`);
    const results = [
      await measure('proxy, cache hit', api, hitPath),
      await measure('proxy, pass-through (no-store)', api, details),
      await measure('demo backend direct (reference)', `${upstream.url}/api/v1`, details),
    ];
    console.table(
      results.map((r) => ({ case: r.case, 'req/s': r.requestsPerSecond, 'p50 ms': r.p50Ms, 'p99 ms': r.p99Ms, non2xx: r.non2xx, errors: r.errors })),
    );
    mkdirSync('bench-results', { recursive: true });
    const report = { date: new Date().toISOString(), node: process.version, cpus: cpus().length, connections: CONNECTIONS, durationSeconds: DURATION_SECONDS, results };
    writeFileSync('bench-results/proxy.json', `${JSON.stringify(report, null, 2)}\n`);
    console.log('written to bench-results/proxy.json');
  } finally {
    await proxy.close();
    await upstream.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
