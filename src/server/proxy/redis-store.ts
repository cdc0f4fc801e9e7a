// The shared store on Redis (or Valkey), for several proxy instances: one cache, one upstream
// budget, one set of rate limits, booking attempts and availability generations. Each operation is
// one atomic step of the server (a command, a MULTI, or a Lua script), and rate windows are timed
// by the server's clock, so instances whose clocks disagree still count one budget.
//
// Keys, under a prefix (default `bw:`) so deployments and tests can share one Redis:
//   a:<key>                cached answer: hash of status, content type, fresh-until, body bytes
//   c:<key>                a claim                 v:<key>   a plain value
//   r:{<key>}:<windowMs>   a rate window's counts  n:<key>   a counter (never expires)
// Everything but the counters carries a lifetime, so Redis drops what nobody asks for.
import { Buffer } from 'node:buffer';
import { Redis, type RedisOptions } from 'ioredis';
import type { UpstreamAnswer } from './cache';
import type { RateWindow, SharedStore, StoreHealth, StoredAnswer, TakeResult } from './store';

export const DEFAULT_PREFIX = 'bw:';

// The window arithmetic of store.ts (slidingCount, waitForRoom), on the server's clock.
// KEYS: one hash per window {s: window start, p: previous count, c: current count}.
// ARGV: cost, then windowMs and limit for each key. Returns {1, 0} or {0, retryAfterMs}.
const WINDOWS_LUA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local function window(i)
  local windowMs = tonumber(ARGV[2 * i])
  local start = math.floor(now / windowMs) * windowMs
  local h = redis.call('HMGET', KEYS[i], 's', 'p', 'c')
  local s, p, c = tonumber(h[1]), tonumber(h[2]) or 0, tonumber(h[3]) or 0
  if s == nil then
    p, c = 0, 0
  elseif s ~= start then
    if s == start - windowMs then p = c else p = 0 end
    c = 0
  end
  return windowMs, start, p, c
end
local function sliding(p, c, start, windowMs)
  return p * math.max(0, 1 - (now - start) / windowMs) + c
end
`;

const TAKE_LUA = `${WINDOWS_LUA}
local cost = tonumber(ARGV[1])
local wait = 0
local rolled = {}
for i = 1, #KEYS do
  local windowMs, start, p, c = window(i)
  local limit = tonumber(ARGV[2 * i + 1])
  rolled[i] = { windowMs, start, p, c }
  if sliding(p, c, start, windowMs) + cost > limit then
    local w
    if c + cost > limit then
      w = start + windowMs - now
    elseif p == 0 then
      w = 0
    else
      local at = start + (1 - (limit - cost - c) / p) * windowMs
      w = math.max(1, math.ceil(at - now))
    end
    if w > wait then wait = w end
  end
end
if wait > 0 then return { 0, wait } end
for i = 1, #KEYS do
  local r = rolled[i]
  redis.call('HSET', KEYS[i], 's', r[2], 'p', r[3], 'c', r[4] + cost)
  redis.call('PEXPIRE', KEYS[i], 2 * r[1])
end
return { 1, 0 }
`;

// Counts are fractional: returned as strings, since Redis turns Lua numbers into integers.
const USED_LUA = `${WINDOWS_LUA}
local counts = {}
for i = 1, #KEYS do
  local windowMs, start, p, c = window(i)
  counts[i] = tostring(sliding(p, c, start, windowMs))
