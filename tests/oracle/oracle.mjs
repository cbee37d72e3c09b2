// An independent re-computation of the Shop Performance Score from a canonical dataset, written
// from docs/rules.md §1-§20 (the rule text is quoted next to the code that implements it) and from
// the decisions docs/scoring.md records where the spec is silent — never from the C++ core.
// It is deliberately plain (one pass per metric over the records, no daily counters) so a shared
// mistake is unlikely. tests/random/differential.mjs compares it with the CLI.
//
//   node tests/oracle/oracle.mjs DATASET.json [PROFILE.json]   prints the oracle's result JSON
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { parseOffset, parseTimestamp, parseDay, dayOf, dayToIso, addBusinessDays } from './time.mjs';

export const METRICS = ['nrr', 'nbfr', 'otdr', 'sfcr', 'imd', 'aht'];
const DIMENSION_OF = { nrr: 'product', nbfr: 'product', otdr: 'fulfillment', sfcr: 'fulfillment', imd: 'service', aht: 'service' };
// docs/rules.md §6 table: the window of each metric.
const WINDOW = { nrr: 60, nbfr: 60, otdr: 30, sfcr: 30, imd: 60, aht: 60 };

// docs/rules.md §21: the built-in default profile.
export function defaultProfile() {
  return {
    id: 'default',
    weights: { product: 0.24, fulfillment: 0.52, service: 0.24 },
    metric_weights: { nrr: 1, nbfr: 1, otdr: 1, sfcr: 1, imd: 1, aht: 1 },
    benchmarks: { nrr: { good: 0.012, poor: 0.0227 }, nbfr: { good: 0.0176, poor: 0.0333 },
                  otdr: { good: 0.9516, poor: 0.9084 }, sfcr: { good: 0.0087, poor: 0.0165 },
                  imd: { good: 0.1701, poor: 0.3218 }, aht: { good: 26.5, poor: 50.1 } },
    volume_prior: 10, delivery_sla_business_days: 6,
    protection: { max_shop_age_days: 180, max_orders: 30, max_affected: 3, floor: 3.5, imd_floor: 2.0, combine: 'all' },
  };
}

// A user profile overrides the default field by field (docs/scoring.md: "a user profile that
// leaves them out keeps the built-in lists").
export function mergeProfile(user) {
  const p = defaultProfile();
  if (!user) return p;
  for (const [k, v] of Object.entries(user)) {
    if (v && typeof v === 'object' && !Array.isArray(v) && p[k] && typeof p[k] === 'object') p[k] = { ...p[k], ...v };
    else p[k] = v;
  }
  return p;
}

