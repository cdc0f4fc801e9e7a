// A small in-memory cache of public GET answers, with in-flight coalescing: when twenty visitors
// open the same form at once, the upstream (5 requests/s for the whole deployment) sees one call.

export interface UpstreamAnswer {
  readonly status: number;
  readonly contentType: string | null;
  readonly body: Uint8Array<ArrayBuffer>;
  /** Seconds the upstream asked us to wait (429/503), when it said so. */
  readonly retryAfterSeconds?: number;
}

export type CacheOutcome = 'hit' | 'miss' | 'coalesced';

export interface CacheResult {
  readonly answer: UpstreamAnswer;
  readonly outcome: CacheOutcome;
  /** Seconds this answer stays fresh here; what a CDN may cache it for. */
  readonly freshSeconds: number;
}

interface Entry {
  readonly answer: UpstreamAnswer;
  readonly expiresAt: number;
}

/**
 * Only a whole JSON answer that does not say `success: false` is kept (or shared with browsers):
 * an HTML error page or a cut-off body with status 200 would otherwise be served until it expires.
 */
export function isCacheable(answer: UpstreamAnswer): boolean {
  if (answer.status !== 200 || !/^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i.test(answer.contentType ?? '')) return false;
  try {
    const body: unknown = JSON.parse(new TextDecoder().decode(answer.body));
    return typeof body === 'object' && body !== null && (body as { success?: unknown }).success !== false;
  } catch {
    return false;
  }
}

/** Larger answers are passed through but not kept, so a few of them cannot fill the memory. */
const MAX_ENTRY_BYTES = 512 * 1024;

/** Key: method, path, query pairs sorted by name (repeated names keep their order), headers that change the answer. */
export function cacheKey(method: string, path: string, query: URLSearchParams, varyBy: readonly string[]): string {
  const pairs = [...query].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const sortedQuery = new URLSearchParams(pairs).toString();
  return JSON.stringify([method, path, sortedQuery, ...varyBy]);
}

export class ResponseCache {
  // A Map iterates in insertion order; re-inserting on every hit makes the first key the least
  // recently used, which is the one evicted when the cache is full.
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<UpstreamAnswer>>();

  constructor(
    private readonly maxEntries: number,
    private readonly now: () => number,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /**
   * The cached answer for key, or the one upstream call already under way for it, or a new call
   * to load. Only whole JSON 200 answers are kept (isCacheable); errors are shared with the callers waiting on them, then
   * dropped, so the next visitor tries again.
   */
  async getOrLoad(key: string, ttlSeconds: number, load: () => Promise<UpstreamAnswer>): Promise<CacheResult> {
    const cached = this.fresh(key);
    if (cached) {
      return { answer: cached.answer, outcome: 'hit', freshSeconds: this.secondsLeft(cached) };
    }
    const pending = this.inFlight.get(key);
    if (pending) {
      const answer = await pending;
      return { answer, outcome: 'coalesced', freshSeconds: isCacheable(answer) ? ttlSeconds : 0 };
    }
    const promise = load();
    this.inFlight.set(key, promise);
    try {
      const answer = await promise;
      const keep = isCacheable(answer);
      if (keep) this.store(key, answer, ttlSeconds);
      return { answer, outcome: 'miss', freshSeconds: keep ? ttlSeconds : 0 };
    } finally {
      this.inFlight.delete(key);
    }
  }

  private fresh(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expiresAt <= this.now()) return undefined;
    this.entries.set(key, entry);
    return entry;
  }

  private store(key: string, answer: UpstreamAnswer, ttlSeconds: number): void {
    if (this.maxEntries === 0 || answer.body.byteLength > MAX_ENTRY_BYTES) return;
    this.entries.delete(key);
    this.entries.set(key, { answer, expiresAt: this.now() + ttlSeconds * 1000 });
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(oldest);
    }
  }

  private secondsLeft(entry: Entry): number {
    return Math.max(0, Math.ceil((entry.expiresAt - this.now()) / 1000));
  }
}
