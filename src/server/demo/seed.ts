// The seeded demo business: a two-location chain (New York and Riga). Tests and e2e specs refer to
// records through `DEMO`, never through literal ids.
import type {
  DayHours,
  DemoCategory,
  DemoForm,
  DemoFormStep,
  DemoLocation,
  DemoService,
  DemoTeamMember,
  WeeklyHours,
} from './model';
import { CHAIN_CATEGORIES, CHAIN_GROUP_ID, CHAIN_LOCATIONS, CHAIN_SERVICES, CHAIN_TEAM } from './chain-seed';

/** The SMS code the demo "sends" for every phone. Nothing is really sent. */
export const DEMO_SMS_CODE = '1234';

export const DEMO = {
  groupId: 70,
  forms: {
    /** Chain form: group_id ≠ 0, the client picks a location first. */
    chain: 1,
    /** Single location, New York. */
    newYork: 2,
    /** New York, service step hidden with a default service (women's haircut). */
    newYorkPresetService: 3,
    /** Single location, Riga: phone confirmation by SMS, Latvian by default. */
    riga: 4,
    /** New York with a light palette whose primary (yellow) is hard to read on white. */
    lightPalette: 5,
    /** New York with a dark palette (black background). */
    darkPalette: 6,
    /** New York: privacy policy to accept, a required comment with its own label, a notice. */
    newYorkConsent: 7,
    /** The chain with form 5's light palette: its location step in that look. */
    chainLightPalette: 8,
    /** The chain with form 6's dark palette. */
    chainDarkPalette: 9,
    /** New York with a record-type step: individual services or group events. */
    newYorkClasses: 10,
    /** The chain with a record-type step (both locations have group events). */
    chainClasses: 11,
    /** New York with the business's GA4, Meta Pixel and Metrica ids (asked for on the hosted page). */
    newYorkAnalytics: 12,
    /** The large chain (chain-seed.ts): 30 locations in 6 cities, a city step before the location step. */
    largeChain: 13,
    /** The large chain without Altegio's city step: the widget still asks the city first (30 locations). */
    largeChainNoCityStep: 14,
  },
  locations: { newYork: 101201, riga: 101202 },
  services: {
    womensHaircut: 5001,
    mensHaircut: 5002,
    blowDry: 5003,
    kidsHaircut: 5004,
    rootColour: 5005,
    highlights: 5006,
    balayage: 5007,
    classicManicure: 5008,
    gelManicure: 5009,
    spaPedicure: 5010,
    browShaping: 5011,
    expressFacial: 5012,
    /** Exists but is no longer bookable online (438). */
    retiredKeratin: 5013,
    rigaWomensHaircut: 6001,
    rigaMensHaircut: 6002,
    rigaColour: 6003,
    rigaGelManicure: 6004,
    rigaPedicure: 6005,
    rigaBrows: 6006,
    rigaFacial: 6007,
  },
  staff: {
    olivia: 201,
    marcus: 202,
    sofia: 203,
    /** Has no avatar. */
    hannah: 204,
    grace: 205,
    daniel: 206,
    liga: 301,
    janis: 302,
    elina: 303,
    anna: 304,
  },
  /** Group events (group-events.ts): services and instructors of their own, not in the individual lists. */
  events: {
    services: {
      sunriseYoga: 7001,
      reformerPilates: 7002,
      eveningFlow: 7003,
      colourWorkshop: 7004,
      rigaYoga: 7101,
      rigaPilates: 7102,
      rigaNailClass: 7103,
    },
    staff: { maya: 401, noah: 402, ilze: 501, marta: 502 },
  },
  /**
   * The visitor with an account history (account.ts): signs in with this phone and the SMS code;
   * has past and upcoming bookings, one of them made by phone, and a seat at a class.
   */
  visitor: { phone: '+1 212 555 0123', name: 'Alex Morgan', email: 'alex.morgan@example.com' },
  smsCode: DEMO_SMS_CODE,
  /** Booking with this phone answers 434 (403). */
  blacklistedPhone: '+1 (212) 555-0199',
} as const;

const S = DEMO.services;
const T = DEMO.staff;
const L = DEMO.locations;

