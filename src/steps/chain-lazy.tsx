// A large chain's views (the city step; the location step's search and "nearest to me") are a
// chunk of their own, loaded only for a form with a city step: nothing for other forms' first download.
import { signal } from '@preact/signals';
import type { BookingModel } from '../flow/model';
import { Skeleton } from '../ui/Skeleton';
import { RetryBox } from './Parts';

type Views = typeof import('./chain-views');
/** The views once loaded; false after a failed load (a retry button), null before. */
const views = signal<Views | null | false>(null);
let loading: Promise<unknown> | undefined;

function load() {
  loading ??= import('./chain-views').then(
    (m) => (views.value = m),
    () => {
      loading = undefined;
      views.value = false;
    },
  );
}

export function ChainView({ view, model }: { view: 'CityStep' | 'ChainLocations'; model: BookingModel }) {
  const loaded = views.value;
  if (loaded) {
    const View = loaded[view];
    return <View model={model} />;
  }
  if (loaded === false) return <RetryBox onRetry={() => ((views.value = null), load())} />;
  load();
  return <Skeleton lines={6} />;
}

export const CityView = (props: { model: BookingModel }) => <ChainView view="CityStep" {...props} />;
export const ChainLocationsView = (props: { model: BookingModel }) => <ChainView view="ChainLocations" {...props} />;
