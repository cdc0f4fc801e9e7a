// Parts of the model loaded with the step that needs them (confirming, several appointments, the
// nearest free times): loaded once however often asked, and asked again after a failed load.
import { describe, expect, it } from 'vitest';
import { lazyPart } from '../src/flow/lazy-part';

describe('lazyPart', () => {
  it('loads once for concurrent asks and then holds the part', async () => {
    let loads = 0;
    const lazy = lazyPart('part', async () => ({ n: ++loads }));
    expect(lazy.part.value).toBeNull();
    const [a, b] = await Promise.all([lazy.load(), lazy.load()]);
    expect(a).toBe(b);
    expect(await lazy.load()).toBe(a);
    expect(loads).toBe(1);
    expect(lazy.part.value).toEqual({ n: 1 });
  });

  it('a failed load (a dropped connection) is tried again on the next ask', async () => {
    let loads = 0;
    const lazy = lazyPart('part', async () => {
      if (++loads === 1) throw new Error('chunk failed to load');
      return 'made';
    });
    await expect(lazy.load()).rejects.toThrow('chunk failed to load');
    expect(lazy.part.value).toBeNull();
    await expect(lazy.load()).resolves.toBe('made');
    expect(lazy.part.value).toBe('made');
    expect(loads).toBe(2);
  });
});