export const LOCATIONS: DemoLocation[] = [
  {
    id: L.newYork,
    groupId: DEMO.groupId,
    title: 'Lumen Studio SoHo',
    shortDescription: 'Hair & beauty studio',
    descriptionHtml: '<p>Hair, colour and nails in the heart of <strong>SoHo</strong>.</p>',
    phone: '+1 212 555 0142',
    country: 'United States',
    countryId: 7,
    city: 'New York',
    cityId: 181,
    address: '118 Prince Street, New York, NY',
    zip: '10012',
    lat: 40.7251,
    lon: -73.9991,
    timezoneName: 'America/New_York',
    timezone: -5,
    currency: 'USD',
    phoneConfirmation: false,
    site: 'lumen-studio.example',
    allowDeleteRecord: true,
    deleteDelaySeconds: 2 * 3600,
    allowChangeRecord: true,
    changeDelaySeconds: 4 * 3600,
    reminderHours: 24,
    privacyPolicyHtml:
      '<p>Lumen Studio keeps your name, phone and e-mail only to manage your appointments and send your reminders.</p>' +
      '<p>We never sell them. Ask us at <a href="mailto:privacy@lumen-studio.example">privacy@lumen-studio.example</a> to see or erase them.</p>',
  },
  {
    id: L.riga,
    groupId: DEMO.groupId,
    title: 'Lumen Studio Rīga',
    shortDescription: 'Skaistumkopšanas salons',
    descriptionHtml: '<p>Frizētava un nagu studija <em>Vecrīgā</em>.</p>',
    phone: '+371 6720 1234',
    country: 'Latvia',
    countryId: 14,
    city: 'Rīga',
    cityId: 412,
    address: 'Kaļķu iela 7, Rīga',
    zip: 'LV-1050',
    lat: 56.9483,
    lon: 24.1097,
    timezoneName: 'Europe/Riga',
    timezone: 2,
    currency: 'EUR',
    phoneConfirmation: true,
    site: 'lumen-studio.example/lv',
    // Riga takes cancellations by phone only.
    allowDeleteRecord: false,
    deleteDelaySeconds: 0,
    // …and moves by phone too.
    allowChangeRecord: false,
    changeDelaySeconds: 0,
    reminderHours: 2,
    privacyPolicyHtml: '<p>Lumen Studio Rīga apstrādā jūsu vārdu un tālruni tikai pierakstu pārvaldībai.</p>',
  },
  ...CHAIN_LOCATIONS,
];

export const CATEGORIES: DemoCategory[] = [
  { id: 901, locationId: L.newYork, title: 'Hair', weight: 40 },
  { id: 902, locationId: L.newYork, title: 'Colour', weight: 30 },
  { id: 903, locationId: L.newYork, title: 'Nails', weight: 20 },
  { id: 904, locationId: L.newYork, title: 'Beauty', weight: 10 },
  { id: 911, locationId: L.riga, title: 'Mati', weight: 30 },
  { id: 912, locationId: L.riga, title: 'Nagi', weight: 20 },
  { id: 913, locationId: L.riga, title: 'Skaistumkopšana', weight: 10 },
  ...CHAIN_CATEGORIES,
];

type ServiceRow = [id: number, category: number, title: string, min: number, max: number, discount: number, minutes: number];

function services(locationId: number, rows: ServiceRow[]): DemoService[] {
  return rows.map(([id, categoryId, title, priceMin, priceMax, discount, duration], i) => ({
    id,
    locationId,
    categoryId,
    title,
    priceMin,
    priceMax,
    discount,
    duration,
    comment: '',
    weight: rows.length - i,
    bookable: true,
  }));
}

/** New York's services show a picture per category; Riga's have none (the API sends ''). */
const SERVICE_IMAGES: Record<number, string> = { 901: '/demo/services/hair.svg', 902: '/demo/services/colour.svg', 903: '/demo/services/nails.svg', 904: '/demo/services/face.svg' };

