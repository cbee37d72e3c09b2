// Renders the result JSON (docs/rules.md §23). Values come from the core; the page only formats them.
import { h } from './dom.js';
import { t, tf, tn, it } from './i18n.js';
import { fmtNumber, fmtInt, fmtMetricValue, fmtDate, fmtPercent } from './format.js';
import { METRICS, DIMENSIONS, METRIC_DIMENSION, gate, model } from './model.js';
import { warningItem } from './warnings.js';
import { fieldText } from './field-messages.js';
import { renderInsights } from './insights/panel.js';
import { renderSparkline } from './insights/sparkline.js';
// Settlement days after delivery (the guide): 8 for every shop, 5 from 3.5, 1 from 4.0.
const TIER_SETTLEMENT = { 3.5: 5, 4: 1 };
// docs/rules.md §20 lists benefits and conditions that the guide's benefits list does not: they are marked.
const NOT_IN_GUIDE = new Set(['official_shop']);
const CONDITIONS_NOT_IN_GUIDE = new Set(['violations_30d']);

export function renderResult(result, ctx) {
  const out = [];
  out.push(renderHeadline(result, ctx));
  out.push(renderPriorities(result, ctx));
  out.push(renderDimensions(result));
  out.push(renderMetrics(result, ctx.profile, ctx));
  out.push(renderBenefits(result));
  out.push(renderWarnings(result, ctx));
  out.push(renderInsights(result, ctx));
  out.push(renderHow(result, ctx.profile));
  return out;
}

function scoreClass(s) {
  if (s == null) return 'none';
  const [fair, ok, good] = model.tiers; // the benefit tiers (docs/rules.md §20)
  if (s >= good) return 'good';
  if (s >= ok) return 'ok';
  if (s >= fair) return 'fair';
  return 'poor';
}

// The export that feeds each metric (docs/exports.md), for "add the … export".
const FEEDING_EXPORT = { nrr: 'reviews', nbfr: 'returns', otdr: 'orders', sfcr: 'orders', imd: 'chats', aht: 'diagnostics' };
// "I had none in this period" gives the export as empty (ctx.declareNone adds its header-only
// file to the files, where the seller sees it and can remove it).
const NONE_ANSWER = { nrr: 'range.none_reviews', imd: 'range.none_chats' };

// Metrics whose export was not given and whose value was not typed (the core's input field).
export function missingMetrics(r) {
  return METRICS.filter((id) => r.metrics[id] && r.metrics[id].input === 'missing');
}

// The SPS range over every value the missing metrics could take (the core's sps_range); null
// when the SPS is a point.
function spsRange(r) {
  const range = r.sps_range;
  if (!range || range.low == null || range.high == null || Math.abs(range.high - range.low) < 1e-9) return null;
  return range;
}

// "2.1–3.6: add the Reviews export or type your negative review rate", with a button per
// missing metric to type it (the field in the metric table) and, for reviews and chats, to say
// there were none in the period.
function renderRange(r, range, ctx) {
  const missing = missingMetrics(r);
  // Quick mode has no exports to add: only the value to type (its field in the quick form).
  const quick = ctx.source === 'quick';
  const sentences = missing.map((id) => (quick ? t('range.type_only', { metric: t('metric.' + id) })
    : t('range.add', { input: tf('kind.' + FEEDING_EXPORT[id], FEEDING_EXPORT[id]), metric: t('metric.' + id) })));
  const fieldOf = (id) => document.getElementById(quick ? `quick-${id}-value` : 'type-' + id);
  const low = fmtNumber(range.low, 1, 1);
  const high = fmtNumber(range.high, 1, 1);
  return h('div.range', { id: 'sps-range', 'data-low': String(range.low), 'data-high': String(range.high) },
    h('p.range-words', { text: t('range.words', { low, high, what: sentences.join(t('range.or_sep')) }) }),
    h('div.range-actions.no-print', null, missing.map((id) => [
      h('button.link', { type: 'button', 'data-type-metric': id, text: t('range.type', { metric: t('metric.' + id) }), onclick: () => {
        const field = fieldOf(id);
        if (field) { field.scrollIntoView({ block: 'center' }); field.focus(); }
      } }),
      NONE_ANSWER[id] && ctx.declareNone ? h('button.link', { type: 'button', 'data-none-metric': id, text: t(NONE_ANSWER[id]), onclick: () => ctx.declareNone(FEEDING_EXPORT[id]) }) : null,
    ])));
}

