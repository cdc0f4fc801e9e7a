// What the group-events and account clients (events.ts, account.ts) hand the widget, normalised
// from the API's answers. Datetimes keep the location's offset as the API wrote it (normalised to
// `+hh:mm`), like the rest of ./types.

/** Online prepayment (`prepaid`): the public API offers no way to start a payment, only the rule. */
export type Prepaid = 'forbidden' | 'allowed' | 'required';

export interface GroupEvent {
  id: number;
  locationId: number;
  /** Start, ISO 8601 with the location's offset. */
  datetime: string;
  /** Seconds. */
  length: number;
  capacity: number;
  /** Seats taken (`records_count`). */
  booked: number;
  /** capacity − booked, never below 0. */
  seatsLeft: number;
  prepaid: Prepaid;
  service: {
    id: number;
    title: string;
    categoryId: number;
    categoryTitle: string;
    priceMin: number;
    priceMax: number;
    comment: string;
    image?: string;
  };
  staff: { id: number; name: string; specialization: string; position?: string };
}

export interface GroupEventPage {
  events: GroupEvent[];
  /** Events matching the search, all pages together. */
  total: number;
}

/** What to look for: services, team members and resources narrow it; none given means all. */
export interface EventFilter {
  serviceIds?: number[];
  staffIds?: number[];
  resourceIds?: number[];
}

export interface EventSearch extends EventFilter {
  /** YYYY-MM-DD, both included. */
  from: string;
  till: string;
  page?: number;
  count?: number;
}

export interface EventFilterOption {
  id: number;
  title: string;
  /** Choosing it would find nothing, with the other filters as they are. */
  disabled: boolean;
}

export interface EventFilterOptions {
  staff: EventFilterOption[];
  services: EventFilterOption[];
  resources: EventFilterOption[];
  categories: EventFilterOption[];
}

/** A group-event service as book_services' `events` lists it. */
export interface EventService {
  id: number;
  title: string;
  categoryId: number;
  priceMin: number;
  priceMax: number;
  comment: string;
  prepaid: Prepaid;
}

export interface SeatBookingRequest {
  contact: { name: string; phone: string; email: string; comment: string };
  /** Seats, 1 up to the event's seats left. */
  seats: number;
  /** The SMS code, where the location asks for one. */
  code?: string;
  notifyBySms?: number;
  notifyByEmail?: number;
  /** Also sent as the attempt's Idempotency-Key: the proxy books one attempt once. */
  apiId?: string;
}

/** A seat booking: what GET book_record/{location}/{id}/{hash} and the cancel link need. */
export interface SeatBooking {
  recordId: number;
  recordHash: string;
}

export interface UserSession {
  /** Kept for the session only; sent in X-User-Token, never in Authorization. */
  token: string;
  user: AccountUser;
}

export interface AccountUser {
  id: number;
  name: string;
  phone: string;
  email: string;
}

/** One of the visitor's bookings (GET user/records): online or made by phone, individual or a group-event seat. */
export interface UserRecord {
  id: number;
  /** Present when the API gives it (GET user/records does not always); cancelling by id needs a signed-in user then. */
  hash?: string;
  datetime: string;
  /** Seconds. */
  length: number;
  deleted: boolean;
  /** false: made by the location (by phone). */
  online: boolean;
  /** Whether the visitor chose this team member (false: "any member"). */
  memberRequested: boolean;
  /** Group event id; 0 for an individual booking. */
  activityId: number;
  seats: number;
  comment: string;
  services: { id: number; title: string; cost: number; priceMin: number; priceMax: number; amount: number }[];
  staff: { id: number; name: string };
  location: {
    id: number;
    title: string;
    address: string;
    phone: string;
    currency: string;
    allowDelete: boolean;
    deleteDelaySeconds: number;
    allowChange: boolean;
    changeDelaySeconds: number;
  };
}
