// English for the views only the last steps and the booking page show (reminders, the privacy
// policy, several appointments, the success screen's links, cancelling). It comes with their
// chunk (addEnglish), so the first download does not carry it; t() then finds it like any key of en.ts.
import type { Dictionary } from './types';

export const enLater = {
  confirm: {
    smsNotify: 'Reminder',
    dontSend: 'Do not send',
    errors: {
      agreement_privacy_and_terms_of_use: {
        required: 'To continue, you must accept the user agreement, as well as agree to the processing of personal data',
      },
    },
  },
  record: {
    add_service: '+ Add service',
    add_master: '+ Add Team Member',
    add_datetime: '+ Add date and time',
    add_to_google_calendar: 'Add to google calendar',
    cancel_record: 'Cancel appointment',
    cancel_record_warning: 'Once canceled, the recording will not be recoverable.',
    confirm_cancel_record: 'Are you sure you want to cancel the recording?',
    error_cancel_record_new1: 'It is not possible to cancel an appointment online. Please contact the administrator.',
    error_cancel_record_new2_1: 'Unable to cancel online booking',
    error_cancel_record_new2_2: 'before visiting. Please contact the administrator.',
    is_deleted: 'Your appointment has been deleted.',
  },
  tips: {
    terms: {
      'personal-policy': 'Privacy Policy',
    },
  },
  widget: {
    earliest_free: 'Earliest free time: {date}, {time}',
    nearest_free: 'Nearest free time: {date}, {time}',
    take_time: 'Choose this time',
    next_free_day: 'The next free day is {date}.',
    show_day: 'Show {date}',
    appointment_n: 'Appointment {n}',
    remove: 'Remove',
    remove_item: 'Remove {item}',
    overlaps_hidden: 'Times that overlap your other appointments are not shown.',
    remind_sms: 'By SMS',
    remind_email: 'By e-mail',
    before_visit: '{time} before the visit',
    read_policy: 'Read the privacy policy',
    accept_policy: 'I accept the privacy policy',
    add_to_calendar: 'Add to calendar (.ics)',
    directions: 'Directions',
    manage_booking: 'View or cancel this booking',
    keep_booking: 'Keep it',
    cancel_failed: 'The appointment could not be cancelled. Please try again or contact the business.',
    booking_not_found: 'This booking could not be found. The link may be incomplete.',
    booking_past: 'This appointment has already taken place.',
    your_booking: 'Your booking',
  },
} satisfies Dictionary;
