// A recording fake upstream for the proxy tests, started once per file and reset after each test,
// and the loopback servers a test starts, closed after it.
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from '../../bench/proxy-fake-upstream';
import type { LoopbackServer } from '../../src/server/proxy/loopback';

export interface ProxyTestBed {
  upstream: FakeUpstream;
  servers: LoopbackServer[];
}

export function useFakeUpstream(): ProxyTestBed {
  const bed = { servers: [] } as unknown as ProxyTestBed;
  beforeAll(async () => {
    bed.upstream = await startFakeUpstream();
  });
  afterAll(() => bed.upstream.close());
  afterEach(async () => {
    bed.upstream.received.length = 0;
    bed.upstream.queue.length = 0;
    bed.upstream.delayMs = 0;
    await Promise.all(bed.servers.splice(0).map((s) => s.close()));
  });
  return bed;
}

/** Limits out of the way, for tests of something else: a test asks faster than any visitor. */
export const NO_LIMITS = {
  RATE_LIMIT_PER_SECOND: '1000',
  RATE_LIMIT_PER_MINUTE: '10000',
  UPSTREAM_PER_SECOND: '1000',
  UPSTREAM_PER_MINUTE: '100000',
  CLIENT_UPSTREAM_PER_SECOND: '1000',
  CLIENT_UPSTREAM_PER_MINUTE: '100000',
} as const;
