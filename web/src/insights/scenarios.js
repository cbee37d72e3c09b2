// "What if": sliders for the seed article's levers. Each change re-scores in the worker with
// the scenario options (the core applies them to its per-day counts) and redraws only this
// table, today's score beside each scenario.
import { h, setChildren } from '../dom.js';
import { fmtNumber, fmtPercent } from '../format.js';
import { it } from './strings.js';
import { scoreWithOptions } from '../scoring.js';

const SLIDERS = [
  { key: 'fbt_share', label: 'sc.fbt', min: 0, max: 1, step: 0.05, value: 0.5, fmt: (v) => fmtPercent(v, 0) },
  { key: 'aht_cap_hours', label: 'sc.aht', min: 4, max: 72, step: 1, value: 24, fmt: (v) => fmtNumber(v, 0) },
  { key: 'carrier_return_cut', label: 'sc.carrier', min: 0, max: 1, step: 0.05, value: 0.5, fmt: (v) => fmtPercent(v, 0) },
  { key: 'im_cut', label: 'sc.im', min: 0, max: 1, step: 0.05, value: 0.3, fmt: (v) => fmtPercent(v, 0) },
];
const chosen = Object.fromEntries(SLIDERS.map((s) => [s.key, s.value]));

function table(result) {
  const rows = [[it('sc.today'), result.sps, result.settlement_days, 'today']];
  for (const s of result.insights.scenarios || []) rows.push([it('sc.' + s.id + '_row'), s.sps, s.settlement_days, s.id]);
  return h('table.scenario-table', null,
    h('thead', null, h('tr', null, ['sc.col_scenario', 'sc.col_sps', 'sc.col_settlement'].map((k) => h('th', { scope: 'col', text: it(k) })))),
    h('tbody', null, rows.map(([name, sps, days, id]) => h('tr', { 'data-scenario': id, 'data-sps': sps == null ? '' : String(sps) },
      h('th', { scope: 'row', text: name }), h('td.num', { text: sps == null ? '—' : fmtNumber(sps, 2, 2) }), h('td.num', { text: String(days) })))));
}

export function renderScenarios(result) {
  if (!result.insights || !(result.insights.scenarios || []).length) return null;
  const out = h('div.scenario-result', { id: 'scenario-result' }, table(result));
  let seq = 0;
  async function update() {
    const mine = ++seq;
    try {
      const answer = JSON.parse(await scoreWithOptions({ scenarios: { ...chosen } }));
      if (mine === seq && out.isConnected) setChildren(out, table(answer));
      out.dataset.updated = String(mine);
    } catch (e) {
      if (mine === seq) out.dataset.error = String(e && e.message);
    }
  }
  const sliders = SLIDERS.map((s) => {
    const label = h('span.sc-label', { text: it(s.label, { v: s.fmt(chosen[s.key]) }) });
    const input = h('input', { type: 'range', min: s.min, max: s.max, step: s.step, value: chosen[s.key], 'data-lever': s.key, 'aria-label': it(s.label, { v: '' }) });
    input.addEventListener('input', () => {
      chosen[s.key] = Number(input.value);
      label.textContent = it(s.label, { v: s.fmt(chosen[s.key]) });
      update();
    });
    return h('label.sc-slider', null, label, input);
  });
  // The first table shows the core's defaults; redo it if the sliders were moved before.
  if (SLIDERS.some((s) => chosen[s.key] !== s.value)) queueMicrotask(update);
  return h('div.scenarios', { id: 'scenarios' }, h('h3', { text: it('sc.title') }), h('div.sc-sliders', null, sliders), out);
}
