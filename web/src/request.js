// Building a score request from the store: pure (no DOM, no storage, no clock: `today` is
// given), so the same inputs always give the same request. It reads the typed texts the forms
// put in the store (state.shopText, state.quickText, state.typedText), checks each with parse.js,
// and answers what the scoring needs:
//   { fields: {fieldId: {error|note, params}}, invalid, ingest: {session, key, shop, files}|null,
//     session, options, assumed }
// `invalid`: a typed value cannot be read; the caller must not score (a typo never changes the
// score) and marks the shown result as not matching the inputs.
import { parseRate, parseHours, parseCount, parseMetric } from './parse.js';
import { METRICS, gate } from './model.js';

// The shop-facts form: key, kind (how its text is read).
export const SHOP_FIELDS = [
  { key: 'opened', type: 'date' },
  { key: 'as_of', type: 'date' },
  { key: 'utc_offset', type: 'offset', placeholder: '-08:00', hint: 'shop.utc_hint' },
  { key: 'category', type: 'text' },
  { key: 'reputation_points', type: 'count' },
  { key: 'has_logo', type: 'select' },
  { key: 'products_for_sale', type: 'count' },
  { key: 'violations_30d', type: 'count' },
  { key: 'positive_rating_rate', type: 'percent' },
];

// The shop facts typed in: {facts, fields} (fields keyed by element id). Dates that cannot be
// right are errors at their field, never facts (issue 22): a shop opened after its evaluation
// date, or an evaluation date after `today` (when given).
export function readShopFacts(texts = {}, today = '') {
  const facts = {};
  const fields = {};
  for (const f of SHOP_FIELDS) {
    const v = String(texts[f.key] ?? '').trim();
    if (v === '') continue;
    const id = 'shop-' + f.key;
    if (f.type === 'count') {
      // Whole counts as Seller Center shows them ("12,500" points is 12500, not 12.5: the
      // decimal-comma rule of the other numbers would have failed Gold Star's 10,000).
      const r = parseCount(v);
      if (r.error) fields[id] = { error: 'shop.err_number' };
      else facts[f.key] = r.value;
    } else if (f.type === 'percent') {
      const r = parseRate(v);
      if (r.error) fields[id] = { error: r.error };
      else { facts[f.key] = r.value; if (r.note) fields[id] = { note: r.note, value: r.value }; }
    } else if (f.type === 'offset') {
      if (/^[+-](0\d|1[0-4]):[0-5]\d$/.test(v)) facts[f.key] = v;
      else fields[id] = { error: 'shop.err_offset' };
    } else if (f.type === 'select') facts[f.key] = v === 'true';
    else facts[f.key] = v;
  }
  if (facts.as_of && today && facts.as_of > today) {
    fields['shop-as_of'] = { error: 'shop.err_as_of_future' };
    delete facts.as_of;
  }
  if (facts.opened && facts.as_of && facts.opened > facts.as_of) {
    fields['shop-opened'] = { error: 'shop.err_opened_after' };
    delete facts.opened;
  }
  return { facts, fields };
}

function minusDays(iso, days) {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d) - days * 86400000).toISOString().slice(0, 10);
}

