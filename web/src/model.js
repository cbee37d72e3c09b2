// The scoring model's names and numbers the page needs: metric and dimension ids, the 30-order
// gate, the benefit tiers. They come from the core's meta() binding (docs/rules.md) when the
// module has it, so the page holds no copy of a rule; main.js calls applyMeta() once the worker
// is ready. Until then (and with an older module) the ids below are the result JSON's own keys.
export const model = {
  metrics: ['nrr', 'nbfr', 'otdr', 'sfcr', 'imd', 'aht'],
  dimensions: ['product', 'fulfillment', 'service'],
  metricDimension: { nrr: 'product', nbfr: 'product', otdr: 'fulfillment', sfcr: 'fulfillment', imd: 'service', aht: 'service' },
  // Delivered orders in 90 days for an official score (docs/rules.md). Replaced by meta()'s
  // value; this one stands only for a module built before meta() existed.
  gate: 30,
  // Benefit tiers and the "what to fix first" thresholds (docs/rules.md), likewise from meta().
  tiers: [2.5, 3.5, 4.0],
  priority: { target: 4.0, keyMinGain: 0.05, attentionBelow: 3.5 },
  version: '',
  fromCore: false, // meta() was read: the core also knows the options that came with it (csv_lang)
};

// The metrics (and their dimensions) in the core's order.
export const METRICS = model.metrics;
export const DIMENSIONS = model.dimensions;
export const METRIC_DIMENSION = model.metricDimension;

// meta: the parsed JSON of the core's meta() (null when the module predates it).
export function applyMeta(meta) {
  if (!meta || typeof meta !== 'object') return;
  model.fromCore = true;
  if (meta.gate && Number.isFinite(meta.gate.orders)) model.gate = meta.gate.orders;
  else if (Number.isFinite(meta.gate)) model.gate = meta.gate;
  if (Array.isArray(meta.metrics) && meta.metrics.length) {
    const ids = meta.metrics.map((m) => (typeof m === 'string' ? m : m.id));
    METRICS.splice(0, METRICS.length, ...ids);
    for (const m of meta.metrics) if (m && m.dimension) METRIC_DIMENSION[m.id] = m.dimension;
  }
  if (Array.isArray(meta.dimensions) && meta.dimensions.length) {
    DIMENSIONS.splice(0, DIMENSIONS.length, ...meta.dimensions.map((d) => (typeof d === 'string' ? d : d.id)));
  }
  if (Array.isArray(meta.benefit_tiers) && meta.benefit_tiers.length) model.tiers = meta.benefit_tiers.slice();
  if (meta.priority) {
    const p = meta.priority;
    if (Number.isFinite(p.target)) model.priority.target = p.target;
    if (Number.isFinite(p.key_opportunity_min_gain)) model.priority.keyMinGain = p.key_opportunity_min_gain;
    if (Number.isFinite(p.needs_attention_below)) model.priority.attentionBelow = p.needs_attention_below;
  }
  if (meta.version) model.version = meta.version;
}

export function gate() {
  return model.gate;
}
