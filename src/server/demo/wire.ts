// Demo records → the API's JSON shapes, with the quirks the real answers have (0/1 booleans,
// `position: []`, string ids in places, `seance_*` names, offsets without a colon).
import type { DemoCategory, DemoForm, DemoLocation, DemoService, DemoTeamMember } from './model';
import { PALETTES } from '../../app/palettes';
import { LANGUAGES } from './seed';
import { teamOf } from './availability';

export function companyJson(location: DemoLocation, nextSlot?: string | null): Record<string, unknown> {
  const json: Record<string, unknown> = {
    id: location.id,
    title: location.title,
    public_title: location.title,
    short_descr: location.shortDescription,
    active: 1,
    phone: location.phone,
    phones: [location.phone],
    country_id: location.countryId,
    schedule: '',
    country: location.country,
    city_id: location.cityId,
    city: location.city,
    timezone: location.timezone,
    timezone_name: location.timezoneName,
    address: location.address,
    zip: location.zip,
    coordinate_lat: location.lat,
    coordinate_lon: location.lon,
    social: { facebook: '', instagram: '', telegram: '', whatsapp: '', viber: '' },
    site: location.site,
    business_type_id: 1,
    description: location.descriptionHtml,
    phone_confirmation: location.phoneConfirmation,
    active_staff_count: teamOf(location.id).length,
    app_ios: '',
    app_android: '',
    currency_short_title: location.currency,
    reminds_sms_disabled: false,
    reminds_sms_default: location.reminderHours,
    group_priority: 900,
    bookform_group_priority: 0,
    push_notification_phone_confirm: 1,
    main_group_id: location.groupId,
    main_group: { id: location.groupId, title: 'Lumen Studio' },
    photos: [],
    booking_widget_promo: null,
    allow_delete_record: location.allowDeleteRecord,
    allow_change_record: location.allowChangeRecord,
    access: {},
  };
  // Only answers asked with forBooking=1 carry next_slot.
  if (nextSlot !== undefined) json.next_slot = nextSlot;
  return json;
}

export function categoryJson(category: DemoCategory): Record<string, unknown> {
  return { id: category.id, title: category.title, sex: 0, api_id: 0, weight: category.weight };
}

/**
 * `seance_length` is always given: the documented answer carries it without a team-member filter
 * too, and visitors choose services by how long they take.
 */
export function serviceJson(service: DemoService): Record<string, unknown> {
  const json: Record<string, unknown> = {
    id: service.id,
    title: service.title,
    category_id: service.categoryId,
    price_min: service.priceMin,
    price_max: service.priceMax,
    discount: service.discount,
    comment: service.comment,
    weight: service.weight,
    active: 1,
    sex: 0,
    image: service.image ?? '',
    prepaid: service.prepaid ?? 'forbidden',
  };
  json.seance_length = service.duration * 60;
  return json;
}

/** A member as book_staff lists them; `seance_date`/`seances` only when bookable. */
export function staffJson(member: DemoTeamMember, bookable: boolean, seanceDate?: string): Record<string, unknown> {
  const json: Record<string, unknown> = {
    id: member.id,
    name: member.name,
    bookable,
    specialization: member.specialization,
    position: member.position ?? [],
    show_rating: member.showRating,
    rating: member.rating,
    votes_count: member.votes,
    comments_count: member.comments,
    avatar: member.avatar ?? '',
    avatar_big: member.avatar ?? '',
    weight: member.weight,
    information: member.informationHtml,
  };
  if (bookable && seanceDate) {
    json.seance_date = seanceDate;
    json.seances = [];
  }
  return json;
}

export function slotJson(time: string, seconds: number, datetime: string): Record<string, unknown> {
  return { time, seance_length: seconds, datetime };
}

export function formJson(form: DemoForm): Record<string, unknown> {
  return {
    steps: form.steps.map((s) =>
      s.step === 'datetime' ? { ...s, date_hidden: 0, time_hidden: 0 } : s,
    ),
    style: {
      show_header: true,
      logo: form.logo ?? '',
      header_background: form.headerBackground ?? '',
      menu_background: '',
      // Hex without '#', as the API writes them (e.g. "FFF"): the palettes' own 500 shades.
      main_color: PALETTES[form.palette.primary] ?? '',
      secondary_color: PALETTES[form.palette.accent] ?? '',
      buttons_color: PALETTES[form.palette.warn] ?? '',
      primaryPalette: form.palette.primary,
      accentPalette: form.palette.accent,
      warnPalette: form.palette.warn,
      backgroundPalette: form.palette.background,
    },
    group_id: form.groupId,
    company_id: form.stringIds ? String(form.locationId) : form.locationId,
    phone_confirmation: form.phoneConfirmation,
    lang: form.lang,
    langs: form.langs.map((code) => ({ id: LANGUAGES[code]?.id ?? 0, code, title: LANGUAGES[code]?.title ?? code })),
    comment_required: form.commentRequired,
    comment_input_name: form.commentInputName ?? '',
    booking_notify_text: form.bookingNotifyText ?? '',
    is_show_privacy_policy: form.showPrivacyPolicy ? 1 : 0,
    specialization_display_mode: form.specializationDisplayMode,
    metrika_counter_id: form.analytics?.metrika ?? 0,
    google_analytics_id: form.analytics?.ga ?? '',
    facebook_pixel_id: form.analytics?.pixel ?? '',
    app_metrika_id: '',
    sms_enabled: true,
  };
}
