// A labelled input or textarea with its hint and error wired for assistive technology: the error
// region exists before any error does, so a message appearing later is announced politely.
import type { Ref } from 'preact';
import { useId } from 'preact/hooks';
import { t } from '../i18n';

export interface FieldProps {
  label: string;
  value: string;
  onInput(value: string): void;
  onBlur?(): void;
  id?: string;
  error?: string;
  hint?: string;
  required?: boolean;
  /** Show "(optional)" after the label of a field that is not required. */
  markOptional?: boolean;
  multiline?: boolean;
  type?: 'text' | 'tel' | 'email';
  autoComplete?: string;
  inputMode?: 'text' | 'tel' | 'email' | 'numeric';
  maxLength?: number;
  inputRef?: Ref<HTMLInputElement | HTMLTextAreaElement>;
}

const revealWhole = (e: FocusEvent) => (e.currentTarget as HTMLElement).scrollIntoView({ block: 'nearest' });

export function Field(props: FieldProps) {
  const autoId = useId();
  const id = props.id ?? `bw-f${autoId}`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const { label, value, error, hint, required, multiline } = props;
  const describedBy = [hint && hintId, error && errorId].filter(Boolean).join(' ') || undefined;
  const control = {
    id,
    value,
    required,
    maxLength: props.maxLength,
    autoComplete: props.autoComplete,
    inputMode: props.inputMode,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': describedBy,
    class: 'bw-input',
    onInput: (e: Event) => props.onInput((e.currentTarget as HTMLInputElement).value),
    onBlur: props.onBlur,
  };
  return (
    <div class={`bw-field${error ? ' bw-field--error' : ''}`}>
      <label class="bw-label" for={id}>
        {/* A business's own label (the comment's) keeps its direction: "Anything to add?", not "?Anything to add". */}
        <bdi>{label}</bdi>
        {required && (
          <span class="bw-required" aria-hidden="true">
            {' *'}
          </span>
        )}
        {!required && props.markOptional && <span class="bw-optional"> {t('widget.optional')}</span>}
      </label>
      {multiline ? (
        // A browser reveals a focused text box by its caret, which may leave the rest of the box
        // under the sticky Continue bar: the whole box, with its scroll-margin, is brought into view.
        <textarea rows={3} ref={props.inputRef as Ref<HTMLTextAreaElement>} {...control} onFocus={revealWhole} />
      ) : (
        <input type={props.type ?? 'text'} ref={props.inputRef as Ref<HTMLInputElement>} {...control} />
      )}
      {hint && (
        <p id={hintId} class="bw-hint">
          {hint}
        </p>
      )}
      <p id={errorId} class="bw-error" aria-live="polite">
        {error}
      </p>
    </div>
  );
}
