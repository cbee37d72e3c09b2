// One chart: the shop's stored readings before the trend (history, docs/history.md), the trend
// (past 90 days) and the forecast (next 60 days, both scenarios) with the
// benefit tiers' lines (2.5 / 3.5 / 4.0, from the core's meta()), drawn by uPlot (shipped with the
// site as uplot.js, no CDN; loaded when the first chart is drawn: on-demand.js). Crossing dates
// are listed under it, and the numbers are in the table below it.
import { loadScript } from '../on-demand.js';
import { h } from '../dom.js';
import { fmtDate, fmtNumber, dateFormat } from '../format.js';
import { it, t, tn, getLang } from '../i18n.js';
import { gate, model } from '../model.js';
import { saveText } from '../downloads.js';

const seconds = (iso) => Date.parse(iso + 'T00:00:00Z') / 1000;
const isoDay = (s) => new Date(s * 1000).toISOString().slice(0, 10);
// uPlot's own date texts are English (and in the browser's time zone): the page's instead.
const tick = (s) => dateFormat({ month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(s * 1000));

// The trend as the core's CSV (`--csv trend`): each day scored or provisional, in the page's language.
async function downloadTrend(button, ctx) {
  button.disabled = true;
  try {
    const text = await ctx.scoreWith({ csv: 'trend', csv_lang: getLang() });
    saveText('shopscore-trend.csv', 'text/csv;charset=utf-8', '\uFEFF' + text);
  } finally {
    button.disabled = false;
  }
}

export function renderChart(insights, ctx) {
  const trend = insights.trend || [];
  const days = (insights.forecast && insights.forecast.days) || [];
  if (!trend.length && !days.length) return null;
  // The long run (docs/history.md): the shop's stored readings older than the trend's first
  // day, as points before it on the same axis (none while the history is off).
  const firstDay = trend.length ? trend[0].date : days[0].date;
  const older = ctx && ctx.historyBefore ? ctx.historyBefore(firstDay).filter((r) => r.sps != null) : [];
  // A day under the 30-order gate has a provisional score, never an official one: drawn as its
  // own grey dashed line (the official line has a gap there), joined at the edges.
  const x = [], past = [], provisional = [], clean = [], steady = [], stored = [];
  for (const r of older) x.push(seconds(r.as_of)), past.push(null), provisional.push(null), clean.push(null), steady.push(null), stored.push(r.sps);
  const isProvisional = (d) => d.provisional === true || d.scored === false;
  trend.forEach((d, i) => {
    x.push(seconds(d.date)), clean.push(null), steady.push(null), stored.push(null);
    const prov = isProvisional(d);
    const edge = (j) => j >= 0 && j < trend.length && isProvisional(trend[j]) !== prov;
    past.push(prov ? null : d.sps);
    provisional.push(prov || edge(i - 1) || edge(i + 1) ? d.sps : null);
  });
  const provisionalDays = trend.filter(isProvisional).length;
  // The forecast lines start at today's score so they join the trend.
  if (trend.length) clean[clean.length - 1] = steady[steady.length - 1] = trend[trend.length - 1].sps;
  for (const d of days) x.push(seconds(d.date)), past.push(null), provisional.push(null), clean.push(d.clean), steady.push(d.steady), stored.push(null);
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
      { label: it('chart.provisional'), stroke: '#6e7781', width: 2, dash: [3, 3] },
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
        for (const th of model.tiers) {
          const y = u.valToPos(th, 'y', true);
          ctx.beginPath();
          ctx.moveTo(u.bbox.left, y);
          ctx.lineTo(u.bbox.left + u.bbox.width, y);
          ctx.stroke();
          ctx.fillText(fmtNumber(th, 1, 1), u.bbox.left + 4, y - 3);
        }
        ctx.restore();
        box.dataset.thresholds = model.tiers.join(',');
        box.dataset.points = String(x.length);
        box.dataset.provisional = String(provisionalDays);
        box.dataset.stored = String(older.length);
      }],
    },
  };
  // Points only, no line: readings weeks apart joined by a line would invent the days between.
  // Only when there are any (the legend would otherwise name an empty series).
  if (older.length) opts.series.push({ label: t('hist.chart_readings'), stroke: '#8250df', fill: '#8250df', width: 1, paths: () => null, points: { show: true, size: 9, fill: '#8250df' } });
  // uPlot measures its container, so it is created once the box is in the document (and the
  // library loaded). Without the library (offline before the service worker saved it) the box
  // says so; the table below has the same numbers.
  loadScript('uplot.js', () => typeof globalThis.uPlot === 'function').then(() => {
    if (!box.isConnected) return;
    opts.width = width();
    new globalThis.uPlot(opts, older.length ? [x, past, provisional, clean, steady, stored] : [x, past, provisional, clean, steady], box);
  }, () => {
    box.append(h('p.hint', { text: it('chart.unavailable') }));
  });
  // In date order (ISO dates sort as text), so the list reads as a timeline.
  const events = [];
  for (const c of (insights.forecast && insights.forecast.crossings) || [])
    for (const s of ['clean', 'steady']) {
      const th = fmtNumber(c.threshold, 1, 1), scenario = it('scenario.' + s);
      if (c[s].reached) events.push([c[s].reached, it('chart.cross_reached', { threshold: th, date: fmtDate(c[s].reached), scenario })]);
      if (c[s].lost) events.push([c[s].lost, it('chart.cross_lost', { threshold: th, date: fmtDate(c[s].lost), scenario })]);
    }
  // The chart's numbers without a mouse: a table behind a disclosure (keyboard and screen reader).
  const num = (v) => (v == null ? '' : fmtNumber(v, 2, 2));
  const csvButton = ctx ? h('button.diag-csv', { type: 'button', id: 'trend-csv', text: it('diag.csv') }) : null;
  if (csvButton) csvButton.addEventListener('click', () => downloadTrend(csvButton, ctx));
  const dataTable = h('details.chart-data.no-print', { id: 'chart-data' },
    h('summary', { text: it('chart.table') }),
    csvButton ? h('div.diag-tools', null, csvButton) : null,
    h('div.diag-scroll', { tabindex: '0', role: 'region', 'aria-label': it('chart.table') },
      h('table.diag-table', null,
        h('thead', null, h('tr', null, ['chart.date', 'chart.trend', 'chart.clean', 'chart.steady'].map((k) => h('th', { scope: 'col', text: it(k) })))),
        h('tbody', null,
          older.map((r) => h('tr', { 'data-stored': 'true' }, h('th', { scope: 'row', text: fmtDate(r.as_of) }), h('td.num', { text: t('hist.chart_value', { v: num(r.sps) }) }), h('td'), h('td'))),
          trend.map((d) => h('tr', { 'data-provisional': isProvisional(d) ? 'true' : null },
            h('th', { scope: 'row', text: fmtDate(d.date) }),
            h('td.num', { text: isProvisional(d) ? it('chart.provisional_value', { v: num(d.sps) }) : num(d.sps) }), h('td'), h('td'))),
          days.map((d) => h('tr', null, h('th', { scope: 'row', text: fmtDate(d.date) }), h('td'), h('td.num', { text: num(d.clean) }), h('td.num', { text: num(d.steady) })))))));
  const crossings = events.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map((e) => e[1]);
  return h('div.trend', { id: 'trend' },
    h('h3', { text: it('chart.title') }), box,
    older.length ? h('p.hint', { id: 'trend-stored', text: tn('hist.chart_note', older.length) }) : null,
    provisionalDays ? h('p.hint', { id: 'trend-provisional', text: it('chart.provisional_note', { n: provisionalDays, gate: gate() }) }) : null,
    crossings.length ? h('ul.crossings', null, crossings.map((c) => h('li', { text: c }))) : h('p.crossings', { text: it('chart.no_cross') }),
    dataTable);
}
