// A keyed, cached request behind a signal. The model describes WHAT it needs as a key computed
// from the visitor's choices; this decides whether a request is needed: answers are reused while
// fresh (going back and forth asks for nothing new) and identical requests in flight are merged.
import { effect, signal, type ReadonlySignal } from '@preact/signals';

export type QueryState<T> =
  | { status: 'idle' }
  | { status: 'loading'; key: string }
  | { status: 'ready'; key: string; data: T }
  | { status: 'error'; key: string; error: unknown };

export interface QueryRequest<T> {
  key: string;
  load: () => Promise<T>;
}

export interface Query<T> {
  state: ReadonlySignal<QueryState<T>>;
  /** Ask again for the current key (after an error, or when the answer is known to be stale). */
  retry(): void;
  /** Forget cached answers whose key starts with `prefix` (all when omitted). */
  invalidate(prefix?: string): void;
  /** Warm the cache for a request the visitor is likely to make next. */
  prefetch(request: QueryRequest<T> | null): void;
  dispose(): void;
}

interface Entry<T> {
  promise: Promise<T>;
  settledAt?: number;
  failed?: boolean;
}

export function createQuery<T>(
  name: string,
  describe: () => QueryRequest<T> | null,
  options: { maxAgeMs?: number; now?: () => number; onData?: (data: T, key: string) => void } = {},
): Query<T> {
  const maxAge = options.maxAgeMs ?? 60_000;
  const now = options.now ?? Date.now;
  const cache = new Map<string, Entry<T>>();
  const state = signal<QueryState<T>>({ status: 'idle' });
  state.name = name;
  const bump = signal(0);
  bump.name = `${name}.bump`;

  function fetchEntry(req: QueryRequest<T>): Entry<T> {
    const hit = cache.get(req.key);
    const fresh = hit && !hit.failed && (hit.settledAt === undefined || now() - hit.settledAt < maxAge);
    if (hit && fresh) return hit;
    const entry: Entry<T> = { promise: req.load() };
    entry.promise.then(
      () => (entry.settledAt = now()),
      () => {
        entry.failed = true;
        entry.settledAt = now();
      },
    );
    cache.set(req.key, entry);
    return entry;
  }

  const stop = effect(() => {
    bump.value;
    const req = describe();
    if (!req) {
      state.value = { status: 'idle' };
      return;
    }
    const entry = fetchEntry(req);
    const current = state.peek();
    // Keep showing data for the same key while it refreshes; otherwise show loading.
    if (!(current.status === 'ready' && current.key === req.key)) state.value = { status: 'loading', key: req.key };
    entry.promise.then(
      (data) => {
        if (cache.get(req.key) !== entry) return;
        const latest = state.peek();
        if ('key' in latest && latest.key !== req.key) return;
        state.value = { status: 'ready', key: req.key, data };
        options.onData?.(data, req.key);
      },
      (error: unknown) => {
        const latest = state.peek();
        if ('key' in latest && latest.key !== req.key) return;
        state.value = { status: 'error', key: req.key, error };
      },
    );
  });

  return {
    state,
    retry() {
      const s = state.peek();
      if ('key' in s) cache.delete(s.key);
      bump.value++;
    },
    invalidate(prefix = '') {
      for (const key of [...cache.keys()]) if (key.startsWith(prefix)) cache.delete(key);
      bump.value++;
    },
    prefetch(req) {
      if (req) fetchEntry(req).promise.catch(() => undefined);
    },
    dispose: stop,
  };
}

export function dataOf<T>(q: Query<T>): T | undefined {
  const s = q.state.value;
  return s.status === 'ready' ? s.data : undefined;
}
