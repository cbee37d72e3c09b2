// Compares a ShopScore result JSON with the oracle's result: every metric's numerator,
// denominator, value, adjusted value, raw score and score, every dimension, the SPS (all to
// 1e-9), the display strings, status, gate count, protection and each benefit's eligibility.
// Returns a list of human-readable differences (empty when they agree).
import { METRICS } from './oracle.mjs';

const TOL = 1e-9;
function close(a, b) {
  if (a === null || b === null || a === undefined || b === undefined) return (a ?? null) === (b ?? null);
  return Math.abs(a - b) <= TOL * Math.max(1, Math.abs(a), Math.abs(b));
}

export function compareResults(actual, oracle) {
  const diffs = [];
  const num = (where, a, b) => { if (!close(a, b)) diffs.push(`${where}: core ${a} oracle ${b}`); };
  const eq = (where, a, b) => {
    if (JSON.stringify(a ?? null) !== JSON.stringify(b ?? null)) diffs.push(`${where}: core ${JSON.stringify(a)} oracle ${JSON.stringify(b)}`);
  };
  eq('as_of', actual.as_of, oracle.as_of);
  eq('status', actual.status, oracle.status);
  eq('delivered_orders_90d', actual.delivered_orders_90d, oracle.delivered_orders_90d);
  for (const id of METRICS) {
    const a = actual.metrics[id], o = oracle.metrics[id];
    eq(`${id}.no_data`, a.no_data, o.no_data);
    eq(`${id}.input`, a.input, o.input);
    // Without data the core may write null counts where the oracle counted 0 of 0.
    if (!(o.no_data && a.numerator === null && a.denominator === null)) for (const k of ['numerator', 'denominator']) num(`${id}.${k}`, a[k], o[k]);
    for (const k of ['value', 'adjusted_value', 'raw_score', 'score']) num(`${id}.${k}`, a[k], o[k]);
    eq(`${id}.protected`, a.protected, o.protected);
  }
  for (const dim of ['product', 'fulfillment', 'service']) {
    const a = actual.dimensions[dim], o = oracle.dimensions[dim];
    num(`${dim}.score`, a.score, o.score);
    num(`${dim}.effective_weight`, a.effective_weight, o.effective_weight);
    eq(`${dim}.no_data`, a.no_data, o.no_data);
    // Display strings are compared only when the value is not within 1e-9 of a rounding edge,
    // where a last-bit difference between two correct computations may legitimately flip it.
    if (o.score != null && Math.abs(((o.score * 10) % 1) - 0.5) > 1e-6) eq(`${dim}.display`, a.display, o.display);
  }
  num('sps', actual.sps, oracle.sps);
  num('sps_range.low', actual.sps_range.low, oracle.sps_range.low);
  num('sps_range.high', actual.sps_range.high, oracle.sps_range.high);
  if (oracle.sps != null && Math.abs(((oracle.sps * 10) % 1) - 0.5) > 1e-6) eq('sps_display', actual.sps_display, oracle.sps_display);
  eq('protection.shop_qualifies', actual.protection.shop_qualifies, oracle.protection.shop_qualifies);
  eq('protection.metrics', actual.protection.metrics, oracle.protection.metrics);
  eq('settlement_days', actual.settlement_days, oracle.settlement_days);
  for (const ob of oracle.benefits) {
    const ab = actual.benefits.find((b) => b.id === ob.id);
    if (!ab) { diffs.push(`benefit ${ob.id} missing`); continue; }
    eq(`benefit ${ob.id}.eligible`, ab.eligible, ob.eligible);
    // Without an official score only "sps" in missing is required (docs/rules.md §20); with a
    // range (missing metrics) the SPS condition may be undecided (docs/scoring.md).
    if (oracle.status !== 'scored' || oracle.sps_range.low == null) { if (!ab.missing.includes('sps')) diffs.push(`benefit ${ob.id}: "sps" not in missing`); }
    else if (ob.eligible === null) eq(`benefit ${ob.id}.missing`, [...ab.missing].sort(), [...ob.missing].sort());
  }
  return diffs;
}
