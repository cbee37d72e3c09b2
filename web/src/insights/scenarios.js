// "What if": sliders for the seed article's levers. Each change re-scores in the worker with
// the scenario options (the core applies them to its per-day counts) and redraws only this
// table, today's score beside each scenario.
import { h, setChildren } from '../dom.js';
import { fmtNumber, fmtPercent } from '../format.js';
import { t, it } from '../i18n.js';
import { METRICS } from '../model.js';

const SLIDERS = [
  { key: 'fbt_share', label: 'sc.fbt', min: 0, max: 1, step: 0.05, value: 0.5, fmt: (v) => fmtPercent(v, 0) },
  { key: 'aht_cap_hours', label: 'sc.aht', min: 4, max: 72, step: 1, value: 24, fmt: (v) => fmtNumber(v, 0) },
  { key: 'carrier_return_cut', label: 'sc.carrier', min: 0, max: 1, step: 0.05, value: 0.5, fmt: (v) => fmtPercent(v, 0) },
  { key: 'im_cut', label: 'sc.im', min: 0, max: 1, step: 0.05, value: 0.3, fmt: (v) => fmtPercent(v, 0) },
];
const chosen = Object.fromEntries(SLIDERS.map((s) => [s.key, s.value]));

// Metrics with data today that a scenario leaves without any (all orders moved to FBT: no
// seller-shipped order left for on-time delivery or seller-fault cancellations).
function lostMetrics(result, s) {
  return METRICS.filter((id) => result.metrics[id] && !result.metrics[id].no_data && s.metrics && s.metrics[id] && s.metrics[id].no_data);
}

// Under the table: why a scenario's score moved when metrics lost their data.
function lostNotes(result) {
  const notes = (result.insights.scenarios || []).map((s) => {
    const lost = lostMetrics(result, s);
    return lost.length ? h('li', { 'data-scenario': s.id, text: it('sc.lost', { scenario: it('sc.' + s.id + '_row'), metrics: lost.map((id) => t('metric.' + id)).join(t('list.sep')) }) }) : null;
  }).filter(Boolean);
  return notes.length ? h('ul.sc-notes', { id: 'scenario-notes' }, notes) : null;
}

function table(result) {
  const rows = [[it('sc.today'), result.sps, result.settlement_days, 'today']];
  for (const s of result.insights.scenarios || []) rows.push([it('sc.' + s.id + '_row'), s.sps, s.settlement_days, s.id]);
  // In a box that scrolls sideways when even whole words do not fit (a phone at 200 % zoom).
  return [h('div.diag-scroll', { tabindex: '0', role: 'region', 'aria-label': it('sc.title') }, h('table.scenario-table', null,
    h('thead', null, h('tr', null, ['sc.col_scenario', 'sc.col_sps', 'sc.col_settlement'].map((k) => h('th', { scope: 'col', text: it(k) })))),
    h('tbody', null, rows.map(([name, sps, days, id]) => h('tr', { 'data-scenario': id, 'data-sps': sps == null ? '' : String(sps) },
      h('th', { scope: 'row', text: name }), h('td.num', { text: sps == null ? '—' : fmtNumber(sps, 2, 2) }), h('td.num', { text: String(days) })))))), lostNotes(result)];
}

export function renderScenarios(result, ctx) {
  if (!result.insights || !(result.insights.scenarios || []).length) return null;
  const out = h('div.scenario-result', { id: 'scenario-result' }, table(result));
  let seq = 0;
  async function update() {
    const mine = ++seq;
    try {
      const answer = JSON.parse(await ctx.scoreWith({ scenarios: { ...chosen } }));
      if (mine === seq && out.isConnected) setChildren(out, table(answer));
      out.dataset.updated = String(mine);
    } catch (e) {
      if (mine === seq) out.dataset.error = String(e && e.message);
    }
  }
  const sliders = SLIDERS.map((s) => {
    const label = h('span.sc-label', { text: it(s.label, { v: s.fmt(chosen[s.key]) }) });
    const input = h('input', { type: 'range', min: s.min, max: s.max, step: s.step, value: chosen[s.key], 'data-lever': s.key, 'aria-label': it(s.label, { v: '' }), 'aria-valuetext': s.fmt(chosen[s.key]) });
    input.addEventListener('input', () => {
      chosen[s.key] = Number(input.value);
      label.textContent = it(s.label, { v: s.fmt(chosen[s.key]) });
      input.setAttribute('aria-valuetext', s.fmt(chosen[s.key]));
      update();
    });
    return h('label.sc-slider', null, label, input);
  });
  // The first table shows the core's defaults; redo it if the sliders were moved before.
  if (SLIDERS.some((s) => chosen[s.key] !== s.value)) queueMicrotask(update);
  return h('div.scenarios', { id: 'scenarios' }, h('h3', { text: it('sc.title') }), h('div.sc-sliders', null, sliders), out);
}
