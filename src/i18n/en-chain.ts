// English for a large chain's views (the city step, the search, "nearest to me"): it comes with
// their chunk (addEnglish), as en-later.ts does for the later steps. Resource keys are the booking
// form's en-US resource's own words; `widget.*` are the widget's (every src/i18n/widget/ file has them).
export const enChain = {
  backFilials: 'Locations',
  city: { search_cities: 'Find cities' },
  company: { find_companies: 'Find locations', not_found_companies: 'No locations found for your search' },
  geo: { geo_timeout_error: 'Unable to determine your location. You may be out of GPS coverage' },
  widget: {
    near_me: 'Nearest to me',
    locating: 'Finding your location…',
    nearest_first: 'Nearest first',
    geo_denied: 'Your location was not shared, so the list keeps its own order. You can still search it or choose from it.',
    locations_count: { nominative: '{count} location', genitive: '{count} locations', 'plural-genitive': '{count} locations' },
  },
};
