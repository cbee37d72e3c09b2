// One stored reading (docs/history.md): the summary of a scored result that the history keeps,
// how an imported one is checked, and the change between two readings. Pure functions: no
// storage, no DOM. Nothing of the raw exports is kept (no orders, names, reviews, reasons).
import { METRICS, DIMENSIONS } from '../model.js';

export const SCHEMA = 'shopscore.history/1';
const MAX_SHOP = 200; // characters of a shop name
const num = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

// The summary of `result` (the core's result JSON) for the shop `shop`. `extra`: the profile's
// name as the page shows it, the ShopScore version, the source (sample, files, quick).
export function readingOf(shop, result, extra = {}) {
  const dimensions = {};
  for (const d of DIMENSIONS) {
    const r = (result.dimensions || {})[d] || {};
    dimensions[d] = { score: num(r.score), effective_weight: num(r.effective_weight) };
  }
  const metrics = {};
  for (const id of METRICS) {
    const m = (result.metrics || {})[id] || {};
    // sps_part: the metric's part of the SPS (the core's; the parts sum to sps), the base of
    // the change's split.
    metrics[id] = { value: num(m.value), numerator: num(m.numerator), denominator: num(m.denominator), score: num(m.score), sps_part: num(m.sps_part), input: typeof m.input === 'string' ? m.input : null };
  }
  const range = result.sps_range || {};
  return {
    shop,
    as_of: result.as_of,
    sps: num(result.sps),
    sps_range: { low: num(range.low), high: num(range.high) },
    status: result.status,
    dimensions,
    metrics,
    benefits: (result.benefits || []).filter((b) => b.eligible === true).map((b) => b.id),
    profile: extra.profile || result.profile || '',
    source: extra.source || '',
    version: extra.version || '',
  };
}

// A reading can be stored when its result has a date (every scored result has one).
export function recordable(result) {
  return !!(result && /^\d{4}-\d{2}-\d{2}$/.test(result.as_of || ''));
}

// ---- checking an imported file -------------------------------------------------------------
// Each problem is {code, params}: worded in en and zh by the panel (hist.err.* keys).
class Bad extends Error {
  constructor(code, params = {}) {
    super(code);
    this.code = code;
    this.params = params;
  }
}

function validDay(s) {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(s + 'T00:00:00Z');
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const isScore = (v) => v === null || (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 5);
const isNumber = (v) => v === null || (typeof v === 'number' && Number.isFinite(v));

function checkReading(r, index) {
  const bad = (field) => new Bad('field', { n: index + 1, field });
  if (!r || typeof r !== 'object' || Array.isArray(r)) throw new Bad('not_object', { n: index + 1 });
  if (typeof r.shop !== 'string' || !r.shop.trim() || r.shop.length > MAX_SHOP) throw bad('shop');
  if (!validDay(r.as_of)) throw bad('as_of');
  if (!isScore(r.sps)) throw bad('sps');
  if (!r.sps_range || typeof r.sps_range !== 'object' || !isScore(r.sps_range.low ?? null) || !isScore(r.sps_range.high ?? null)) throw bad('sps_range');
  if (!['scored', 'not_enough_orders'].includes(r.status)) throw bad('status');
  if (!r.dimensions || typeof r.dimensions !== 'object') throw bad('dimensions');
  for (const d of DIMENSIONS) {
    const v = r.dimensions[d];
    if (!v || typeof v !== 'object' || !isScore(v.score ?? null) || !isNumber(v.effective_weight ?? null)) throw bad('dimensions.' + d);
  }
  if (!r.metrics || typeof r.metrics !== 'object') throw bad('metrics');
  for (const id of METRICS) {
    const m = r.metrics[id];
    if (!m || typeof m !== 'object') throw bad('metrics.' + id);
    for (const k of ['value', 'numerator', 'denominator', 'sps_part']) if (!isNumber(m[k] ?? null)) throw bad(`metrics.${id}.${k}`);
    if (!isScore(m.score ?? null)) throw bad(`metrics.${id}.score`);
  }
  if (!Array.isArray(r.benefits) || !r.benefits.every((b) => typeof b === 'string')) throw bad('benefits');
  for (const k of ['profile', 'source', 'version']) if (r[k] != null && typeof r[k] !== 'string') throw bad(k);
}

// The readings of an exported history file (its text), checked; throws {code, params} naming
// the first thing that is wrong. Only the fields a reading has are kept (readingOf's shape).
export function parseHistoryFile(text) {
  let doc;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new Bad('not_json');
  }
  if (!doc || typeof doc !== 'object' || doc.schema !== SCHEMA) throw new Bad('schema', { schema: SCHEMA });
  if (!Array.isArray(doc.readings)) throw new Bad('no_readings');
  doc.readings.forEach(checkReading);
  return doc.readings.map((r) => ({
    shop: r.shop.trim(),
    as_of: r.as_of,
    sps: r.sps,
    sps_range: { low: r.sps_range.low ?? null, high: r.sps_range.high ?? null },
    status: r.status,
    dimensions: Object.fromEntries(DIMENSIONS.map((d) => [d, { score: r.dimensions[d].score ?? null, effective_weight: r.dimensions[d].effective_weight ?? null }])),
    metrics: Object.fromEntries(METRICS.map((id) => {
      const m = r.metrics[id];
      return [id, { value: m.value ?? null, numerator: m.numerator ?? null, denominator: m.denominator ?? null, score: m.score ?? null, sps_part: m.sps_part ?? null, input: typeof m.input === 'string' ? m.input : null }];
    })),
    benefits: r.benefits.slice(),
    profile: r.profile || '',
    source: r.source || '',
    version: r.version || '',
  }));
}

export function historyFile(readings) {
  return JSON.stringify({ schema: SCHEMA, readings }, null, 2) + '\n';
}

// ---- the change since the last reading ------------------------------------------------------
// The latest of `readings` dated before `asOf` (an earlier week; the same day is the same
// reading, replaced rather than compared), or null.
export function previousOf(readings, asOf) {
  let best = null;
  for (const r of readings) if (r.as_of < asOf && (!best || r.as_of > best.as_of)) best = r;
  return best;
}

// The change from reading `from` to reading `to` (docs/history.md "Change since the last
// reading"): change = to.sps - from.sps; each metric's contribution = its part of the SPS then
// minus before (the core's sps_part, why-it-moved's score x share), so the contributions sum
// to the change (up to floating-point rounding). Only subtraction of numbers both readings
// carry: no scoring rule here. When either SPS is a range (an input missing) there is no one
// number to subtract: change and metrics are null and `range` says so.
export function changeBetween(from, to) {
  const out = { previous_as_of: from.as_of, previous_sps: from.sps, change: null, metrics: null, range: false };
  if (from.sps == null || to.sps == null) {
    out.range = true;
    return out;
  }
  out.change = to.sps - from.sps;
  const parts = (r) => METRICS.map((id) => r.metrics && r.metrics[id] ? r.metrics[id].sps_part : null);
  const a = parts(from), b = parts(to);
  // A reading without parts (from a ShopScore before they existed) gives the change unsplit.
  if (a.every((x) => x != null) && b.every((x) => x != null)) out.metrics = METRICS.map((id, i) => ({ metric: id, contribution: b[i] - a[i] }));
  return out;
}
