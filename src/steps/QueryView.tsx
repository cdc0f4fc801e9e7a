// Loading, error and ready states of one query, the same way on every step.
import type { ComponentChildren } from 'preact';
import type { Query } from '../flow/query';
import { t } from '../i18n';
import { Skeleton } from '../ui/Skeleton';
import { RetryBox } from './Parts';

interface Props<T> {
  query: Query<T>;
  /** Skeleton rows while loading */
  rows?: number;
  /** Skeleton rows shaped like the cards that will replace them (lists of locations, services, members). */
  cards?: boolean;
  children: (data: T) => ComponentChildren;
}

export function QueryView<T>({ query, rows = 4, cards = false, children }: Props<T>) {
  const s = query.state.value;
  if (s.status === 'ready') return <>{children(s.data)}</>;
  if (s.status === 'error') return <RetryBox onRetry={() => query.retry()} />;
  // A group, so it may carry a name (a plain <div> may not: ARIA prohibits aria-label there).
  return (
    <div role="group" aria-busy="true" aria-label={t('widget.loading')}>
      {cards ? (
        <span class="bw-skel-cards" aria-hidden="true">
          {Array.from({ length: rows }, (_, i) => (
            <span key={i} class="bw-skel-card">
              <span class="bw-skel bw-skel--round" />
              <span class="bw-skel bw-skel-line" />
            </span>
          ))}
        </span>
      ) : (
        <Skeleton lines={rows} />
      )}
    </div>
  );
}
