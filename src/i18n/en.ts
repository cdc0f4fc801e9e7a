// The bundled English fallback for the first download: only the keys that the first screen's code
// uses (test/i18n-keys.test.ts checks it), so it stays small. Everything the later steps need is in
// en-later.ts, which comes with their chunk. Values are copied from the booking form's en-US
// resource; `widget.*` holds the widget's own strings that the resource lacks. `t()` looks here
// when the loaded language misses a key.
import type { Dictionary } from './types';

export const en = {
  back: 'Back',
  from: 'from',
  h: 'h.',
  m: 'min.',
  menu: {
    change_lang: 'Change the language',
  },
  // group events: the event step's title (the resource's own words)
  group_booking: {
    choose_group_event: 'Choose an event',
  },
  header: {
    select_company: 'Choose location',
    select_town: 'Choose city',
    select_service: 'Service selection',
    choose_staff: 'Choose a team member',
    select_date: 'Date picker',
    choose_time: 'Pick a time',
    input_personal: 'Entering contact details',
    confirmation: 'Confirmation',
  },
  button: {
    continue: 'Continue',
  },
  service: {
    search: 'Search...',
    price_from: 'from',
    price_not_available: 'Price not specified',
    services: 'Services',
  },
  master: {
    reviews: {
      nominative: 'review',
      genitive: 'recall',
      'plural-genitive': 'reviews',
    },
    // service cards and group events (src/steps/prepaid.ts); 'forbidden' shows nothing
    prepaid: {
      allowed: 'Prepayment possible',
      required: 'Prepayment required',
    },
  },
  company: {
    near_session: 'The closest available recording session is:',
  },
  address: {
    details: 'More about the location',
  },
  confirm: {
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
      agreement_privacy_and_terms_of_use: {
        required: 'To continue, you must accept the user agreement, as well as agree to the processing of personal data',
      },
    },
    orderErrors: {
      bigLetter: {
        server: 'Something went wrong, please try again later',
      },
    },
  },
  record: {
    booking_success: 'You have successfully signed up!',
  },
  widget: {
    // group events: the record_type step's title, shown before the later chunk's English arrives
    booking_kind: 'What would you like to book?',
    close: 'Close',
    progress: 'Booking progress',
    loading: 'Loading…',
    retry: 'Try again',
    network_error: 'We could not reach the booking service. Check your connection and try again.',
    discount: 'Discount {percent}',
    price_was: 'Was {price}',
    step_progress: 'Step {n} of {total}',
    booking_in_progress: 'Booking…',
    no_services: 'This location has no services to book online',
    no_match: 'Nothing matched “{query}”',
    clear_search: 'Clear search',
    no_locations: 'No locations to choose from',
    services_selected: {
      nominative: '{count} selected',
      genitive: '{count} selected',
      'plural-genitive': '{count} selected',
    },
    services_gone: 'Please choose other services.',
    offline: 'You are offline. We will carry on as soon as the connection is back.',
    comment_too_long: 'The comment is too long',
    // account: the header's entry to the visitor's bookings
    my_bookings: 'My bookings',
    // A labelled value: "Step 2 of 6: Choose a team member", "Employee: Olivia Bennett" (.ics).
    labelled: '{label}: {value}',
  },
} satisfies Dictionary;
