// Every file the page saves goes through saveText() (a Blob URL and a click: nothing is sent
// anywhere): the result JSON as it is, the metric table as CSV (UTF-8 with a byte-order mark so
// that Excel opens Chinese names correctly), a profile, a diagnostics table.
import { h } from './dom.js';
import { t } from './i18n.js';
import { METRICS } from './model.js';

export function saveText(name, type, text) {
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
  saveText(`shopscore-${stamp(result)}.json`, 'application/json', JSON.stringify(result, null, 2) + '\n');
}

// A CSV cell: quoted when it holds a comma, quote or line break; a leading = + - @ is
// prefixed with ' so a spreadsheet does not run it as a formula.
function cell(v) {
  let s = v == null ? '' : String(v);
  if (/^[=+\-@]/.test(s) && !/^-?\d/.test(s)) s = "'" + s;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

// Raw numbers (fractions for rates, hours for aht), so the file can be computed with; the
// headers, the metric's name and yes/no in the page's language (the metric id stays, for
// formulas). `input` says where each value came from (export, typed, missing).
const CSV_COLUMNS = ['metric', 'name', 'input', 'value', 'adjusted_value', 'numerator', 'denominator', 'window_days', 'score', 'benchmark_1_point', 'benchmark_4_points', 'no_data', 'protected'];
export function metricCsv(result, profile) {
  const lines = [CSV_COLUMNS.map((c) => cell(t('csv.' + c))).join(',')];
  const yes = (b) => t(b ? 'csv.yes' : 'csv.no');
  for (const id of METRICS) {
    const m = result.metrics[id] || {};
    const b = profile && profile.benchmarks ? profile.benchmarks[id] || {} : {};
    const input = m.input ? t('csv.input_' + m.input) : '';
    const missing = m.input === 'missing';
    lines.push([id, t('metric.' + id), input, missing ? null : m.value, missing ? null : m.adjusted_value, m.numerator, m.denominator, m.window_days, missing ? null : m.score, b.poor, b.good, yes(m.no_data), yes(m.protected)].map(cell).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

export function downloadCsv(result, profile) {
  saveText(`shopscore-metrics-${stamp(result)}.csv`, 'text/csv;charset=utf-8', '\uFEFF' + metricCsv(result, profile));
}
