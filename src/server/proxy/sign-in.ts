// Sign-in attempts (POST user/auth {phone, code}) are limited per phone and per client, so a
// four-digit SMS code cannot be guessed by trying them all: a few tries per phone per quarter
// hour, a few more per client (one client trying many phones). The phone is kept only as a hash.
import type { RateWindow, SharedStore, TakeResult } from './store';

const QUARTER_HOUR = 15 * 60_000;

/** Attempts at one phone's code, whoever makes them. */
export const SIGN_IN_PER_PHONE: readonly RateWindow[] = [{ windowMs: QUARTER_HOUR, limit: 5 }];
/** Attempts from one client, whatever the phones. */
export const SIGN_IN_PER_CLIENT: readonly RateWindow[] = [{ windowMs: QUARTER_HOUR, limit: 20 }];

/** Undefined when the attempt may go on; otherwise how long until it may. Every attempt counts. */
export async function signInRefusal(
  store: SharedStore,
  body: Uint8Array | undefined,
  client: string | undefined,
): Promise<{ retryAfterMs: number } | undefined> {
  const digits = phoneDigits(body);
  const checks: Promise<TakeResult>[] = [];
  if (digits) checks.push(store.take(`sign-in:phone:${await sha256(digits)}`, SIGN_IN_PER_PHONE));
  if (client !== undefined) checks.push(store.take(`sign-in:client:${client}`, SIGN_IN_PER_CLIENT));
  const waits = (await Promise.all(checks)).map((d) => (d.allowed ? 0 : d.retryAfterMs));
  const retryAfterMs = Math.max(0, ...waits);
  return retryAfterMs > 0 ? { retryAfterMs } : undefined;
}

/** The phone's digits from the JSON body (formatting aside, "+1 (212) …" and "1212…" are one phone). */
function phoneDigits(body: Uint8Array | undefined): string | undefined {
  if (!body) return undefined;
  try {
    const parsed = JSON.parse(new TextDecoder().decode(body)) as { phone?: unknown };
    const digits = typeof parsed.phone === 'string' || typeof parsed.phone === 'number' ? String(parsed.phone).replace(/\D/g, '') : '';
    return digits || undefined;
  } catch {
    return undefined;
  }
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
