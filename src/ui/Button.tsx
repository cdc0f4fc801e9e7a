// The widget's button. While busy it stays focusable (a disabled button would drop keyboard
// focus mid-booking) but ignores presses and says so with aria-busy / aria-disabled.
import type { ComponentChildren, JSX } from 'preact';

type NativeButton = Omit<JSX.HTMLAttributes<HTMLButtonElement>, 'class' | 'className'>;

export interface ButtonProps extends NativeButton {
  variant?: 'primary' | 'secondary';
  busy?: boolean;
  /** Stretch to the container's width (the usual bottom action on phones). */
  block?: boolean;
  class?: string;
  type?: 'button' | 'submit';
  children?: ComponentChildren;
}

export function Button({ variant = 'primary', busy, block, class: extra, type = 'button', onClick, children, ...rest }: ButtonProps) {
  const classes = ['bw-btn', `bw-btn--${variant}`, block && 'bw-btn--block', busy && 'bw-btn--busy', extra];
  return (
    <button
      {...rest}
      type={type}
      class={classes.filter(Boolean).join(' ')}
      aria-busy={busy ? 'true' : undefined}
      aria-disabled={busy ? 'true' : rest['aria-disabled']}
      onClick={(e) => {
        if (busy) {
          e.preventDefault();
          return;
        }
        onClick?.call(e.currentTarget, e);
      }}
    >
      {busy && <span class="bw-spinner" aria-hidden="true" />}
      {children}
    </button>
  );
}
