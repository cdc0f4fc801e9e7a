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
  children: (data: T) => ComponentChildren;
}

export function QueryView<T>({ query, rows = 4, children }: Props<T>) {
  const s = query.state.value;
  if (s.status === 'ready') return <>{children(s.data)}</>;
  if (s.status === 'error') return <RetryBox onRetry={() => query.retry()} />;
  return (
    <div aria-busy="true" aria-label={t('widget.loading')}>
      <Skeleton lines={rows} />
    </div>
  );
}
