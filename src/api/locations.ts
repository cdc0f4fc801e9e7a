// Locations (GET companies?group_id=…, GET company/{id}) and locale strings (GET i18n/{lang}).
import { ApiError } from './errors';
import type { Location } from './types';
import { normaliseOffset } from '../dates';
import { bool, isObject, list, num, obj, optBool, optNum, optStr, str } from './wire';

export function normaliseLocations(raw: unknown): Location[] {
  return list(raw).filter(isObject).map(normaliseLocation);
}

export function normaliseLocation(raw: unknown): Location {
  const data = obj(raw);
  const location: Location = {
    id: num(data.id),
    title: str(data.title),
    address: str(data.address),
    city: str(data.city),
    country: str(data.country),
    phone: str(data.phone) || str(list(data.phones)[0]),
    timezoneName: str(data.timezone_name),
    phoneConfirmation: bool(data.phone_confirmation),
    // Sometimes an ISO code ("USD"), sometimes a symbol ("$"); passed on as given.
    currency: str(data.currency_short_title),
    descriptionHtml: str(data.description),
    smsRemindersOff: bool(data.reminds_sms_disabled),
  };
  const nextSlot = optStr(data.next_slot);
  if (nextSlot) location.nextSlot = normaliseOffset(nextSlot);
  const lat = optNum(data.coordinate_lat);
  const lon = optNum(data.coordinate_lon);
  if (lat !== undefined && lon !== undefined && !(lat === 0 && lon === 0)) location.coordinates = { lat, lon };
  const allowDeleteRecord = optBool(data.allow_delete_record);
  if (allowDeleteRecord !== undefined) location.allowDeleteRecord = allowDeleteRecord;
  const reminderHours = optNum(data.reminds_sms_default);
  if (reminderHours !== undefined && reminderHours >= 0) location.reminderHours = reminderHours;
  return location;
}

/** The locale dictionary; the success envelope is already removed by the client. */
export function normaliseLocale(raw: unknown): Record<string, unknown> {
  if (!isObject(raw)) throw new ApiError({ status: 200, message: 'The locale strings could not be read' });
  return raw;
}
