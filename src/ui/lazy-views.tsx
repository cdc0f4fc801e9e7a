// Views whose code is a chunk of their own (the later steps, a large chain's, the visitor's
// account): a busy placeholder while they load, Try again after a failed load (a dropped
// connection), the views once they are in. Concurrent loads share one (lazyPart).
import { signal } from '@preact/signals';
import type { FunctionComponent } from 'preact';
import { lazyPart } from '../flow/lazy-part';
import { t } from '../i18n';
import { RetryBox } from '../steps/Parts';
import { Skeleton } from './Skeleton';

export function lazyViews<M>(name: string, load: () => Promise<M>) {
  const { part, load: loadPart } = lazyPart(name, load);
  const failed = signal(false);
  const loadViews = () =>
    loadPart().then(
      (m) => ((failed.value = false), m),
      (error: unknown) => {
        failed.value = true;
        throw error;
      },
    );

  /** The view `pick` chooses from the chunk, with `props`, once loaded. */
  function show<P extends object>(pick: (m: M) => FunctionComponent<P>, props: P) {
    const loaded = part.value;
    if (loaded) {
      const View = pick(loaded);
      return <View {...props} />;
    }
    if (failed.value) return <RetryBox onRetry={() => void loadViews().catch(() => {})} />;
    void loadViews().catch(() => {});
    return (
      <div role="group" aria-busy="true" aria-label={t('widget.loading')}>
        <Skeleton lines={6} />
      </div>
    );
  }

  return { load: loadViews, show };
}
