// The deployment's one upstream budget. Altegio allows 5 requests per second and 200 per minute
// per IP: every proxy instance calls from the same few addresses, so that is one budget for all
// visitors together, kept in the shared store. Every upstream call takes from it first:
// - bookings (and their book_check) may use all of it; reads leave a share for them, so a busy
//   moment never stops a visitor who is booking;
// - one client's cache misses may use only a small share, so one client (or bot) asking for
//   answers nobody else asks for cannot spend everyone's budget;
// - when there is no room, a request waits in a short queue; past it, a read is served stale
//   from the cache where possible (the caller's choice), otherwise refused with Retry-After;
// - when the upstream answers 429, every instance stops calling it for as long as it asks.
import type { RateWindow, SharedStore } from './store';

export type CallKind = 'booking' | 'read';

export interface BudgetConfig {
  /** The upstream's limits for the whole deployment. */
  readonly perSecond: number;
  readonly perMinute: number;
  /** Kept for bookings: reads stop this much short of the limits. */
  readonly bookingReservePerSecond: number;
  readonly bookingReservePerMinute: number;
  /**
   * What one client's cache misses may use: on average per second over 10 s (twice that within
   * one second, so a page's first few requests go at once), and per minute.
   */
  readonly clientPerSecond: number;
  readonly clientPerMinute: number;
  /** How long a call may wait for room before it is refused. */
  readonly queueMs: Readonly<Record<CallKind, number>>;
}

export class BudgetExhausted extends Error {
  override name = 'BudgetExhausted';
  constructor(
    readonly retryAfterMs: number,
    /** Whose budget: the client's own share, or the deployment's. */
    readonly whose: 'client' | 'deployment',
  ) {
    super(whose === 'client' ? 'This client has used its share of the upstream budget' : 'The upstream budget is spent for now');
  }
}

const PAUSE_KEY = 'upstream:pause';
/** Added to the upstream's windows (see the constructor). */
const JITTER_MARGIN_MS = 150;
const BUDGET_KEY = 'upstream';
/** Longest pause honoured from one 429; a longer Retry-After is capped (and renewed by the next 429). */
const MAX_PAUSE_MS = 60_000;
/** Without a Retry-After, a 429 pauses calls this long. */
const DEFAULT_PAUSE_MS = 1000;

export class UpstreamBudget {
  private readonly windows: Readonly<Record<CallKind, readonly RateWindow[]>>;
  private readonly clientWindows: readonly RateWindow[];

  constructor(
    private readonly store: SharedStore,
    private readonly config: BudgetConfig,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {
    // Windows a little longer than the upstream's: calls let through 1 s apart may still arrive
    // closer together after the network's jitter, and the upstream counts arrivals.
    const second = 1000 + JITTER_MARGIN_MS;
    const minute = 60_000 + JITTER_MARGIN_MS;
    const booking = [
      { windowMs: second, limit: config.perSecond },
      { windowMs: minute, limit: config.perMinute },
    ];
    const read = [
      { windowMs: second, limit: Math.max(1, config.perSecond - config.bookingReservePerSecond) },
      { windowMs: minute, limit: Math.max(1, config.perMinute - config.bookingReservePerMinute) },
    ];
    this.windows = { booking, read };
    // A page's first few requests may go at once (2 in a second), but no client gets more than
    // its average over 10 s: never enough to crowd others out of the reads' share.
    this.clientWindows = [
      { windowMs: 1000, limit: Math.max(1, Math.ceil(config.clientPerSecond * 2)) },
      { windowMs: 10_000, limit: config.clientPerSecond * 10 },
      { windowMs: 60_000, limit: config.clientPerMinute },
    ];
  }

  /** Waits for room for one upstream call; throws BudgetExhausted when the queue would be too long. */
  async acquire(kind: CallKind, client: string | undefined): Promise<void> {
    const deadline = this.now() + this.config.queueMs[kind];
    // A client's share counts its reads only: bookings are few and already limited per client.
    if (kind === 'read' && client !== undefined) {
      await this.waitFor(deadline, 'client', () => this.store.take(`share:${client}`, this.clientWindows));
    }
    await this.waitFor(deadline, 'deployment', async () => {
      const pausedUntil = Number((await this.store.getValue(PAUSE_KEY)) ?? 0);
      if (pausedUntil > this.now()) return { allowed: false, retryAfterMs: pausedUntil - this.now() };
      // Exact, not estimated: one call too many and the upstream answers 429 for everyone.
      return this.store.takeExact(BUDGET_KEY, this.windows[kind]);
    });
  }

  /** The upstream said 429: nobody calls it again before it asked. */
  async pause(retryAfterSeconds: number | undefined): Promise<void> {
    const ms = Math.min(MAX_PAUSE_MS, retryAfterSeconds !== undefined ? retryAfterSeconds * 1000 : DEFAULT_PAUSE_MS);
    if (ms <= 0) return;
    await this.store.setValue(PAUSE_KEY, String(this.now() + ms), ms);
  }

  /** Calls in the last second and minute, against the limits (for /health and /metrics). */
  async usage(): Promise<{ lastSecond: number; lastMinute: number; perSecond: number; perMinute: number; pausedForMs: number }> {
    const [second = 0, minute = 0] = await this.store.usedExact(BUDGET_KEY, this.windows.booking);
    const pausedUntil = Number((await this.store.getValue(PAUSE_KEY)) ?? 0);
    return {
      lastSecond: Math.round(second * 10) / 10,
      lastMinute: Math.round(minute * 10) / 10,
      perSecond: this.config.perSecond,
      perMinute: this.config.perMinute,
      pausedForMs: Math.max(0, pausedUntil - this.now()),
    };
  }

  private async waitFor(
    deadline: number,
    whose: 'client' | 'deployment',
    attempt: () => Promise<{ allowed: boolean; retryAfterMs?: number }>,
  ): Promise<void> {
    for (;;) {
      const result = await attempt();
      if (result.allowed) return;
      const wait = Math.max(1, result.retryAfterMs ?? 1000);
      if (this.now() + wait > deadline) throw new BudgetExhausted(wait, whose);
      // A little spread, so queued calls from many instances do not all retry at the same instant.
      await this.sleep(wait + Math.floor(Math.random() * 20));
    }
  }
}
