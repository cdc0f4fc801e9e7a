// The demo's large chain: 30 "Lumen Express" locations in six cities and five time zones (New York,
// Chicago, Denver, Los Angeles, London, Rīga), generated from the table below: each location has
// its coordinates, one category of three services and two team members whose weekly hours make
// free times every day. A chain of its own (group 71), so forms 1–11 and their lists stay as they were.
import type { DemoCategory, DemoLocation, DemoService, DemoTeamMember } from './model';

export const CHAIN_GROUP_ID = 71;
/** The first location's id; the others follow (102001 … 102030). */
const FIRST_ID = 102001;

interface CityRow {
  city: string;
  cityId: number;
  country: string;
  countryId: number;
  zone: string;
  /** Standard offset in hours (the API's numeric `timezone`). */
  offset: number;
  currency: string;
  /** Prices of the three services in the city's currency. */
  prices: [haircut: number, blowDry: number, manicure: number];
  phone: string;
  /** Neighbourhood, street address, zip, latitude, longitude. */
  places: [string, string, string, number, number][];
}

const CITIES: CityRow[] = [
  {
    city: 'New York', cityId: 181, country: 'United States', countryId: 7, zone: 'America/New_York', offset: -5,
    currency: 'USD', prices: [55, 40, 30], phone: '+1 212 555 03',
    places: [
      ['Chelsea', '245 W 23rd Street', '10011', 40.7455, -73.9973],
      ['Upper West Side', '2270 Broadway', '10024', 40.7846, -73.9787],
      ['Harlem', '145 W 125th Street', '10027', 40.8093, -73.9474],
      ['Williamsburg', '180 Bedford Avenue, Brooklyn', '11249', 40.7172, -73.9566],
      ['Astoria', '31-10 Broadway, Astoria', '11106', 40.7614, -73.9246],
    ],
  },
  {
    city: 'Chicago', cityId: 182, country: 'United States', countryId: 7, zone: 'America/Chicago', offset: -6,
    currency: 'USD', prices: [50, 35, 28], phone: '+1 312 555 03',
    places: [
      ['The Loop', '20 N State Street', '60602', 41.8826, -87.6278],
      ['Wicker Park', '1550 N Milwaukee Avenue', '60622', 41.9097, -87.6776],
      ['Lincoln Park', '2450 N Clark Street', '60614', 41.9263, -87.6424],
      ['Hyde Park', '1500 E 53rd Street', '60615', 41.7995, -87.5892],
      ['Logan Square', '2600 N Milwaukee Avenue', '60647', 41.9289, -87.7076],
    ],
  },
  {
    city: 'Denver', cityId: 183, country: 'United States', countryId: 7, zone: 'America/Denver', offset: -7,
    currency: 'USD', prices: [45, 32, 25], phone: '+1 303 555 03',
    places: [
      ['LoDo', '1600 Wazee Street', '80202', 39.7526, -104.9994],
      ['Capitol Hill', '1300 E Colfax Avenue', '80218', 39.7402, -104.9716],
      ['Highlands', '3300 W 32nd Avenue', '80211', 39.7622, -105.0325],
      ['Cherry Creek', '250 Columbine Street', '80206', 39.7196, -104.9562],
      ['Washington Park', '1080 S Gaylord Street', '80209', 39.6971, -104.9617],
    ],
  },
  {
    city: 'Los Angeles', cityId: 184, country: 'United States', countryId: 7, zone: 'America/Los_Angeles', offset: -8,
    currency: 'USD', prices: [60, 42, 32], phone: '+1 213 555 03',
    places: [
      ['Downtown', '700 S Broadway', '90014', 34.0450, -118.2533],
      ['Silver Lake', '3900 Sunset Boulevard', '90029', 34.0913, -118.2781],
      ['Santa Monica', '1300 Third Street Promenade, Santa Monica', '90401', 34.0161, -118.4965],
      ['Pasadena', '40 E Colorado Boulevard, Pasadena', '91105', 34.1456, -118.1496],
      ['Venice', '1400 Abbot Kinney Boulevard, Venice', '90291', 33.9912, -118.4671],
    ],
  },
  {
    city: 'London', cityId: 291, country: 'United Kingdom', countryId: 3, zone: 'Europe/London', offset: 0,
    currency: 'GBP', prices: [45, 30, 25], phone: '+44 20 7946 03',
    places: [
      ['Shoreditch', '120 Shoreditch High Street', 'E1 6JE', 51.5255, -0.0776],
      ['Notting Hill', '150 Portobello Road', 'W11 2DZ', 51.5146, -0.2040],
      ['Camden', '200 Camden High Street', 'NW1 8QP', 51.5403, -0.1438],
      ['Clapham', '45 Clapham High Street', 'SW4 7TL', 51.4623, -0.1386],
      ['Greenwich', '12 Greenwich Church Street', 'SE10 9BJ', 51.4816, -0.0093],
    ],
  },
  {
    city: 'Rīga', cityId: 412, country: 'Latvia', countryId: 14, zone: 'Europe/Riga', offset: 2,
    currency: 'EUR', prices: [30, 22, 20], phone: '+371 6720 03',
    places: [
      ['Vecrīga', 'Kaļķu iela 15', 'LV-1050', 56.9490, 24.1085],
      ['Centrs', 'Brīvības iela 40', 'LV-1050', 56.9556, 24.1181],
      ['Āgenskalns', 'Nometņu iela 10', 'LV-1048', 56.9409, 24.0768],
      ['Teika', 'Brīvības gatve 300', 'LV-1006', 56.9776, 24.1699],
      ['Ķengarags', 'Maskavas iela 280', 'LV-1063', 56.9181, 24.1897],
    ],
  },
];