const EXCLUSION_FLAGS = ['fraud', 'sample', 'gift', 'appealed', 'risky_buyer'];
// Reason texts are classified from the phrases docs/rules.md §8 and §9 name (and their plain variants),
// not from the profile's rule language, so the oracle stays independent of the core's matcher.
// Generated shops and tests/data use only texts these phrases decide plainly.
const norm = (text) => String(text ?? '').toLowerCase().replace(/[\u2019']/g, '');
const has = (text, phrases) => phrases.some((p) => norm(text).includes(p));
// docs/rules.md §8 "damaged, defective, missing parts or items, wrong item, not as described, not received,
// arrived late are seller/carrier fault"
const SELLER_RETURN = ['damage', 'defective', 'missing', 'wrong item', 'not as described', 'not received',
                       'arrived late', 'broken', '破损', '损坏', '缺件', '发错', '描述不符', '未收到', '延迟送达'];
// §9 "Late-shipment reasons ("Item wasn't shipped on time", "Automatically cancelled due to
// collection time out", "Package wasn't shipped in time", "Late dispatch", 超时未发货, ...) are
// seller fault whoever cancelled"
const LATE_SHIPMENT = ['wasnt shipped', 'shipped in time', 'shipped on time', 'collection time out', 'late dispatch',
                       'late shipment', '超时未发货'];
// §9 "A seller cancelling on the buyer's request or for non-payment is not seller fault"
const NOT_SELLER_CANCEL = ['buyer request', 'requested by', 'did not pay', 'didnt pay', 'unpaid', 'non-payment',
                           'not paid', '买家要求', '未付款'];
// §9 "Other cancellations by the seller are seller fault (out of stock, pricing error, unable to
// ship, ...)" — used when the canceller is unknown.
const SELLER_CANCEL = ['out of stock', 'pricing error', 'unable to ship', '缺货'];

export const isSellerFaultReturn = (reason) => has(reason, SELLER_RETURN);

// Returns 'seller' (numerator and denominator) or 'other' (leaves the denominator, docs/rules.md §6 "less
// those cancelled by the buyer or system for a non-seller reason").
export function cancelClass(order) {
  if (has(order.cancel_reason, LATE_SHIPMENT)) return 'seller';
  if (order.cancel_by === 'seller') return has(order.cancel_reason, NOT_SELLER_CANCEL) ? 'other' : 'seller';
  if (order.cancel_by === 'buyer' || order.cancel_by === 'system') return 'other';
  // docs/scoring.md: when cancel_by is unknown the reason alone decides; a reason no list knows
  // is not seller fault and such an order leaves the denominator.
  return has(order.cancel_reason, SELLER_CANCEL) ? 'seller' : 'other';
}

function readDataset(ds) {
  const shop = ds.shop ?? {};
  const off = shop.utc_offset ? parseOffset(shop.utc_offset) : 0;
  const ts = (v) => parseTimestamp(v, off);
  // docs/rules.md §5: "An export may hold several rows per order (one per SKU); an order counts once."
  // Each row fills in what it knows; flags accumulate.
  const orders = new Map();
  for (const row of ds.orders ?? []) {
    let o = orders.get(row.id);
    if (!o) orders.set(row.id, (o = { id: row.id, flags: new Set(), fulfillment: 'seller', type: 'regular' }));
    for (const k of ['created', 'delivered', 'cancelled']) if (row[k] != null) o[k] = ts(row[k]);
    if (row.deliver_by != null) o.deliver_by = parseDay(row.deliver_by, off);
    for (const k of ['cancel_by', 'cancel_reason', 'fulfillment', 'type', 'category', 'handling_days'])
      if (row[k] != null) o[k] = row[k];
    for (const f of row.flags ?? []) o.flags.add(f);
  }
  for (const o of orders.values()) o.excluded = EXCLUSION_FLAGS.some((f) => o.flags.has(f));
  const flagged = (r) => (r.flags ?? []).some((f) => f === 'fbt_logistics' || f === 'excluded');
  const reviews = (ds.reviews ?? []).map((r, i) => ({ ...r, i, created: ts(r.created), flagged: flagged(r) }));
  const requests = (ds.after_sales ?? []).map((r) => ({
    ...r, requested: ts(r.requested), decided: ts(r.decided), item_received: ts(r.item_received),
    inspected: ts(r.inspected), flagged: flagged(r) }));
  const chats = (ds.chats ?? []).map((c) => ({ ...c, ended: ts(c.ended) }));
  return { shop, off, orders: [...orders.values()], orderById: orders, reviews, requests, chats };
}

// docs/rules.md §1: "Default: the latest shop-local date of any order timestamp in the data."
// docs/scoring.md: "with no orders, of any timestamp; with none at all the result has as_of null".
function defaultAsOf(d) {
  const orderTimes = d.orders.flatMap((o) => [o.created, o.delivered, o.cancelled]).filter((t) => t != null);
  const all = orderTimes.length ? orderTimes
    : [...d.reviews.map((r) => r.created), ...d.requests.flatMap((r) => [r.requested, r.decided, r.item_received, r.inspected]),
       ...d.chats.map((c) => c.ended)].filter((t) => t != null);
  return all.length ? dayOf(Math.max(...all)) : null;
}

// docs/scoring.md: "Anything that happens after as_of (...) is not yet known and is ignored."
const by = (t, asOf) => t != null && dayOf(t) <= asOf;
// docs/rules.md §1: "A window of N days is the N calendar days ending on as_of, inclusive."
const inWindow = (day, asOf, n) => day != null && day <= asOf && day > asOf - n;

function deliverBy(o, profile) {
  if (o.deliver_by != null) return o.deliver_by;
  const created = dayOf(o.created);
  // docs/rules.md §7: "N = 6 for regular orders (profile delivery_sla_business_days); made-to-order/
  // backorder/custom: handling days + 5". docs/scoring.md: pre-orders likewise; without
  // handling_days such an order cannot be judged and is left out.
  if (o.type === 'regular') return addBusinessDays(created, profile.delivery_sla_business_days);
  if (o.handling_days != null) return addBusinessDays(created, o.handling_days + 5);
  return null;
}

export function computeMetrics(d, asOf, profile) {
  const live = d.orders.filter((o) => !o.excluded);
  const cancelledBy = (o) => by(o.cancelled, asOf);
  const deliveredIn = (o, n) => by(o.delivered, asOf) && inWindow(dayOf(o.delivered), asOf, n);
  const liveOrder = (id) => { const o = d.orderById.get(id); return o && !o.excluded ? o : null; };
  const m = {};

  // NRR: "delivered orders (delivered date in window) whose *initial* review of any SKU is 1 or 2
  // stars / delivered orders in window. Later edits never count; reviews flagged fbt_logistics or
  // excluded are ignored." "The initial review of an (order, SKU) is its earliest by created
  // (ties: input order); if that review is flagged, the SKU's review does not count."
  const initial = new Map();
  for (const r of d.reviews) {
    if (!by(r.created, asOf) || !liveOrder(r.order_id)) continue;
    const key = `${r.order_id}\u0000${r.sku ?? ''}`;
    const cur = initial.get(key);
    if (!cur || r.created < cur.created) initial.set(key, r);
  }
  const negative = new Set([...initial.values()].filter((r) => !r.flagged && r.rating <= 2).map((r) => r.order_id));
  const nrrDen = live.filter((o) => deliveredIn(o, 60));
  m.nrr = { numerator: nrrDen.filter((o) => negative.has(o.id)).length, denominator: nrrDen.length };

  // NBFR: "delivered, not-cancelled orders in window with a return or refund request whose reason
  // is seller- or carrier-fault / delivered, not-cancelled orders in window." "NBFR counts
  // requests of type refund or return." Flagged requests count in no metric.
  const faultOrders = new Set(d.requests.filter((r) => (r.type === 'refund' || r.type === 'return') && !r.flagged
    && by(r.requested, asOf) && isSellerFaultReturn(r.reason)).map((r) => r.order_id));
  const nbfrDen = live.filter((o) => deliveredIn(o, 60) && !cancelledBy(o));
  m.nbfr = { numerator: nbfrDen.filter((o) => faultOrders.has(o.id)).length, denominator: nbfrDen.length };

  // OTDR: "orders delivered on or before their deliver-by date / non-FBT, not-cancelled orders
  // whose deliver-by date is in window (an order not delivered by its deliver-by date is late)."
  let onTime = 0, otdrDen = 0;
  for (const o of live) {
    if (o.fulfillment === 'fbt' || cancelledBy(o)) continue;
    const db = deliverBy(o, profile);
    if (db == null || !inWindow(db, asOf, 30)) continue;
    otdrDen++;
    if (by(o.delivered, asOf) && dayOf(o.delivered) <= db) onTime++;
  }
  m.otdr = { numerator: onTime, denominator: otdrDen };

  // SFCR: "non-FBT orders created in window cancelled for a seller-fault reason / non-FBT orders
  // created in window, less those cancelled by the buyer or system for a non-seller reason."
  let sfcrNum = 0, sfcrDen = 0;
  for (const o of live) {
    if (o.fulfillment === 'fbt' || !inWindow(dayOf(o.created), asOf, 30)) continue;
    const cls = cancelledBy(o) ? cancelClass(o) : 'none';
    if (cls === 'other') continue;
    sfcrDen++;
    if (cls === 'seller') sfcrNum++;
  }
  m.sfcr = { numerator: sfcrNum, denominator: sfcrDen };

  // IMD: "chat sessions ended in window rated 1-2 stars / chat sessions ended in window with a
  // rating (3 stars is neutral)." Chats of excluded orders count nowhere.
  const rated = d.chats.filter((c) => c.rating >= 1 && c.rating <= 5 && by(c.ended, asOf) && inWindow(dayOf(c.ended), asOf, 60)
    && !(c.order_id && d.orderById.get(c.order_id)?.excluded));
  m.imd = { numerator: rated.filter((c) => c.rating <= 2).length, denominator: rated.length };

  // AHT: "per request created in window and handled: approval time (decision − request) plus,
  // for returns, inspection time (inspection decision − item received). Counts requests decided
  // by the seller, by the seller's own auto-approval rules, and time-out approvals; not platform
  // default approvals." docs/scoring.md: negative spans count as 0; no handled_by = seller.
  let hours = 0, handled = 0;
  for (const r of d.requests) {
    if (r.flagged || (r.handled_by ?? 'seller') === 'platform' || !by(r.decided, asOf)) continue;
    if (!inWindow(dayOf(r.requested), asOf, 60)) continue;
    const o = d.orderById.get(r.order_id);
    if (o && o.excluded) continue;
    let h = Math.max(0, r.decided - r.requested) / 3600;
    if (r.type === 'return' && r.item_received != null && by(r.inspected, asOf)) h += Math.max(0, r.inspected - r.item_received) / 3600;
    hours += h;
    handled++;
  }
  m.aht = { numerator: hours, denominator: handled };

  // "A metric whose denominator is 0 has no data."
  for (const id of METRICS) {
    const x = m[id];
    x.value = x.denominator > 0 ? x.numerator / x.denominator : null;
  }
  return m;
}

// docs/rules.md §15: "Anchors: best scores 5 (0 for lower-is-better metrics, 1.0 for otdr), worst scores
// 0 where worst = poor + (poor − good)/3. The score is piecewise linear through (best,5),
// (good,4), (poor,1), (worst,0), clamped to 0..5." A profile may give best/worst itself
// (docs/scoring.md "Curve", fitted by calibrate: docs/calibration.md).
export function curve(id, value, b) {
  const best = b.best ?? (id === 'otdr' ? 1 : 0);
  const worst = b.worst ?? b.poor + (b.poor - b.good) / 3;
  const pts = [[best, 5], [b.good, 4], [b.poor, 1], [worst, 0]];
  const higherBetter = b.good > b.poor;
  const x = higherBetter ? -value : value;
  const xs = pts.map(([v]) => (higherBetter ? -v : v));
  if (x <= xs[0]) return 5;
  if (x >= xs[3]) return 0;
  for (let i = 0; i < 3; i++) {
    if (x <= xs[i + 1]) {
      const t = (x - xs[i]) / (xs[i + 1] - xs[i]);
      return Math.min(5, Math.max(0, pts[i][1] + t * (pts[i + 1][1] - pts[i][1])));
    }
  }
  return 0;
}

// docs/rules.md §19 "one decimal, half up (3.45 → "3.5")"; docs/scoring.md: a 1e-9 nudge absorbs binary
// representation error, so a computed 1.0499999999999998 shows "1.1".
export const display = (x) => (Math.floor(x * 10 + 0.5 + 1e-9) / 10).toFixed(1);

// docs/rules.md §18: "Weights come from the profile of the main category (the category with most
// delivered orders in 90 days, or shop.category)". docs/scoring.md: ties go to the alphabetically
// first; the profile whose id or categories names it is used, else the first one given, else the
// built-in default.
function chooseProfile(userProfiles, d, asOf) {
  const list = userProfiles == null ? [] : Array.isArray(userProfiles) ? userProfiles : [userProfiles];
  let main = d.shop.category ?? '';
  if (!main && asOf != null) {
    const counts = new Map();
    for (const o of d.orders)
      if (!o.excluded && o.category && by(o.delivered, asOf) && inWindow(dayOf(o.delivered), asOf, 90))
        counts.set(o.category, (counts.get(o.category) ?? 0) + 1);
    let most = 0;
    for (const [c, n] of [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) if (n > most) { main = c; most = n; }
  }
  const named = list.find((p) => main && (p.id === main || (p.categories ?? []).includes(main)));
  return mergeProfile(named ?? list[0] ?? null);
}

export function score(dataset, userProfile = null) {
  const d = readDataset(dataset);
  const asOf = d.shop.as_of != null ? parseDay(d.shop.as_of, d.off) : defaultAsOf(d);
  const profile = chooseProfile(userProfile, d, asOf);
  const empty = () => Object.fromEntries(METRICS.map((id) => [id, { numerator: 0, denominator: 0, value: null }]));
  const metrics = asOf == null ? empty() : computeMetrics(d, asOf, profile);

  // docs/rules.md §11 "Direct input: a dataset may give a metric directly (...); this replaces the computed
  // one. Numerator and denominator are optional there (without them, volume adjustment and
  // protection are skipped)." docs/scoring.md: "denominator: 0 means no data".
  for (const [id, dm] of Object.entries(dataset.metrics ?? {})) {
    const counted = dm.numerator != null && dm.denominator != null;
    metrics[id] = { value: dm.denominator === 0 ? null : dm.value, numerator: dm.numerator ?? null,
                    denominator: dm.denominator ?? null, direct: true, counted };
  }

  // docs/rules.md §13: "the shop is scored when it has at least 30 delivered, non-excluded orders in the
  // 90-day window". docs/scoring.md: shop.delivered_orders_90d gives that count directly.
  const delivered90 = d.shop.delivered_orders_90d != null ? d.shop.delivered_orders_90d
    : asOf == null ? 0 : d.orders.filter((o) => !o.excluded && by(o.delivered, asOf) && inWindow(dayOf(o.delivered), asOf, 90)).length;
  const status = delivered90 >= 30 ? 'scored' : 'not_enough_orders';

  // docs/rules.md §16: "the shop qualifies when it was opened fewer than 180 days before as_of."
  const prot = profile.protection;
  const opened = d.shop.opened != null ? parseDay(d.shop.opened, d.off) : null;
  const young = opened != null && asOf != null && asOf - opened < prot.max_shop_age_days;
  const anyMode = prot.combine === 'any';
  const shopQualifies = opened != null && asOf != null && (young || (anyMode && delivered90 <= prot.max_orders));
  const k = profile.volume_prior;
  const out = {};
  const protectedList = [];
  for (const id of METRICS) {
    const x = metrics[id];
    const b = profile.benchmarks[id];
    const r = { value: x.value, numerator: x.numerator, denominator: x.denominator, no_data: x.value == null };
    if (x.value == null) {
      Object.assign(r, { adjusted_value: null, raw_score: null, score: null, protected: false });
      out[id] = r;
      continue;
    }
    const counted = x.direct ? x.counted : true;
    // docs/rules.md §14: "a metric's adjusted value is (numerator + k·good) / (denominator + k); for aht,
    // (sum of hours + k·good) / (requests + k). k = 0 turns it off."
    r.adjusted_value = counted && k > 0 ? (x.numerator + k * b.good) / (x.denominator + k) : x.value;
    r.raw_score = curve(id, r.adjusted_value, b);
    r.score = r.raw_score;
    // docs/rules.md §16: "For nrr, nbfr, otdr, sfcr: when the shop qualifies, the metric's denominator is
    // ≤ 30 and its affected orders (numerator; late orders for otdr) ≤ 3, a score below 3.5 is
    // raised to 3.5. For a qualifying shop the imd score is at least 2.0." ("all: age and volume
    // and affected; any: age or volume, and affected")
    if (['nrr', 'nbfr', 'otdr', 'sfcr'].includes(id) && counted && opened != null && asOf != null) {
      const affected = id === 'otdr' ? x.denominator - x.numerator : x.numerator;
      const small = x.denominator <= prot.max_orders;
      const ok = (anyMode ? young || small : young && small) && affected <= prot.max_affected;
      if (ok && r.raw_score < prot.floor) r.score = prot.floor;
    }
    if (id === 'imd' && shopQualifies && counted && r.raw_score < prot.imd_floor) r.score = prot.imd_floor;
    r.protected = r.score !== r.raw_score;
    if (r.protected) protectedList.push(id);
    out[id] = r;
  }

  // docs/scoring.md "Missing, typed and no data": "missing: an input it is computed from was not
  // given and nothing was typed. Inputs: nrr needs orders and reviews; nbfr orders and returns;
  // otdr and sfcr orders; imd chats; aht returns or the after-sales diagnostics. Given means ...
  // the dataset JSON has the key (the JSON's after_sales gives the returns)." A missing metric has
  // no value and no score, "no_data": false.
  const NEEDS = { nrr: ['orders', 'reviews'], nbfr: ['orders', 'after_sales'], otdr: ['orders'], sfcr: ['orders'], imd: ['chats'], aht: ['after_sales'] };
  const missingIds = [];
  for (const id of METRICS) {
    const typed = dataset.metrics != null && dataset.metrics[id] != null;
    out[id].input = typed ? 'typed' : NEEDS[id].every((k) => k in dataset) ? 'export' : 'missing';
    if (out[id].input !== 'missing') continue;
    missingIds.push(id);
    Object.assign(out[id], { value: null, numerator: null, denominator: null, adjusted_value: null, raw_score: null, score: null, protected: false, no_data: false });
  }
  for (let i = protectedList.length - 1; i >= 0; i--) if (missingIds.includes(protectedList[i])) protectedList.splice(i, 1);

  // docs/rules.md §17-§18: dimension = weighted mean of its metrics' scores with data; sps = Σ w_d·s_d /
  // Σ w_d over dimensions with data. `scores`: id -> score, or null for no data.
  const combine = (scores) => {
    const dims = {};
    for (const dim of ['product', 'fulfillment', 'service']) {
      let sw = 0, s = 0;
      for (const id of METRICS.filter((i) => DIMENSION_OF[i] === dim)) {
        const w = profile.metric_weights[id];
        if (scores[id] == null || !(w > 0)) continue;
        sw += w;
        s += w * scores[id];
      }
      dims[dim] = sw > 0 ? { score: s / sw, weight: profile.weights[dim], no_data: false } : { score: null, weight: profile.weights[dim], no_data: true };
    }
    const total = Object.values(dims).filter((x) => !x.no_data).reduce((a, x) => a + x.weight, 0);
    let sps = null;
    if (total > 0) {
      sps = 0;
      for (const x of Object.values(dims)) if (!x.no_data) sps += x.weight * x.score;
      sps /= total;
    }
    for (const x of Object.values(dims)) x.effective_weight = x.no_data ? 0 : x.weight / total;
    return { dims, sps };
  };
  // "sps_range: the least and greatest SPS over every value the missing metrics could take: each
  // scored 0..5 or without data." Tried here by brute force: every missing metric at 0, at 5 and
  // without data, in every combination (the SPS is monotone in each score).
  const known = Object.fromEntries(METRICS.map((id) => [id, out[id].score]));
  let low = null, high = null;
  const tryAll = (i, scores) => {
    if (i === missingIds.length) {
      const { sps: x } = combine(scores);
      if (x != null) { low = low == null ? x : Math.min(low, x); high = high == null ? x : Math.max(high, x); }
      return;
    }
    for (const v of [0, 5, null]) tryAll(i + 1, { ...scores, [missingIds[i]]: v });
  };
  tryAll(0, known);
  const point = low === high;
  // "sps is the SPS only when the range is a point; otherwise null. A dimension holding a missing
  // metric then has no score, and every dimension's effective_weight is 0." (A metric of weight 0
  // counts in no dimension.)
  const { dims, sps: pointSps } = combine(known);
  const sps = missingIds.length === 0 ? pointSps : point ? low : null;
  for (const [dim, x] of Object.entries(dims)) {
    if (!point && missingIds.some((id) => DIMENSION_OF[id] === dim && profile.metric_weights[id] > 0)) Object.assign(x, { score: null, no_data: false });
    if (!point) x.effective_weight = 0;
    x.display = x.score == null ? null : display(x.score);
  }

  const benefits = computeBenefits(d, asOf, status, { sps, low, high, missing: missingIds }, metrics, initialPositiveRate(d, asOf));
  const accelerated = benefits.find((b) => b.id === 'settlement_accelerated').eligible === true;
  const express = benefits.find((b) => b.id === 'settlement_express').eligible === true;
  return {
    as_of: asOf == null ? null : dayToIso(asOf), profile: profile.id, status, delivered_orders_90d: delivered90,
    sps, sps_display: sps == null ? null : display(sps), sps_range: { low, high }, settlement_days: express ? 1 : accelerated ? 5 : 8,
    dimensions: dims, metrics: out, protection: { shop_qualifies: shopQualifies, metrics: protectedList }, benefits,
  };
}

// docs/rules.md §20 Gold/Silver Star: "positive rating rate ≥ 80 % (shop.positive_rating_rate, else 4-5
// stars among counted initial reviews created in the last 30 days)".
function initialPositiveRate(d, asOf) {
  if (d.shop.positive_rating_rate != null) return d.shop.positive_rating_rate;
  if (asOf == null) return null;
  const initial = new Map();
  for (const r of d.reviews) {
    const o = d.orderById.get(r.order_id);
    if (!o || o.excluded || !by(r.created, asOf)) continue;
    const key = `${r.order_id}\u0000${r.sku ?? ''}`;
    const cur = initial.get(key);
    if (!cur || r.created < cur.created) initial.set(key, r);
  }
  const counted = [...initial.values()].filter((r) => !r.flagged && inWindow(dayOf(r.created), asOf, 30));
  return counted.length ? counted.filter((r) => r.rating >= 4).length / counted.length : null;
}

// docs/rules.md §20: "A benefit is eligible: false when a known condition fails, null when every known
// condition holds but an input is missing (listed in missing), else true ... While status is
// not_enough_orders there is no official score: every benefit is null with "sps" in missing".
// docs/scoring.md "Missing, typed and no data": "the SPS condition holds when low reaches the
// threshold, fails when high does not, and is otherwise undecided: eligible: null with the missing
// metric ids in missing."
function computeBenefits(d, asOf, status, range, metrics, positiveRate) {
  const official = status === 'scored' && range.low != null;
  const shop = d.shop;
  const make = (id, min, conds) => {
    const decided = official && (range.low >= min || range.high < min);
    const spsCond = decided ? [['sps', true, range.low >= min]] : official ? range.missing.map((m) => [m, false]) : [['sps', false]];
    const all = [...spsCond, ...conds];
    const missing = all.filter(([, known]) => !known).map(([name]) => name);
    const fails = all.some(([, known, ok]) => known && !ok);
    if (!official) return { id, min_sps: min, eligible: null, missing };
    return { id, min_sps: min, eligible: fails ? false : missing.length ? null : true, missing };
  };
  const list = [];
  for (const id of ['flash_deals', 'tiktok_funded_promotions', 'shop_ads_boost']) list.push(make(id, 2.5, []));
  for (const id of ['affiliate', 'settlement_accelerated', 'official_shop']) list.push(make(id, 3.5, []));
  list.push(make('mega_campaigns', 3.5, [['violations_30d', shop.violations_30d != null, shop.violations_30d < 3]]));
  list.push(make('settlement_express', 4.0, []));
  for (const [id, points] of [['gold_star', 10000], ['silver_star', 2000]]) {
    list.push(make(id, 4.0, [
      ['reputation_points', shop.reputation_points != null, shop.reputation_points >= points],
      ['positive_rating_rate', positiveRate != null, positiveRate >= 0.8],
      ['has_logo', shop.has_logo != null, shop.has_logo === true],
      ['products_for_sale', shop.products_for_sale != null, shop.products_for_sale >= 1],
    ]));
  }
  return list;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [file, profileFile] = process.argv.slice(2);
  const profile = profileFile ? JSON.parse(readFileSync(profileFile, 'utf8')) : null;
  console.log(JSON.stringify(score(JSON.parse(readFileSync(file, 'utf8')), profile), null, 1));
}
