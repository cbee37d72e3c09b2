// Checks a profile the way the core reads it (core/src/profile.cpp), so that a bad value is
// refused at the field, in the page's language, and never reaches the score or localStorage.
// Returns the problems as [{path, key, params}] (message keys in i18n/*.js).
export const METRIC_IDS = ['nrr', 'nbfr', 'otdr', 'sfcr', 'imd', 'aht'];
const DIMS = ['product', 'fulfillment', 'service'];
const PROTECTION = ['max_orders', 'max_affected', 'floor', 'imd_floor'];

const isNum = (v) => typeof v === 'number' && Number.isFinite(v);

export function checkProfile(p, fmtBench = (m, v) => String(v)) {
  const out = [];
  if (!p || typeof p !== 'object' || Array.isArray(p)) return [{ path: [], key: 'profile.not_profile' }];
  const num = (path, v) => {
    if (v === undefined) return;
    if (!isNum(v) || v < 0) out.push({ path, key: 'profile.err_number' });
  };
  for (const d of DIMS) num(['weights', d], p.weights && p.weights[d]);
  if (p.weights && DIMS.every((d) => isNum(p.weights[d])) && DIMS.reduce((s, d) => s + p.weights[d], 0) <= 0) {
    out.push({ path: ['weights', 'product'], key: 'profile.err_weights' });
  }
  for (const m of METRIC_IDS) num(['metric_weights', m], p.metric_weights && p.metric_weights[m]);
  for (const m of METRIC_IDS) {
    const b = p.benchmarks && p.benchmarks[m];
    if (!b) continue;
    const before = out.length;
    num(['benchmarks', m, 'good'], b.good);
    num(['benchmarks', m, 'poor'], b.poor);
    if (out.length !== before) continue;
    if (m !== 'aht') {
      for (const k of ['good', 'poor']) if (b[k] > 1) out.push({ path: ['benchmarks', m, k], key: 'profile.err_percent' });
      if (out.length !== before) continue;
    }
    // best -> good -> poor in order: lower is better except for the on-time delivery rate.
    const ordered = m === 'otdr' ? b.good < 1 && b.poor < b.good : b.good > 0 && b.poor > b.good;
    if (!ordered) {
      out.push({ path: ['benchmarks', m, 'good'], key: m === 'otdr' ? 'profile.err_higher' : 'profile.err_lower', params: { other: fmtBench(m, b.poor) } });
    }
  }
  num(['volume_prior'], p.volume_prior);
  const sla = p.delivery_sla_business_days;
  if (sla !== undefined && (!Number.isInteger(sla) || sla < 1 || sla > 60)) out.push({ path: ['delivery_sla_business_days'], key: 'profile.err_integer', params: { min: 1, max: 60 } });
  const pr = p.protection || {};
  if (pr.max_shop_age_days !== undefined && (!Number.isInteger(pr.max_shop_age_days) || pr.max_shop_age_days < 0)) {
    out.push({ path: ['protection', 'max_shop_age_days'], key: 'profile.err_integer', params: { min: 0, max: 3650 } });
  }
  for (const k of PROTECTION) num(['protection', k], pr[k]);
  if (pr.combine !== undefined && pr.combine !== 'all' && pr.combine !== 'any') out.push({ path: ['protection', 'combine'], key: 'profile.not_profile' });
  return out;
}
