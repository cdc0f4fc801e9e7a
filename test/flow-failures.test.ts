// What each booking failure means for the visitor, and how a lost booking answer is judged.
import { describe, expect, it } from 'vitest';
import type { Api } from '../src/api/client';
import { ApiError, NetworkError } from '../src/api/errors';
import type { Appointment } from '../src/api/types';
import { describeFailure } from '../src/flow/failures';
import { checkLostBooking } from '../src/flow/lost-answer';
import { t } from '../src/i18n';

const booking = (code: number, extra: Partial<ConstructorParameters<typeof ApiError>[0]> = {}) =>
  new ApiError({ status: code === 434 ? 403 : 422, message: 'x', code, ...extra });

/** The English a visitor reads for the key (the key itself when there is none). */
const english = (key: string) => t(key);

describe('describeFailure', () => {
  it.each([
    [431, { fixAt: 'contact', field: 'phone', message: 'confirm.errors.phone.incorrect' }],
    [432, { message: 'confirm.errors.code.incorrect' }],
    [433, { fixAt: 'time', action: 'confirm.orderErrorsActions.changeTime', message: 'confirm.orderErrors.bigLetter.code_433' }],
    [434, { callBusiness: true, message: 'widget.blacklisted' }],
    [435, { fixAt: 'contact', field: 'name', message: 'confirm.errors.name.required' }],
    [436, { fixAt: 'time', offerMember: true, message: 'confirm.orderErrors.bigLetter.code_436' }],
    [437, { fixAt: 'time', action: 'confirm.orderErrorsActions.changeRecord', appointmentId: 1 }],
    [438, { fixAt: 'service', action: 'confirm.orderErrorsActions.changeService' }],
  ])('%i has its own message and way forward', (code, expected) => {
    const failure = describeFailure(booking(code, { appointmentId: 1 }));
    expect(failure).toMatchObject({ code, ...expected });
    expect(english(failure.message)).not.toBe(failure.message);
    expect(failure.retryable).toBeUndefined();
  });

  it('the errors about one appointment name it, so a booking with several marks the right one', () => {
    for (const code of [433, 436, 437, 438]) expect(describeFailure(booking(code, { appointmentId: 2 })).appointmentId).toBe(2);
    for (const code of [431, 432, 434, 435]) expect(describeFailure(booking(code, { appointmentId: 2 })).appointmentId).toBeUndefined();
  });

  it('every code says something different', () => {
    const messages = [431, 432, 433, 434, 435, 436, 437, 438].map((c) => describeFailure(booking(c)).message);
    expect(new Set(messages).size).toBe(messages.length);
  });

  it('network trouble, timeouts, a busy service and server errors may be tried again', () => {
    expect(describeFailure(new NetworkError('x', { timedOut: false }))).toEqual({ message: 'widget.network_error', retryable: true });
    expect(describeFailure(new NetworkError('x', { timedOut: true }))).toEqual({ message: 'widget.timed_out', retryable: true });
    expect(describeFailure(new ApiError({ status: 429, message: 'x' }))).toMatchObject({ message: 'widget.busy', retryable: true });
    expect(describeFailure(new ApiError({ status: 502, message: 'x' }))).toMatchObject({ retryable: true });
    expect(describeFailure(new ApiError({ status: 422, message: 'x' }))).toEqual({ message: 'confirm.orderErrors.bigLetter.unknown' });
  });
});

