// Reads the answer envelopes: `{success, data, meta}` on success and
// `{success:false, data:null, meta:{message, errors}}` on failure, with every variant the docs show.
import { ApiError, type ApiErrorDetails } from './errors';
import { isObject, list, obj, optNum, str, type WireObject } from './wire';

const UNREADABLE = 'The booking service sent an answer that could not be read';

/** Parses a body; undefined for an empty one, ApiError when it is not JSON. */
export function parseJson(text: string, status: number): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new ApiError({ status, message: UNREADABLE }, { cause });
  }
}

/**
 * The `data` of a success envelope. Some resources (booking details, locale strings) answer with
 * the bare object instead, so an object without `success` is taken as the data itself.
 */
export function unwrapSuccess(body: unknown, status: number): unknown {
  if (isObject(body) && typeof body.success === 'boolean') {
    if (body.success) return body.data;
    throw errorFromBody(body, status);
  }
  if (isObject(body) || Array.isArray(body)) return body;
  throw new ApiError({ status, message: UNREADABLE });
}

/** An ApiError from the text of an error answer, whatever its shape. */
export function errorFromText(text: string, status: number, statusText = ''): ApiError {
  let body: unknown;
  try {
    body = text.trim() === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    body = undefined; // an HTML page from a gateway, say: the status is all there is
  }
  return errorFromBody(body, status, statusText);
}

function errorFromBody(body: unknown, status: number, statusText = ''): ApiError {
  const root = obj(body);
  const meta = obj(root.meta);
  const data = obj(root.data);
  const details: ApiErrorDetails = { status, message: '' };

  // `errors` sits in `meta` in booking errors and at the top level in auth errors.
  const errors = meta.errors ?? root.errors;
  const items = errorItems(errors);
  const first = items[0];
  if (first) {
    const code = optNum(first.code);
    if (code !== undefined) details.code = code;
    details.message = str(first.message) || str(first.error);
    const id = optNum(first.id) ?? optNum(first.appointment_id);
    if (id !== undefined) details.appointmentId = id;
  } else if (isObject(errors)) {
    details.fields = fieldMessages(errors);
  }

  details.code ??= optNum(meta.code) ?? optNum(root.code);
  const outcome = str(meta.outcome);
  if (outcome === 'pending' || outcome === 'unknown' || outcome === 'unseen') details.outcome = outcome;
  details.appointmentId ??= firstAppointmentId(meta.appointments) ?? firstAppointmentId(data.appointments);
  details.message ||=
    str(meta.message) ||
    str(root.message) ||
    Object.values(details.fields ?? {})[0] ||
    statusText ||
    `The booking service answered with HTTP ${status}`;
  return new ApiError(details);
}

/** `[{code, message}]`, or a single `{code, message}` object. Field-keyed objects give none. */
function errorItems(errors: unknown): WireObject[] {
  if (Array.isArray(errors)) return errors.filter(isObject);
  // A numeric `code` marks a single error; a field named `code` (the SMS code) holds text instead.
  if (isObject(errors) && optNum(errors.code) !== undefined) return [errors];
  return [];
}

/** `{phone: "Wrong number"}` or `{phone: ["Wrong number"]}` → `{phone: "Wrong number"}` */
function fieldMessages(errors: WireObject): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [field, value] of Object.entries(errors)) {
    const message = firstText(value);
    if (message) fields[field] = message;
  }
  return fields;
}

function firstText(value: unknown): string {
  if (typeof value === 'string') return value;
  for (const inner of list(value)) {
    const text = firstText(isObject(inner) ? (inner.message ?? Object.values(inner)[0]) : inner);
    if (text) return text;
  }
  return '';
}

/** `[2]`, `[{id: 2}]` or `2` → 2 */
function firstAppointmentId(value: unknown): number | undefined {
  const direct = optNum(value);
  if (direct !== undefined) return direct;
  for (const item of list(value)) {
    const id = isObject(item) ? optNum(item.id) : optNum(item);
    if (id !== undefined) return id;
  }
  return undefined;
}
