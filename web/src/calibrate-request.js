// "Match my Seller Center" (docs/calibration.md, docs/web.md): the readings the seller typed,
// read into the snapshot JSON the core's calibrate() takes, and the texts that prefill a reading
// from ShopScore's own result. Pure: no DOM, storage or clock, like request.js.
//
// A reading is {key, texts}; texts are keyed by the field's name within the reading:
//   as_of, sps, DIM-score, DIM-weight, DIM-nodata ('true' = 无数据 / No data),
//   METRIC-value, METRIC-score, METRIC-line_4, METRIC-line_1.
// The field's element id is `cal-KEY-NAME` (fieldId), which is how messages find it.
import { parseNumber, parseMetric, normalize } from './parse.js';
import { METRICS, DIMENSIONS } from './model.js';

export const fieldId = (key, name) => `cal-${key}-${name}`;

// Seller Center shows a score with one decimal, half up (floor(10x + 0.5) / 10).
export function shownScore(x) {
  if (x == null || !Number.isFinite(x)) return '';
  return (Math.floor(10 * x + 0.5) / 10).toFixed(1);
}

// Rates as Seller Center shows them: percent with two decimals; AHT in hours with one.
function shownValue(metric, v) {
  if (v == null || !Number.isFinite(v)) return '';
  return metric === 'aht' ? v.toFixed(1) : (v * 100).toFixed(2);
}

const shownWeight = (w) => (w == null || !Number.isFinite(w) ? '' : String(Math.round(w * 1000) / 10));

// A reading prefilled with ShopScore's numbers: the result's scores and values (as Seller Center
// would show them), the profile's dimension weights and category lines. A metric or dimension
// without data is left for the seller (a dimension without data is ticked No data).
export function textsFromResult(result, profile) {
  const texts = { as_of: result.as_of || '' };
  texts.sps = result.sps == null ? '' : String(result.sps_display ?? shownScore(result.sps));
  for (const d of DIMENSIONS) {
    const dim = (result.dimensions || {})[d] || {};
    texts[`${d}-weight`] = shownWeight((profile.weights || {})[d] ?? dim.weight);
    texts[`${d}-nodata`] = dim.no_data ? 'true' : '';
    texts[`${d}-score`] = dim.no_data || dim.score == null ? '' : String(dim.display ?? shownScore(dim.score));
  }
  for (const m of METRICS) {
    const r = (result.metrics || {})[m] || {};
    const given = !r.no_data && r.input !== 'missing';
    const lines = (profile.benchmarks || {})[m] || {};
    texts[`${m}-value`] = given ? shownValue(m, r.value) : '';
    texts[`${m}-score`] = given ? shownScore(r.score) : '';
    texts[`${m}-line_4`] = shownValue(m, lines.good);
    texts[`${m}-line_1`] = shownValue(m, lines.poor);
  }
  return texts;
}

// The scores and values of another day, with this reading's lines and weights (Seller Center
// changes those rarely): what "Fill in ShopScore's numbers" puts in an added reading.
export function textsForDay(result, profile, base) {
  const day = textsFromResult(result, profile);
  const out = { ...day };
  for (const [k, v] of Object.entries(base || {})) if (/-(weight|line_4|line_1)$/.test(k) && v !== '') out[k] = v;
  return out;
}

// "2026-11-01", "2026/11/1", "2026年11月1日" -> "2026-11-01"; a real calendar day, else null.
export function readDate(text) {
  const s = normalize(text).replace(/日$/, '');
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})$/.exec(s);
  if (!m) return null;
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.toISOString().slice(0, 10) === iso ? iso : null;
}

// A score as shown: 0-5 with at most one decimal ("3.45" is not what the page shows).
function readScore(text) {
  const n = parseNumber(text);
  const s = normalize(text).replace(/,/g, '.');
  if (n == null || n < 0 || n > 5 || /\.\d{2,}$/.test(s)) return { error: 'cal.err_score' };
  return { value: n };
}

// A dimension weight in percent as Seller Center shows it ("52", "52 %").
function readWeight(text) {
  const n = parseNumber(text);
  if (n == null || n < 0 || n > 100) return { error: 'cal.err_weight' };
  return { value: n / 100 };
}

