// "My bookings": signing in with an SMS code, then the visitor's upcoming and past bookings at the
// form's locations, each with its details and what can still be done with it (move, cancel, book
// again), and moving one (Reschedule.tsx). Its own chunk (entry.tsx loads it).
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { UserRecord } from '../api/types-events';
import type { BookingModel } from '../flow/model';
import { addEnglish, t } from '../i18n';
import { enLater } from '../i18n/en-later';
import { Button } from '../ui/Button';
import { Skeleton } from '../ui/Skeleton';
import { RetryBox } from '../steps/Parts';
import { RecordCard } from './RecordCard';
import { Reschedule } from './Reschedule';
import { SignIn } from './SignIn';
import { createAccount, type AccountModel } from './model';

export interface AccountViewProps {
  booking: BookingModel;
  apiBase: string;
  /** Level of the view's own headings (one under the widget's title). */
  level: 2 | 3;
  /** Back to the booking flow (after "Book again", at the step it now starts at). */
  onClose(): void;
}

// The account's English comes with it, as the later steps' does with theirs.
addEnglish(enLater);

const accounts = new WeakMap<BookingModel, AccountModel>();

/** One account per widget, made once and kept while the widget lives (closing the view keeps it). */
export function accountOf(booking: BookingModel, apiBase: string): AccountModel {
  let account = accounts.get(booking);
  if (!account) accounts.set(booking, (account = createAccount({ booking, apiBase })));
  return account;
}

export function AccountView({ booking, apiBase, level, onClose }: AccountViewProps) {
  const account = accountOf(booking, apiBase);
  const session = account.session.value;
  const moving = account.moving.value;
  if (!session) return <SignIn account={account} />;
  if (moving) return <Reschedule account={account} move={moving} lang={booking.lang.value ?? 'en-US'} level={level} />;
  return <Bookings account={account} booking={booking} level={level} onClose={onClose} />;
}

function Bookings({ account, booking, level, onClose }: { account: AccountModel; booking: BookingModel; level: 2 | 3; onClose(): void }) {
  const session = account.session.value!;
  const state = account.records.state.value;
  const notice = account.notice.value;
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const lang = booking.lang.value ?? 'en-US';
  const H = `h${level}` as 'h2';
  // A change just made is said, and takes focus: the button pressed has gone with its view.
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  let body: ComponentChildren;
  if (state.status === 'error') body = <RetryBox onRetry={() => account.records.retry()} />;
  else if (state.status !== 'ready') {
    body = (
      <div role="group" aria-busy="true" aria-label={t('widget.loading')}>
        <Skeleton lines={6} />
      </div>
    );
  } else {
    const { upcoming, past } = account.lists.value;
    const card = (r: UserRecord) => (
      <RecordCard
        key={r.id}
        account={account}
        record={r}
        lang={lang}
        onBookAgain={() => {
          if (account.bookAgain(r)) onClose();
        }}
      />
    );
    body = (
      <>
        <section aria-labelledby="bw-account-upcoming">
          <H id="bw-account-upcoming" class="bw-group__title">
            {t('widget.upcoming')}
          </H>
          {upcoming.length ? <ul class="bw-plain-list bw-booked">{upcoming.map(card)}</ul> : <p class="bw-muted">{t('widget.no_upcoming')}</p>}
        </section>
        <section aria-labelledby="bw-account-past">
          <H id="bw-account-past" class="bw-group__title">
            {t('widget.past')}
          </H>
          {past.length ? <ul class="bw-plain-list bw-booked">{past.map(card)}</ul> : <p class="bw-muted">{t('widget.no_past')}</p>}
        </section>
      </>
    );
  }

  // The number reads left to right in every language.
  const who = t('widget.signed_in_as', { phone: '\n' }).split('\n');
  return (
    <div class="bw-account">
      <div class="bw-account__who">
        <p>
          {who[0]}
          <bdi dir="ltr">{session.user.phone}</bdi>
          {who[1]}
        </p>
        <Button variant="secondary" onClick={account.signOut}>
          {t('widget.sign_out')}
        </Button>
      </div>
      {/* On the page from the start, so what comes into it is read out. */}
      <div role="status">
        {notice && (
          <p class="bw-notice bw-account__notice" ref={noticeRef} tabIndex={-1}>
            {t(notice.key, notice.values)}
          </p>
        )}
      </div>
      {body}
    </div>
  );
}
