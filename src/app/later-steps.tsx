// The steps after the first choices, kept out of the first chunk so the first step shows sooner.
// They load once the first step is on screen, while the visitor is still choosing; when the
// form starts with one of them, it loads alongside that step's data, which also waits on the form.
import { signal } from '@preact/signals';
import type { FunctionComponent } from 'preact';
import type { BookingModel } from '../flow/model';
import { t } from '../i18n';
import { Skeleton } from '../ui/Skeleton';
import { RetryBox } from '../steps/Parts';

export type LaterScreen = 'staff' | 'date' | 'time' | 'contact' | 'confirm' | 'success' | 'rail' | 'group';
type StepView = FunctionComponent<{ model: BookingModel }>;

const views = signal<Record<LaterScreen, StepView> | null>(null);
views.name = 'laterSteps';
const failed = signal(false);
failed.name = 'laterStepsFailed';
let loading: Promise<void> | undefined;

export function loadLaterSteps(): Promise<void> {
  loading ??= import('./later-steps-views').then(
    (m) => {
      views.value = m.LATER_STEPS;
    },
    () => {
      loading = undefined; // a later call tries again
      failed.value = true;
    },
  );
  return loading;
}

export function LaterStep({ screen, model }: { screen: LaterScreen; model: BookingModel }) {
  const loaded = views.value;
  if (loaded) {
    const View = loaded[screen];
    return <View model={model} />;
  }
  if (failed.value) {
    return <RetryBox onRetry={() => ((failed.value = false), loadLaterSteps())} />;
  }
  void loadLaterSteps();
  return (
    <div role="group" aria-busy="true" aria-label={t('widget.loading')}>
      <Skeleton lines={6} />
    </div>
  );
}
