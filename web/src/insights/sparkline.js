// Metric sparklines: each metric's value as of each of the last 90 days (the core's
// `insights.trend`), drawn as a small inline SVG under the value in the metric's row. SVG rather than a
// canvas so it prints sharp and needs no layout pass; the label says what a reader of the
// picture sees (first and last value, lowest and highest).
import { h } from '../dom.js';
import { fmtDate, fmtMetricValue } from '../format.js';
import { t, it } from '../i18n.js';

const NS = 'http://www.w3.org/2000/svg';
const W = 72, H = 20, PAD = 2;

function svg(tag, attrs) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

// The days with a value, in date order: [{date, value}].
export function metricSeries(trend, id) {
  const out = [];
  for (const d of trend || []) {
    const v = d.metrics && d.metrics[id] ? d.metrics[id].value : null;
    if (v != null && Number.isFinite(v)) out.push({ date: d.date, value: v });
  }
  return out;
}

export function renderSparkline(trend, id) {
  const days = trend || [];
  const points = metricSeries(days, id);
  if (!points.length) return null;
  const values = points.map((p) => p.value);
  const lo = Math.min(...values), hi = Math.max(...values);
  // x by the day's place in the whole trend, so a gap (no data that day) stays a gap.
  const index = new Map(days.map((d, i) => [d.date, i]));
  const xOf = (date) => PAD + (days.length > 1 ? (W - 2 * PAD) * index.get(date) / (days.length - 1) : (W - 2 * PAD) / 2);
  const yOf = (v) => (hi === lo ? H / 2 : PAD + (H - 2 * PAD) * (hi - v) / (hi - lo));
  let d = '', prev = -2;
  for (const p of points) {
    const i = index.get(p.date);
    d += `${i === prev + 1 ? 'L' : 'M'}${xOf(p.date).toFixed(1)} ${yOf(p.value).toFixed(1)}`;
    prev = i;
  }
  const last = points[points.length - 1], first = points[0];
  const label = it('spark.label', {
    metric: t('metric.' + id), from: fmtDate(first.date), to: fmtDate(last.date),
    first: fmtMetricValue(id, first.value), last: fmtMetricValue(id, last.value),
    min: fmtMetricValue(id, lo), max: fmtMetricValue(id, hi),
  });
  const pic = svg('svg', { class: 'spark-svg', viewBox: `0 0 ${W} ${H}`, width: W, height: H, 'aria-hidden': 'true', focusable: 'false' });
  pic.appendChild(svg('path', { d, fill: 'none', stroke: 'currentColor', 'stroke-width': 1.5, 'stroke-linejoin': 'round', 'vector-effect': 'non-scaling-stroke' }));
  pic.appendChild(svg('circle', { cx: xOf(last.date).toFixed(1), cy: yOf(last.value).toFixed(1), r: 2, fill: 'currentColor' }));
  return h('span.spark', { role: 'img', 'aria-label': label, title: label, 'data-metric': id, 'data-points': String(points.length) }, pic);
}
