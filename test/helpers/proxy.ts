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
