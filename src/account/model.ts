// The visitor's account beside the booking flow: signing in with an SMS code, their bookings at the
// form's locations, cancelling or moving one, booking one again, and their contact details in the
// contact step. Its own part: it reads the booking model (form, locations, language, flow) and
// starts it over for "Book again", without branching through the booking's code.
import { batch, computed, effect, signal } from '@preact/signals';
import { createAccountApi, isSignInNeeded } from '../api/account';
import { createApi } from '../api/client';
import { isApiError, isNetworkError } from '../api/errors';
import type { UserRecord, UserSession } from '../api/types-events';
import { formatSlotLong, todayIn } from '../dates';
import { validateCode } from '../flow/contact';
import { ANY_MEMBER, initialState } from '../flow/machine';
import type { BookingModel } from '../flow/model';
import { formatPhone, isValidPhone } from '../flow/phone';
import { createQuery, dataOf } from '../flow/query';
import { createReschedule, type Message, type Reschedule } from './reschedule';
import { ruleFor, splitRecords } from './rules';
import { sessionStore, type SessionStore } from './session';

export interface AccountOptions {
  booking: BookingModel;
  /** The booking API's base, as the widget was started with. */
  apiBase: string;
  store?: SessionStore;
  now?: () => Date;
  fetch?: typeof fetch;
}

export interface SignInState {
  step: 'phone' | 'code';
  phone: string;
  code: string;
  busy: boolean;
  /** i18n keys, shown beside their field. */
  phoneError?: string;
  codeError?: string;
  /** Shown under the form (too many attempts, no connection). */
  error?: Message;
  sentTo?: string;
  sentAt?: number;
  /** The last session ended on its own (a 401): said above the form. */
  expired?: boolean;
}

export type CancelPhase = 'confirming' | 'cancelling' | 'failed';

const FRESH_SIGN_IN: SignInState = { step: 'phone', phone: '', code: '', busy: false };

