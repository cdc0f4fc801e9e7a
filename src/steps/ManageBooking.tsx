// The booking page: one booking as the business has it, and cancelling it after a confirmation
// when the location allows it; when it does not, why, and how to reach the business.
import { useEffect, useRef } from 'preact/hooks';
import { isApiError } from '../api/errors';
import type { ManageModel } from '../flow/manage';
import { isRtl, t } from '../i18n';
import { formatDuration } from '../i18n/format';
import { Button } from '../ui/Button';
import { Skeleton } from '../ui/Skeleton';
import { addressOf, BookedDetails, PhoneLink } from './BookedDetails';
import { RetryBox } from './Parts';

export function ManageBooking({ model }: { model: ManageModel }) {
  const lang = model.lang.value ?? 'en-US';
  const details = model.details.state.value;
  const place = model.location.state.value;
  const phase = model.phase.value;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLParagraphElement>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
  const answerRef = useRef<HTMLParagraphElement>(null);
  const before = useRef(phase);
  // The question and the outcome take focus, so keyboard and screen-reader users land on them.
  // The question's buttons go away with it: focus moves on rather than dropping to the page.
  useEffect(() => {
    const was = before.current;
    before.current = phase;
    if (phase === 'confirming') confirmRef.current?.focus();
    else if (phase === 'cancelled') doneRef.current?.focus();
    // Kept: the cancel button again; refused or failed: why; gone meanwhile: the page, reloading.
    else if (was === 'confirming' || was === 'cancelling') (answerRef.current ?? cancelRef.current ?? headingRef.current)?.focus();
  }, [phase]);

  let body;
  if (details.status === 'error') {
    body = isApiError(details.error) && details.error.status === 404
      ? <p role="alert">{t('widget.booking_not_found')}</p>
      : <RetryBox onRetry={() => model.details.retry()} />;
  } else if (details.status !== 'ready' || place.status === 'loading' || place.status === 'idle') {
    body = (
      <div role="group" aria-busy="true" aria-label={t('widget.loading')}>
        <Skeleton lines={6} />
      </div>
    );
  } else {
    const d = details.data;
    const zone = place.status === 'ready' ? place.data.timezoneName || 'UTC' : 'UTC';
    const rule = model.rule();
    const reachBusiness = (
      <p>
        <bdi>{d.location.title}</bdi>: <PhoneLink phone={d.location.phone} />
        <br />
        <bdi class="bw-muted">{addressOf(d.location)}</bdi>
      </p>
    );
    body = (
      <>
        <BookedDetails details={d} tz={zone} lang={lang} />
        {rule?.kind === 'deleted' && (
          <div class="bw-notice" role="status">
            <p ref={doneRef} tabIndex={-1}>
              {t('record.is_deleted')}
            </p>
          </div>
        )}
        {rule?.kind === 'past' && <p class="bw-note">{t('widget.booking_past')}</p>}
        {rule?.kind === 'forbidden' && (
          <div class="bw-notice" role="alert">
            <p ref={answerRef} tabIndex={-1}>
              {t('record.error_cancel_record_new1')}
            </p>
            {reachBusiness}
          </div>
        )}
        {rule?.kind === 'tooLate' && (
          <div class="bw-notice" role="alert">
            <p>
              {t('record.error_cancel_record_new2_1')} {formatDuration(rule.delaySeconds, lang)} {t('record.error_cancel_record_new2_2')}
            </p>
            {reachBusiness}
          </div>
        )}
        {rule?.kind === 'allowed' && phase !== 'confirming' && phase !== 'cancelling' && (
          <div class="bw-actions bw-actions--wrap">
            <button type="button" class="bw-btn bw-btn--secondary" ref={cancelRef} onClick={model.askCancel}>
              {t('record.cancel_record')}
            </button>
          </div>
        )}
        {rule?.kind === 'allowed' && (phase === 'confirming' || phase === 'cancelling') && (
          <div class="bw-notice" role="group" aria-labelledby="bw-cancel-question">
            <p id="bw-cancel-question" ref={confirmRef} tabIndex={-1}>
              {t('record.confirm_cancel_record')} {t('record.cancel_record_warning')}
            </p>
            <div class="bw-actions bw-actions--wrap">
              <Button type="button" busy={phase === 'cancelling'} onClick={() => void model.cancel()}>
                {t('record.cancel_record')}
              </Button>
              <button type="button" class="bw-btn bw-btn--secondary" onClick={model.keep} disabled={phase === 'cancelling'}>
                {t('widget.keep_booking')}
              </button>
            </div>
          </div>
        )}
        {phase === 'failed' && (
          <div class="bw-error-box" role="alert">
            <p ref={answerRef} tabIndex={-1}>
              {t('widget.cancel_failed')}
            </p>
            {reachBusiness}
          </div>
        )}
        {(rule?.kind === 'deleted' || rule?.kind === 'past') && (
          <div class="bw-actions bw-actions--wrap">
            <a class="bw-btn bw-btn--secondary" href={model.bookAgainQuery}>
              {t('record.create_new_record')}
            </a>
          </div>
        )}
      </>
    );
  }

  return (
    <div class="bw-root" lang={lang} dir={isRtl(lang) ? 'rtl' : 'ltr'}>
      <header class="bw-header">
        <div class="bw-header__titles">
          <h1 class="bw-title" tabIndex={-1} ref={headingRef}>{t('widget.your_booking')}</h1>
        </div>
      </header>
      <section class="bw-step">{body}</section>
    </div>
  );
}
