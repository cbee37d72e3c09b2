// The Shops view's two filters (docs/web.md "Shops view"), pure so that their edges are tested
// without a browser (tests/browser/shops-filters.test.mjs). A filter never hides a shop that
// might match: a range counts by its low end, and a shop that could not be scored stays in view
// (its error says why).
export const FILTER_DAYS = 14; // "crosses 2.5 within 14 days"
export const BELOW = 3.5; // "below 3.5": under the affiliate / campaign / 5-day settlement tier

// A shop's SPS, or the low end of its range when an input is missing.
export const spsLow = (row) => (row.sps != null ? row.sps : row.sps_low);

// r: {row: the batch row's cells, forecast: [{threshold, date}], error}; filters: {below, cross}.
export function matchesFilters(r, filters) {
  if (!r) return false;
  if (r.error) return true;
  const low = spsLow(r.row);
  if (filters.below && !(low != null && low < BELOW)) return false;
  if (filters.cross && !crossesSoon(r)) return false;
  return true;
}

// A forecast date at 2.5 (reached or lost, either scenario) on or before as_of + 14 days.
export function crossesSoon(r) {
  if (!r.forecast || !r.row.as_of) return false;
  const limit = addDays(r.row.as_of, FILTER_DAYS);
  return r.forecast.some((e) => e.threshold === 2.5 && e.date <= limit);
}

function addDays(iso, n) {
  const d = new Date(iso + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
