// Which store the proxy keeps its shared state in: memory for one instance, Redis (REDIS_URL) for
// several. A dead or slow Redis must never hold up a visitor: every command has a short deadline,
// and while Redis cannot answer this instance answers from its own memory (so its cache, limits and
// budget are its own until Redis is back), reconnects in the background and says so in health().
import { MemoryStore, type RateWindow, type SharedStore, type StoreHealth, type StoredAnswer, type TakeResult } from './store';
import type { RedisStore } from './redis-store';

export interface SharedStoreOptions {
  /** `redis://[user:password@]host:port[/db]` or `rediss://…` (TLS). Without it: memory. */
  readonly redisUrl?: string;
  /** Put before every key, so deployments (and tests) can share one Redis. Default `bw:`. */
  readonly prefix?: string;
  /** How long one Redis command may take before this instance answers from memory. */
  readonly commandTimeoutMs?: number;
  /** How long createSharedStore waits for the first connection before starting degraded. */
  readonly connectWaitMs?: number;
  /** Told when Redis becomes unreachable and when it is back (never with the URL). */
  readonly log?: (line: string) => void;
}

/** REDIS_URL and REDIS_PREFIX. */
export function storeOptionsFromEnv(env: Readonly<Record<string, string | undefined>>): SharedStoreOptions {
  return { redisUrl: env.REDIS_URL || undefined, prefix: env.REDIS_PREFIX || undefined };
}

/**
 * A MemoryStore without a Redis URL; otherwise Redis with this instance's memory as the fallback,
 * once connected or after `connectWaitMs` (default 1 s), whichever comes first. Throws only for a
 * URL that is not redis:// or rediss://.
 */
export async function createSharedStore(options: SharedStoreOptions = {}): Promise<SharedStore> {
  if (!options.redisUrl) return new MemoryStore();
  let url: URL;
  try {
    url = new URL(options.redisUrl);
  } catch {
    throw new Error('REDIS_URL is not a URL (expected redis://host:port or rediss://host:port)');
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new Error(`REDIS_URL must start with redis:// or rediss://, not ${url.protocol}//`);
  }
  // Loaded only when asked for, so a single instance never loads the Redis client.
  const { RedisStore, DEFAULT_PREFIX, clientOptions } = await import('./redis-store');
  const { Redis } = await import('ioredis');
  const commandTimeoutMs = options.commandTimeoutMs ?? 250;
  const client = new Redis(options.redisUrl, clientOptions(commandTimeoutMs));
  const secret = url.password ? decodeURIComponent(url.password) : '';
  const store = new RedisWithFallback(new RedisStore(client, options.prefix ?? DEFAULT_PREFIX), {
    commandTimeoutMs,
    log: options.log ?? ((line) => console.warn(line)),
    redact: (text) => (secret ? text.split(secret).join('***') : text),
  });
  await store.ready(options.connectWaitMs ?? 1000);
  return store;
}

/** After a failed command, Redis is left alone this long before the next try. */
const PAUSE_AFTER_FAILURE_MS = 1000;
const NOT_YET = 'not connected yet';
const CLOSED = 'connection closed';

interface FallbackOptions {
  readonly commandTimeoutMs: number;
  readonly log: (line: string) => void;
  readonly redact: (text: string) => string;
}

/** Redis while it answers in time; this instance's memory while it does not. */
export class RedisWithFallback implements SharedStore {
  private readonly memory = new MemoryStore();
  private problem: string | undefined = NOT_YET;
  private pausedUntil = 0;
  /** Whether the log was told Redis is unreachable (once per outage). */
  private toldDown = false;
  private closed = false;

  constructor(
    private readonly redis: RedisStore,
    private readonly options: FallbackOptions,
  ) {
    redis.client.on('ready', () => this.recovered());
    redis.client.on('error', (error: unknown) => this.failed(error));
    redis.client.on('close', () => this.failed(new Error(CLOSED)));
  }