export const SERVICES: DemoService[] = [
  ...services(L.newYork, [
    [S.womensHaircut, 901, "Women's haircut", 65, 95, 0, 60],
    [S.mensHaircut, 901, "Men's haircut", 40, 40, 0, 30],
    [S.blowDry, 901, 'Blow-dry & styling', 45, 45, 10, 45],
    [S.kidsHaircut, 901, "Kids' haircut (under 12)", 30, 30, 0, 30],
    [S.rootColour, 902, 'Root colour touch-up', 85, 85, 0, 90],
    [S.highlights, 902, 'Full highlights', 150, 220, 0, 120],
    [S.balayage, 902, 'Balayage', 180, 260, 15, 120],
    [S.classicManicure, 903, 'Classic manicure', 35, 35, 0, 45],
    [S.gelManicure, 903, 'Gel manicure', 50, 50, 0, 60],
    [S.spaPedicure, 903, 'Spa pedicure', 60, 70, 5, 60],
    [S.browShaping, 904, 'Brow shaping', 25, 25, 0, 30],
    [S.expressFacial, 904, 'Express facial', 75, 75, 0, 45],
    [S.retiredKeratin, 901, 'Keratin treatment', 250, 300, 0, 120],
  ]),
  ...services(L.riga, [
    [S.rigaWomensHaircut, 911, 'Sieviešu matu griezums', 35, 55, 0, 60],
    [S.rigaMensHaircut, 911, 'Vīriešu matu griezums', 20, 20, 0, 30],
    [S.rigaColour, 911, 'Matu krāsošana', 60, 110, 10, 120],
    [S.rigaGelManicure, 912, 'Manikīrs ar gēllaku', 30, 30, 0, 60],
    [S.rigaPedicure, 912, 'Pedikīrs', 40, 45, 0, 75],
    [S.rigaBrows, 913, 'Uzacu korekcija', 15, 15, 0, 30],
    [S.rigaFacial, 913, 'Sejas tīrīšana', 55, 55, 5, 90],
  ]),
  ...CHAIN_SERVICES,
].map((s) => (s.id === S.retiredKeratin ? { ...s, bookable: false } : s))
  .map((s) => (SERVICE_IMAGES[s.categoryId] ? { ...s, image: SERVICE_IMAGES[s.categoryId] } : s));

/** The same hours on the given weekdays (0 = Sunday). */
function week(days: number[], hours: DayHours): WeeklyHours {
  return Object.fromEntries(days.map((d) => [d, hours]));
}
const lunch = (from: string, to: string) => [{ from, to }];
const avatar = (name: string) => `/demo/avatars/${name}.svg`;
const info = (text: string) => `<p>${text}</p>`;

