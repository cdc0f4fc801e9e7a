// A large chain's views (the city step; the location step's search and "nearest to me") are a
// chunk of their own, loaded only for a chain that needs them: nothing for other forms' first download.
import { signal } from '@preact/signals';
import type { Location } from '../api/types';
import type { StepId } from '../flow/machine';
import type { BookingModel } from '../flow/model';
import { t } from '../i18n';
import { Skeleton } from '../ui/Skeleton';
import { RetryBox } from './Parts';

type Views = typeof import('./chain-views');
const views = signal<Views | null>(null);
views.name = 'chainViews';
const failed = signal(false);
failed.name = 'chainViewsFailed';
let loading: Promise<unknown> | undefined;

/** From this many locations in more than one city, the location step offers a search and "nearest to me". */
const LARGE = 8;

/** Whether the form asks for the city, or its locations are many and in several cities. */
export function isLargeChain(steps: readonly StepId[] | undefined, locations: readonly Location[] | undefined): boolean {
  return !!steps?.includes('city') || (!!locations && locations.length >= LARGE && new Set(locations.map((l) => l.city)).size > 1);
}

function load() {
  loading ??= import('./chain-views').then(
    (m) => (views.value = m),
    () => {
      loading = undefined; // the next render tries again
      failed.value = true;
    },
  );
}

export function ChainView({ view, model }: { view: 'CityStep' | 'ChainLocations'; model: BookingModel }) {
  const loaded = views.value;
  if (loaded) {
    const View = loaded[view];
    return <View model={model} />;
  }
  if (failed.value) return <RetryBox onRetry={() => ((failed.value = false), load())} />;
  load();
  return (
    <div role="group" aria-busy="true" aria-label={t('widget.loading')}>
      <Skeleton lines={6} />
    </div>
  );
}
