// Renders the result JSON (docs/rules.md §23). Values come from the core; the page only formats them.
import { h } from './dom.js';
import { t, tf, tn } from './i18n.js';
import { en } from './errors.js';
import { columnName } from './columns.js';
import { fmtNumber, fmtInt, fmtMetricValue, fmtDate, fmtPercent } from './format.js';
import { renderInsights } from './insights/panel.js';
import { renderSparkline } from './insights/sparkline.js';
import { it } from './insights/strings.js';

export const METRICS = ['nrr', 'nbfr', 'otdr', 'sfcr', 'imd', 'aht'];
export const DIMENSIONS = ['product', 'fulfillment', 'service'];
export const METRIC_DIMENSION = { nrr: 'product', nbfr: 'product', otdr: 'fulfillment', sfcr: 'fulfillment', imd: 'service', aht: 'service' };
const GATE_ORDERS = 30; // docs/rules.md §13 [rule]
const TIERS = [2.5, 3.5, 4.0];
// Settlement days after delivery (the guide): 8 for every shop, 5 from 3.5, 1 from 4.0.
const TIER_SETTLEMENT = { 3.5: 5, 4: 1 };
// docs/rules.md §20 lists benefits and conditions that the guide's benefits list does not: they are marked.
const NOT_IN_GUIDE = new Set(['official_shop']);
const CONDITIONS_NOT_IN_GUIDE = new Set(['violations_30d']);

export function renderResult(result, ctx) {
  const out = [];
  out.push(renderHeadline(result, ctx));
  out.push(renderPriorities(result));
  out.push(renderDimensions(result));
  out.push(renderMetrics(result, ctx.profile, ctx));
  out.push(renderBenefits(result));
  out.push(renderWarnings(result));
  out.push(renderInsights(result));
  out.push(renderHow(result, ctx.profile));
  return out;
}

function scoreClass(s) {
  if (s == null) return 'none';
  if (s >= 4) return 'good';
  if (s >= 3.5) return 'ok';
  if (s >= 2.5) return 'fair';
  return 'poor';
}

function renderHeadline(r, ctx) {
  const scored = r.status === 'scored';
  const need = Math.max(0, GATE_ORDERS - (r.delivered_orders_90d || 0));
  return h('div.headline', null,
    h('div.sps.' + scoreClass(r.sps), { id: 'sps' },
      h('span.sps-label', { text: t('result.sps') }),
      h('span.sps-value', { id: 'sps-display', text: r.sps == null ? '—' : r.sps_display }),
      h('span.sps-raw', { id: 'sps-raw', title: t('result.unrounded_hint') },
        r.sps == null ? '' : t('result.unrounded', { v: fmtNumber(r.sps, 4, 4) }))),
    h('div.status-box', null,
      h('p.status-line', { id: 'status' },
        h('span.badge.' + (scored ? 'badge-ok' : 'badge-warn'), { 'data-status': r.status, text: scored ? t('status.scored') : t('status.provisional') }),
        ' ',
        scored ? (ctx.assumedOrders ? t('status.assumed') : t('status.scored_detail', { n: fmtInt(r.delivered_orders_90d) }))
          : t('status.need_more', { need: fmtInt(need), n: fmtInt(r.delivered_orders_90d), gate: GATE_ORDERS })),
      h('p.meta', null, t('result.as_of', { date: fmtDate(r.as_of) }), ' · ', t('result.profile', { name: ctx.profileName || r.profile }), ' · ', ctx.sourceLabel),
      h('p.meta', null, t('result.settlement', { days: tn('days', r.settlement_days) })),
      r.protection && r.protection.shop_qualifies ? h('p.meta', { text: t('result.shop_protected') }) : null));
}

// docs/rules.md §26 priority labels, computed by the core (the page asks for `insights` in every call).
const PRIORITY_TARGET = 4.0; // gain = the SPS increase if the metric alone scored max(score, 4.0)
const KEY_MIN_GAIN = 0.05; // the core labels the top metric only from this gain up
const ATTENTION_BELOW = 3.5; // and every other metric scoring below this

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
  const target = fmtNumber(PRIORITY_TARGET, 1, 1);
  if (gain < 0.005) return t('priority.gain_small', { gain: fmtNumber(0.01, 2, 2), target });
  return t('priority.gain', { gain: fmtNumber(gain, 2, 2), target });
}

