// The account's door in the widget's first download: the view's loader (its code is its own chunk,
// fetched when the visitor opens "My bookings", or at start when this tab has a signed-in visitor,
// whose details then fill the contact step).
import type { BookingModel } from '../flow/model';
import { lazyViews } from '../ui/lazy-views';
import type { AccountViewProps } from './AccountView';

/** Where this tab keeps the signed-in visitor (session.ts); here, only whether there is one. */
export const SESSION_KEY = 'bw-account';

const account = lazyViews('account', () => import('./AccountView'));
const loadAccount = account.load;

/** A signed-in visitor in this tab: the account's code loads at start, to fill the contact step. */
export function resumeAccount(booking: BookingModel, apiBase: string) {
  try {
    if (sessionStorage.getItem(SESSION_KEY)) void loadAccount().then((m) => m.accountOf(booking, apiBase), () => {});
  } catch {
    // no storage: nobody to resume
  }
}

export function Account(props: AccountViewProps) {
  return account.show((m) => m.AccountView, props);
}
