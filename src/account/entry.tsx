// The account's door in the widget's first download: the view's loader (its code is its own chunk,
// fetched when the visitor opens "My bookings", or at start when this tab has a signed-in visitor,
// whose details then fill the contact step).
import { signal } from '@preact/signals';
import type { FunctionComponent } from 'preact';
import type { BookingModel } from '../flow/model';
import { RetryBox } from '../steps/Parts';
import { Skeleton } from '../ui/Skeleton';
import type { AccountViewProps } from './AccountView';

/** Where this tab keeps the signed-in visitor (session.ts); here, only whether there is one. */
export const SESSION_KEY = 'bw-account';

const view = signal<FunctionComponent<AccountViewProps> | null | false>(null);
view.name = 'accountView';

export function loadAccount() {
  return import('./AccountView').then(
    (m) => ((view.value = m.AccountView), m),
    (error: unknown) => {
      view.value = false;
      throw error;
    },
  );
}

/** A signed-in visitor in this tab: the account's code loads at start, to fill the contact step. */
export function resumeAccount(booking: BookingModel, apiBase: string) {
  try {
    if (sessionStorage.getItem(SESSION_KEY)) void loadAccount().then((m) => m.accountOf(booking, apiBase), () => {});
  } catch {
    // no storage: nobody to resume
  }
}

export function Account(props: AccountViewProps) {
  const View = view.value;
  if (View) return <View {...props} />;
  if (View === false) return <RetryBox onRetry={() => void loadAccount().catch(() => {})} />;
  void loadAccount().catch(() => {});
  return <Skeleton lines={6} />;
}