// Quick mode: a dataset with the metrics given directly (docs/scoring.md "Metrics typed by the
// seller"). texts: {fieldId: text}. The delivered-orders count is always asked for; left empty,
// the shop is taken as past the gate (said on the page) - never on a guess below it, so the
// small-shop protection is not applied.
export function quickDataset(texts, facts, today) {
  const fields = {};
  const read = (id, parse) => {
    const v = String(texts[id] ?? '').trim();
    if (v === '') return undefined;
    const r = parse(v);
    if (r.error || r.note) fields[id] = r;
    return r.error ? null : r;
  };
  const asOf = facts.as_of || today;
  const shop = { ...facts, as_of: asOf };
  const age = read('quick-shop_age_days', parseCount);
  if (age) shop.opened = minusDays(asOf, age.value);

  const metrics = {};
  let largestDelivered = 0;
  for (const m of METRICS) {
    const value = read(`quick-${m}-value`, (s) => parseMetric(m, s));
    const num = read(`quick-${m}-numerator`, m === 'aht' ? parseHours : parseCount);
    const den = read(`quick-${m}-denominator`, parseCount);
    const pair = num && den && !(m !== 'aht' && num.value > den.value);
    if (num && den && !pair) fields[`quick-${m}-numerator`] = { error: 'quick.err_num_den', params: { den: 'quick.denominator_' + m } };
    if (!value) continue;
    const entry = { value: value.value };
    if (pair) { entry.numerator = num.value; entry.denominator = den.value; }
    if ((m === 'nrr' || m === 'nbfr') && entry.denominator) largestDelivered = Math.max(largestDelivered, entry.denominator);
    metrics[m] = entry;
  }
  const delivered = read('quick-delivered_orders_90d', parseCount);
  const assumed = delivered === undefined;
  shop.delivered_orders_90d = assumed ? Math.max(gate() + 1, largestDelivered) : delivered ? delivered.value : 0;
  const invalid = Object.values(fields).some((f) => f.error);
  return { dataset: { schema: 'shopscore.dataset/1', shop, metrics }, fields, invalid, assumed };
}

// Metrics typed under the table for files and the sample: the `metrics` score option.
export function typedMetrics(texts = {}) {
  const metrics = {};
  const fields = {};
  for (const [id, text] of Object.entries(texts)) {
    const s = String(text).trim();
    if (!s) continue;
    const r = parseMetric(id, s);
    if (r.error || r.note) fields['type-' + id] = r;
    if (!r.error) metrics[id] = { value: r.value };
  }
  return { metrics, fields, invalid: Object.values(fields).some((f) => f.error) };
}

// The sample's exact bytes; a typed time zone goes in its shop object, since the dataset's
// timestamps are converted with it when the JSON is read.
function sampleText(sampleJson, offset) {
  if (!offset) return sampleJson;
  const data = JSON.parse(sampleJson);
  data.shop = { ...data.shop, utc_offset: offset };
  return JSON.stringify(data);
}

// state: the store; env: {today, sampleJson, profile}.
export function buildRequest(state, env) {
  const shop = readShopFacts(state.shopText, env.today);
  const fields = { ...shop.fields };
  let invalid = Object.values(shop.fields).some((f) => f.error);
  const options = { profile: env.profile, insights: true };
  let ingest = null;
  let session = state.source;
  let assumed = false;
  if (state.source === 'quick') {
    const { facts } = shop;
    delete facts.utc_offset;
    const q = quickDataset(state.quickText || {}, facts, env.today);
    // The metrics typed under the table keep their messages (the last result of the files or
    // the sample, which shows those fields, may still be on screen); quick mode does not use them.
    Object.assign(fields, typedMetrics(state.typedText).fields, q.fields);
    invalid = invalid || q.invalid;
    assumed = q.assumed;
    const text = JSON.stringify(q.dataset);
    ingest = { session: 'quick', key: text, shop: '', files: [{ key: 0, name: 'quick.json', text }] };
  } else if (state.source === 'sample' || state.source === 'files') {
    const typed = typedMetrics(state.typedText);
    Object.assign(fields, typed.fields);
    invalid = invalid || typed.invalid;
    if (Object.keys(typed.metrics).length) options.metrics = typed.metrics;
    const { as_of: asOf, utc_offset: offset, ...rest } = shop.facts;
    if (asOf) options.as_of = asOf;
    if (Object.keys(rest).length) options.shop = rest;
    if (state.source === 'sample') {
      if (typeof env.sampleJson !== 'string') session = null;
      else {
        const key = offset || '';
        ingest = { session: 'sample', key, shop: '', files: [{ key: 0, name: 'sample-dataset.json', text: sampleText(env.sampleJson, offset) }] };
      }
    } else if (!state.session || state.busy) session = null;
  } else session = null;
  return { fields, invalid, ingest, session, options, assumed };
}
