// Where the proxy keeps what several instances must agree on: cached answers, who is loading
// what, rate counters (per client and the deployment's upstream budget), booking attempts and
// availability generations. One instance keeps them in memory (MemoryStore); several share Redis
// (redis-store.ts), so the upstream sees one budget and one cache however many instances run.
//
// Every operation is one atomic step of the store, so instances never race on a counter or a key.
import type { UpstreamAnswer } from './cache';

/** A cached answer with when it stops being fresh; kept longer than that to be served stale. */
export interface StoredAnswer {
  readonly answer: UpstreamAnswer;
  /** ms since epoch */
  readonly freshUntil: number;
}

/** One sliding window: at most `limit` takes per `windowMs`. */
export interface RateWindow {
  readonly windowMs: number;
  readonly limit: number;
}

export type TakeResult = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterMs: number };

export interface StoreHealth {
  readonly kind: 'memory' | 'redis';
  /** False when a shared store is unreachable and this instance fell back to its own memory. */
  readonly shared: boolean;
  readonly detail?: string;
}

export interface SharedStore {
  health(): StoreHealth;

  getAnswer(key: string): Promise<StoredAnswer | undefined>;
  /** Keeps `stored` until `keepMs` from now (fresh until `stored.freshUntil`, stale after). */
  setAnswer(key: string, stored: StoredAnswer, keepMs: number): Promise<void>;

  /** Claims `key` for `ttlMs` (who loads an answer, who sends an attempt): false when already claimed. */
  claim(key: string, ttlMs: number): Promise<boolean>;
  release(key: string): Promise<void>;

  /**
   * Takes `cost` from every window of `key` at once, or from none: sliding windows (the previous
   * window's count weighted by how much of it still overlaps), so no burst at a window's edge.
   */
  take(key: string, windows: readonly RateWindow[], cost?: number): Promise<TakeResult>;
  /** How many takes the windows of `key` hold now (for /health), without taking. */
  used(key: string, windows: readonly RateWindow[]): Promise<number[]>;

  /**
   * Like `take`, but exact: every take's time is logged (for the longest window), so no span of a
   * window ever holds more than its limit. For the upstream budget, where an estimate could let
   * one call too many through and earn a 429; too costly for per-client limits.
   */
  takeExact(key: string, windows: readonly RateWindow[], cost?: number): Promise<TakeResult>;
  usedExact(key: string, windows: readonly RateWindow[]): Promise<number[]>;

  /** Plain values with a lifetime: booking attempts, the upstream's "wait until". */
  getValue(key: string): Promise<string | undefined>;
  setValue(key: string, value: string, ttlMs: number): Promise<void>;
  /** Sets only when absent; false when a value is there. */
  setValueIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  deleteValue(key: string): Promise<void>;

  /** A counter that only goes up (availability generations). */
  counter(key: string): Promise<number>;
  increment(key: string): Promise<number>;

  close(): Promise<void>;
}

/** Sliding-window arithmetic shared by both stores: the count now, and how long until one more fits. */
export function slidingCount(previous: number, current: number, windowStart: number, windowMs: number, now: number): number {
  const overlap = Math.max(0, 1 - (now - windowStart) / windowMs);
  return previous * overlap + current;
}

export function waitForRoom(previous: number, current: number, windowStart: number, windowMs: number, limit: number, cost: number, now: number): number {
  if (cost > limit) return windowMs; // never fits; say a window, the caller gives up
  if (current + cost > limit) {
    // Full already: in the next window this one's count is the weighted "previous" and slides out.
    const x = 1 - (limit - cost) / current; // how far into the next window it fits
    return Math.max(1, Math.ceil(windowStart + windowMs + x * windowMs - now));
  }
  if (previous === 0) return 0;
  const overlap = (limit - cost - current) / previous; // the previous window's weight at which it fits
  return Math.max(1, Math.ceil(windowStart + (1 - overlap) * windowMs - now));
}

/**
 * How long until `cost` more fit in every window of a log of take times (oldest first), 0 when
 * they fit now: in each full window, the oldest takes must slide out first.
 */
export function waitInLog(log: readonly number[], windows: readonly RateWindow[], cost: number, now: number): number {
  let wait = 0;
  for (const w of windows) {
    const inWindow = log.filter((t) => t > now - w.windowMs);
    const excess = inWindow.length + cost - w.limit;
    if (excess <= 0) continue;
    const freeing = inWindow[Math.min(excess, inWindow.length) - 1];
    wait = Math.max(wait, freeing === undefined ? w.windowMs : freeing + w.windowMs - now + 1);
  }
  return wait;
}

interface Counter {
  windowStart: number;
  previous: number;
  current: number;
}

interface Kept<T> {
  value: T;
  expiresAt: number;
}

/** Past this many keys of a kind, expired ones are swept (and then the oldest dropped). */
const MAX_KEYS = 50_000;

