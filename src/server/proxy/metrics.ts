// The proxy's counters in Prometheus' text format (GET /metrics), per instance, as Prometheus
// expects to scrape each instance. Hand-written rather than prom-client: the proxy also runs on
// fetch-handler platforms without Node's modules, and four series need no library.
import type { CacheOutcome } from './cache';

/** Upper bounds (seconds) of the latency histogram's buckets. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export class ProxyMetrics {
  upstreamCalls = 0;
  upstreamErrors = 0;
  upstream429 = 0;
  refused429 = 0;
  readonly cache: Record<CacheOutcome, number> = { hit: 0, miss: 0, coalesced: 0, stale: 0 };
  private readonly latency = { counts: BUCKETS.map(() => 0), sum: 0, count: 0 };

  observe(seconds: number): void {
    this.latency.sum += seconds;
    this.latency.count++;
    for (let i = 0; i < BUCKETS.length; i++) if (seconds <= BUCKETS[i]!) this.latency.counts[i]!++;
  }

  /** Share of cached reads answered without an upstream call (hits, merged and stale). */
  get cacheHitRate(): number {
    const { hit, miss, coalesced, stale } = this.cache;
    const all = hit + miss + coalesced + stale;
    return all === 0 ? 0 : Math.round(((hit + coalesced + stale) / all) * 1000) / 1000;
  }

  render(budget: { lastSecond: number; lastMinute: number; perSecond: number; perMinute: number }): string {
    const lines = [
      '# HELP booking_proxy_upstream_calls_total Calls made to the booking API.',
      '# TYPE booking_proxy_upstream_calls_total counter',
      `booking_proxy_upstream_calls_total ${this.upstreamCalls}`,
      '# HELP booking_proxy_upstream_errors_total Calls to the booking API that got no whole answer.',
      '# TYPE booking_proxy_upstream_errors_total counter',
      `booking_proxy_upstream_errors_total ${this.upstreamErrors}`,
      '# HELP booking_proxy_upstream_429_total 429 answers from the booking API.',
      '# TYPE booking_proxy_upstream_429_total counter',
      `booking_proxy_upstream_429_total ${this.upstream429}`,
      '# HELP booking_proxy_refused_429_total Requests the proxy answered 429 (client limits or the upstream budget).',
      '# TYPE booking_proxy_refused_429_total counter',
      `booking_proxy_refused_429_total ${this.refused429}`,
      '# HELP booking_proxy_cache_total Cached reads by outcome.',
      '# TYPE booking_proxy_cache_total counter',
      ...Object.entries(this.cache).map(([outcome, n]) => `booking_proxy_cache_total{outcome="${outcome}"} ${n}`),
      '# HELP booking_proxy_upstream_budget_used Upstream calls in the last window, all instances together.',
      '# TYPE booking_proxy_upstream_budget_used gauge',
      `booking_proxy_upstream_budget_used{window="1s",limit="${budget.perSecond}"} ${budget.lastSecond}`,
      `booking_proxy_upstream_budget_used{window="60s",limit="${budget.perMinute}"} ${budget.lastMinute}`,
      '# HELP booking_proxy_request_duration_seconds Time to answer a request under /api/v1.',
      '# TYPE booking_proxy_request_duration_seconds histogram',
      ...BUCKETS.map((le, i) => `booking_proxy_request_duration_seconds_bucket{le="${le}"} ${this.latency.counts[i]}`),
      `booking_proxy_request_duration_seconds_bucket{le="+Inf"} ${this.latency.count}`,
      `booking_proxy_request_duration_seconds_sum ${Math.round(this.latency.sum * 1e6) / 1e6}`,
      `booking_proxy_request_duration_seconds_count ${this.latency.count}`,
    ];
    return `${lines.join('\n')}\n`;
  }
}