end
return counts
`;

interface ScriptCommands {
  bwTake(numKeys: number, ...keysAndArgs: (string | number)[]): Promise<[number, number]>;
  bwUsed(numKeys: number, ...keysAndArgs: (string | number)[]): Promise<string[]>;
  bwTakeExact(...keysAndArgs: (string | number)[]): Promise<[number, number]>;
  bwUsedExact(...keysAndArgs: (string | number)[]): Promise<number[]>;
}

/**
 * The exact log (store.ts `takeExact`): KEYS[1] a sorted set of take times (score = ms), KEYS[2] a
 * sequence for unique members; ARGV: cost, then windowMs, limit pairs. On Redis's clock.
 * Returns {1, 0} or {0, retryAfterMs}; with cost 0 only reports {counts…}.
 */
const TAKE_EXACT_LUA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local cost = tonumber(ARGV[1])
local n = (#ARGV - 1) / 2
local longest = 0
for i = 1, n do
  local w = tonumber(ARGV[2 * i])
  if w > longest then longest = w end
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - longest)
local wait = 0
local counts = {}
for i = 1, n do
  local w = tonumber(ARGV[2 * i])
  local limit = tonumber(ARGV[2 * i + 1])
  local count = redis.call('ZCOUNT', KEYS[1], '(' .. (now - w), '+inf')
  counts[i] = count
  local excess = count + cost - limit
  if cost > 0 and excess > 0 then
    local k = math.min(excess, count)
    if k < 1 then
      if w > wait then wait = w end
    else
      local e = redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. (now - w), '+inf', 'WITHSCORES', 'LIMIT', k - 1, 1)
      local free = tonumber(e[2]) + w - now + 1
      if free > wait then wait = free end
    end
  end
end
if cost == 0 then return counts end
if wait > 0 then return {0, math.ceil(wait)} end
local seq = redis.call('INCR', KEYS[2])
for j = 1, cost do redis.call('ZADD', KEYS[1], now, seq .. ':' .. j) end
redis.call('PEXPIRE', KEYS[1], longest)
redis.call('PEXPIRE', KEYS[2], longest)
return {1, 0}
`;

/** A lifetime in whole milliseconds, as PX wants it (at least 1). */
const px = (ms: number) => Math.max(1, Math.ceil(ms));

/** Options for the ioredis client that suit a store in front of visitors: fail fast, never queue. */
export function clientOptions(commandTimeoutMs = 250): RedisOptions {
  return {
    commandTimeout: commandTimeoutMs,
    connectTimeout: 2000,
    // Commands while disconnected fail at once (the caller falls back) instead of waiting.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    // An unanswered take or increment must not be sent again after a reconnect: it was answered
    // from memory meanwhile, and resending would count it twice.
    autoResendUnfulfilledCommands: false,
    retryStrategy: (times) => Math.min(100 * times, 1000),
  };
}

export class RedisStore implements SharedStore {
  private readonly scripts: ScriptCommands;

  /** Takes ownership of `client`: close() quits it. */
  constructor(
    readonly client: Redis,
    private readonly prefix = DEFAULT_PREFIX,
  ) {
    // Sent as EVALSHA, loaded with EVAL when the server does not know it (first use, after a restart).
    client.defineCommand('bwTake', { lua: TAKE_LUA });
    client.defineCommand('bwUsed', { lua: USED_LUA });
    client.defineCommand('bwTakeExact', { lua: TAKE_EXACT_LUA, numberOfKeys: 2 });
    client.defineCommand('bwUsedExact', { lua: TAKE_EXACT_LUA, numberOfKeys: 2 });
    this.scripts = client as unknown as ScriptCommands;
  }

  health(): StoreHealth {
    return this.client.status === 'ready' ? { kind: 'redis', shared: true } : { kind: 'redis', shared: false, detail: `redis ${this.client.status}` };
  }

  async getAnswer(key: string): Promise<StoredAnswer | undefined> {
    const h = await this.client.hgetallBuffer(this.prefix + 'a:' + key);
    if (!h.s || !h.f || !h.b) return undefined;
    const answer: UpstreamAnswer = {
      status: Number(h.s.toString()),
      contentType: h.t ? h.t.toString() : null,
      body: new Uint8Array(h.b), // a copy: ioredis may hand out slices of a shared buffer
      ...(h.r ? { retryAfterSeconds: Number(h.r.toString()) } : {}),
    };
    return { answer, freshUntil: Number(h.f.toString()) };
  }