export const TEAM: DemoTeamMember[] = [
  {
    id: T.olivia, locationId: L.newYork, name: 'Olivia Bennett', specialization: 'Senior stylist',
    position: { id: 11, title: 'Stylist' }, rating: 4.9, votes: 128, comments: 41, avatar: avatar('olivia'),
    informationHtml: info('Precision cuts and soft colour. <b>12 years</b> behind the chair.'),
    weight: 60, showRating: 1,
    serviceIds: [S.womensHaircut, S.blowDry, S.rootColour, S.highlights, S.balayage],
    hours: week([2, 3, 4, 5, 6], { from: '10:00', to: '19:00', breaks: lunch('13:00', '14:00') }),
  },
  {
    id: T.marcus, locationId: L.newYork, name: 'Marcus Reed', specialization: 'Barber',
    position: null, rating: 4.7, votes: 86, comments: 20, avatar: avatar('marcus'),
    informationHtml: info('Fades, beards and classic gentlemen’s cuts.'),
    weight: 50, showRating: true,
    serviceIds: [S.mensHaircut, S.kidsHaircut],
    hours: week([1, 2, 3, 4, 5], { from: '09:00', to: '17:00' }),
  },
  {
    id: T.sofia, locationId: L.newYork, name: 'Sofia Alvarez', specialization: 'Colourist',
    position: { id: 12, title: 'Colour specialist' }, rating: 4.8, votes: 64, comments: 18, avatar: avatar('sofia'),
    informationHtml: info('Balayage and lived-in colour.'),
    weight: 40, showRating: 1,
    serviceIds: [S.womensHaircut, S.rootColour, S.highlights, S.balayage],
    hours: week([0, 3, 4, 5, 6], { from: '11:00', to: '20:00', breaks: lunch('15:00', '15:30') }),
  },
  {
    id: T.hannah, locationId: L.newYork, name: 'Hannah Kim', specialization: 'Nail technician',
    position: { id: 13, title: 'Manicurist' }, rating: 5, votes: 37, comments: 9,
    informationHtml: '<span></span>',
    weight: 30, showRating: 1,
    serviceIds: [S.classicManicure, S.gelManicure, S.spaPedicure],
    hours: week([1, 2, 3, 4, 5, 6], { from: '09:00', to: '18:00', breaks: lunch('12:00', '13:00') }),
  },
  {
    id: T.grace, locationId: L.newYork, name: 'Grace Okafor', specialization: 'Esthetician',
    position: null, rating: 4.6, votes: 22, comments: 5, avatar: avatar('grace'),
    informationHtml: info('Skin care, brows and express treatments.'),
    weight: 20, showRating: true,
    serviceIds: [S.browShaping, S.expressFacial, S.classicManicure],
    hours: week([2, 3, 4, 5, 6], { from: '10:00', to: '18:00' }),
  },
  {
    id: T.daniel, locationId: L.newYork, name: 'Daniel Brooks', specialization: 'Junior stylist',
    position: { id: 11, title: 'Stylist' }, rating: 4.2, votes: 9, comments: 2, avatar: avatar('daniel'),
    informationHtml: info('Quick cuts and blow-dries, evenings and weekends.'),
    weight: 10, showRating: 0,
    serviceIds: [S.womensHaircut, S.mensHaircut, S.blowDry, S.kidsHaircut],
    hours: week([0, 1, 4, 5, 6], { from: '12:00', to: '20:00' }),
  },
  {
    id: T.liga, locationId: L.riga, name: 'Līga Ozola', specialization: 'Friziere, koloriste',
    position: { id: 21, title: 'Friziere' }, rating: 4.9, votes: 73, comments: 25, avatar: avatar('liga'),
    informationHtml: info('Griezumi un krāsošana.'),
    weight: 40, showRating: 1,
    serviceIds: [S.rigaWomensHaircut, S.rigaMensHaircut, S.rigaColour],
    hours: week([1, 2, 3, 4, 5], { from: '09:00', to: '18:00', breaks: lunch('13:00', '14:00') }),
  },
  {
    id: T.janis, locationId: L.riga, name: 'Jānis Kalniņš', specialization: 'Bārddzinis',
    position: null, rating: 4.5, votes: 31, comments: 7, avatar: avatar('janis'),
    informationHtml: info('Vīriešu griezumi.'),
    weight: 30, showRating: true,
    serviceIds: [S.rigaMensHaircut],
    hours: week([2, 3, 4, 5, 6], { from: '10:00', to: '19:00' }),
  },
  {
    id: T.elina, locationId: L.riga, name: 'Elīna Bērziņa', specialization: 'Nagu meistare',
    position: { id: 22, title: 'Manikīra meistare' }, rating: 4.8, votes: 54, comments: 12, avatar: avatar('elina'),
    informationHtml: info('Manikīrs, pedikīrs un uzacis.'),
    weight: 20, showRating: 1,
    serviceIds: [S.rigaGelManicure, S.rigaPedicure, S.rigaBrows],
    hours: week([1, 2, 3, 4, 5, 6], { from: '10:00', to: '18:00', breaks: lunch('14:00', '14:30') }),
  },
  {
    id: T.anna, locationId: L.riga, name: 'Anna Liepa', specialization: 'Kosmetoloģe',
    position: null, rating: 4.7, votes: 18, comments: 4, avatar: avatar('anna'),
    informationHtml: info('Sejas procedūras.'),
    weight: 10, showRating: 1,
    serviceIds: [S.rigaFacial, S.rigaBrows],
    hours: week([0, 3, 4, 5, 6], { from: '10:00', to: '17:00' }),
  },
  ...CHAIN_TEAM,
];

/** Phones refused with 434, compared by digits only. */
export const BLACKLISTED_PHONES: string[] = [DEMO.blacklistedPhone];

