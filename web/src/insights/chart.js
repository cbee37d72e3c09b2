// One chart: the trend (past 90 days) and the forecast (next 60 days, both scenarios) with the
// 2.5 / 3.5 / 4.0 lines, drawn by uPlot (bundled; no CDN). Crossing dates are listed under it.
import uPlot from 'uplot';
import { h } from '../dom.js';
import { fmtDate, fmtNumber } from '../format.js';
import { it } from './strings.js';
import { locale } from '../i18n.js';

const THRESHOLDS = [2.5, 3.5, 4.0];
const seconds = (iso) => Date.parse(iso + 'T00:00:00Z') / 1000;
const isoDay = (s) => new Date(s * 1000).toISOString().slice(0, 10);
// uPlot's own date texts are English (and in the browser's time zone): the page's instead.
const tick = (s) => new Intl.DateTimeFormat(locale(), { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(s * 1000));

export function renderChart(insights) {
  const trend = insights.trend || [];
  const days = (insights.forecast && insights.forecast.days) || [];
  if (!trend.length && !days.length) return null;
  const x = [], past = [], clean = [], steady = [];
  for (const d of trend) x.push(seconds(d.date)), past.push(d.sps), clean.push(null), steady.push(null);
  // The forecast lines start at today's score so they join the trend.
  if (trend.length) clean[clean.length - 1] = steady[steady.length - 1] = trend[trend.length - 1].sps;
  for (const d of days) x.push(seconds(d.date)), past.push(null), clean.push(d.clean), steady.push(d.steady);
  const box = h('div.chart', { id: 'insight-chart', role: 'img', 'aria-label': it('chart.title') });
  const width = () => Math.max(160, Math.min(880, (box.parentElement && box.parentElement.clientWidth) || 640));
  const opts = {
    width: 640, height: 260,
    scales: { x: { time: true }, y: { range: [0, 5] } },
    legend: { show: true },
    // space: room per date label ("10月12日" is wider than uPlot's default 50 px allows).
    axes: [{ space: 80, values: (u, splits) => splits.map((s) => (s == null ? '' : tick(s))) }, {}],
    series: [
      { label: it('chart.date'), value: (u, v) => (v == null ? '--' : fmtDate(isoDay(v))) },
      { label: it('chart.trend'), stroke: '#1f6feb', width: 2 },
      { label: it('chart.clean'), stroke: '#2da44e', width: 2, dash: [6, 4] },
      { label: it('chart.steady'), stroke: '#cf222e', width: 2, dash: [2, 4] },
    ],
    hooks: {
      draw: [(u) => {
        const ctx = u.ctx;
        ctx.save();
        ctx.strokeStyle = '#888';
        ctx.setLineDash([4, 4]);
        ctx.lineWidth = 1;
        ctx.fillStyle = '#555';
        ctx.font = `${Math.round(11 * devicePixelRatio)}px sans-serif`;
        for (const th of THRESHOLDS) {
          const y = u.valToPos(th, 'y', true);
          ctx.beginPath();
          ctx.moveTo(u.bbox.left, y);
          ctx.lineTo(u.bbox.left + u.bbox.width, y);
          ctx.stroke();
          ctx.fillText(fmtNumber(th, 1, 1), u.bbox.left + 4, y - 3);
        }
        ctx.restore();
        box.dataset.thresholds = THRESHOLDS.join(',');
        box.dataset.points = String(x.length);
      }],
    },
  };
  // uPlot measures its container, so it is created once the box is in the document.
  queueMicrotask(() => {
    if (!box.isConnected) return;
    opts.width = width();
    new uPlot(opts, [x, past, clean, steady], box);
  });
  // In date order (ISO dates sort as text), so the list reads as a timeline.
  const events = [];
  for (const c of (insights.forecast && insights.forecast.crossings) || [])
    for (const s of ['clean', 'steady']) {
      const th = fmtNumber(c.threshold, 1, 1), scenario = it('scenario.' + s);
      if (c[s].reached) events.push([c[s].reached, it('chart.cross_reached', { threshold: th, date: fmtDate(c[s].reached), scenario })]);
      if (c[s].lost) events.push([c[s].lost, it('chart.cross_lost', { threshold: th, date: fmtDate(c[s].lost), scenario })]);
    }
  const crossings = events.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map((e) => e[1]);
  return h('div.trend', { id: 'trend' },
    h('h3', { text: it('chart.title') }), box,
    crossings.length ? h('ul.crossings', null, crossings.map((c) => h('li', { text: c }))) : h('p.crossings', { text: it('chart.no_cross') }));
}