/** The single-instance store: everything in this process's memory. */
export class MemoryStore implements SharedStore {
  private readonly answers = new Map<string, Kept<StoredAnswer>>();
  private readonly values = new Map<string, Kept<string>>();
  private readonly counters = new Map<string, Counter>();
  private readonly numbers = new Map<string, number>();
  private readonly logs = new Map<string, number[]>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly maxAnswers = 1000,
  ) {}

  health(): StoreHealth {
    return { kind: 'memory', shared: false };
  }

  async getAnswer(key: string): Promise<StoredAnswer | undefined> {
    const kept = this.answers.get(key);
    if (!kept) return undefined;
    this.answers.delete(key);
    if (kept.expiresAt <= this.now()) return undefined;
    this.answers.set(key, kept); // most recently used last: the first key is evicted first
    return kept.value;
  }

  async setAnswer(key: string, stored: StoredAnswer, keepMs: number): Promise<void> {
    if (this.maxAnswers === 0) return;
    this.answers.delete(key);
    this.answers.set(key, { value: stored, expiresAt: this.now() + keepMs });
    for (const oldest of this.answers.keys()) {
      if (this.answers.size <= this.maxAnswers) break;
      this.answers.delete(oldest);
    }
  }

  async claim(key: string, ttlMs: number): Promise<boolean> {
    return this.setValueIfAbsent(`claim:${key}`, '1', ttlMs);
  }

  async release(key: string): Promise<void> {
    this.values.delete(`claim:${key}`);
  }

  async take(key: string, windows: readonly RateWindow[], cost = 1): Promise<TakeResult> {
    const now = this.now();
    let wait = 0;
    const counters = windows.map((w) => this.counterFor(`${key}:${w.windowMs}`, w.windowMs, now));
    windows.forEach((w, i) => {
      const c = counters[i]!;
      if (slidingCount(c.previous, c.current, c.windowStart, w.windowMs, now) + cost > w.limit) {
        wait = Math.max(wait, waitForRoom(c.previous, c.current, c.windowStart, w.windowMs, w.limit, cost, now));
      }
    });
    if (wait > 0) return { allowed: false, retryAfterMs: wait };
    for (const c of counters) c.current += cost;
    return { allowed: true };
  }

  async used(key: string, windows: readonly RateWindow[]): Promise<number[]> {
    const now = this.now();
    return windows.map((w) => {
      const c = this.counterFor(`${key}:${w.windowMs}`, w.windowMs, now);
      return slidingCount(c.previous, c.current, c.windowStart, w.windowMs, now);
    });
  }

  async takeExact(key: string, windows: readonly RateWindow[], cost = 1): Promise<TakeResult> {
    const now = this.now();
    const log = this.logFor(key, windows, now);
    const wait = waitInLog(log, windows, cost, now);
    if (wait > 0) return { allowed: false, retryAfterMs: wait };
    for (let i = 0; i < cost; i++) log.push(now);
    return { allowed: true };
  }

  async usedExact(key: string, windows: readonly RateWindow[]): Promise<number[]> {
    const now = this.now();
    const log = this.logFor(key, windows, now);
    return windows.map((w) => log.filter((t) => t > now - w.windowMs).length);
  }

  private logFor(key: string, windows: readonly RateWindow[], now: number): number[] {
    const longest = Math.max(...windows.map((w) => w.windowMs));
    let log = this.logs.get(key);
    if (!log) {
      if (this.logs.size >= MAX_KEYS) this.logs.clear();
      log = [];
      this.logs.set(key, log);
    }
    const old = log.findIndex((t) => t > now - longest);
    log.splice(0, old === -1 ? log.length : old);
    return log;
  }

  async getValue(key: string): Promise<string | undefined> {
    return this.valueNow(key);
  }

  async setValue(key: string, value: string, ttlMs: number): Promise<void> {
    this.setNow(key, value, ttlMs);
  }

  // Check and set in one synchronous step: no other caller runs in between.
  async setValueIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    if (this.valueNow(key) !== undefined) return false;
    this.setNow(key, value, ttlMs);
    return true;
  }

  private valueNow(key: string): string | undefined {
    const kept = this.values.get(key);
    if (!kept) return undefined;
    if (kept.expiresAt <= this.now()) {
      this.values.delete(key);
      return undefined;
    }
    return kept.value;
  }

  private setNow(key: string, value: string, ttlMs: number): void {
    this.values.delete(key);
    this.values.set(key, { value, expiresAt: this.now() + ttlMs });
    if (this.values.size > MAX_KEYS) this.sweepValues();
  }

  async deleteValue(key: string): Promise<void> {
    this.values.delete(key);
  }

  async counter(key: string): Promise<number> {
    return this.numbers.get(key) ?? 0;
  }

  async increment(key: string): Promise<number> {
    if (!this.numbers.has(key) && this.numbers.size >= MAX_KEYS) this.numbers.clear();
    const next = (this.numbers.get(key) ?? 0) + 1;
    this.numbers.set(key, next);
    return next;
  }

  async close(): Promise<void> {}

  /** The counter of the window `now` falls in, rolled forward from the one kept. */
  private counterFor(key: string, windowMs: number, now: number): Counter {
    const start = Math.floor(now / windowMs) * windowMs;
    let c = this.counters.get(key);
    if (!c) {
      if (this.counters.size >= MAX_KEYS) this.sweepCounters(now);
      c = { windowStart: start, previous: 0, current: 0 };
      this.counters.set(key, c);
    } else if (c.windowStart !== start) {
      c.previous = c.windowStart === start - windowMs ? c.current : 0;
      c.current = 0;
      c.windowStart = start;
    }
    return c;
  }

  private sweepCounters(now: number): void {
    for (const [key, c] of this.counters) {
      const windowMs = Number(key.slice(key.lastIndexOf(':') + 1));
      if (c.windowStart + 2 * windowMs <= now) this.counters.delete(key);
    }
    if (this.counters.size >= MAX_KEYS) this.counters.clear();
  }

  private sweepValues(): void {
    const now = this.now();
    for (const [key, kept] of this.values) if (kept.expiresAt <= now) this.values.delete(key);
    for (const oldest of this.values.keys()) {
      if (this.values.size <= MAX_KEYS) break;
      this.values.delete(oldest);
    }
  }
}
