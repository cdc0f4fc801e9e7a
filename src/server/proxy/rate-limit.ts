// Per-client token buckets, one refilling per second and one per minute, so a single visitor or
// bot cannot spend the deployment's upstream quota (5 requests/s and 200/min for the proxy's IP).

interface Bucket {
  tokens: number;
  updatedAt: number;
}

interface ClientBuckets {
  perSecond: Bucket;
  perMinute: Bucket;
}

export type RateDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

/** Beyond this many tracked clients, idle ones (both buckets full again) are forgotten. */
const SWEEP_ABOVE = 10_000;

export class RateLimiter {
  private readonly clients = new Map<string, ClientBuckets>();

  constructor(
    private readonly perSecond: number,
    private readonly perMinute: number,
    private readonly now: () => number,
  ) {}

  /** Takes one token from both of the client's buckets, or says how long to wait. */
  take(client: string): RateDecision {
    const now = this.now();
    let buckets = this.clients.get(client);
    if (!buckets) {
      if (this.clients.size >= SWEEP_ABOVE) this.sweep(now);
      buckets = { perSecond: this.full(this.perSecond, now), perMinute: this.full(this.perMinute, now) };
      this.clients.set(client, buckets);
    }
    const second = refill(buckets.perSecond, this.perSecond, 1000, now);
    const minute = refill(buckets.perMinute, this.perMinute, 60_000, now);
    if (second.tokens >= 1 && minute.tokens >= 1) {
      second.tokens -= 1;
      minute.tokens -= 1;
      return { allowed: true };
    }
    const waitMs = Math.max(
      waitForToken(second, this.perSecond, 1000),
      waitForToken(minute, this.perMinute, 60_000),
    );
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }

  get trackedClients(): number {
    return this.clients.size;
  }

  private full(capacity: number, now: number): Bucket {
    return { tokens: capacity, updatedAt: now };
  }

  private sweep(now: number): void {
    for (const [client, buckets] of this.clients) {
      const second = refill(buckets.perSecond, this.perSecond, 1000, now);
      const minute = refill(buckets.perMinute, this.perMinute, 60_000, now);
      if (second.tokens >= this.perSecond && minute.tokens >= this.perMinute) this.clients.delete(client);
    }
  }
}

/** Adds the tokens earned since the last update (capacity per window, continuously). */
function refill(bucket: Bucket, capacity: number, windowMs: number, now: number): Bucket {
  const elapsed = Math.max(0, now - bucket.updatedAt);
  bucket.tokens = Math.min(capacity, bucket.tokens + (elapsed * capacity) / windowMs);
  bucket.updatedAt = now;
  return bucket;
}

function waitForToken(bucket: Bucket, capacity: number, windowMs: number): number {
  return bucket.tokens >= 1 ? 0 : ((1 - bucket.tokens) * windowMs) / capacity;
}
