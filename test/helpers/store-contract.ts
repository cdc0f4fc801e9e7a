// What every proxy store must do, run against each implementation (memory, Redis): the proxy's
// guarantees across instances rest on exactly these operations being atomic and correct.
import { describe, expect, it } from 'vitest';
import type { SharedStore } from '../../src/server/proxy/store';

const answer = (text: string) => ({ status: 200, contentType: 'application/json', body: new TextEncoder().encode(text) as Uint8Array<ArrayBuffer> });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `open` gives a fresh, empty store (a unique key prefix is enough); it is closed after each test. */
export function describeStoreContract(name: string, open: () => Promise<SharedStore>): void {
  describe(`${name} store`, () => {
    const withStore = (test: (store: SharedStore) => Promise<void>) => async () => {
      const store = await open();
      try {
        await test(store);
      } finally {
        await store.close();
      }
    };

    it('keeps an answer byte for byte, with its freshness, until its time is up', withStore(async (store) => {
      const stored = { answer: answer('{"success":true,"data":"é"}'), freshUntil: Date.now() + 1000 };
      await store.setAnswer('a', stored, 150);
      const got = await store.getAnswer('a');
      expect(got?.freshUntil).toBe(stored.freshUntil);
      expect(got?.answer.status).toBe(200);
      expect(got?.answer.contentType).toBe('application/json');
      expect(new TextDecoder().decode(got!.answer.body)).toBe('{"success":true,"data":"é"}');
      await sleep(250);
      expect(await store.getAnswer('a')).toBeUndefined();
    }));

    it('keeps any bytes, a missing content type and the upstream\'s Retry-After as they were', withStore(async (store) => {
      const body = new Uint8Array(Array.from({ length: 512 }, (_, i) => (i * 7) % 256));
      await store.setAnswer('bytes', { answer: { status: 429, contentType: null, body, retryAfterSeconds: 3 }, freshUntil: 1.5 }, 1000);
      const got = await store.getAnswer('bytes');
      expect(got?.answer).toEqual({ status: 429, contentType: null, body, retryAfterSeconds: 3 });
      expect(got?.freshUntil).toBe(1.5);
      expect(await store.getAnswer('nothing here')).toBeUndefined();
    }));

    it('lets one claimant at a time hold a key, until released or expired', withStore(async (store) => {
      const claims = await Promise.all(Array.from({ length: 10 }, () => store.claim('k', 200)));
      expect(claims.filter(Boolean)).toHaveLength(1);
      await store.release('k');
      expect(await store.claim('k', 100)).toBe(true);
      await sleep(200);
      expect(await store.claim('k', 100)).toBe(true);
    }));

    it('takes from every window or from none, and never lets more through than a window allows', withStore(async (store) => {
      const windows = [{ windowMs: 1000, limit: 5 }, { windowMs: 60_000, limit: 7 }];
      const results = await Promise.all(Array.from({ length: 12 }, () => store.take('budget', windows)));
      expect(results.filter((r) => r.allowed)).toHaveLength(5);
      const refused = results.find((r) => !r.allowed);
      expect(refused && !refused.allowed && refused.retryAfterMs).toBeGreaterThan(0);
      // Full in this second: the next one fits once the five, weighted by how much of the last
      // second still overlaps, count 4 or less, at most 1.2 s away (0.2 s into the next second when
      // all five were taken at the start of this one).
      expect(refused && !refused.allowed && refused.retryAfterMs).toBeLessThanOrEqual(1000 * (1 + 1 / 5));
      const [second, minute] = await store.used('budget', windows);
      expect(second).toBeCloseTo(5, 0);
      expect(minute).toBeCloseTo(5, 0);
    }));

    it('a sliding window lets no burst through at its edge', withStore(async (store) => {
      const windows = [{ windowMs: 400, limit: 4 }];
      let allowed = 0;
      const started = Date.now();
      // Ask every 20 ms for a second and a half: at most limit × (elapsed / window + 1) get through.
      while (Date.now() - started < 1500) {
        if ((await store.take('edge', windows)).allowed) allowed++;
        await sleep(20);
      }
      expect(allowed).toBeLessThanOrEqual(4 * (1500 / 400 + 1));
      expect(allowed).toBeGreaterThanOrEqual(4 * (1500 / 400) - 4);
    }));

    it('an exact log never lets any span of a window hold more than its limit, and says when the next fits', withStore(async (store) => {
      const windows = [{ windowMs: 300, limit: 3 }, { windowMs: 60_000, limit: 8 }];
      const times: number[] = [];
      const started = Date.now();
      while (Date.now() - started < 1200) {
        const result = await store.takeExact('exact', windows);
        if (result.allowed) times.push(Date.now());
        else {
          expect(result.retryAfterMs).toBeGreaterThan(0);
          // Until the minute's 8 are spent, the wait is for the 300 ms window only.
          if (times.length < 8) expect(result.retryAfterMs).toBeLessThanOrEqual(301);
        }
        await sleep(10);
      }
      // Any 300 ms span holds at most 3 (a little slack for this process's clock against the store's).
      for (const t of times) expect(times.filter((u) => u >= t && u < t + 280).length).toBeLessThanOrEqual(3);
      expect(times.length).toBeLessThanOrEqual(8);
      expect(times.length).toBeGreaterThanOrEqual(8);
      expect((await store.usedExact('exact', windows))[1]).toBe(8);
      const refused = await store.takeExact('exact', windows);
      expect(refused.allowed).toBe(false);
      expect(!refused.allowed && refused.retryAfterMs).toBeGreaterThan(50_000);
    }));

    it('a cost takes several at once', withStore(async (store) => {
      const windows = [{ windowMs: 1000, limit: 3 }];
      expect((await store.take('c', windows, 2)).allowed).toBe(true);
      expect((await store.take('c', windows, 2)).allowed).toBe(false);
      expect((await store.take('c', windows, 1)).allowed).toBe(true);
    }));

    it('keeps plain values for their lifetime, and sets only when absent when asked', withStore(async (store) => {
      await store.setValue('v', 'one', 150);
      expect(await store.getValue('v')).toBe('one');
      expect(await store.setValueIfAbsent('v', 'two', 150)).toBe(false);
      expect(await store.getValue('v')).toBe('one');
      const racers = await Promise.all(Array.from({ length: 8 }, (_, i) => store.setValueIfAbsent('w', String(i), 1000)));
      expect(racers.filter(Boolean)).toHaveLength(1);
      await store.deleteValue('w');
      expect(await store.getValue('w')).toBeUndefined();
      await sleep(250);
      expect(await store.getValue('v')).toBeUndefined();
    }));

    it('counts up, one at a time, under concurrency', withStore(async (store) => {
      expect(await store.counter('n')).toBe(0);
      await Promise.all(Array.from({ length: 20 }, () => store.increment('n')));
      expect(await store.counter('n')).toBe(20);
    }));
  });
}
