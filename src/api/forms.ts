// Booking form settings (GET bookform/{id}): the steps the business configured, languages, style.
import type { BookingForm, FormStep, FormStepName, FormStyle, Language } from './types';
import { bool, datePart, isObject, list, obj, optBool, optNum, optStr, pick, str, type WireObject } from './wire';

const STEP_NAMES: Record<string, FormStepName> = {
  service: 'service',
  master: 'staff',
  staff: 'staff',
  datetime: 'datetime',
  contact: 'contact',
  comfirm: 'confirm', // sic, as the API writes it
  confirm: 'confirm',
  city: 'location',
  company: 'location',
  location: 'location',
  filial: 'location',
  record_type: 'record_type',
};

export function normaliseBookingForm(raw: unknown, formId: number): BookingForm {
  const data = obj(raw);
  const form: BookingForm = {
    id: optNum(data.id) ?? formId,
    groupId: optNum(data.group_id) ?? 0,
    locationId: optNum(data.company_id) ?? 0,
    phoneConfirmation: bool(data.phone_confirmation),
    lang: str(pick(data, 'lang', 'language')),
    langs: list(data.langs).filter(isObject).map(toLanguage).filter((l) => l.code !== ''),
    commentRequired: bool(data.comment_required),
    showPrivacyPolicy: bool(data.is_show_privacy_policy),
    smsEnabled: bool(data.sms_enabled, true),
    staffCaption: optNum(data.specialization_display_mode) === 1 ? 'position' : 'specialization',
    steps: toSteps(data.steps),
    style: toStyle(obj(data.style)),
  };
  const commentInputName = optStr(data.comment_input_name);
  if (commentInputName) form.commentInputName = commentInputName;
  const bookingNotifyText = optStr(data.booking_notify_text);
  if (bookingNotifyText) form.bookingNotifyText = bookingNotifyText;
  // A shown `city` step (large chains): the city is asked before the location.
  if (list(data.steps).some((s) => isObject(s) && str(s.step).trim().toLowerCase() === 'city' && !bool(s.hidden))) form.cityStep = true;
  return form;
}

function toLanguage(raw: WireObject): Language {
  return { code: str(raw.code), title: str(raw.title) };
}

/** Steps in display order; unknown step kinds are dropped, equal numbers keep the API's order. */
function toSteps(raw: unknown): FormStep[] {
  const steps: FormStep[] = [];
  for (const item of list(raw)) {
    if (!isObject(item)) continue;
    const step = toStep(item);
    if (step) steps.push(step);
  }
  return steps.map((step, index) => ({ step, index })).sort((a, b) => a.step.order - b.step.order || a.index - b.index).map(({ step }) => step);
}

function toStep(raw: WireObject): FormStep | undefined {
  const name = STEP_NAMES[str(raw.step).trim().toLowerCase()];
  if (!name) return undefined;
  const step: FormStep = {
    step: name,
    order: optNum(pick(raw, 'num', 'number')) ?? 0,
    title: str(raw.title),
    hidden: bool(raw.hidden),
  };
  const defaultValue = optNum(raw.default);
  // For a team member -1 and 0 both mean "any"; for a service or location only a real id is a preset.
  if (defaultValue !== undefined && (name === 'staff' || ((name === 'service' || name === 'location') && defaultValue > 0))) {
    step.defaultValue = defaultValue;
  }
  if (name === 'record_type') {
    const type = str(raw.default).trim().toLowerCase();
    step.recordType = type === 'services' || type === 'events' ? type : 'all';
  }
  if (name === 'datetime') {
    step.dateHidden = bool(raw.date_hidden);
    step.timeHidden = bool(raw.time_hidden);
    const dateDefault = datePart(raw.date_default);
    if (dateDefault) step.dateDefault = dateDefault;
    const timeDefault = secondsAfterMidnight(raw.time_default);
    if (timeDefault !== undefined) step.timeDefault = timeDefault;
  }
  return step;
}

/** Seconds after midnight from a number of seconds, or from "HH:mm" just in case. */
function secondsAfterMidnight(raw: unknown): number | undefined {
  const seconds = optNum(raw);
  if (seconds !== undefined) return seconds;
  const match = /^(\d{1,2}):(\d{2})/.exec(str(raw));
  return match ? Number(match[1]) * 3600 + Number(match[2]) * 60 : undefined;
}

function toStyle(raw: WireObject): FormStyle {
  const style: FormStyle = {
    // The header is shown unless the business turned it off.
    showHeader: optBool(pick(raw, 'show_header', 'showHeader', 'show header')) ?? true,
  };
  const optional: [keyof Omit<FormStyle, 'showHeader'>, ...string[]][] = [
    ['logo', 'logo'],
    ['headerBackground', 'header_background', 'headerBackground'],
    ['primaryPalette', 'primaryPalette', 'primary_palette'],
    ['accentPalette', 'accentPalette', 'accent_palette'],
    ['warnPalette', 'warnPalette', 'warn_palette'],
    ['backgroundPalette', 'backgroundPalette', 'background_palette'],
  ];
  for (const [field, ...keys] of optional) {
    const value = optStr(pick(raw, ...keys));
    if (value) style[field] = value;
  }
  const colours: [keyof FormStyle & `${string}Color`, string][] = [
    ['mainColor', 'main_color'],
    ['secondaryColor', 'secondary_color'],
    ['buttonsColor', 'buttons_color'],
  ];
  for (const [field, key] of colours) {
    const value = cssColour(raw[key]);
    if (value) style[field] = value;
  }
  return style;
}

/** `"FFF"`, `666` or `"#a1b2c3"` → `#FFF`, `#666`, `#a1b2c3`; anything else is passed on as written. */
function cssColour(raw: unknown): string | undefined {
  const value = optStr(raw)?.trim();
  if (!value) return undefined;
  return /^[0-9a-f]{3}(?:[0-9a-f]{3})?$/i.test(value) ? `#${value}` : value;
}