const warm = { primary: 'deep-purple', accent: 'amber', warn: 'pink', background: 'grey' };
const yellowOnWhite = { primary: 'yellow', accent: 'light-blue', warn: 'amber', background: 'white' };
const purpleOnBlack = { primary: 'deep-purple', accent: 'pink', warn: 'red', background: 'black' };
const steps = (serviceStep: Partial<DemoForm['steps'][number]> = {}, masterDefault: number = -1): DemoForm['steps'] => [
  { step: 'service', title: 'Choose a service', num: 1, hidden: false, ...serviceStep },
  { step: 'master', title: 'Choose a team member', num: 2, hidden: false, default: masterDefault },
  { step: 'datetime', title: 'Select date and time', num: 3, hidden: false },
  { step: 'contact', title: 'Your details', num: 4, hidden: false, default: 0 },
  { step: 'comfirm', title: 'Confirm your booking', num: 5, hidden: false, default: 0 },
];

/** `default`: 'all' lets the visitor choose; 'services' or 'events' preselects one. */
const recordTypeStep: DemoFormStep = { step: 'record_type', title: 'Individual services or group events', num: 0, hidden: false, default: 'all' };

// The languages most demo forms offer: two right-to-left, one in Chinese characters, in the API's id order.
const LANGS = ['en-US', 'lv-LV', 'fr-FR', 'he-IL', 'cn-CN', 'ar-AR'];