  async setAnswer(key: string, stored: StoredAnswer, keepMs: number): Promise<void> {
    const { answer } = stored;
    const fields: Record<string, string | Buffer> = {
      s: String(answer.status),
      f: String(stored.freshUntil),
      b: Buffer.from(answer.body.buffer, answer.body.byteOffset, answer.body.byteLength),
    };
    if (answer.contentType !== null) fields.t = answer.contentType;
    if (answer.retryAfterSeconds !== undefined) fields.r = String(answer.retryAfterSeconds);
    const k = this.prefix + 'a:' + key;
    await this.client.multi().del(k).hset(k, fields).pexpire(k, px(keepMs)).exec().then(failedStep);
  }

  async claim(key: string, ttlMs: number): Promise<boolean> {
    return (await this.client.set(this.prefix + 'c:' + key, '1', 'PX', px(ttlMs), 'NX')) === 'OK';
  }

  async release(key: string): Promise<void> {
    await this.client.del(this.prefix + 'c:' + key);
  }

  async take(key: string, windows: readonly RateWindow[], cost = 1): Promise<TakeResult> {
    const [allowed, retryAfterMs] = await this.scripts.bwTake(windows.length, ...this.windowKeys(key, windows), cost, ...windows.flatMap((w) => [w.windowMs, w.limit]));
    return allowed === 1 ? { allowed: true } : { allowed: false, retryAfterMs };
  }

  async used(key: string, windows: readonly RateWindow[]): Promise<number[]> {
    const counts = await this.scripts.bwUsed(windows.length, ...this.windowKeys(key, windows), 0, ...windows.flatMap((w) => [w.windowMs, w.limit]));
    return counts.map(Number);
  }

  async takeExact(key: string, windows: readonly RateWindow[], cost = 1): Promise<TakeResult> {
    const k = `${this.prefix}l:{${key}}`;
    const [allowed, retryAfterMs] = await this.scripts.bwTakeExact(k, `${k}:seq`, Math.max(1, cost), ...windows.flatMap((w) => [w.windowMs, w.limit]));
    return allowed === 1 ? { allowed: true } : { allowed: false, retryAfterMs };
  }

  async usedExact(key: string, windows: readonly RateWindow[]): Promise<number[]> {
    const k = `${this.prefix}l:{${key}}`;
    return (await this.scripts.bwUsedExact(k, `${k}:seq`, 0, ...windows.flatMap((w) => [w.windowMs, w.limit]))).map(Number);
  }

  async getValue(key: string): Promise<string | undefined> {
    return (await this.client.get(this.prefix + 'v:' + key)) ?? undefined;
  }

  async setValue(key: string, value: string, ttlMs: number): Promise<void> {
    await this.client.set(this.prefix + 'v:' + key, value, 'PX', px(ttlMs));
  }

  async setValueIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    return (await this.client.set(this.prefix + 'v:' + key, value, 'PX', px(ttlMs), 'NX')) === 'OK';
  }

  async deleteValue(key: string): Promise<void> {
    await this.client.del(this.prefix + 'v:' + key);
  }

  async counter(key: string): Promise<number> {
    return Number((await this.client.get(this.prefix + 'n:' + key)) ?? 0);
  }

  async increment(key: string): Promise<number> {
    return this.client.incr(this.prefix + 'n:' + key);
  }

  /** Quits politely when connected (waiting at most a second), otherwise drops the connection. */
  async close(): Promise<void> {
    if (this.client.status === 'ready') {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, 1000)));
      await Promise.race([this.client.quit().catch(() => undefined), late]);
      clearTimeout(timer);
    }
    this.client.disconnect();
  }

  // One hash tag per key, so all its windows live in one slot (a script's keys must, on a cluster).
  private windowKeys(key: string, windows: readonly RateWindow[]): string[] {
    return windows.map((w) => `${this.prefix}r:{${key}}:${w.windowMs}`);
  }
}

/** A MULTI's replies carry each step's error instead of rejecting: surface the first. */
function failedStep(replies: [Error | null, unknown][] | null): void {
  if (!replies) throw new Error('redis transaction aborted');
  const failed = replies.find(([error]) => error);
  if (failed) throw failed[0];
}