const FIRST_NAMES = ['Ava', 'Leo', 'Mia', 'Noah', 'Zoe', 'Eli', 'Ivy', 'Sam', 'Ruby', 'Max', 'Nora', 'Ben', 'Lila', 'Owen', 'Jade'];
const LAST_NAMES = ['Carter', 'Diaz', 'Evans', 'Foster', 'Garcia', 'Hughes', 'Ito', 'Jensen', 'Khan', 'Lopez', 'Moreau', 'Novak', 'Ortiz'];

export const CHAIN_LOCATIONS: DemoLocation[] = [];
export const CHAIN_CATEGORIES: DemoCategory[] = [];
export const CHAIN_SERVICES: DemoService[] = [];
export const CHAIN_TEAM: DemoTeamMember[] = [];

/** The location ids by city and neighbourhood, for tests: `CHAIN_IDS['Chicago']['Wicker Park']`. */
export const CHAIN_IDS: Record<string, Record<string, number>> = {};

let n = 0;
for (const row of CITIES) {
  CHAIN_IDS[row.city] = {};
  for (const [place, address, zip, lat, lon] of row.places) {
    const id = FIRST_ID + n;
    CHAIN_IDS[row.city]![place] = id;
    const title = `Lumen Express ${place}`;
    CHAIN_LOCATIONS.push({
      id, groupId: CHAIN_GROUP_ID, title, shortDescription: 'Express hair & nails',
      descriptionHtml: `<p>Quick cuts, blow-dries and manicures in ${place}.</p>`,
      phone: `${row.phone}${String(10 + n).padStart(2, '0')}`,
      country: row.country, countryId: row.countryId, city: row.city, cityId: row.cityId,
      address, zip, lat, lon, timezoneName: row.zone, timezone: row.offset, currency: row.currency,
      phoneConfirmation: false, site: 'lumen-express.example',
      allowDeleteRecord: true, deleteDelaySeconds: 2 * 3600, allowChangeRecord: true, changeDelaySeconds: 4 * 3600,
      reminderHours: 24, privacyPolicyHtml: '<p>Lumen Express keeps your contact data only to manage your appointments.</p>',
    });
    const categoryId = 9001 + n;
    CHAIN_CATEGORIES.push({ id: categoryId, locationId: id, title: 'Express', weight: 10 });
    const serviceIds = [0, 1, 2].map((k) => 20000 + n * 10 + k);
    const [haircut, blowDry, manicure] = row.prices;
    const rows: [string, number, number][] = [['Express haircut', haircut, 30], ['Blow-dry', blowDry, 30], ['Express manicure', manicure, 30]];
    rows.forEach(([serviceTitle, price, minutes], k) =>
      CHAIN_SERVICES.push({
        id: serviceIds[k]!, locationId: id, categoryId, title: serviceTitle, priceMin: price, priceMax: price, discount: 0,
        duration: minutes, comment: '', weight: 3 - k, bookable: true,
      }),
    );
    // Two members: one for the mornings from Monday to Saturday, one for the afternoons from Tuesday to Sunday.
    const shifts = [
      { days: [1, 2, 3, 4, 5, 6], from: '08:00', to: '16:00' },
      { days: [0, 2, 3, 4, 5, 6], from: '12:00', to: '20:00' },
    ];
    shifts.forEach((shift, k) => {
      const index = 2 * n + k;
      CHAIN_TEAM.push({
        id: 1000 + n * 10 + k, locationId: id,
        name: `${FIRST_NAMES[index % FIRST_NAMES.length]} ${LAST_NAMES[index % LAST_NAMES.length]}`,
        specialization: 'Stylist', position: null, rating: 4.5 + (index % 5) / 10, votes: 10 + index, comments: index % 7,
        informationHtml: '', weight: 2 - k, showRating: 1, serviceIds,
        hours: Object.fromEntries(shift.days.map((d) => [d, { from: shift.from, to: shift.to }])),
      });
    });
    n++;
  }
}