function renderHeadline(r, ctx) {
  const scored = r.status === 'scored';
  const range = spsRange(r);
  const need = Math.max(0, gate() - (r.delivered_orders_90d || 0));
  return h('div.headline', null,
    h('div.sps.' + scoreClass(r.sps), { id: 'sps' },
      h('span.sps-label', { text: t('result.sps') }),
      h('span.sps-value', { id: 'sps-display', 'data-range': range ? 'true' : null, text: range ? `${fmtNumber(range.low, 1, 1)}–${fmtNumber(range.high, 1, 1)}` : r.sps == null ? '—' : r.sps_display }),
      h('span.sps-raw', { id: 'sps-raw', title: t('result.unrounded_hint') },
        range ? t('range.raw', { low: fmtNumber(range.low, 4, 4), high: fmtNumber(range.high, 4, 4) }) : r.sps == null ? '' : t('result.unrounded', { v: fmtNumber(r.sps, 4, 4) }))),
    range ? renderRange(r, range, ctx) : null,
    h('div.status-box', null,
      h('p.status-line', { id: 'status' },
        h('span.badge.' + (scored ? 'badge-ok' : 'badge-warn'), { 'data-status': r.status, text: scored ? t('status.scored') : t('status.provisional') }),
        ' ',
        scored ? (ctx.assumedOrders ? t('status.assumed') : t('status.scored_detail', { n: fmtInt(r.delivered_orders_90d) }))
          : t('status.need_more', { need: fmtInt(need), n: fmtInt(r.delivered_orders_90d), gate: gate() })),
      h('p.meta', null, t('result.as_of', { date: fmtDate(r.as_of) }), ' · ', t('result.profile', { name: ctx.profileName || r.profile }), ' · ', ctx.sourceLabel),
      h('p.meta', null, t('result.settlement', { days: tn('days', r.settlement_days) })),
      r.protection && r.protection.shop_qualifies ? h('p.meta', { text: t('result.shop_protected') }) : null));
}

// docs/rules.md §26 priority labels, computed by the core (the page asks for `insights` in every call).
// The core's thresholds (model.js, from meta()): gain = the SPS increase if the metric alone
// scored max(score, target); the top metric is labelled from keyMinGain up, every other one
// scoring below attentionBelow.

function priorityLabels(r) {
  const labels = new Map();
  const list = r.insights && Array.isArray(r.insights.priorities) ? r.insights.priorities : [];
  for (const p of list) if (p.label) labels.set(p.metric, p);
  return labels;
}

function priorityBadge(label) {
  return h('span.badge.badge-' + (label === 'key_opportunity' ? 'key' : 'attention'), { 'data-badge': label, text: t('priority.' + label) });
}

function gainText(gain) {
  const target = fmtNumber(model.priority.target, 1, 1);
  if (gain < 0.005) return t('priority.gain_small', { gain: fmtNumber(0.01, 2, 2), target });
  return t('priority.gain', { gain: fmtNumber(gain, 2, 2), target });
}

// "What to fix first": the labelled metrics in the core's order (largest gain first). After a
// large file set is read the score is shown first (scoring.js): this block says it is coming.
function renderPriorities(r, ctx) {
  if (!r.insights && ctx.insightsPending && r.sps != null) {
    return h('div.priorities', { id: 'priorities', 'aria-labelledby': 'priorities-title' },
      h('h3', { id: 'priorities-title', text: t('priority.title') }),
      h('p.insights-pending', { id: 'insights-pending', role: 'status', text: t('ins.pending') }));
  }
  if (!r.insights || r.sps == null) return null;
  const labelled = (r.insights.priorities || []).filter((p) => p.label);
  return h('div.priorities', { id: 'priorities', 'aria-labelledby': 'priorities-title' },
    h('h3', { id: 'priorities-title', text: t('priority.title') }),
    labelled.length
      ? h('ol.priority-list', null, labelled.map((p) => h('li.priority', { 'data-metric': p.metric, 'data-label': p.label, 'data-gain': String(p.gain) },
        priorityBadge(p.label), ' ',
        h('span.priority-name', { text: t('metric.' + p.metric) }), ' ',
        h('span.priority-gain', { text: gainText(p.gain) }))))
      : h('p.priority-none', { text: t('priority.none', { low: fmtNumber(model.priority.attentionBelow, 1, 1), gain: fmtNumber(model.priority.keyMinGain, 2, 2) }) }),
    h('p.hint', { text: t('priority.hint', { target: fmtNumber(model.priority.target, 1, 1) }) }));
}

