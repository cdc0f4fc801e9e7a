// `npm run bench:proxy` (entry: bench/proxy.ts): the booking proxy under load, beside a bare
// node:http server answering the same bytes, in one run. On demand only: figures depend on the machine, so no pass/fail.
//
// Every server is a child process of its own (bench/proxy-children.ts), so the RSS reported is the
// serving process's and autocannon, here in the parent, does not share its event loop. Cases:
//   1. bare node:http answering the bytes of a cached answer (the baseline);
//   2. a cache hit through the proxy (memory store), with its throughput as a share of the bare one;
//   3. a pass-through (booking details: never cached) to the demo backend;
//   4. the demo backend called directly (reference for 3);
//   5. two proxy instances on one real redis-server, each with its own connection, load split across both;
//   6. one abusive client and normal visitors, DEFAULT limits, an upstream enforcing 5/s (proxy-visitors.ts).
// Cases 1-5 raise every proxy limit (per client and the upstream budget) out of the way: they
// measure the proxy's own cost, not its limits. BENCH_PROFILE=1 also runs the cache hit under
// `node --cpu-prof` and prints where the time goes.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { DEMO } from '../src/server/demo/seed';
import { findRedisServer, startRedis } from '../test/helpers/redis';
import { cpuMsOf, sampleRss, startChild, type Child, type Role } from './proxy-children';
import { summariseProfile, type ProfileSummary } from './proxy-stats';
import { abusiveClientScenario, type AbuseReport } from './proxy-visitors';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ABUSE_SECONDS = Number(process.env.BENCH_ABUSE_SECONDS ?? 10);
const VISITORS = Number(process.env.BENCH_VISITORS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const WARMUP_SECONDS = 1;
const PROFILE = process.env.BENCH_PROFILE === '1';
/** `abuse` runs only the abusive-client scenario (it varies from run to run: worth repeating). */
const ONLY_ABUSE = process.env.BENCH_ONLY === 'abuse';
const NY = DEMO.locations.newYork;
const HIT_PATH = `/bookform/${DEMO.forms.newYork}`;
const HUGE = '1000000000';

/** Every limit out of the way, for the throughput cases: they measure cost, not limits. */
const NO_LIMITS: Record<string, string> = {
  RATE_LIMIT_PER_SECOND: HUGE,
  RATE_LIMIT_PER_MINUTE: HUGE,
  UPSTREAM_PER_SECOND: HUGE,
  UPSTREAM_PER_MINUTE: HUGE,
  CLIENT_UPSTREAM_PER_SECOND: HUGE,
  CLIENT_UPSTREAM_PER_MINUTE: HUGE,
};

interface CaseResult {
  readonly case: string;
  readonly path: string;
  readonly requestsPerSecond: number;
  /** Throughput as a share of the bare node:http server's. */
  readonly ofBare?: number;
  /** CPU per request as a multiple of the bare server's (the issue's goal for a cache hit: ≤ 2). */
  readonly cpuOfBare?: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly requests: number;
  readonly non2xx: number;
  readonly errors: number;
  /** Peak RSS of each serving process during the case, MB. */
  readonly rssMb: number[];
  /** CPU time (user + system) the serving processes used per request answered, µs: cost without the machine's load. */
  readonly cpuUsPerRequest: number;
  readonly note?: string;
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

async function autocannonRun(url: string | string[], seconds: number) {
  return autocannon({ url: url as string, connections: CONNECTIONS, duration: seconds });
}

async function measure(name: string, urls: string[], path: string, servers: readonly Child[], note?: string): Promise<CaseResult> {
  const targets = urls.map((u) => u + path);
  const target = targets.length === 1 ? targets[0]! : targets;
  await autocannonRun(target, WARMUP_SECONDS); // JIT and connections warm; not counted
  const rss = sampleRss(servers.map((s) => s.pid));
  const cpuBefore = servers.reduce((sum, s) => sum + cpuMsOf(s.pid), 0);
  const result = await autocannonRun(target, SECONDS);
  const cpuMs = servers.reduce((sum, s) => sum + cpuMsOf(s.pid), 0) - cpuBefore;
  const peaks = rss.stop();
  const row: CaseResult = {
    case: name,
    path,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    rssMb: peaks.map(mb),
    cpuUsPerRequest: Math.round((cpuMs * 1000) / Math.max(1, result.requests.total)),
    ...(note && { note }),
  };
  console.log(`  ${name}: ${row.requestsPerSecond} req/s, p50 ${row.p50Ms} ms, p99 ${row.p99Ms} ms, RSS ${row.rssMb.join(' + ')} MB, CPU ${row.cpuUsPerRequest} µs/request`);
  return row;
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

/** The proxy's answer to a cache hit, status, headers and body, for the bare server to repeat. */
async function cachedAnswer(api: string, file: string): Promise<number> {
  await fetch(api + HIT_PATH).then((r) => r.arrayBuffer()); // warm the cache
  const response = await fetch(api + HIT_PATH);
  if (response.headers.get('x-proxy-cache') !== 'hit') throw new Error(`expected a cache hit, got ${response.headers.get('x-proxy-cache')}`);
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  for (const [name, value] of response.headers) {
    if (!['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length'].includes(name)) headers[name] = value;
  }
  writeFileSync(file, JSON.stringify({ status: response.status, headers, body: body.toString('base64') }));
  return body.byteLength;
}

function proxyEnv(upstream: Child, extra: Record<string, string>): Record<string, string> {
  return { ALTEGIO_PARTNER_TOKEN: 'bench-token', ALTEGIO_UPSTREAM: `${upstream.url}/api/v1`, ...extra };
}

/** Runs one case again against a fresh proxy under `node --cpu-prof`, and sums up where its time went. */
async function profileCase(name: string, role: Role, env: Record<string, string>, path: string): Promise<ProfileSummary & { case: string; file: string; requests: number }> {
  const dir = resolve('bench-results/profile', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const server = await startChild(role, env, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
  const api = `${server.url}/api/v1`;
  await fetch(api + path).then((r) => r.arrayBuffer());
  const warm = await autocannonRun(api + path, WARMUP_SECONDS);
  const run = await autocannonRun(api + path, SECONDS);
  await server.stop();
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no .cpuprofile written in ${dir}`);
  const requests = warm.requests.total + run.requests.total + 1;
  return { case: name, file: join('bench-results/profile', name, file), requests, ...summariseProfile(join(dir, file), 25) };
}

function printProfile(profile: ProfileSummary & { case: string; file: string; requests: number }): void {
  const perRequest = Math.round((profile.busyMs * 1000) / profile.requests);
  console.log(`\nCPU profile, ${profile.case} (${profile.file}): busy ${profile.busyMs} ms for ${profile.requests} requests (${perRequest} µs each, profiler included), idle ${profile.idleMs} ms`);
  console.log('self time by origin:');
  for (const o of profile.byOrigin.slice(0, 8)) console.log(`  ${String(o.share).padStart(5)} %  ${o.origin}`);
  console.log('top self time:');
  for (const f of profile.top) console.log(`  ${String(f.share).padStart(5)} %  ${f.name}  ${f.where}`);
  console.log('top inclusive time (JS outside node internals):');
  for (const f of profile.topInclusive) console.log(`  ${String(f.share).padStart(5)} %  ${f.name}  ${f.where}`);
}

function markdownTable(results: readonly CaseResult[]): string {
  const lines = [
    '| case | req/s | × bare | p50 ms | p99 ms | RSS MB | CPU µs/req | non-2xx | errors |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map(
      (r) =>
        `| ${r.case} | ${r.requestsPerSecond} | ${r.ofBare === undefined ? '' : `${r.ofBare.toFixed(2)}×`} | ${r.p50Ms} | ${r.p99Ms} | ${r.rssMb.join(' + ')} | ${r.cpuUsPerRequest}${r.cpuOfBare === undefined ? '' : ` (${r.cpuOfBare}×)`} | ${r.non2xx} | ${r.errors} |`,
    ),
  ];
  return lines.join('\n');
}

function abuseTable(a: AbuseReport): string {
  const refusedSteps = a.visitorFailures.map((f) => `visitor ${f.visitor} ${f.step} ${f.status} (${f.message ?? ''})`).join(', ');
  return [
    '| abusive client + normal visitors (DEFAULT limits, TRUST_PROXY=1) | |',
    '|---|---|',
    `| attack | ${a.seconds} s at ${a.abusivePerSecond} req/s (the default per-client limit), each a different book_times answer |`,
    `| upstream calls, max in any 1 s (limit 5) | **${a.upstreamMaxPerSecond}** (${a.upstreamCalls} calls in all) |`,
    `| upstream 429s | ${a.upstream429} |`,
    ...(a.upstreamMaxPerSecond > 5 ? [`| the busiest second's calls | ${a.busiestSpan.join('; ')} |`] : []),
    `| abusive requests sent / refused 429 / answered 2xx / other | ${a.abusiveSent} / ${a.abusiveRefused} / ${a.abusiveOk} / ${a.abusiveOther} |`,
    `| normal visitors refused (any non-2xx) | ${a.visitorFailures.length === 0 ? '**never**' : `**${a.visitorFailures.length}**: ${refusedSteps}`} |`,
    `| visitors who booked | ${a.visitorsBooked} of ${a.visitors} (${a.visitorRequests} requests) |`,
    `| visitors' latency p50 / p99 / max | ${a.visitorP50Ms} / ${a.visitorP99Ms} / ${a.visitorMaxMs} ms |`,
  ].join('\n');
}

export async function main(): Promise<void> {
  const started = Date.now();
  const loadStart = Math.round(loadavg()[0]! * 10) / 10;
  const work = mkdtempSync(join(tmpdir(), 'bench-proxy-'));
  const children: Child[] = [];
  const start = async (role: Role, env: Record<string, string>) => {
    const child = await startChild(role, env);
    children.push(child);
    return child;
  };
  const redisBinary = findRedisServer();
  const redis = redisBinary ? await startRedis(redisBinary) : undefined;
  try {
    console.log(
      `autocannon: ${CONNECTIONS} connections, ${SECONDS} s per case (after ${WARMUP_SECONDS} s warm-up), loopback, ${cpus().length} CPUs, Node ${process.version}, load average ${loadavg()[0]!.toFixed(1)}`,
    );
    const upstream = await start('upstream', {});
    const proxy = await start('proxy', proxyEnv(upstream, NO_LIMITS));
    const api = `${proxy.url}/api/v1`;
    const details = await bookOnce(api);
    const answerFile = join(work, 'answer.json');
    const bytes = await cachedAnswer(api, answerFile);
    const bare = await start('bare', { BENCH_BARE_ANSWER: answerFile });

    const results: CaseResult[] = [];
    if (!ONLY_ABUSE) {
      const bareRow = await measure('bare node:http, same bytes (baseline)', [`${bare.url}/api/v1`], HIT_PATH, [bare], `${bytes} B body`);
      results.push(bareRow);
      const ofBare = (r: CaseResult): CaseResult => ({
        ...r,
        ofBare: Math.round((r.requestsPerSecond / Math.max(1, bareRow.requestsPerSecond)) * 100) / 100,
        cpuOfBare: Math.round((r.cpuUsPerRequest / Math.max(1, bareRow.cpuUsPerRequest)) * 10) / 10,
      });
      results.push(ofBare(await measure('proxy, cache hit (memory store)', [api], HIT_PATH, [proxy])));
      const before = await upstream.stats();
      const passThrough = await measure('proxy, pass-through (booking details, never cached)', [api], details, [proxy, upstream], 'RSS: proxy + demo backend');
      const after = await upstream.stats();
      const opened = after.connections - before.connections;
      const calls = after.calls.length - before.calls.length;
      console.log(`    upstream: ${calls} calls on ${opened} new connections`);
      results.push(ofBare({ ...passThrough, note: `${passThrough.note}; upstream saw ${calls} calls on ${opened} new connections` }));
      results.push(ofBare(await measure('demo backend direct (reference for pass-through)', [`${upstream.url}/api/v1`], details, [upstream])));

      if (redis) {
        const redisEnv = { ...NO_LIMITS, REDIS_URL: redis.url, REDIS_PREFIX: 'bench:' };
        const a = await start('proxy', proxyEnv(upstream, redisEnv));
        const b = await start('proxy', proxyEnv(upstream, redisEnv));
        await fetch(`${a.url}/api/v1${HIT_PATH}`).then((r) => r.arrayBuffer()); // into Redis
        const hit = await fetch(`${b.url}/api/v1${HIT_PATH}`);
        await hit.arrayBuffer();
        if (hit.headers.get('x-proxy-cache') !== 'hit') throw new Error('instance B did not find instance A\'s answer in Redis');
        const redisCpu = redis.pid ? cpuMsOf(redis.pid) : 0;
        const row = await measure('2 proxy instances on one Redis, cache hit (load split)', [`${a.url}/api/v1`, `${b.url}/api/v1`], HIT_PATH, [a, b], 'RSS: instance A + B');
        // A Redis command slower than 250 ms makes an instance answer from its own memory for a while.
        const fallbacks = a.redisFallbacks() + b.redisFallbacks();
        // Includes the warm-up second, so a little high.
        const redisUs = redis.pid ? Math.round(((cpuMsOf(redis.pid) - redisCpu) * 1000) / Math.max(1, row.requests)) : 0;
        results.push(
          ofBare({ ...row, note: `${row.note}; redis-server besides: ~${redisUs} µs CPU per request; times an instance fell back to its memory (Redis slower than 250 ms): ${fallbacks}` }),
        );
        await a.stop();
        await b.stop();
      } else {
        console.warn('redis-server not found (apt-get install redis-server): the 2-instance case is skipped');
      }
    }
    await proxy.stop();

    // The abusive client: a fresh upstream that enforces 5/s per IP, the proxy with DEFAULT limits.
    console.log(`  abusive client + ${VISITORS} visitors, ≥ ${ABUSE_SECONDS} s …`);
    const strict = await start('upstream', { BENCH_UPSTREAM_PER_SECOND: '5' });
    const guarded = await start('proxy', proxyEnv(strict, { TRUST_PROXY: '1' }));
    const abuse = await abusiveClientScenario(`${guarded.url}/api/v1`, () => strict.stats(), { seconds: ABUSE_SECONDS, visitors: VISITORS });
    await guarded.stop();
    await strict.stop();

    const profiles = [];
    if (PROFILE && !ONLY_ABUSE) {
      profiles.push(await profileCase('bare', 'bare', { BENCH_BARE_ANSWER: answerFile }, HIT_PATH));
      profiles.push(await profileCase('cache-hit', 'proxy', proxyEnv(upstream, NO_LIMITS), HIT_PATH));
      profiles.push(await profileCase('pass-through', 'proxy', proxyEnv(upstream, NO_LIMITS), details));
    }

    console.log('');
    console.log(markdownTable(results));
    for (const r of results) if (r.note) console.log(`- ${r.case}: ${r.note}`);
    const hit = results.find((r) => r.case.startsWith('proxy, cache hit'));
    if (hit) {
      const met = (hit.ofBare ?? 0) >= 0.5 ? 'met' : 'NOT met';
      console.log(`- goal, a cache hit costs at most twice the bare server (≥ 0.5× its req/s): ${met} (${hit.ofBare}× req/s, ${hit.cpuOfBare}× CPU per request)`);
    }
    console.log('');
    console.log(abuseTable(abuse));
    profiles.forEach(printProfile);

    mkdirSync('bench-results', { recursive: true });
    const report = {
      date: new Date().toISOString(),
      node: process.version,
      cpus: cpus().length,
      /** 1-minute load average at the start and the end: other work on the machine skews req/s (less so CPU per request). */
      loadAverage: [loadStart, Math.round(loadavg()[0]! * 10) / 10],
      connections: CONNECTIONS,
      durationSeconds: SECONDS,
      limits: 'cases 1-5: every proxy limit raised to 1e9 (RATE_LIMIT_*, UPSTREAM_*, CLIENT_UPSTREAM_*); abusive case: defaults, TRUST_PROXY=1',
      rss: 'peak RSS of each serving child process during the case (autocannon runs in the parent)',
      results,
      abusiveClient: abuse,
      ...(profiles.length > 0 && { profiles }),
      totalSeconds: Math.round((Date.now() - started) / 1000),
    };
    writeFileSync('bench-results/proxy.json', `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\nwritten to bench-results/proxy.json (${report.totalSeconds} s in all)`);
  } finally {
    await Promise.all(children.map((c) => c.stop()));
    await redis?.stop();
    rmSync(work, { recursive: true, force: true });
  }
}
