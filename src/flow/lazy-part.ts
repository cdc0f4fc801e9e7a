// A part of the model whose code is its own chunk, loaded when a step first needs it: the part
// sits in a signal once made, concurrent asks share one load, and a failed load (a dropped
// connection) is tried again on the next ask instead of being remembered.
import { signal, type ReadonlySignal } from '@preact/signals';

export interface LazyPart<T> {
  /** The part once loaded and made, else null. */
  part: ReadonlySignal<T | null>;
  load(): Promise<T>;
}

export function lazyPart<T>(name: string, make: () => Promise<T>): LazyPart<T> {
  const part = signal<T | null>(null);
  part.name = name;
  let loading: Promise<T> | undefined;
  return {
    part,
    load() {
      loading ??= make().then(
        (made) => (part.value = made),
        (error: unknown) => {
          loading = undefined;
          throw error;
        },
      );
      return loading;
    },
  };
}
