// "How to reach each score": the core's goal seek (docs/rules.md §27) as sentences, and why it moved (§30) as a
// small waterfall of metric contributions.
import { h } from '../dom.js';
import { fmtNumber, fmtInt, fmtDate, fmtMetricValue } from '../format.js';
import { t, it, tn } from '../i18n.js';

function metricSentence(g) {
  const name = t('metric.' + g.metric);
  if (!g.reachable) return it('goal.unreachable', { metric: name });
  if (g.metric === 'aht') {
    if (g.value == null) return it('goal.any', { metric: name });
    return it('goal.aht', { value: fmtNumber(g.value, 1, 1), current: fmtNumber(g.current, 1, 1) });
  }
  if (g.limit == null) return g.value == null ? it('goal.any', { metric: name }) : it('goal.value', { metric: name, value: fmtMetricValue(g.metric, g.value) });
  let s = it('goal.' + g.metric, {
    limit: fmtInt(g.limit), den: fmtInt(g.denominator), current: fmtInt(g.current),
    more: fmtInt(Math.max(0, g.limit - g.current)),
  });
  const defects = g.metric === 'otdr' ? g.denominator - g.current : g.current;
  const allowed = g.metric === 'otdr' ? g.denominator - g.limit : g.limit;
  if (g.more_clean != null && g.more_clean > 0 && defects > allowed) s += it('goal.sep') + it(g.metric === 'otdr' || g.metric === 'imd' ? 'goal.clean_' + g.metric : 'goal.clean', { n: fmtInt(g.more_clean) });
  return s;
}

// metrics: the result's metrics (each one's window, for "leave the 60-day window").
export function renderGoalSeek(insights, metrics = {}) {
  const targets = insights.goal_seek || [];
  if (!targets.length) return null;
  return h('div.goal-seek', { id: 'goal-seek' },
    h('h3', { text: it('goal.title') }),
    targets.map((g) => h('div.goal-target', { 'data-target': String(g.target) },
      h('h4', { text: it('goal.target', { target: fmtNumber(g.target, 1, 1) }) }),
      g.reached_today ? h('p', { text: it('goal.reached') }) : [
        h('ul', null, g.metrics.map((m) => h('li', { 'data-metric': m.metric, 'data-reachable': String(m.reachable), text: metricSentence(m) }))),
        h('p.goal-plan', {
          text: g.plan.reachable
            ? tn('ins.goal.plan', g.plan.orders, {
              // Past events cannot be undone: they count until they leave the metric's window.
              steps: g.plan.steps.map((s) => it('goal.plan_step', { n: fmtInt(s.fewer), what: tn('ins.what.' + s.metric, s.fewer), days: fmtInt((metrics[s.metric] || {}).window_days) })).join(t('list.sep')),
            })
            // A metric above reaching it alone while no order plan does: say so, not "nothing
            // reaches it" under a list of ways that do.
            : it(g.metrics.some((m) => m.reachable) ? 'goal.plan_orders_none' : 'goal.plan_none'),
        }),
      ])));
}

// A waterfall: each metric's contribution as a bar starting where the previous one ended.
export function renderMoved(moved) {
  if (!moved || moved.sps_from == null || moved.sps_to == null) return null;
  // A change that rounds to 0.00 gets no row (a bar of "+0.00" says nothing).
  const parts = moved.metrics.filter((m) => Math.abs(m.contribution) >= 0.005);
  const lo = Math.min(moved.sps_from, moved.sps_to, ...running(moved, parts).flat());
  const hi = Math.max(moved.sps_from, moved.sps_to, ...running(moved, parts).flat());
  const span = Math.max(hi - lo, 0.01);
  const bar = (from, to, cls) => {
    const el = h('span.wf-bar.' + cls);
    el.style.left = (100 * (Math.min(from, to) - lo) / span) + '%';
    el.style.width = Math.max(0.5, 100 * Math.abs(to - from) / span) + '%';
    return el;
  };
  const steps = running(moved, parts);
  const sign = (x) => (x >= 0 ? '+' : '−') + fmtNumber(Math.abs(x), 2, 2);
  return h('div.moved', { id: 'moved' },
    h('h3', { text: it('moved.title', { from: fmtDate(moved.from), to: fmtDate(moved.to) }) }),
    h('p', { text: it('moved.total', { a: fmtNumber(moved.sps_from, 2, 2), b: fmtNumber(moved.sps_to, 2, 2), change: sign(moved.change) }) }),
    h('ol.waterfall', null, parts.map((m, i) => h('li.wf-row', { 'data-metric': m.metric, 'data-contribution': String(m.contribution) },
      h('span.wf-label', { text: t('metric.' + m.metric) }),
      h('span.wf-track', null, bar(steps[i][0], steps[i][1], m.contribution >= 0 ? 'up' : 'down')),
      h('span.wf-value', { text: sign(m.contribution) })))),
    h('p.hint', { id: 'moved-rounded', text: it('moved.rounded') }));
}

function running(moved, parts) {
  let at = moved.sps_from;
  return parts.map((m) => {
    const from = at;
    at += m.contribution;
    return [from, at];
  });
}