function renderDimensions(r) {
  return h('div.dims', { role: 'list', 'aria-label': t('result.dimensions') },
    DIMENSIONS.map((d) => {
      const dim = r.dimensions[d] || {};
      return h('div.card.dim.' + scoreClass(dim.no_data ? null : dim.score), { role: 'listitem', 'data-dimension': d },
        h('h3', { text: t('dim.' + d) }),
        // A number in the large type; a sentence instead of one ("no data", "a metric is not
        // given") in body type, so that a 375 px card does not break it over four lines.
        dim.no_data || dim.score == null
          ? h('p.dim-score.dim-score-text', { text: dim.no_data ? t('badge.no_data') : t('dim.not_computed') })
          : h('p.dim-score', { text: dim.display }),
        // The weight the score used (no-data dimensions give theirs to the others), and the
        // profile's when they differ. With a range (a metric not given) no weighting was used:
        // the profile's weight alone, never "used 0 %".
        h('p.dim-weights', null, r.sps != null && dim.effective_weight != null && Math.abs(dim.effective_weight - dim.weight) > 5e-4
          ? t('dim.weight_used', { w: fmtPercent(dim.effective_weight, 1), set: fmtPercent(dim.weight, 0) })
          : t('dim.weight', { w: fmtPercent(dim.weight, 0) })));
    }));
}

// Where a value sits between the 1-point (poor) and 4-point (good) benchmarks: poor at 20 %,
// good at 80 % of the bar, better values to the right.
export function barPosition(value, bench) {
  if (value == null || !bench || bench.good === bench.poor) return null;
  const f = (value - bench.poor) / (bench.good - bench.poor);
  return Math.max(0, Math.min(100, 20 + 60 * f));
}

// A metric without data (files or the sample) can be typed as Seller Center shows it: the
// `metrics` score option. ctx.typeMetric(id, text) is given by main.js; ctx.typed holds
// {id: text} as typed, ctx.fields what request.js found in it (an error, a note).
function typeField(id, ctx) {
  const fid = 'type-' + id;
  const text = ctx.typed[id] || '';
  const f = ctx.fields[fid];
  const input = h('input', { id: fid, type: 'text', inputmode: 'decimal', autocomplete: 'off', value: text, 'aria-describedby': fid + '-msg', 'aria-invalid': f && f.error ? 'true' : 'false' });
  input.addEventListener('change', () => ctx.typeMetric(id, input.value));
  return h('div.type-metric', null,
    h('label', { for: fid, text: t('metric.type_value') }),
    h('div.input-unit', null, input, h('span.unit', { 'aria-hidden': 'true', text: id === 'aht' ? t('unit.hours') : '%' })),
    h('span.field-msg' + (f && f.error ? '.error' : ''), { id: fid + '-msg', text: fieldText(f) }));
}