// snaps: [{key, texts}] -> {snapshots (the core's own form), fields: {fieldId: {error|note}},
// invalid}. A field left empty is not given (the core fits without it); a value that cannot be
// read is an error at its field and nothing is sent.
export function readSnapshots(snaps) {
  const fields = {};
  const snapshots = [];
  const dates = new Map();
  for (const { key, texts } of snaps) {
    const id = (name) => fieldId(key, name);
    const read = (name, parse) => {
      const v = String(texts[name] ?? '').trim();
      if (v === '') return undefined;
      const r = parse(v);
      if (r.error || r.note) fields[id(name)] = r;
      return r.error ? undefined : r.value;
    };
    const snap = {};
    const asOf = String(texts.as_of ?? '').trim();
    if (!asOf) fields[id('as_of')] = { error: 'cal.err_date_missing' };
    else if (!readDate(asOf)) fields[id('as_of')] = { error: 'cal.err_date' };
    else if (dates.has(readDate(asOf))) fields[id('as_of')] = { error: 'cal.err_date_twice' };
    else { snap.as_of = readDate(asOf); dates.set(snap.as_of, key); }
    let numbers = 0;
    const sps = read('sps', readScore);
    if (sps !== undefined) { snap.sps = sps; numbers++; }

    const dimensions = {};
    const weights = [];
    for (const d of DIMENSIONS) {
      const card = {};
      if (texts[`${d}-nodata`] === 'true') card.score = null;
      else {
        const s = read(`${d}-score`, readScore);
        if (s !== undefined) card.score = s;
      }
      const w = read(`${d}-weight`, readWeight);
      if (w !== undefined) { card.weight = w; weights.push(w); }
      if (Object.keys(card).length) { dimensions[d] = card; numbers++; }
    }
    // Seller Center's three weights add up to 100 %: a sum far from it is a typo.
    if (weights.length === DIMENSIONS.length) {
      const sum = weights.reduce((a, b) => a + b, 0);
      if (Math.abs(sum - 1) > 0.015) {
        for (const d of DIMENSIONS) fields[id(`${d}-weight`)] = { error: 'cal.err_weights_sum', params: { sum: String(Math.round(sum * 1000) / 10) } };
      }
    }
    if (Object.keys(dimensions).length) snap.dimensions = dimensions;

    const metrics = {};
    for (const m of METRICS) {
      const entry = {};
      const value = read(`${m}-value`, (s) => parseMetric(m, s));
      if (value !== undefined) entry.value = value;
      const score = read(`${m}-score`, readScore);
      if (score !== undefined) entry.score = score;
      const good = read(`${m}-line_4`, (s) => parseMetric(m, s));
      const poor = read(`${m}-line_1`, (s) => parseMetric(m, s));
      // The 4-point line is the better one: lower is better, except the on-time delivery rate.
      if (good !== undefined && poor !== undefined && (m === 'otdr' ? !(good > poor) : !(good < poor))) {
        fields[id(`${m}-line_4`)] = { error: m === 'otdr' ? 'cal.err_line_higher' : 'cal.err_line_lower' };
      } else {
        if (good !== undefined) entry.line_4 = good;
        if (poor !== undefined) entry.line_1 = poor;
      }
      if (Object.keys(entry).length) { metrics[m] = entry; numbers++; }
    }
    if (Object.keys(metrics).length) snap.metrics = metrics;
    if (!numbers && !fields[id('sps')]) fields[id('sps')] = { error: 'cal.err_empty' };
    snapshots.push(snap);
  }
  const invalid = !snapshots.length || Object.values(fields).some((f) => f.error);
  return { snapshots, fields, invalid };
}

// The day a new reading starts on: a week before the earliest one (readings are weekly).
export function weekBefore(snaps, fallback) {
  const dates = snaps.map((s) => readDate(String(s.texts.as_of ?? ''))).filter(Boolean).sort();
  const from = dates[0] || fallback;
  if (!readDate(from || '')) return '';
  const [y, m, d] = from.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d) - 7 * 86400000).toISOString().slice(0, 10);
}
