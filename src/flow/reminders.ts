// Reminders: which channels the visitor is offered, the hours preselected, and what is sent as
// notify_by_sms / notify_by_email. Loaded with the contact step and the confirming code, not at start.
import type { BookingForm, Location, Reminders } from '../api/types';

/** Hours before the visit, when the location names no default of its own. */
export const DEFAULT_REMINDER_HOURS = 24;

export interface ReminderOffer {
  sms: boolean;
  email: boolean;
  /** Preselected hours before the visit: the location's default. */
  hours: number;
}

/** SMS when the business sends SMS and the location has not turned reminders off; e-mail once an address is typed. */
export function reminderOffer(form: BookingForm | undefined, location: Location | undefined, email: string): ReminderOffer {
  return {
    sms: form?.smsEnabled !== false && location !== undefined && !location.smsRemindersOff,
    email: email.trim() !== '',
    hours: location?.reminderHours ?? DEFAULT_REMINDER_HOURS,
  };
}

/** What is sent: the visitor's choice per offered channel, else the default; nothing for a channel not offered. */
export function remindersToSend(offer: ReminderOffer, chosen: Reminders): Reminders {
  return {
    ...(offer.sms ? { sms: chosen.sms ?? offer.hours } : {}),
    ...(offer.email ? { email: chosen.email ?? offer.hours } : {}),
  };
}