function renderMetrics(r, profile, ctx = {}) {
  const labels = priorityLabels(r);
  // The 90-day sparklines need the core's trend (asked for with insights).
  const trend = ctx.source !== 'quick' && r.insights && Array.isArray(r.insights.trend) && r.insights.trend.length ? r.insights.trend : null;
  const rows = METRICS.map((id) => {
    const m = r.metrics[id] || {};
    const bench = profile && profile.benchmarks ? profile.benchmarks[id] : null;
    const pos = m.no_data || m.input === 'missing' ? null : barPosition(m.adjusted_value ?? m.value, bench);
    // The benchmark numbers are printed under the bar as Seller Center prints them; the bar
    // itself is drawn with borders, so it survives printing without background graphics.
    const bar = h('div.bar', { 'aria-hidden': 'true' },
      h('span.bar-zone.bar-zone-poor'), h('span.bar-zone.bar-zone-mid'), h('span.bar-zone.bar-zone-good'),
      h('span.bar-poor'), h('span.bar-good'));
    if (pos != null) {
      const marker = h('span.bar-marker');
      marker.style.left = pos + '%';
      bar.appendChild(marker);
    }
    const benchText = bench ? h('div.bar-bench', null,
      h('span.bar-bench-poor', { text: t('bar.poor', { v: fmtMetricValue(id, bench.poor) }) }),
      h('span.bar-bench-good', { text: t('bar.good', { v: fmtMetricValue(id, bench.good) }) })) : null;
    const badges = [];
    const missing = m.input === 'missing';
    if (missing) badges.push(h('span.badge.badge-warn', { 'data-badge': 'missing', text: t('badge.missing', { input: tf('kind.' + FEEDING_EXPORT[id], FEEDING_EXPORT[id]) }) }));
    else if (m.no_data) badges.push(h('span.badge.badge-muted', { 'data-badge': 'no-data', text: t('badge.no_data') }));
    if (m.input === 'typed') badges.push(h('span.badge.badge-info', { 'data-badge': 'typed', text: t('badge.typed') }));
    if (labels.has(id)) badges.push(priorityBadge(labels.get(id).label));
    if (m.protected) badges.push(h('span.badge.badge-info', { 'data-badge': 'protected', title: t('badge.protected_hint', { raw: fmtNumber(m.raw_score, 2) }), text: t('badge.protected') }));
    const fraction = m.numerator != null && m.denominator != null
      ? (id === 'aht' ? t('metric.aht_fraction', { hours: fmtNumber(m.numerator, 1), n: fmtInt(m.denominator) }) : `${fmtInt(m.numerator)} / ${fmtInt(m.denominator)}`)
      : '—';
    return h('tr', { 'data-metric': id },
      h('th', { scope: 'row' }, h('span.metric-name', { text: t('metric.' + id) }), h('span.metric-dim', { text: t('dim.' + METRIC_DIMENSION[id]) })),
      // The value, and under it its last 90 days (a sparkline: no column of its own, the table is full).
      // A metric whose export is missing has no value (never 0.00 %).
      h('td.num', { 'data-label': t('col.value') }, missing ? '—' : fmtMetricValue(id, m.value), trend && !m.no_data && !missing ? renderSparkline(trend, id) : null),
      h('td.num', { 'data-label': t('col.fraction') }, fraction),
      h('td.num', { 'data-label': t('col.window') }, tn('metric.window', m.window_days, { d: m.window_days })),
      h('td.num', { 'data-label': t('col.score') }, h('span.score-val', { text: m.score == null ? '—' : fmtNumber(m.score, 2, 2) }),
        m.protected ? h('span.sub', { text: t('metric.raw', { v: fmtNumber(m.raw_score, 2, 2) }) }) : null),
      h('td.bar-cell', { 'data-label': t('col.position') }, h('div.bar-box', { role: 'img', 'aria-label': bench ? t('bar.label', { poor: fmtMetricValue(id, bench.poor), good: fmtMetricValue(id, bench.good) }) : t('badge.no_data') }, bar, benchText)),
      // No notes: no cell (the phone's card shows no empty "Notes" row).
      h('td.badges' + (badges.length || (ctx.typeMetric && (m.no_data || missing || (ctx.typed && ctx.typed[id]))) ? '' : '.empty-cell'), { 'data-label': t('col.notes') }, badges,
        ctx.typeMetric && (m.no_data || missing || ctx.typed[id]) ? typeField(id, ctx) : null));
  });
  return h('div.metrics', null,
    h('h3', { text: t('result.metrics') }),
    // The scroll box is a focusable, named region so the keyboard can scroll it.
    h('div.table-wrap', { tabindex: '0', role: 'region', 'aria-label': t('result.metrics_table') },
      h('table.metric-table', { id: 'metric-table' },
        h('thead', null, h('tr', null,
          ['col.metric', 'col.value', 'col.fraction', 'col.window', 'col.score', 'col.position', 'col.notes']
            .map((k) => h('th', { scope: 'col', text: k === 'col.value' && trend ? it('spark.value_col', { value: t(k) }) : t(k) })))),
        h('tbody', null, rows))),
    h('p.hint', { text: t('bar.legend') }));
}

