// Booking attempts by idempotency key: exactly one upstream `book_record` per key, whatever is
// lost on the way. The widget sends a fresh `Idempotency-Key` with each attempt; the proxy keeps
// what became of it, so
// - a repeat of a key whose answer the proxy has gets that answer again (nothing is sent),
// - a repeat while the first is still out, or after an outcome nobody can know (the upstream
//   connection dropped after the request went out, a timeout, a cut-off or HTML answer), is
//   refused with `outcome: "pending" | "unknown"` and never forwarded,
// - `GET /api/v1/booking_attempts/{key}` asks without sending anything.
// Kept in memory for a day (a visitor's tab rarely lives longer); see issue on a shared store.
import type { UpstreamAnswer } from './cache';

/** What is known of one attempt. */
export type AttemptRecord =
  | { readonly state: 'pending' }
  /** The request may have been handled upstream: its answer never arrived whole. */
  | { readonly state: 'unknown' }
  /** The upstream's answer, success or refusal, replayed as is. */
  | { readonly state: 'done'; readonly answer: UpstreamAnswer };

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** A UUID or any unguessable token: long enough that another visitor cannot hit it. */
const KEY_PATTERN = /^[A-Za-z0-9_-]{16,80}$/;

export function isAttemptKey(value: string | undefined): value is string {
  return value !== undefined && KEY_PATTERN.test(value);
}

const DAY_MS = 24 * 3600 * 1000;

interface Kept {
  readonly record: AttemptRecord;
  readonly expiresAt: number;
}

export class AttemptStore {
  private readonly entries = new Map<string, Kept>();

  constructor(
    private readonly maxEntries: number,
    private readonly now: () => number,
    private readonly ttlMs = DAY_MS,
  ) {}

  get(key: string): AttemptRecord | undefined {
    const kept = this.entries.get(key);
    if (!kept) return undefined;
    if (kept.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return kept.record;
  }

  /** Claims the key for a new attempt; false when it is already known (in any state). */
  begin(key: string): boolean {
    if (this.get(key)) return false;
    this.set(key, { state: 'pending' });
    return true;
  }

  settle(key: string, record: AttemptRecord | undefined): void {
    if (record === undefined) this.entries.delete(key);
    else this.set(key, record);
  }

  private set(key: string, record: AttemptRecord): void {
    this.entries.delete(key);
    this.entries.set(key, { record, expiresAt: this.now() + this.ttlMs });
    // Oldest first: a full store forgets the oldest attempts, never the ones in flight now.
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(oldest);
    }
  }
}

/**
 * What an upstream answer to a booking means. A JSON answer is final (a booking or a refusal);
 * 429 and 408 say nothing was done, so the key is freed for another try. A 5xx or an answer that
 * is not JSON may come from a gateway after the booking was made: unknown.
 */
export function outcomeOf(answer: UpstreamAnswer, isJson: boolean): AttemptRecord | undefined {
  if (answer.status === 429 || answer.status === 408) return undefined;
  if (answer.status >= 500 || !isJson || !readableJson(answer.body)) return { state: 'unknown' };
  return { state: 'done', answer };
}

function readableJson(body: Uint8Array): boolean {
  if (body.byteLength === 0) return true; // 201/204 without a body is a whole answer
  try {
    JSON.parse(new TextDecoder().decode(body));
    return true;
  } catch {
    return false;
  }
}