export const FORMS: DemoForm[] = [
  {
    id: DEMO.forms.chain, title: 'Lumen Studio: all locations', groupId: DEMO.groupId, locationId: L.newYork,
    phoneConfirmation: false, lang: 'en-US', langs: LANGS, commentRequired: false,
    showPrivacyPolicy: false, specializationDisplayMode: 0, steps: steps(), palette: warm,
    logo: '/demo/logo.svg', headerBackground: '/demo/header.svg',
  },
  {
    id: DEMO.forms.newYork, title: 'Lumen Studio SoHo', groupId: 0, locationId: L.newYork,
    phoneConfirmation: false, lang: 'en-US', langs: LANGS, commentRequired: false,
    commentInputName: 'Anything we should know?', showPrivacyPolicy: false, specializationDisplayMode: 0,
    steps: steps({}, 0), palette: { primary: 'teal', accent: 'orange', warn: 'teal', background: 'grey' },
  },
  {
    id: DEMO.forms.newYorkPresetService, title: "SoHo: women's haircut", groupId: 0, locationId: L.newYork,
    phoneConfirmation: false, lang: 'en-US', langs: ['en-US'], commentRequired: true,
    bookingNotifyText: 'Please arrive 10 minutes early.', showPrivacyPolicy: false, specializationDisplayMode: 1,
    // A hidden step's default arrives as a string here: the API gives "string or number".
    steps: steps({ hidden: true, default: String(S.womensHaircut) }), palette: warm,
  },
  {
    id: DEMO.forms.riga, title: 'Lumen Studio Rīga', groupId: 0, locationId: L.riga,
    phoneConfirmation: true, lang: 'lv-LV', langs: ['en-US', 'lv-LV'], commentRequired: false,
    showPrivacyPolicy: false, specializationDisplayMode: 1, steps: steps(), stringIds: true,
    palette: { primary: 'indigo', accent: 'light-blue', warn: 'indigo', background: 'white' },
  },
  {
    id: DEMO.forms.lightPalette, title: 'Lumen Studio SoHo', groupId: 0, locationId: L.newYork,
    phoneConfirmation: false, lang: 'en-US', langs: LANGS, commentRequired: false,
    showPrivacyPolicy: false, specializationDisplayMode: 0, steps: steps({}, 0),
    palette: yellowOnWhite,
    logo: '/demo/logo.svg', headerBackground: '/demo/header.svg',
  },
  {
    id: DEMO.forms.darkPalette, title: 'Lumen Studio SoHo', groupId: 0, locationId: L.newYork,
    phoneConfirmation: false, lang: 'en-US', langs: LANGS, commentRequired: false,
    showPrivacyPolicy: false, specializationDisplayMode: 0, steps: steps({}, 0),
    palette: purpleOnBlack,
    logo: '/demo/logo.svg', headerBackground: '/demo/header.svg',
  },
  {
    id: DEMO.forms.newYorkConsent, title: 'Lumen Studio SoHo', groupId: 0, locationId: L.newYork,
    phoneConfirmation: false, lang: 'en-US', langs: LANGS, commentRequired: true,
    commentInputName: 'Hair length and anything we should know', bookingNotifyText: 'A card is not needed: you pay at the studio.',
    showPrivacyPolicy: true, specializationDisplayMode: 0, steps: steps({}, 0), palette: warm,
  },
  ...[
    { id: DEMO.forms.chainLightPalette, palette: yellowOnWhite },
    { id: DEMO.forms.chainDarkPalette, palette: purpleOnBlack },
  ].map((variant): DemoForm => ({
    ...variant, title: 'Lumen Studio: all locations', groupId: DEMO.groupId, locationId: L.newYork,
    phoneConfirmation: false, lang: 'en-US', langs: LANGS, commentRequired: false,
    showPrivacyPolicy: false, specializationDisplayMode: 0, steps: steps(),
    logo: '/demo/logo.svg', headerBackground: '/demo/header.svg',
  })),
  // Forms offering group events: a record-type step first (individual services or group events).
  // The forms above have none, so they offer individual services only, as before.
  {
    id: DEMO.forms.newYorkClasses, title: 'Lumen Studio SoHo: services and classes', groupId: 0, locationId: L.newYork,
    phoneConfirmation: false, lang: 'en-US', langs: LANGS, commentRequired: false,
    showPrivacyPolicy: false, specializationDisplayMode: 0, steps: [recordTypeStep, ...steps({}, 0)],
    palette: { primary: 'teal', accent: 'orange', warn: 'teal', background: 'grey' },
  },
  {
    id: DEMO.forms.chainClasses, title: 'Lumen Studio: services and classes', groupId: DEMO.groupId, locationId: L.newYork,
    phoneConfirmation: false, lang: 'en-US', langs: LANGS, commentRequired: false,
    showPrivacyPolicy: false, specializationDisplayMode: 0, steps: [recordTypeStep, ...steps()], palette: warm,
    logo: '/demo/logo.svg', headerBackground: '/demo/header.svg',
  },
  {
    id: DEMO.forms.newYorkAnalytics, title: 'Lumen Studio SoHo', groupId: 0, locationId: L.newYork,
    phoneConfirmation: false, lang: 'en-US', langs: LANGS, commentRequired: false,
    showPrivacyPolicy: false, specializationDisplayMode: 0, steps: steps({}, 0),
    palette: { primary: 'teal', accent: 'orange', warn: 'teal', background: 'grey' },
    analytics: { ga: 'G-DEMO12345', pixel: '1234567890123', metrika: 98765432 },
  },
  // The large chain: Altegio's `city` and `company` steps, then the usual ones.
  {
    id: DEMO.forms.largeChain, title: 'Lumen Express: all locations', groupId: CHAIN_GROUP_ID, locationId: CHAIN_LOCATIONS[0]!.id,
    phoneConfirmation: false, lang: 'en-US', langs: LANGS, commentRequired: false,
    showPrivacyPolicy: false, specializationDisplayMode: 0,
    steps: [
      { step: 'city', title: 'Choose a city', num: 0, hidden: false },
      { step: 'company', title: 'Choose a location', num: 0, hidden: false },
      ...steps(),
    ],
    palette: warm, logo: '/demo/logo.svg', headerBackground: '/demo/header.svg',
  },
  // The same chain with the usual steps only (no `city` step).
  {
    id: DEMO.forms.largeChainNoCityStep, title: 'Lumen Express: all locations', groupId: CHAIN_GROUP_ID, locationId: CHAIN_LOCATIONS[0]!.id,
    phoneConfirmation: false, lang: 'en-US', langs: LANGS, commentRequired: false,
    showPrivacyPolicy: false, specializationDisplayMode: 0, steps: steps(),
    palette: warm, logo: '/demo/logo.svg', headerBackground: '/demo/header.svg',
  },
];

/** Titles of the languages a form may offer, with the API's language ids. */
export const LANGUAGES: Record<string, { id: number; title: string }> = {
  'en-US': { id: 2, title: 'English' },
  'lv-LV': { id: 4, title: 'Latviešu valoda' },
  'fr-FR': { id: 8, title: 'Français' },
  'he-IL': { id: 22, title: 'עברית' },
  'cn-CN': { id: 19, title: '中文' },
  'ar-AR': { id: 20, title: 'العَرَبِيَّة' },
};
