// The scoring model's names and numbers the page needs, from the core's meta() binding
// (docs/wasm.md, docs/rules.md): the page holds no copy of a rule's number. main.js calls
// applyMeta() as soon as the worker is ready, before any score is asked for; a number read
// before that throws (a bug in the page's order of work, not a value to guess).
//
// The metric and dimension ids are the page's vocabulary (its labels in i18n/, the exports that
// feed them): applyMeta() fails the boot if the core's ids or their dimensions differ, so they
// cannot drift apart unnoticed.
export const METRICS = ['nrr', 'nbfr', 'otdr', 'sfcr', 'imd', 'aht'];
export const DIMENSIONS = ['product', 'fulfillment', 'service'];
export const METRIC_DIMENSION = { nrr: 'product', nbfr: 'product', otdr: 'fulfillment', sfcr: 'fulfillment', imd: 'service', aht: 'service' };

let meta = null;

function loaded() {
  if (!meta) throw new Error('the core\'s meta() is not loaded yet');
  return meta;
}

export const model = {
  // Delivered orders in 90 days for an official score (docs/rules.md §13).
  get gate() { return loaded().gate.orders; },
  // The SPS thresholds of the benefits, ascending (docs/rules.md §20).
  get tiers() { return loaded().benefit_tiers; },
  // The size limits (docs/limits.md): json_bytes, page_file_bytes, the XLSX parts.
  get limits() { return loaded().limits; },
  // The thresholds of "what to fix first" (docs/rules.md §26).
  get priority() {
    const p = loaded().priority;
    return { target: p.target, keyMinGain: p.key_opportunity_min_gain, attentionBelow: p.needs_attention_below };
  },
};

// core: the parsed JSON of the core's meta().
export function applyMeta(core) {
  const ids = core.metrics.map((m) => m.id).join();
  const dims = core.dimensions.map((d) => d.id).join();
  const pairs = core.metrics.every((m) => METRIC_DIMENSION[m.id] === m.dimension);
  if (ids !== METRICS.join() || dims !== DIMENSIONS.join() || !pairs) {
    throw new Error(`the page knows the metrics ${METRICS.join()} (${DIMENSIONS.join()}), the core has ${ids} (${dims})`);
  }
  meta = core;
}

export function gate() {
  return model.gate;
}