function renderBenefits(r) {
  // A tier is reached only when the lowest SPS the missing inputs allow reaches it.
  const sps = r.sps_range && r.sps_range.low != null ? r.sps_range.low : r.sps;
  const scored = r.status === 'scored';
  return h('div.benefits', { id: 'benefits' },
    h('h3', { text: t('result.benefits') }),
    h('p.benefit-standard', { text: t('benefit.standard') }),
    h('p.hint', { text: t('benefit.unrounded_note') }),
    h('ol.ladder', null, model.tiers.map((tier) => {
      const reached = scored && sps != null && sps >= tier;
      const list = (r.benefits || []).filter((b) => Math.abs(b.min_sps - tier) < 1e-9);
      return h('li.tier' + (reached ? '.reached' : ''), { 'data-tier': tier.toFixed(1) },
        h('div.tier-head', null,
          h('span.tier-min', { text: t('benefit.tier', { v: fmtNumber(tier, 1, 1) }) }),
          h('span.badge.' + (reached ? 'badge-ok' : 'badge-muted'), { text: reached ? t('benefit.reached') : scored ? t('benefit.not_reached') : t('benefit.no_score') }),
          TIER_SETTLEMENT[tier] ? h('span.tier-settle', { text: t('benefit.settlement', { days: tn('days', TIER_SETTLEMENT[tier]) }) }) : null),
        h('ul.benefit-list', null, list.map((b) => {
          const state = b.eligible === true ? 'yes' : b.eligible === false ? 'no' : 'unknown';
          const missing = (b.missing || []).filter((k) => !CONDITIONS_NOT_IN_GUIDE.has(k));
          const extra = (b.missing || []).filter((k) => CONDITIONS_NOT_IN_GUIDE.has(k));
          return h('li.benefit.benefit-' + state, { 'data-benefit': b.id, 'data-eligible': state },
            h('span.benefit-icon', { 'aria-hidden': 'true', text: state === 'yes' ? '✓' : state === 'no' ? '✕' : '?' }),
            h('span.benefit-name', { text: t('benefit.' + b.id) }),
            h('span.benefit-state', { text: t('benefit.state_' + state) }),
            NOT_IN_GUIDE.has(b.id) ? h('span.badge.badge-muted.not-in-guide', { text: t('benefit.not_in_guide') }) : null,
            missing.length
              ? h('span.benefit-missing', { text: t('benefit.missing', { list: missing.map((k) => tf('input.' + k, tf('metric.' + k, k))).join(t('list.sep')) }) })
              : null,
            extra.map((k) => h('span.benefit-missing.not-in-guide', { text: t('benefit.condition_not_in_guide', { condition: tf('input.' + k, k) }) })));
        })));
    })),
    h('p.hint.benefit-source', { text: t('benefit.source') }));
}

// Metrics counted over delivered or due orders: without the Orders export they cannot be
// computed whatever else is given, so their tip names Orders (a returns-only upload must not
// be told to add the Returns export it just gave).
const NEEDS_ORDERS = new Set(['nrr', 'nbfr', 'otdr', 'sfcr']);

function renderWarnings(r, ctx = {}) {
  const noOrders = ctx.source === 'files' && !(ctx.files || []).some((f) => f.status === 'ok' && f.summary && (f.summary.kind === 'orders' || f.summary.kind === 'dataset_json'));
  const warnings = (r.warnings || []).map((w) => (noOrders && w.code === 'metric_no_data' && w.params && NEEDS_ORDERS.has(w.params.metric)
    ? { ...w, params: { ...w.params, input: 'orders' } } : w));
  if (!warnings.length) return null;
  return h('div.warnings', { id: 'warnings' },
    h('h3', { text: t('result.warnings') }),
    h('ul', null, warnings.map((w) => warningItem(w, true))));
}

// Modelling details (effective weights, volume-adjusted values, the curve) behind a disclosure.
function renderHow(r, profile) {
  const dims = DIMENSIONS.map((d) => {
    const dim = r.dimensions[d] || {};
    const weight = `${t('dim.' + d)} ${fmtPercent(dim.weight, 0)}`;
    return r.sps != null ? `${weight} → ${fmtPercent(dim.effective_weight, 1)}` : weight;
  }).join(t('list.sep'));
  const adjusted = METRICS.filter((id) => {
    const m = r.metrics[id] || {};
    return m.adjusted_value != null && m.value != null && Math.abs(m.adjusted_value - m.value) > 1e-12;
  }).map((id) => `${t('metric.' + id)} ${fmtMetricValue(id, r.metrics[id].value)} → ${fmtMetricValue(id, r.metrics[id].adjusted_value)}`);
  const k = profile && profile.volume_prior != null ? profile.volume_prior : '';
  return h('details.how', { id: 'how' },
    h('summary', { text: t('result.how_title') }),
    h('p', { text: t('result.how_curve') }),
    h('p', { text: t('result.how_weights', { list: dims }) }),
    h('p', { text: adjusted.length ? t('result.how_adjusted', { k: fmtNumber(Number(k), 2), list: adjusted.join(t('list.sep')) }) : t('result.how_adjusted_none') }));
}