export function createAccount(o: AccountOptions) {
  const { booking } = o;
  const now = o.now ?? (() => new Date());
  const store = o.store ?? sessionStore();
  const session = signal<UserSession | null>(store.read());
  session.name = 'account.session';
  const apiOptions = { baseUrl: o.apiBase, lang: booking.lang.peek(), ...(o.fetch ? { fetch: o.fetch } : {}) };
  const account = createAccountApi(apiOptions, () => session.peek()?.token);
  const api = createApi(apiOptions);

  const signIn = signal<SignInState>({ ...FRESH_SIGN_IN, phone: session.peek()?.user.phone ?? '' });
  signIn.name = 'account.signIn';
  const update = (change: Partial<SignInState>) => (signIn.value = { ...signIn.peek(), ...change });

  /** The form's locations: a chain's by its group, else the one location. */
  const scope = computed(() => {
    const f = booking.formData.value;
    return f ? (f.groupId ? { groupId: f.groupId } : { locationId: f.locationId }) : undefined;
  });
  const records = createQuery<UserRecord[]>(
    'account.records',
    () => {
      const s = session.value;
      const where = scope.value;
      if (!s || !where) return null;
      return { key: `records:${s.user.id}:${where.groupId ?? ''}:${where.locationId ?? ''}`, load: () => account.records(where) };
    },
    { maxAgeMs: 0 },
  );
  const lists = computed(() => splitRecords(dataOf(records) ?? [], now()));

  /** What the list says after a change (moved, cancelled), read out and given focus. */
  const notice = signal<Message | undefined>(undefined);
  notice.name = 'account.notice';
  const cancelling = signal<{ id: number; phase: CancelPhase } | null>(null);
  cancelling.name = 'account.cancelling';
  const moving = signal<Reschedule | null>(null);
  moving.name = 'account.moving';

  function signOut(expired = false) {
    batch(() => {
      store.write(null);
      session.value = null;
      moving.peek()?.dispose();
      moving.value = null;
      cancelling.value = null;
      notice.value = undefined;
      signIn.value = { ...FRESH_SIGN_IN, expired };
      records.invalidate();
    });
  }
  const stopExpiry = effect(() => {
    const s = records.state.value;
    if (s.status === 'error' && isSignInNeeded(s.error)) signOut(true);
  });

  /** The signed-in visitor's name, phone and e-mail in the contact fields still empty. */
  function prefill() {
    const user = session.peek()?.user;
    const contact = booking.choices.peek()?.contact;
    if (!user || !contact) return;
    const filled = { name: contact.name || user.name, phone: contact.phone || user.phone, email: contact.email || user.email };
    if (filled.name !== contact.name || filled.phone !== contact.phone || filled.email !== contact.email) booking.dispatch({ type: 'setContact', contact: filled });
  }
  let lastStep: string | undefined;
  const stopPrefill = effect(() => {
    const step = booking.flow.value?.current;
    if (step === 'contact' && lastStep !== 'contact') prefill();
    lastStep = step;
  });

  /** Where the code is sent from: the location chosen, else the form's (the first of a chain's). */
  function codeLocation(): number | undefined {
    return booking.choices.peek()?.locationId ?? booking.formData.peek()?.locationId ?? dataOf(booking.locations)?.[0]?.id;
  }

  async function sendCode(): Promise<void> {
    const s = signIn.peek();
    if (s.busy) return;
    const country = booking.phoneCountry.peek();
    const phone = formatPhone(s.phone.trim(), country);
    const phoneError = !phone ? 'confirm.errors.phone.required' : isValidPhone(phone, country) ? undefined : 'confirm.errors.phone.incorrect';
    const loc = codeLocation();
    if (phoneError || loc === undefined) return void update({ phone, phoneError });
    update({ phone, phoneError: undefined, busy: true, error: undefined, expired: false });
    try {
      await account.sendCode(loc, phone);
      update({ step: 'code', code: '', codeError: undefined, sentTo: phone, sentAt: now().getTime(), busy: false });
    } catch (e) {
      const field = isApiError(e, 431) ? 'confirm.errors.phone.incorrect' : undefined;
      update({ busy: false, phoneError: field, error: field ? undefined : failure(e) });
    }
  }

  async function submitCode(): Promise<void> {
    const s = signIn.peek();
    if (s.busy) return;
    const codeError = validateCode(s.code);
    if (codeError) return void update({ codeError });
    update({ busy: true, codeError: undefined, error: undefined });
    try {
      const signedIn = await account.signIn(s.phone, s.code.trim());
      batch(() => {
        store.write(signedIn);
        session.value = signedIn;
        signIn.value = { ...FRESH_SIGN_IN, phone: s.phone };
      });
      if (booking.flow.peek()?.current === 'contact') prefill();
    } catch (e) {
      if (isApiError(e, 432)) update({ busy: false, code: '', codeError: 'confirm.errors.code.incorrect' });
      else update({ busy: false, error: failure(e) });
    }
  }

  async function cancel(record: UserRecord): Promise<void> {
    cancelling.value = { id: record.id, phase: 'cancelling' };
    try {
      await account.cancel(record.id, record.hash);
      batch(() => {
        cancelling.value = null;
        notice.value = { key: 'record.is_deleted' };
        availabilityChanged();
      });
    } catch (e) {
      if (isSignInNeeded(e)) return signOut(true);
      cancelling.value = { id: record.id, phase: 'failed' };
    }
  }

  /** Times freed or taken by a change: the account's list and the booking's times are read afresh. */
  function availabilityChanged() {
    records.invalidate();
    api.availabilityChanged();
    for (const [query, prefix] of [[booking.times, 'times:'], [booking.dates, 'dates:'], [booking.staff, 'staff:']] as const) query.invalidate(prefix);
  }

  function startMove(record: UserRecord) {
    const zone = zoneOf(record);
    moving.peek()?.dispose();
    batch(() => {
      notice.value = undefined;
      cancelling.value = null;
      moving.value = createReschedule({ api, account, record, today: todayIn(zone, now()), now, onSignInNeeded: () => signOut(true) });
    });
  }

  async function move(): Promise<void> {
    const r = moving.peek();
    const to = await r?.submit();
    if (!r || !to) return;
    batch(() => {
      r.dispose();
      moving.value = null;
      notice.value = { key: 'widget.moved', values: { when: formatSlotLong(to, zoneOf(r.record), booking.lang.peek() ?? 'en-US') } };
      availabilityChanged();
    });
  }

  /** The location's zone, as the booking flow knows its locations; the flow's own otherwise. */
  function zoneOf(record: UserRecord): string {
    return dataOf(booking.locations)?.find((l) => l.id === record.location.id)?.timezoneName || booking.tz.peek();
  }

  /** Leaves the account for the booking flow with the same services and team member chosen. */
  function bookAgain(record: UserRecord): boolean {
    const form = booking.formData.peek();
    if (!form) return false;
    const contact = booking.choices.peek()?.contact;
    booking.restart();
    booking.flow.value = initialState(form, {
      locationId: record.location.id,
      serviceIds: record.services.map((s) => s.id),
      staffId: record.memberRequested && record.staff.id ? record.staff.id : ANY_MEMBER,
      ...(contact ? { contact } : {}),
    });
    // The location's services already known (the catalog is not asked again): the flow checks the
    // chosen ones against them and moves on, as it does for services preset by the page.
    const catalog = dataOf(booking.catalog);
    if (catalog && booking.choices.peek()?.locationId === record.location.id) {
      booking.dispatch({ type: 'servicesAvailable', serviceIds: catalog.services.map((s) => s.id) });
    }
    return true;
  }

  return {
    session,
    signIn,
    records,
    lists,
    notice,
    cancelling,
    moving,
    zoneOf,
    rule: (record: UserRecord, what: 'cancel' | 'move') => ruleFor(record, what, now()),
    setPhone: (phone: string) => update({ phone, phoneError: undefined }),
    formatPhone: () => update({ phone: formatPhone(signIn.peek().phone, booking.phoneCountry.peek()) }),
    setCode: (code: string) => update({ code: code.replace(/\D/g, '').slice(0, 6), codeError: undefined }),
    sendCode,
    resendCode: sendCode,
    changePhone: () => update({ step: 'phone', code: '', codeError: undefined, error: undefined }),
    submitCode,
    signOut: () => signOut(false),
    askCancel: (id: number) => batch(() => ((notice.value = undefined), (cancelling.value = { id, phase: 'confirming' }))),
    keep: () => (cancelling.value = null),
    cancel,
    startMove,
    stopMove: () => {
      moving.peek()?.dispose();
      moving.value = null;
    },
    move,
    bookAgain,
    dispose() {
      stopExpiry();
      stopPrefill();
      records.dispose();
      moving.peek()?.dispose();
    },
  };
}

export type AccountModel = ReturnType<typeof createAccount>;

/** A failure the visitor can act on: wait (429, with how long), check the connection, or try again. */
function failure(e: unknown): Message {
  if (isApiError(e) && e.status === 429) {
    const seconds = (e as { retryAfterSeconds?: number }).retryAfterSeconds;
    const minutes = seconds ? Math.max(1, Math.ceil(seconds / 60)) : Number(/(\d+)\s*min/.exec(e.message)?.[1]) || 0;
    return minutes ? { key: 'widget.too_many_attempts', values: { minutes } } : { key: 'widget.busy' };
  }
  if (isNetworkError(e)) return { key: 'widget.network_error' };
  return { key: 'confirm.orderErrors.bigLetter.server' };
}
