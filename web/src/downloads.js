// "Download result": the core's result JSON as it is, and the metric table as CSV (UTF-8 with a
// byte-order mark so that Excel opens Chinese names correctly). Made in the page from a Blob;
// nothing is sent anywhere.
import { h } from './dom.js';
import { t } from './i18n.js';
import { METRICS } from './render.js';

function save(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: name });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function stamp(r) {
  return r && r.as_of ? r.as_of : 'result';
}

export function downloadJson(result) {
  save(`shopscore-${stamp(result)}.json`, 'application/json', JSON.stringify(result, null, 2) + '\n');
}

// A CSV cell: quoted when it holds a comma, quote or line break; a leading = + - @ is
// prefixed with ' so a spreadsheet does not run it as a formula.
function cell(v) {
  let s = v == null ? '' : String(v);
  if (/^[=+\-@]/.test(s) && !/^-?\d/.test(s)) s = "'" + s;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

// Raw numbers (fractions for rates, hours for aht), so the file can be computed with; the
// metric's name in the page's language beside its id.
export function metricCsv(result, profile) {
  const head = ['metric', 'name', 'value', 'adjusted_value', 'numerator', 'denominator', 'window_days', 'score', 'benchmark_1_point', 'benchmark_4_points', 'no_data', 'protected'];
  const lines = [head.join(',')];
  for (const id of METRICS) {
    const m = result.metrics[id] || {};
    const b = profile && profile.benchmarks ? profile.benchmarks[id] || {} : {};
    lines.push([id, t('metric.' + id), m.value, m.adjusted_value, m.numerator, m.denominator, m.window_days, m.score, b.poor, b.good, !!m.no_data, !!m.protected].map(cell).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

export function downloadCsv(result, profile) {
  save(`shopscore-metrics-${stamp(result)}.csv`, 'text/csv;charset=utf-8', '\uFEFF' + metricCsv(result, profile));
}
