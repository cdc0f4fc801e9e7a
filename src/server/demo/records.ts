// One booking as the API writes it back: booking details (GET book_record/…/{hash}), the user's
// records (GET user/records) and the answer to a move (PUT book_record/…). Individual bookings and
// group-event seats alike; quirks kept (a string staff id, offsets without a colon).
import { findService } from './availability';
import { eventService, instructor } from './group-events';
import type { DemoLocation } from './model';
import { TEAM } from './seed';
import { formatCompactDatetime, formatSlotDatetime } from './slots';
import type { StoredBooking } from './store';
import { companyJson } from './wire';

export function recordJson(booking: StoredBooking, location: DemoLocation): Record<string, unknown> {
  const tz = location.timezoneName;
  const event = booking.activityId !== undefined;
  const member = event ? instructor(booking.staffId) : TEAM.find((m) => m.id === booking.staffId);
  const services = booking.serviceIds
    .map((id) => (event ? eventService(location.id, id) : findService(location.id, id)))
    .filter((s) => s !== undefined);
  const seats = booking.clientsCount ?? 1;
  const changed = booking.changedAt ?? booking.createdAt;
  return {
    id: booking.recordId,
    services: services.map((s) => ({
      id: s.id, title: s.title, cost: s.priceMin * seats, price_min: s.priceMin, price_max: s.priceMax,
      discount: 'discount' in s ? s.discount : 0, amount: seats, seance_length: Math.round((booking.end - booking.start) / 1000),
    })),
    // Booking details give the timezone as a string, unlike the locations list.
    company: {
      ...companyJson(location), timezone: String(location.timezone), phones: [], currency_short_title: location.currency,
      allow_change_record_delay_step: location.changeDelaySeconds, allow_delete_record_delay_step: location.deleteDelaySeconds,
    },
    staff: member && {
      // Ids sometimes come back as strings; this one does.
      id: String(member.id), name: member.name, specialization: member.specialization,
      position: member.position ?? [], show_rating: 'showRating' in member && member.showRating ? 1 : 0, rating: member.rating,
      votes_count: member.votes, comments_count: member.comments,
    },
    clients_count: seats,
    date: formatSlotDatetime(booking.start, tz),
    // The quirk: an offset without a colon.
    datetime: formatCompactDatetime(booking.start, tz),
    create_date: formatCompactDatetime(Date.parse(booking.createdAt), tz),
    comment: booking.comment,
    deleted: booking.deletedAt !== undefined,
    attendance: 0,
    length: Math.round((booking.end - booking.start) / 1000),
    notify_by_sms: booking.notifyBySms ?? 0,
    notify_by_email: booking.notifyByEmail ?? 0,
    master_requested: booking.memberRequested,
    online: booking.online ?? true,
    api_id: booking.apiId ?? '',
    last_change_date: formatCompactDatetime(Date.parse(changed), tz),
    prepaid: false,
    prepaid_confirmed: false,
    activity_id: booking.activityId ?? 0,
  };
}
