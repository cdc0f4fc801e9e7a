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
  const answering = (result: unknown): Api => ({ checkBooking: () => (result ? Promise.reject(result) : Promise.resolve()) }) as unknown as Api;

  it('the time now taken: most likely ours', async () => {
    expect(await checkLostBooking(answering(booking(433)), 1, named)).toBe('madeLikely');
    expect(await checkLostBooking(answering(booking(436)), 1, any)).toBe('madeLikely');
  });

  it('still free for the named team member: not made, booking again is safe', async () => {
    expect(await checkLostBooking(answering(null), 1, named)).toBe('notMade');
  });

  it('still free with "any team member": cannot tell', async () => {
    expect(await checkLostBooking(answering(null), 1, any)).toBe('unsure');
  });

  it('no answer again: unreachable; another refusal: cannot tell', async () => {
    expect(await checkLostBooking(answering(new NetworkError('x', { timedOut: true })), 1, named)).toBe('unreachable');
    expect(await checkLostBooking(answering(booking(438)), 1, named)).toBe('unsure');
  });
});
