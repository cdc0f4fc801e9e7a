// The bundled English fallback: only the keys the widget uses, so it stays small in the first
// download. Values are copied from the booking form's en-US resource; `widget.*` holds the
// widget's own strings that the resource lacks. `t()` looks here when the loaded language
// misses a key; test/i18n-keys.test.ts fails when a view uses a key that is not here.
import type { Dictionary } from './types';

export const en = {
  back: 'Back',
  from: 'from',
  h: 'h.',
  m: 'min.',
  menu: {
    change_lang: 'Change the language',
  },
  header: {
    select_company: 'Choose location',
    select_service: 'Service selection',
    choose_staff: 'Choose a team member',
    select_date: 'Date picker',
    choose_time: 'Pick a time',
    input_personal: 'Entering contact details',
    confirmation: 'Confirmation',
    'master-info': 'About Team Member',
  },
  button: {
    continue: 'Continue',
  },
  service: {
    search: 'Search...',
    price_from: 'from',
    price_not_available: 'Price not specified',
    noServicesAndEvents: 'No promotions or services found for your search',
    services: 'Services',
  },
  master: {
    no_record_new: 'There is no free time for this date. Choose another date or another team member',
    reviews: {
      nominative: 'review',
      genitive: 'recall',
      'plural-genitive': 'reviews',
    },
  },
  company: {
    near_session: 'The closest available recording session is:',
  },
  address: {
    details: 'More about the location',
  },
  time: {
    the_part_of_day: {
      morning: 'Morning',
      day: 'Day',
      evening: 'Evening',
    },
  },
  confirm: {
    confirm: 'Sign up',
    first_name: 'Name',
    phone: 'Telephone',
    email: 'Email',
    comment: 'A comment',
    phone_confirm_button: 'Confirm',
    errors: {
      name: {
        required: 'Enter your name',
      },
      phone: {
        required: 'Enter phone',
        incorrect: 'Wrong number',
      },
      email: {
        invalid: 'Incorrect email format',
      },
      comment: {
        required: 'Fill in the field',
      },
      code: {
        incorrect: 'Invalid code from SMS',
      },
    },
    orderErrors: {
      bigLetter: {
        unknown: 'Incorrect recording parameters',
        server: 'Something went wrong, please try again later',
        code_437: 'Time overlap with another visit',
        code_433: 'Unable to book at the selected time',
        code_436: 'No employees available for recording',
        code_438: 'Unable to sign up for selected services',
      },
    },
    orderErrorsActions: {
      changeService: 'Select other services',
      changeTime: 'Choose another time',
      changeRecord: 'Edit Appointment',
    },
  },
  'user-data-form': {
    'phone-code': 'The code',
  },
  login: {
    request_new_sms_code: 'Request code again',
  },
  record: {
    booking_success: 'You have successfully signed up!',
    place: 'Place',
    master: 'Employee',
    service: 'Service',
    services: 'Services',
    date: 'date',
    time: 'Time',
    create_new_record: 'Sign up more',
  },
  widget: {
    any_member: 'Any available team member',
    any_member_hint: 'We will pick whoever is free at the chosen time',
    next_free: 'Next free: {date}',
    previous_month: 'Previous month',
    next_month: 'Next month',
    no_days_this_month: 'No free days this month',
    try_next_month: 'Try the next month',
    unavailable: 'unavailable',
    loading: 'Loading…',
    retry: 'Try again',
    network_error: 'We could not reach the booking service. Check your connection and try again.',
    zone_notice: 'Times are shown in the location’s time: {zone} ({abbr}).',
    zone_example: '{time} there is {yours} your time ({yourZone}).',
    your_time: '{time} your time',
    yours_below: 'The smaller time under each is yours.',
    change: 'Change',
    change_item: 'Change {item}',
    rating: 'Rating {rating} out of 5',
    discount: 'Discount {percent}',
    price_was: 'Was {price}',
    step_progress: 'Step {n} of {total}',
    optional: '(optional)',
    phone_hint: 'With the country code, e.g. +1 555 123 4567',
    email_hint: 'We send the booking details here',
    code_sent: 'We sent a code to {phone}',
    booking_in_progress: 'Booking…',
    choose_date: 'Choose a date',
    no_services: 'This location has no services to book online',
    no_members: 'No team member can provide the chosen services',
    no_locations: 'No locations to choose from',
    no_times: 'No free times on this day. Choose another day.',
    services_selected: {
      nominative: '{count} selected',
      genitive: '{count} selected',
      'plural-genitive': '{count} selected',
    },
    slot_taken: 'Someone has just taken this time. Please choose another.',
    overlap: 'Choose another time for this appointment.',
    clashing: 'The appointment at {time} ({services}) overlaps another one.',
    choose_other_member: 'Choose another team member',
    services_gone: 'Please choose other services.',
    resend_in: 'You can ask for a new code in {seconds} s',
    offline: 'You are offline. We will carry on as soon as the connection is back.',
    lost_checking: 'The connection dropped after your booking was sent. Checking whether it was made…',
    lost_madeLikely: 'Your booking has most likely been made, but the confirmation did not reach us. Please call the business to make sure before booking again.',
    lost_notMade: 'Your booking was not made: the connection dropped before it arrived. The time is still free, so you can book it now.',
    lost_unsure: 'We could not find out whether your booking was made. Please check with the business before booking again.',
    lost_unreachable: 'The connection dropped after your booking was sent. We will check whether it was made as soon as the connection is back.',
    check_again: 'Check again',
    blacklisted: 'Online booking is not available for this phone number. Please call the location.',
    comment_too_long: 'The comment is too long',
    timed_out: 'The booking service is taking too long to answer. Please try again.',
    busy: 'The booking service is busy. Please try again in a moment.',
  },
} satisfies Dictionary;
