// The insight panels under the result (docs/rules.md §26-§32): goal seek, why it moved, trend and forecast
// chart, scenarios, diagnostics. Every number comes from the core's `insights`.
import { h } from '../dom.js';
import { it } from '../i18n.js';
import { renderGoalSeek, renderMoved } from './goal.js';
import { renderChart } from './chart.js';
import { renderScenarios } from './scenarios.js';
import { renderDiagnostics } from './diagnostics.js';

// ctx.scoreWith(extra): the current source scored with extra options (scenarios, a CSV),
// given by main.js through the result area, so no panel imports the scoring.
export function renderInsights(result, ctx) {
  const ins = result && result.insights;
  if (!ins || result.sps == null) return null;
  // Quick mode has today's metrics only: no history to explain a move or draw a trend, no
  // per-day counts for the what-if levers, no records for the diagnostics. Those panels would
  // be empty or flat, so they are left out.
  if (ctx.source === 'quick') return h('section.insights', { id: 'insights', 'aria-label': it('title') }, renderGoalSeek(ins, result.metrics));
  return h('section.insights', { id: 'insights', 'aria-label': it('title') },
    renderGoalSeek(ins, result.metrics), renderMoved(ins.moved), renderChart(ins, ctx), renderScenarios(result, ctx), renderDiagnostics(ins, ctx));
}
