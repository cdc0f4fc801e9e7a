// Booking attempts by idempotency key: exactly one upstream `book_record` per key, whatever is
// lost on the way. The widget sends a fresh `Idempotency-Key` with each attempt; the proxy keeps
// what became of it, so
// - a repeat of a key whose answer the proxy has gets that answer again (nothing is sent),
// - a repeat while the first is still out, or after an outcome nobody can know (the upstream
//   connection dropped after the request went out, a timeout, a cut-off or HTML answer), is
//   refused with `outcome: "pending" | "unknown"` and never forwarded,
// - `GET /api/v1/booking_attempts/{key}` asks without sending anything.
// Kept a day in the shared store (store.ts), so every instance knows every attempt.
import type { UpstreamAnswer } from './cache';
import type { SharedStore } from './store';

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
/** Longest a booking can be out (the proxy's upstream timeout is shorter): then it counts as unknown. */
const PENDING_MS = 120_000;

interface Wire {
  s: AttemptRecord['state'];
  status?: number;
  type?: string | null;
  body?: string;
}

/** Attempts by key, in the shared store: every instance knows what became of each attempt. */
export class AttemptStore {
  constructor(private readonly store: SharedStore) {}

  async get(key: string): Promise<AttemptRecord | undefined> {
    const raw = await this.store.getValue(`attempt:${key}`);
    return raw === undefined ? undefined : decode(raw);
  }

  /** Claims the key for a new attempt; false when it is already known (in any state). */
  begin(key: string): Promise<boolean> {
    return this.store.setValueIfAbsent(`attempt:${key}`, encode({ state: 'pending' }), PENDING_MS);
  }

  async settle(key: string, record: AttemptRecord | undefined): Promise<void> {
    if (record === undefined) await this.store.deleteValue(`attempt:${key}`);
    else await this.store.setValue(`attempt:${key}`, encode(record), DAY_MS);
  }
}

function encode(record: AttemptRecord): string {
  const wire: Wire = { s: record.state };
  if (record.state === 'done') {
    wire.status = record.answer.status;
    wire.type = record.answer.contentType;
    wire.body = base64(record.answer.body);
  }
  return JSON.stringify(wire);
}

function decode(raw: string): AttemptRecord | undefined {
  try {
    const wire = JSON.parse(raw) as Wire;
    if (wire.s === 'pending' || wire.s === 'unknown') return { state: wire.s };
    if (wire.s === 'done' && typeof wire.status === 'number' && typeof wire.body === 'string') {
      return { state: 'done', answer: { status: wire.status, contentType: wire.type ?? null, body: unbase64(wire.body) } };
    }
  } catch {
    // unreadable: treated as unknown below
  }
  return { state: 'unknown' };
}

function base64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

function unbase64(text: string): Uint8Array<ArrayBuffer> {
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
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
