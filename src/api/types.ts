// Clean domain types. The API client turns every Altegio quirk (string ids, 0/1 booleans,
// `position: []`, month-keyed day maps, `seance_*` vs `session_*`) into these shapes, so nothing
// above src/api/ ever sees the wire format.
import type { Prepaid } from './types-events';

/** A step of the booking form as the business configured it. */
export type FormStepName = 'location' | 'record_type' | 'service' | 'staff' | 'datetime' | 'contact' | 'confirm';

export interface FormStep {
  step: FormStepName;
  /** Display order (the API's `num`). */
  order: number;
  title: string;
  hidden: boolean;
  /** Default value of a hidden or preset step: service id, team member id (-1 / 0 = any), location id. */
  defaultValue?: number;
  /** datetime step only */
  dateHidden?: boolean;
  timeHidden?: boolean;
  /** YYYY-MM-DD */
  dateDefault?: string;
  /** record_type step only: what it preselects ('all' lets the visitor choose). */
  recordType?: 'all' | 'services' | 'events';
  /** Seconds after midnight. */
  timeDefault?: number;
}

export interface Language {
  code: string;
  title: string;
}

export interface FormStyle {
  showHeader: boolean;
  logo?: string;
  headerBackground?: string;
  primaryPalette?: string;
  accentPalette?: string;
  warnPalette?: string;
  backgroundPalette?: string;
  /** CSS colours from `main_color`, `secondary_color`, `buttons_color` (hex without '#' on the wire). */
  mainColor?: string;
  secondaryColor?: string;
  buttonsColor?: string;
}

export interface BookingForm {
  id: number;
  /** 0 when the form is for a single location. */
  groupId: number;
  /** Always set; for a single-location form it is the location. */
  locationId: number;
  /** The form asks for the city before the location (Altegio's `city` step, shown). */
  cityStep?: boolean;
  phoneConfirmation: boolean;
  lang: string;
  langs: Language[];
  commentRequired: boolean;
  commentInputName?: string;
  bookingNotifyText?: string;
  showPrivacyPolicy: boolean;
  /** false when the business sends no SMS at all (`sms_enabled`): no SMS reminder is offered then. */
  smsEnabled?: boolean;
  /** What to show under a team member's name. */
  staffCaption: 'specialization' | 'position';
  steps: FormStep[];
  style: FormStyle;
}

export interface Location {
  id: number;
  title: string;
  address: string;
  city: string;
  country: string;
  phone: string;
  /** IANA zone, e.g. America/New_York */
  timezoneName: string;
  phoneConfirmation: boolean;
  /** ISO 8601 with offset; the next free slot when asked with forBooking=1 */
  nextSlot?: string;
  /** ISO 4217 code when the API gives one (e.g. "USD"); otherwise the short title as given ("$"). */
  currency: string;
  coordinates?: { lat: number; lon: number };
  /** HTML written by the business; never render unsanitised. */
  descriptionHtml: string;
  allowDeleteRecord?: boolean;
  /** Hours before the visit a reminder goes out by default (`reminds_sms_default`). */
  reminderHours?: number;
  /** The location sends no SMS reminders (`reminds_sms_disabled`). */
  smsRemindersOff?: boolean;
}

export interface Category {
  id: number;
  title: string;
  weight: number;
}

export interface Service {
  id: number;
  title: string;
  categoryId: number;
  priceMin: number;
  priceMax: number;
  /** Percent */
  discount: number;
  /** Seconds; present when the API gave a length (it does when filtered by team member). */
  duration?: number;
  comment: string;
  image?: string;
  weight: number;
  /** Online prepayment when possible or required (`prepaid`); absent when forbidden, as most are. */
  prepaid?: Exclude<Prepaid, 'forbidden'>;
}

export interface ServiceCatalog {
  categories: Category[];
  services: Service[];
}

export interface TeamMember {
  id: number;
  name: string;
  specialization: string;
  position?: { id: number; title: string };
  bookable: boolean;
  /** null when the business hides ratings */
  rating: number | null;
  votesCount: number;
  /** Written reviews; absent when there are none or the API leaves it out. */
  reviewsCount?: number;
  avatar?: string;
  /** HTML written by the business */
  informationHtml: string;
  /** YYYY-MM-DD of the next day with free time */
  nextDate?: string;
  weight: number;
}

export interface BookableDates {
  /** YYYY-MM-DD, sorted */
  bookable: string[];
  /** YYYY-MM-DD, sorted */
  working: string[];
}

export interface Slot {
  /** HH:mm in the location's time */
  time: string;
  /** Seconds */
  duration: number;
  /** Exactly as the API gave it; sent back unchanged when booking. */
  datetime: string;
}

export interface NearestSlots {
  date?: string;
  slots: Slot[];
}

export interface Appointment {
  /** Client-side id, echoed by the API in errors and results. */
  id: number;
  serviceIds: number[];
  /** 0 = any team member */
  staffId: number;
  datetime: string;
}

export interface Contact {
  name: string;
  phone: string;
  email: string;
  comment: string;
}

export interface BookingRequest {
  contact: Contact;
  appointments: Appointment[];
  code?: string;
  notifyBySms?: number;
  notifyByEmail?: number;
  /** Idempotency handle generated per attempt */
  apiId?: string;
}

export interface CreatedRecord {
  appointmentId: number;
  recordId: number;
  recordHash: string;
}

/** Reminders chosen on the contact step: hours before the visit, 0 = do not send. */
export interface Reminders {
  sms?: number;
  email?: number;
}

export interface BookingDetails {
  id: number;
  /** Each service with its price as booked: the list price (min, max) and the discount in percent. */
  services: { id: number; title: string; cost: number; priceMin: number; priceMax: number; discount: number }[];
  location: {
    id: number;
    title: string;
    address: string;
    city: string;
    phone: string;
    /** As the locations list gives it (`currency_short_title`). */
    currency: string;
    coordinates?: { lat: number; lon: number };
    /** Whether a visitor may cancel online at all. */
    allowDelete: boolean;
    /** Cancelling online closes this many seconds before the visit (0 = until it starts). */
    deleteDelaySeconds: number;
  };
  staff: { id: number; name: string };
  /** ISO 8601 with offset (colon normalised) */
  datetime: string;
  /** Seconds */
  length: number;
  comment: string;
  deleted: boolean;
  notifyBySms: number;
  notifyByEmail: number;
}
