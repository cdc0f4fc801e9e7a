// The group-event steps, their own chunk: loaded (with the group part of the model) when a form
// offers group events and the visitor reaches one of them.
import { signal } from '@preact/signals';
import type { BookingModel } from '../../flow/model';
import { t } from '../../i18n';
import { Skeleton } from '../../ui/Skeleton';
import { RetryBox } from '../Parts';

type Views = typeof import('./views');
const views = signal<Views | null>(null);
views.name = 'groupViews';
const failed = signal(false);
failed.name = 'groupViewsFailed';
let loading: Promise<void> | undefined;

/** The views' chunk once per page; the group part once per model (lazyPart shares its load). */
function load(model: BookingModel): Promise<void> {
  loading ??= import('./views').then((m) => {
    views.value = m;
  });
  return Promise.all([loading, model.group.load()]).then(
    () => undefined,
    () => {
      loading = views.peek() ? loading : undefined;
      failed.value = true;
    },
  );
}

export function GroupStep({ model }: { model: BookingModel }) {
  const loaded = views.value;
  const group = model.group.part.value;
  if (loaded && group) return <loaded.GroupView model={model} group={group} />;
  if (failed.value) return <RetryBox onRetry={() => ((failed.value = false), load(model))} />;
  void load(model);
  return (
    <div role="group" aria-busy="true" aria-label={t('widget.loading')}>
      <Skeleton lines={6} />
    </div>
  );
}
