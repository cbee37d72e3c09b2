// The insight panels under the result (docs/rules.md §26-§32): goal seek, why it moved, trend and forecast
// chart, scenarios, diagnostics. Every number comes from the core's `insights`.
import { h } from '../dom.js';
import { it } from './strings.js';
import { renderGoalSeek, renderMoved } from './goal.js';
import { renderChart } from './chart.js';
import { renderScenarios } from './scenarios.js';
import { renderDiagnostics } from './diagnostics.js';

export function renderInsights(result) {
  const ins = result && result.insights;
  if (!ins || result.sps == null) return null;
  return h('section.insights', { id: 'insights', 'aria-label': it('title') },
    renderGoalSeek(ins), renderMoved(ins.moved), renderChart(ins), renderScenarios(result), renderDiagnostics(ins));
}
