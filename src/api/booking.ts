// Booking: request bodies for book_code, book_check and book_record, and the answers of
// book_record (created records), GET book_record/{location}/{id}/{hash} (booking details) and
// GET privacy_policy/{location} (the text a visitor accepts before booking).
import type { Appointment, BookingDetails, BookingRequest, CreatedRecord } from './types';
import { normaliseOffset } from '../dates';
import { bool, isObject, list, num, obj, optNum, pick, str } from './wire';

interface AppointmentBody {
  id: number;
  services: number[];
  staff_id: number;
  datetime: string;
}

export function appointmentsBody(appointments: Appointment[]): { appointments: AppointmentBody[] } {
  return {
    appointments: appointments.map((a) => ({
      id: a.id,
      services: a.serviceIds,
      staff_id: a.staffId,
      datetime: a.datetime, // exactly as the slot gave it
    })),
  };
}

export function bookingBody(req: BookingRequest): Record<string, unknown> {
  const body: Record<string, unknown> = {
    phone: req.contact.phone,
    fullname: req.contact.name,
    email: req.contact.email,
    comment: req.contact.comment,
  };
  // Optional fields are left out rather than sent empty, so the business's defaults apply.
  if (req.code !== undefined && req.code !== '') body.code = req.code;
  if (req.notifyBySms !== undefined) body.notify_by_sms = req.notifyBySms;
  if (req.notifyByEmail !== undefined) body.notify_by_email = req.notifyByEmail;
  if (req.apiId !== undefined && req.apiId !== '') body.api_id = req.apiId;
  return { ...body, ...appointmentsBody(req.appointments) };
}

export function normaliseCreatedRecords(raw: unknown): CreatedRecord[] {
  return list(raw)
    .filter(isObject)
    .map((r) => ({ appointmentId: num(r.id), recordId: num(r.record_id), recordHash: str(r.record_hash) }));
}

export function normaliseBookingDetails(raw: unknown): BookingDetails {
  const data = obj(raw);
  const location = obj(data.company);
  const staff = obj(data.staff);
  const lat = optNum(location.coordinate_lat);
  const lon = optNum(pick(location, 'coordinate_lon', 'coordinate_lng'));
  return {
    id: num(data.id),
    services: list(data.services)
      .filter(isObject)
      .map((s) => {
        // The reference's example gives cost with price_min and price_max; cost alone is the price.
        const cost = num(s.cost);
        const priceMin = optNum(s.price_min) ?? cost;
        return { id: num(s.id), title: str(s.title), cost, priceMin, priceMax: optNum(s.price_max) ?? priceMin, discount: num(s.discount) };
      }),
    location: {
      id: num(location.id),
      title: str(location.title),
      address: str(location.address),
      city: str(location.city),
      phone: str(location.phone) || str(list(location.phones)[0]),
      currency: str(location.currency_short_title),
      ...(lat !== undefined && lon !== undefined && !(lat === 0 && lon === 0) ? { coordinates: { lat, lon } } : {}),
      // Absent means the business did not say no: the DELETE itself has the last word.
      allowDelete: bool(location.allow_delete_record, true),
      deleteDelaySeconds: Math.max(0, num(location.allow_delete_record_delay_step)),
    },
    staff: { id: num(staff.id), name: str(staff.name) },
    datetime: normaliseOffset(str(pick(data, 'datetime', 'date'))),
    length: num(pick(data, 'length', 'seance_length')),
    comment: str(data.comment),
    deleted: bool(data.deleted),
    notifyBySms: num(data.notify_by_sms),
    notifyByEmail: num(data.notify_by_email),
  };
}

/**
 * The privacy policy's HTML. The reference's example answers `data: {agreement: {content}}`
 * (API reference, the GDPR utility endpoints); a bare string or a flat `text` is read too.
 */
export function normalisePrivacyPolicy(raw: unknown): string {
  if (typeof raw === 'string') return raw;
  const data = obj(raw);
  return str(obj(data.agreement).content) || str(pick(data, 'content', 'text'));
}