  /** Resolves once connected, or after `waitMs` (then degraded, still reconnecting). */
  ready(waitMs: number): Promise<void> {
    if (this.redis.client.status === 'ready') return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.redis.client.off('ready', done);
        resolve();
      };
      const timer = setTimeout(done, waitMs);
      this.redis.client.once('ready', done);
    });
  }

  health(): StoreHealth {
    if (this.problem === undefined) return { kind: 'redis', shared: true };
    return { kind: 'redis', shared: false, detail: `redis unreachable: ${this.problem}, using this instance's memory` };
  }

  getAnswer(key: string): Promise<StoredAnswer | undefined> {
    return this.use((s) => s.getAnswer(key));
  }
  setAnswer(key: string, stored: StoredAnswer, keepMs: number): Promise<void> {
    return this.use((s) => s.setAnswer(key, stored, keepMs));
  }
  claim(key: string, ttlMs: number): Promise<boolean> {
    return this.use((s) => s.claim(key, ttlMs));
  }
  release(key: string): Promise<void> {
    return this.use((s) => s.release(key));
  }
  take(key: string, windows: readonly RateWindow[], cost?: number): Promise<TakeResult> {
    return this.use((s) => s.take(key, windows, cost));
  }
  used(key: string, windows: readonly RateWindow[]): Promise<number[]> {
    return this.use((s) => s.used(key, windows));
  }
  takeExact(key: string, windows: readonly RateWindow[], cost?: number): Promise<TakeResult> {
    return this.use((s) => s.takeExact(key, windows, cost));
  }
  usedExact(key: string, windows: readonly RateWindow[]): Promise<number[]> {
    return this.use((s) => s.usedExact(key, windows));
  }
  getValue(key: string): Promise<string | undefined> {
    return this.use((s) => s.getValue(key));
  }
  setValue(key: string, value: string, ttlMs: number): Promise<void> {
    return this.use((s) => s.setValue(key, value, ttlMs));
  }
  setValueIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    return this.use((s) => s.setValueIfAbsent(key, value, ttlMs));
  }
  deleteValue(key: string): Promise<void> {
    return this.use((s) => s.deleteValue(key));
  }
  counter(key: string): Promise<number> {
    return this.use((s) => s.counter(key));
  }
  increment(key: string): Promise<number> {
    return this.use((s) => s.increment(key));
  }

  /** Quits Redis (at most a second when it is slow to say goodbye); no reconnecting after. */
  async close(): Promise<void> {
    this.closed = true;
    await this.redis.close();
    await this.memory.close();
  }

  private async use<T>(operation: (store: SharedStore) => Promise<T>): Promise<T> {
    if (this.redis.client.status !== 'ready' || Date.now() < this.pausedUntil) return operation(this.memory);
    try {
      const result = await deadline(operation(this.redis), this.options.commandTimeoutMs + 50);
      if (this.problem !== undefined) this.recovered(); // a command answered after one timed out
      return result;
    } catch (error) {
      this.failed(error);
      this.pausedUntil = Date.now() + PAUSE_AFTER_FAILURE_MS;
      return operation(this.memory);
    }
  }

  private failed(error: unknown): void {
    if (this.closed) return;
    const reason = this.options.redact(error instanceof Error ? error.message : String(error));
    // The bare close that follows a refused connection says less than the refusal.
    if (reason !== CLOSED || this.problem === undefined || this.problem === NOT_YET) this.problem = reason;
    if (this.toldDown) return;
    this.toldDown = true;
    this.options.log(`shared store: redis unreachable (${reason}); this instance uses its own memory until it is back`);
  }

  private recovered(): void {
    if (this.closed) return;
    this.problem = undefined;
    this.pausedUntil = 0;
    if (!this.toldDown) return;
    this.toldDown = false;
    this.options.log('shared store: redis reachable again; cache and limits are shared again');
  }
}

function deadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('command timed out')), ms)));
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
