// Small pieces every step uses the same way.
import type { BookingModel } from '../flow/model';
import { isComplete, type StepId } from '../flow/machine';
import { t } from '../i18n';

/** A request failed (or, with another message, a step could not be shown): say so and offer to try again. */
export function RetryBox({ onRetry, message = 'widget.network_error' }: { onRetry: () => void; message?: string }) {
  return (
    <div class="bw-error-box" role="alert">
      <p>{t(message)}</p>
      <button
        type="button"
        class="bw-btn bw-btn--secondary"
        onClick={(e) => {
          // This button goes away with the error: keep keyboard focus in the widget, at the step's start.
          e.currentTarget.closest('.bw-root')?.querySelector<HTMLElement>('.bw-title')?.focus();
          onRetry();
        }}
      >
        {t('widget.retry')}
      </button>
    </div>
  );
}

/**
 * After going back, a step whose choice is still made offers to go on without choosing again.
 * (A first visit moves on by the choice itself.)
 */
export function ContinueWithChoice({ model, step }: { model: BookingModel; step: StepId }) {
  const choices = model.choices.value;
  if (!choices || !isComplete(step, choices, true)) return null;
  return (
    <div class="bw-actions bw-actions--sticky">
      <button type="button" class="bw-btn bw-btn--primary" onClick={model.next}>
        {t('button.continue')}
      </button>
    </div>
  );
}
