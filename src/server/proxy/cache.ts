// The cache of public GET answers, with in-flight coalescing: when twenty visitors open the same
// form at once, the upstream (5 requests/s for the whole deployment) sees one call, whichever
// instance they reach (the answers and the load claims live in the shared store).
import { BudgetExhausted } from './budget';
import type { SharedStore, StoredAnswer } from './store';

export interface UpstreamAnswer {
  readonly status: number;
  readonly contentType: string | null;
  readonly body: Uint8Array<ArrayBuffer>;
  /** Seconds the upstream asked us to wait (429/503), when it said so. */
  readonly retryAfterSeconds?: number;
}

export type CacheOutcome = 'hit' | 'miss' | 'coalesced' | 'stale';

export interface CacheResult {
  readonly answer: UpstreamAnswer;
  readonly outcome: CacheOutcome;
  /** Seconds this answer stays fresh here; what a CDN may cache it for (0: do not). */
  readonly freshSeconds: number;
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
/** How long past its freshness an answer is kept, to be served when the upstream cannot be asked. */
const STALE_KEEP_MS = 10 * 60_000;
/** How often an instance looks whether another instance's load has landed. */
const POLL_MS = 40;

/**
 * Public GET answers in the shared store, with one load per answer: concurrent requests in this
 * instance share one promise, and other instances wait for the one that claimed the load.
 */
export class ResponseCache {
  private readonly inFlight = new Map<string, Promise<CacheResult>>();

  constructor(
    private readonly store: SharedStore,
    private readonly now: () => number,
    /** How long a load may take before another instance stops waiting for it. */
    private readonly loadTimeoutMs: number,
    /** False: nothing is kept (CACHE_MAX_ENTRIES=0); identical requests in flight still share one load. */
    private readonly keep = true,
  ) {}

  /**
   * The cached answer for key, or the one load already under way for it, or a new load. Only
   * whole JSON answers are kept (isCacheable); others are shared with the callers waiting on
   * them, then dropped. When the load fails (no budget, the upstream down or refusing), an
   * answer kept past its freshness is served instead: stale beats nothing for a list of services.
   */
  async getOrLoad(key: string, ttlSeconds: number, load: () => Promise<UpstreamAnswer>): Promise<CacheResult> {
    const kept = this.keep ? await this.store.getAnswer(key) : undefined;
    if (kept && kept.freshUntil > this.now()) return { answer: kept.answer, outcome: 'hit', freshSeconds: this.secondsLeft(kept.freshUntil) };
    // Join a load under way; but a load refused for its own client's share (budget.ts) is that
    // client's problem: whoever joined it then loads with their own share.
    for (let joined = 0; joined < 3; joined++) {
      const pending = this.inFlight.get(key);
      if (!pending) break;
      try {
        return { ...(await pending), outcome: 'coalesced' };
      } catch (error) {
        if (!(error instanceof BudgetExhausted && error.whose === 'client')) throw error;
      }
    }
    const promise = this.loadOnce(key, ttlSeconds, load, kept);
    this.inFlight.set(key, promise);
    try {
      return await promise;
    } finally {
      this.inFlight.delete(key);
    }
  }

  private async loadOnce(key: string, ttlSeconds: number, load: () => Promise<UpstreamAnswer>, stale: StoredAnswer | undefined): Promise<CacheResult> {
    const claimed = this.keep && (await this.store.claim(key, this.loadTimeoutMs));
    if (this.keep && !claimed) {
      // Another instance is loading it: wait for its answer rather than call the upstream twice.
      const landed = await this.waitForOther(key);
      if (landed) return { answer: landed.answer, outcome: 'coalesced', freshSeconds: this.secondsLeft(landed.freshUntil) };
    }
    try {
      let answer: UpstreamAnswer;
      try {
        answer = await load();
      } catch (error) {
        if (stale) return { answer: stale.answer, outcome: 'stale', freshSeconds: 0 };
        throw error;
      }
      if (isCacheable(answer)) {
        if (this.keep && answer.body.byteLength <= MAX_ENTRY_BYTES) {
          await this.store.setAnswer(key, { answer, freshUntil: this.now() + ttlSeconds * 1000 }, ttlSeconds * 1000 + STALE_KEEP_MS);
        }
        return { answer, outcome: 'miss', freshSeconds: ttlSeconds };
      }
      // The upstream refused or failed: an older good answer is better than its error.
      if (stale && (answer.status === 429 || answer.status >= 500)) return { answer: stale.answer, outcome: 'stale', freshSeconds: 0 };
      return { answer, outcome: 'miss', freshSeconds: 0 };
    } finally {
      if (claimed) await this.store.release(key);
    }
  }

  private async waitForOther(key: string): Promise<StoredAnswer | undefined> {
    const until = this.now() + this.loadTimeoutMs;
    while (Date.now() < until && this.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      const kept = await this.store.getAnswer(key);
      if (kept && kept.freshUntil > this.now()) return kept;
      // The loader gave up or got an answer not worth keeping: load it here.
      if (await this.store.claim(key, this.loadTimeoutMs)) {
        await this.store.release(key);
        return undefined;
      }
    }
    return undefined;
  }

  private secondsLeft(freshUntil: number): number {
    return Math.max(0, Math.ceil((freshUntil - this.now()) / 1000));
  }
}
