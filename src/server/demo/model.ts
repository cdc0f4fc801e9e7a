// The demo business in plain terms. Routes turn these into the API's wire shapes (quirks included);
// nothing here knows about JSON envelopes.

/** 'HH:mm' wall-clock time in the location's zone. */
export type ClockTime = string;

export interface DayHours {
  from: ClockTime;
  to: ClockTime;
  /** Lunch and other breaks inside the working day. */
  breaks?: { from: ClockTime; to: ClockTime }[];
}

/** Keyed by weekday, 0 = Sunday … 6 = Saturday (as `Date#getDay`). Missing day = day off. */
export type WeeklyHours = Partial<Record<number, DayHours>>;

export interface DemoLocation {
  id: number;
  groupId: number;
  title: string;
  shortDescription: string;
  descriptionHtml: string;
  phone: string;
  country: string;
  countryId: number;
  city: string;
  cityId: number;
  address: string;
  zip: string;
  lat: number;
  lon: number;
  /** IANA zone */
  timezoneName: string;
  /** Standard offset in hours, as the API's numeric `timezone` field. */
  timezone: number;
  currency: string;
  phoneConfirmation: boolean;
  site: string;
  /** Whether visitors may cancel online (`allow_delete_record`). */
  allowDeleteRecord: boolean;
  /** Online cancelling closes this many seconds before the visit (`allow_delete_record_delay_step`). */
  deleteDelaySeconds: number;
  /** Whether visitors may move a booking online (`allow_change_record`). */
  allowChangeRecord: boolean;
  /** Moving online closes this many seconds before the visit (`allow_change_record_delay_step`). */
  changeDelaySeconds: number;
  /** Default reminder, hours before the visit (`reminds_sms_default`). */
  reminderHours: number;
  /** GET privacy_policy/{id}: HTML written by the business. */
  privacyPolicyHtml: string;
}

export interface DemoCategory {
  id: number;
  locationId: number;
  title: string;
  weight: number;
}

export interface DemoService {
  id: number;
  locationId: number;
  categoryId: number;
  title: string;
  priceMin: number;
  priceMax: number;
  /** Percent */
  discount: number;
  /** Minutes */
  duration: number;
  comment: string;
  weight: number;
  /** false = retired: exists, but online booking refuses it (438). */
  bookable: boolean;
  /** A picture's URL; the API sends '' when there is none. */
  image?: string;
  /** Online prepayment (`prepaid`); 'forbidden' when absent, as every seeded individual service is. */
  prepaid?: 'forbidden' | 'allowed' | 'required';
}

export interface DemoTeamMember {
  id: number;
  locationId: number;
  name: string;
  specialization: string;
  /** null: the API answers `position: []` for this member. */
  position: { id: number; title: string } | null;
  rating: number;
  votes: number;
  comments: number;
  /** Path under the widget's origin; undefined = no photo. */
  avatar?: string;
  informationHtml: string;
  weight: number;
  /** Shown as `show_rating`; some members answer 1/0, others true/false. */
  showRating: boolean | 0 | 1;
  serviceIds: number[];
  hours: WeeklyHours;
}

export interface DemoFormStep {
  /** `record_type`: individual services or group events (forms that offer group events only). */
  step: 'record_type' | 'city' | 'company' | 'service' | 'master' | 'datetime' | 'contact' | 'comfirm';
  title: string;
  num: number;
  hidden: boolean;
  default?: number | string;
}

export interface DemoForm {
  id: number;
  title: string;
  groupId: number;
  /** Always set; for a chain form the chain's first location. */
  locationId: number;
  phoneConfirmation: boolean;
  lang: string;
  langs: string[];
  commentRequired: boolean;
  commentInputName?: string;
  bookingNotifyText?: string;
  showPrivacyPolicy: boolean;
  /** 0 = specialization, 1 = position */
  specializationDisplayMode: 0 | 1;
  steps: DemoFormStep[];
  palette: { primary: string; accent: string; warn: string; background: string };
  /** Hosted page images (`style.logo`, `style.header_background`). */
  logo?: string;
  headerBackground?: string;
  /** Some ids come back as strings in real answers; this form gives `company_id` as one. */
  stringIds?: boolean;
  /** `google_analytics_id`, `facebook_pixel_id`, `metrika_counter_id`; empty (0) when absent. */
  analytics?: { ga: string; pixel: string; metrika: number };
}

/** A busy stretch of a team member's day, epoch milliseconds, end exclusive. */
export interface Interval {
  start: number;
  end: number;
}
