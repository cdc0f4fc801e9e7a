// The SMS code as the visitor types it: where it was sent, one field the phone's keyboard and its
// autofill fill (one-time-code; a pasted code goes in whole), its error beside it, and asking for
// a new code once CODE_RESEND_AFTER_MS has passed. The booking's SMS step and the account's
// sign-in use it alike; nothing has to be remembered or retyped from elsewhere (WCAG 3.3.8).
import type { Ref } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { CODE_RESEND_AFTER_MS } from '../flow/contact';
import { t } from '../i18n';
import { Field } from '../ui/Field';

export interface CodeFieldProps {
  /** Where the code went; the status line above the field says so once it is set. */
  sentTo?: string;
  /** When the code was sent (ms): a new one may be asked for CODE_RESEND_AFTER_MS later. */
  sentAt?: number;
  code: string;
  /** An i18n key. */
  error?: string;
  /** Only while a code is awaited: the status line stays (empty) so its text is announced. */
  open: boolean;
  onInput(code: string): void;
  onResend(): void;
  inputRef?: Ref<HTMLInputElement | HTMLTextAreaElement>;
}

export function CodeField({ sentTo, sentAt, code, error, open, onInput, onResend, inputRef }: CodeFieldProps) {
  const resendIn = useCountdown(open ? sentAt : undefined);
  // The number reads left to right in every language (+371 2000 0000, not 0000 2000 371+).
  const sent = t('widget.code_sent', { phone: '\n' }).split('\n');
  return (
    <div class="bw-code">
      {/* On the page empty from the start, filled when the code is sent: a live region that
          comes with its text already in it is not read out. */}
      <p class="bw-note" role="status">
        {open && sentTo && (
          <>
            {sent[0]}
            <bdi dir="ltr">{sentTo}</bdi>
            {sent[1]}
          </>
        )}
      </p>
      {open && (
        <>
          <Field
            id="bw-code"
            label={t('user-data-form.phone-code')}
            value={code}
            onInput={onInput}
            error={error && t(error)}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            required
            inputRef={inputRef}
          />
          {resendIn > 0 ? (
            <p class="bw-hint">{t('widget.resend_in', { seconds: resendIn })}</p>
          ) : (
            <button type="button" class="bw-link" onClick={onResend}>
              {t('login.request_new_sms_code')}
            </button>
          )}
        </>
      )}
    </div>
  );
}

/** Whole seconds left before a new code may be asked for; 0 once it may. */
function useCountdown(sentAt: number | undefined): number {
  const left = () => (sentAt === undefined ? 0 : Math.max(0, Math.ceil((sentAt + CODE_RESEND_AFTER_MS - Date.now()) / 1000)));
  const [, tick] = useState(0);
  useEffect(() => {
    if (!left()) return;
    const timer = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, [sentAt]);
  return left();
}
