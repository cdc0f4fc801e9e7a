// What each booking failure means for the visitor: the message, where it can be fixed and how.
// Pure, so every documented code's way forward is tested without a browser.
import { isApiError, isNetworkError } from '../api/errors';
import type { StepId } from './machine';

export interface BookingFailure {
  /** i18n key of the message */
  message: string;
  /** Altegio error code when the API gave one */
  code?: number;
  /** Where the visitor can fix it, if elsewhere */
  fixAt?: StepId;
  /** The contact field at fault (431, 435): its message shows next to it and it gets focus. */
  field?: 'name' | 'phone';
  /** i18n key of the main action's label */
  action?: string;
  /** 436: choosing another team member may help as well as another time. */
  offerMember?: boolean;
  /** 433, 436, 437, 438: the request's id of the appointment at fault, when the API names it. */
  appointmentId?: number;
  /** 434: only the business can help; show its phone. */
  callBusiness?: boolean;
  /** Whether pressing confirm again may help (network trouble, server error) */
  retryable?: boolean;
}

const big = (code: number | string) => `confirm.orderErrors.bigLetter.code_${code}`;

export function describeFailure(error: unknown): BookingFailure {
  if (!isApiError(error)) {
    const timedOut = isNetworkError(error) && error.timedOut;
    return { message: timedOut ? 'widget.timed_out' : 'widget.network_error', retryable: true };
  }
  const failure = known(error.code);
  if (failure) {
    if (failure.action && error.appointmentId !== undefined) failure.appointmentId = error.appointmentId;
    return failure;
  }
  if (error.status === 429) return { message: 'widget.busy', retryable: true };
  return error.status >= 500
    ? { message: 'confirm.orderErrors.bigLetter.server', retryable: true }
    : { message: 'confirm.orderErrors.bigLetter.unknown' };
}

function known(code: number | undefined): BookingFailure | undefined {
  switch (code) {
    case 431:
      return { code: 431, message: 'confirm.errors.phone.incorrect', fixAt: 'contact', field: 'phone' };
    case 432:
      return { code: 432, message: 'confirm.errors.code.incorrect' };
    case 433:
      return { code: 433, message: big(433), action: 'confirm.orderErrorsActions.changeTime', fixAt: 'time' };
    case 434:
      return { code: 434, message: 'widget.blacklisted', callBusiness: true };
    case 435:
      return { code: 435, message: 'confirm.errors.name.required', fixAt: 'contact', field: 'name' };
    case 436:
      return { code: 436, message: big(436), action: 'confirm.orderErrorsActions.changeTime', fixAt: 'time', offerMember: true };
    case 437:
      return { code: 437, message: big(437), action: 'confirm.orderErrorsActions.changeRecord', fixAt: 'time' };
    case 438:
      return { code: 438, message: big(438), action: 'confirm.orderErrorsActions.changeService', fixAt: 'service' };
    default:
      return undefined;
  }
}