describe('checkLostBooking', () => {
  const named: Appointment[] = [{ id: 1, serviceIds: [1], staffId: 7, datetime: '2026-11-24T10:00:00-05:00' }];
  const any: Appointment[] = [{ ...named[0]!, staffId: 0 }];
  const KEY = 'attempt-0c9f4a51-8b7e-4d6a';
  const noWait = async () => {};

  interface Answers {
    check?: unknown;
    attempt?: unknown[];
    freeNow?: number[] | Error;
  }
  /** An API whose answers are scripted: `attempt` answers the proxy's lookups in turn. */
  function api(answers: Answers) {
    const asked = { attempt: 0, check: 0, free: 0 };
    const fake = {
      checkBooking: () => (asked.check++, answers.check ? Promise.reject(answers.check) : Promise.resolve()),
      bookingAttempt: () => {
        const next = answers.attempt?.[Math.min(asked.attempt++, answers.attempt.length - 1)];
        return Array.isArray(next) ? Promise.resolve(next) : Promise.reject(next ?? new ApiError({ status: 404, message: 'x', outcome: 'unseen' }));
      },
      freeMembersAt: () => (asked.free++, answers.freeNow instanceof Error ? Promise.reject(answers.freeNow) : Promise.resolve(answers.freeNow ?? [])),
    } as unknown as Api;
    return { fake, asked };
  }
  const lost = (outcome: string) => ({ kind: 'lost', outcome });

  it('the proxy has the answer (only the way back lost it): the booking and its records', async () => {
    const records = [{ appointmentId: 1, recordId: 77, recordHash: 'abc' }];
    const { fake, asked } = api({ attempt: [records] });
    expect(await checkLostBooking(fake, 1, { appointments: named, key: KEY }, noWait)).toEqual({ kind: 'made', records });
    expect(asked.check).toBe(0);
  });

  it('the proxy has the refusal of this very attempt: refused, nothing made', async () => {
    const refusal = booking(433, { appointmentId: 1 });
    const { fake } = api({ attempt: [refusal] });
    expect(await checkLostBooking(fake, 1, { appointments: named, key: KEY }, noWait)).toEqual({ kind: 'refused', error: refusal });
  });

  it('the proxy is still waiting for the upstream: asks again until it knows', async () => {
    const pending = new ApiError({ status: 409, message: 'x', outcome: 'pending' });
    const records = [{ appointmentId: 1, recordId: 5, recordHash: 'h' }];
    const { fake, asked } = api({ attempt: [pending, pending, records] });
    expect(await checkLostBooking(fake, 1, { appointments: named, key: KEY }, noWait)).toMatchObject({ kind: 'made' });
    expect(asked.attempt).toBe(3);
  });

  it('the proxy cannot tell (unknown, unseen, or no such proxy): Altegio is asked', async () => {
    for (const answer of [new ApiError({ status: 409, message: 'x', outcome: 'unknown' }), new ApiError({ status: 404, message: 'x', outcome: 'unseen' }), new ApiError({ status: 404, message: 'Not found' })]) {
      const { fake, asked } = api({ attempt: [answer], check: booking(433) });
      expect(await checkLostBooking(fake, 1, { appointments: named, key: KEY }, noWait)).toEqual(lost('madeLikely'));
      expect(asked.check).toBe(1);
    }
  });

  it('the time now taken: most likely ours', async () => {
    expect(await checkLostBooking(api({ check: booking(433) }).fake, 1, { appointments: named }, noWait)).toEqual(lost('madeLikely'));
    expect(await checkLostBooking(api({ check: booking(436) }).fake, 1, { appointments: any }, noWait)).toEqual(lost('madeLikely'));
  });

  it('still free for the named team member: not made, booking again is safe', async () => {
    expect(await checkLostBooking(api({}).fake, 1, { appointments: named, key: KEY }, noWait)).toEqual(lost('notMade'));
  });

  it('"any team member" still bookable: who was free before and after decides', async () => {
    // Olivia (7) and Grace (9) could take it before; now only Grace: ours took Olivia.
    const taken = api({ freeNow: [9] });
    expect(await checkLostBooking(taken.fake, 1, { appointments: any, freeBefore: { 1: [7, 9] } }, noWait)).toEqual(lost('madeLikely'));
    // Both still free: ours was not made.
    expect(await checkLostBooking(api({ freeNow: [9, 7] }).fake, 1, { appointments: any, freeBefore: { 1: [7, 9] } }, noWait)).toEqual(lost('notMade'));
    // Nobody noted before: cannot tell.
    expect(await checkLostBooking(api({ freeNow: [9] }).fake, 1, { appointments: any }, noWait)).toEqual(lost('unsure'));
    expect(await checkLostBooking(api({ freeNow: new NetworkError('x', { timedOut: false }) }).fake, 1, { appointments: any, freeBefore: { 1: [7] } }, noWait)).toEqual(lost('unreachable'));
  });

  it('a check answered by a gateway 502 or a 429 got no answer either: unreachable, asked again later', async () => {
    expect(await checkLostBooking(api({ check: new ApiError({ status: 502, message: 'Bad gateway' }) }).fake, 1, { appointments: named }, noWait)).toEqual(lost('unreachable'));
    expect(await checkLostBooking(api({ check: new ApiError({ status: 429, message: 'busy' }) }).fake, 1, { appointments: named }, noWait)).toEqual(lost('unreachable'));
  });

  it('no answer again: unreachable; another refusal: cannot tell', async () => {
    expect(await checkLostBooking(api({ check: new NetworkError('x', { timedOut: true }) }).fake, 1, { appointments: named }, noWait)).toEqual(lost('unreachable'));
    expect(await checkLostBooking(api({ check: booking(438) }).fake, 1, { appointments: named }, noWait)).toEqual(lost('unsure'));
    expect(await checkLostBooking(api({ attempt: [new NetworkError('x', { timedOut: false })] }).fake, 1, { appointments: named, key: KEY }, noWait)).toEqual(lost('unreachable'));
  });
});