// "What to fix first": the labelled metrics in the core's order (largest gain first).
function renderPriorities(r) {
  if (!r.insights || r.sps == null) return null;
  const labelled = (r.insights.priorities || []).filter((p) => p.label);
  return h('div.priorities', { id: 'priorities', 'aria-labelledby': 'priorities-title' },
    h('h3', { id: 'priorities-title', text: t('priority.title') }),
    labelled.length
      ? h('ol.priority-list', null, labelled.map((p) => h('li.priority', { 'data-metric': p.metric, 'data-label': p.label, 'data-gain': String(p.gain) },
        priorityBadge(p.label), ' ',
        h('span.priority-name', { text: t('metric.' + p.metric) }), ' ',
        h('span.priority-gain', { text: gainText(p.gain) }))))
      : h('p.priority-none', { text: t('priority.none', { low: fmtNumber(ATTENTION_BELOW, 1, 1), gain: fmtNumber(KEY_MIN_GAIN, 2, 2) }) }),
    h('p.hint', { text: t('priority.hint', { target: fmtNumber(PRIORITY_TARGET, 1, 1) }) }));
}

function renderDimensions(r) {
  return h('div.dims', { role: 'list', 'aria-label': t('result.dimensions') },
    DIMENSIONS.map((d) => {
      const dim = r.dimensions[d] || {};
      return h('div.card.dim.' + scoreClass(dim.no_data ? null : dim.score), { role: 'listitem', 'data-dimension': d },
        h('h3', { text: t('dim.' + d) }),
        h('p.dim-score', { text: dim.no_data ? t('badge.no_data') : dim.display }),
        h('p.dim-weights', null, t('dim.weight', { w: fmtPercent(dim.weight, 0) })));
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
// {id: {text, error}} of what was typed.
function typeField(id, ctx) {
  const fid = 'type-' + id;
  const typed = ctx.typed[id] || {};
  const input = h('input', { id: fid, type: 'text', inputmode: 'decimal', autocomplete: 'off', value: typed.text || '', 'aria-describedby': fid + '-msg', 'aria-invalid': typed.error ? 'true' : 'false' });
  input.addEventListener('change', () => ctx.typeMetric(id, input.value));
  return h('div.type-metric', null,
    h('label', { for: fid, text: t('metric.type_value') }),
    h('div.input-unit', null, input, h('span.unit', { 'aria-hidden': 'true', text: id === 'aht' ? t('unit.hours') : '%' })),
    h('span.field-msg.error', { id: fid + '-msg', text: typed.error ? t(typed.error) : '' }));
}

function renderMetrics(r, profile, ctx = {}) {
  const labels = priorityLabels(r);
  // The 90-day sparklines need the core's trend (asked for with insights).
  const trend = r.insights && Array.isArray(r.insights.trend) && r.insights.trend.length ? r.insights.trend : null;
  const rows = METRICS.map((id) => {
    const m = r.metrics[id] || {};
    const bench = profile && profile.benchmarks ? profile.benchmarks[id] : null;
    const pos = m.no_data ? null : barPosition(m.adjusted_value ?? m.value, bench);
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
    if (m.no_data) badges.push(h('span.badge.badge-muted', { 'data-badge': 'no-data', text: t('badge.no_data') }));
    if (labels.has(id)) badges.push(priorityBadge(labels.get(id).label));
    if (m.protected) badges.push(h('span.badge.badge-info', { 'data-badge': 'protected', title: t('badge.protected_hint', { raw: fmtNumber(m.raw_score, 2) }), text: t('badge.protected') }));
    const fraction = m.numerator != null && m.denominator != null
      ? (id === 'aht' ? t('metric.aht_fraction', { hours: fmtNumber(m.numerator, 1), n: fmtInt(m.denominator) }) : `${fmtInt(m.numerator)} / ${fmtInt(m.denominator)}`)
      : '—';
    return h('tr', { 'data-metric': id },
      h('th', { scope: 'row' }, h('span.metric-name', { text: t('metric.' + id) }), h('span.metric-dim', { text: t('dim.' + METRIC_DIMENSION[id]) })),
      // The value, and under it its last 90 days (a sparkline: no column of its own, the table is full).
      h('td.num', { 'data-label': t('col.value') }, fmtMetricValue(id, m.value), trend && !m.no_data ? renderSparkline(trend, id) : null),
      h('td.num', { 'data-label': t('col.fraction') }, fraction),
      h('td.num', { 'data-label': t('col.window') }, tn('metric.window', m.window_days, { d: m.window_days })),
      h('td.num', { 'data-label': t('col.score') }, h('span.score-val', { text: m.score == null ? '—' : fmtNumber(m.score, 2, 2) }),
        m.protected ? h('span.sub', { text: t('metric.raw', { v: fmtNumber(m.raw_score, 2, 2) }) }) : null),
      h('td.bar-cell', { 'data-label': t('col.position') }, h('div.bar-box', { role: 'img', 'aria-label': bench ? t('bar.label', { poor: fmtMetricValue(id, bench.poor), good: fmtMetricValue(id, bench.good) }) : t('badge.no_data') }, bar, benchText)),
      // No notes: no cell (the phone's card shows no empty "Notes" row).
      h('td.badges' + (badges.length || (ctx.typeMetric && (m.no_data || (ctx.typed && ctx.typed[id]))) ? '' : '.empty-cell'), { 'data-label': t('col.notes') }, badges,
        ctx.typeMetric && (m.no_data || ctx.typed[id]) ? typeField(id, ctx) : null));
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
  const sps = r.sps;
  const scored = r.status === 'scored';
  return h('div.benefits', { id: 'benefits' },
    h('h3', { text: t('result.benefits') }),
    h('p.benefit-standard', { text: t('benefit.standard') }),
    h('p.hint', { text: t('benefit.unrounded_note') }),
    h('ol.ladder', null, TIERS.map((tier) => {
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
              ? h('span.benefit-missing', { text: t('benefit.missing', { list: missing.map((k) => tf('input.' + k, k)).join(t('list.sep')) }) })
              : null,
            extra.map((k) => h('span.benefit-missing.not-in-guide', { text: t('benefit.condition_not_in_guide', { condition: tf('input.' + k, k) }) })));
        })));
    })),
    h('p.hint.benefit-source', { text: t('benefit.source') }));
}

function renderWarnings(r) {
  const warnings = r.warnings || [];
  if (!warnings.length) return null;
  return h('div.warnings', { id: 'warnings' },
    h('h3', { text: t('result.warnings') }),
    h('ul', null, warnings.map((w) => warningItem(w, true))));
}

// A core warning, worded from its code and params (the core's English message, marked
// lang="en", when the code is new to the page). Examples are separate items: "a · b".
// showFile: name the file a warning comes from (not needed in that file's own row).
export function warningItem(w, showFile = true) {
  const params = { count: fmtInt(w.count), ...(w.params || {}) };
  if (params.metric) params.metric = tf('metric.' + params.metric, params.metric);
  if (params.input) params.input = tf('kind.' + params.input, params.input);
  if (params.order) params.order = tf('order.' + params.order, params.order);
  if (params.column) params.column = columnName(params.column);
  const code = w.code === 'ambiguous_dates' && params.order ? 'ambiguous_dates_order' : w.code;
  const knownCode = tf('warn.' + code, null) != null;
  const fileNote = showFile && w.params && w.params.file && !(/\{file\}/.test(tf('warn.' + w.code, ''))) ? t('warn.in_file', { file: w.params.file }) : '';
  const examples = w.examples && w.examples.length ? w.examples : [];
  return h('li', { 'data-warning': w.code },
    fileNote,
    knownCode ? h('span', { text: t('warn.' + code, params) }) : en(w.message),
    examples.length ? h('span.examples', null, t('warn.examples'), ' ',
      examples.map((e, i) => [i ? ' · ' : '', h('q', { text: e })])) : null);
}

// Modelling details (effective weights, volume-adjusted values, the curve) behind a disclosure.
function renderHow(r, profile) {
  const dims = DIMENSIONS.map((d) => {
    const dim = r.dimensions[d] || {};
    return `${t('dim.' + d)} ${fmtPercent(dim.weight, 0)} → ${fmtPercent(dim.effective_weight, 1)}`;
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
