// The calibration report (docs/calibration.md "Report") in the page's language: whether the fit
// reproduces every Seller Center reading, the largest disagreement, per reading what Seller
// Center shows beside what ShopScore computes, the metric values that differ from the exports
// (with the orders to check), what the readings pinned down, and the core's notes. Draws from
// the report alone; order ids and other data are put in as text.
import { h } from './dom.js';
import { t, locale } from './i18n.js';
import { fmtNumber, fmtMetricValue, fmtPercent, dateFormat } from './format.js';
import { METRICS, DIMENSIONS } from './model.js';
import { shownScore } from './calibrate-request.js';

// "Nov 1" / "11月1日"; a calendar day, no time-zone shift.
function shortDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
  if (!m) return iso || '—';
  return dateFormat({ month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])));
}

function dateList(report) {
  const dates = (report.snapshots || []).map((s) => shortDate(s.as_of));
  if (typeof Intl.ListFormat !== 'function') return dates.join(', ');
  return new Intl.ListFormat(locale(), { type: 'conjunction' }).format(dates);
}

// `what` of a comparison: "sps", a dimension, "METRIC.value" or "METRIC.score".
function whatLabel(what) {
  if (what === 'sps') return t('result.sps');
  if (DIMENSIONS.includes(what)) return t('dim.' + what);
  const [m, part] = String(what).split('.');
  if (METRICS.includes(m)) return t(part === 'value' ? 'cal.what_value' : 'cal.what_score', { metric: t('metric.' + m) });
  return what;
}

function shownText(what, v) {
  if (v == null) return t('cal.no_data');
  const [m, part] = String(what).split('.');
  if (part === 'value') return fmtMetricValue(m, v);
  return fmtNumber(v, 1, 1);
}

// Computed scores with two decimals and how Seller Center would show them ("3.73 (shown as 3.7)").
function computedText(what, v) {
  if (v == null) return t('cal.no_data');
  const [m, part] = String(what).split('.');
  if (part === 'value') return fmtMetricValue(m, v);
  return t('cal.computed_shown', { value: fmtNumber(v, 2, 2), shown: fmtNumber(Number(shownScore(v)), 1, 1) });
}

function comparisonTable(snap) {
  return h('div.cal-scroll', { role: 'region', tabindex: '0', 'aria-label': t('cal.reading_of', { date: shortDate(snap.as_of) }) },
    h('table.cal-table', null,
      h('thead', null, h('tr', null,
        ['cal.col_what', 'cal.col_shown', 'cal.col_computed', 'cal.col_match'].map((k) => h('th', { scope: 'col', text: t(k) })))),
      h('tbody', null, (snap.comparisons || []).map((c) => h('tr', { class: c.matches ? null : 'cal-differs', 'data-what': c.what },
        h('th', { scope: 'row', text: whatLabel(c.what) }),
        h('td.num', { text: shownText(c.what, c.shown) }),
        h('td.num', { text: computedText(c.what, c.computed) }),
        h('td', null, h('span', { class: c.matches ? 'badge badge-ok' : 'badge badge-bad', text: t(c.matches ? 'cal.ok' : 'cal.bad') })))))));
}

function findingsList(report) {
  const findings = report.findings || [];
  if (!findings.length) return h('p.hint', { id: 'cal-findings-none', text: t('cal.findings_none') });
  return h('ul.cal-findings', { id: 'cal-findings' }, findings.map((f) => h('li', { 'data-metric': f.metric },
    t('cal.finding', {
      date: shortDate(f.as_of), metric: t('metric.' + f.metric),
      shown: fmtMetricValue(f.metric, f.shown), computed: fmtMetricValue(f.metric, f.computed),
      n: fmtNumber(Math.max(1, Math.round(Math.abs(f.count_difference || 0))), 0),
    }),
    f.candidates && f.candidates.length ? h('div.cal-candidates', null, t('cal.candidates', { list: f.candidates.slice(0, 20).join(', ') })) : null)));
}

// "metric_share.product" -> NRR's share in Product satisfaction; "benchmarks.sfcr.worst"; "volume_prior".
function parameterLabel(name) {
  const parts = String(name).split('.');
  if (parts[0] === 'metric_share') {
    const first = METRICS.find((m) => (parts[1] === 'product' ? m === 'nrr' : parts[1] === 'fulfillment' ? m === 'otdr' : m === 'imd'));
    return t('cal.p_share', { metric: t('metric.' + first), dim: t('dim.' + parts[1]) });
  }
  if (parts[0] === 'volume_prior') return t('profile.volume_prior');
  if (parts[0] === 'benchmarks') return t(parts[2] === 'best' ? 'cal.p_best' : 'cal.p_worst', { metric: t('metric.' + parts[1]) });
  return name;
}

function parameterValue(name, v) {
  if (v == null || !Number.isFinite(v)) return '—';
  const parts = String(name).split('.');
  if (parts[0] === 'metric_share') return fmtPercent(v, 1);
  if (parts[0] === 'benchmarks') return fmtMetricValue(parts[1], v);
  return fmtNumber(v, 1);
}

function parametersTable(report) {
  return h('details.cal-parameters', null, h('summary', { text: t('cal.parameters') }),
    h('div.cal-scroll', { role: 'region', tabindex: '0', 'aria-label': t('cal.parameters') },
      h('table.cal-table', null,
        h('thead', null, h('tr', null, ['cal.col_parameter', 'cal.col_value', 'cal.col_status'].map((k) => h('th', { scope: 'col', text: t(k) })))),
        h('tbody', null, (report.parameters || []).map((p) => h('tr', null,
          h('th', { scope: 'row', text: parameterLabel(p.name) }),
          h('td.num', { text: parameterValue(p.name, p.value) }),
          h('td', { text: p.status === 'fitted'
            ? t('cal.st_fitted', { low: parameterValue(p.name, p.low), high: parameterValue(p.name, p.high) })
            : t(p.status === 'no_effect' ? 'cal.st_no_effect' : 'cal.st_unconstrained') })))))));
}

// "lines_changed:nrr" and the like; a note the page does not know stays in the core's words.
function noteText(note) {
  const [code, id] = String(note).split(':');
  const key = 'cal.note_' + code;
  const text = t(key, { metric: t('metric.' + id), dim: t('dim.' + id) });
  return text === key ? note : text;
}

// The verdict in one sentence: "Matches your Seller Center readings of Nov 13 and Nov 20 to
// within rounding." or "Does not match …" (also shown under the result while the fitted profile
// is the one in use).
export function verdictText(report) {
  return t(report.matches ? 'cal.matches' : 'cal.differs', { dates: dateList(report) });
}

// report: the core's report; opts.saved: the profile name it was saved under (null: not
// applied); opts.useAnyway: the "use the closest fit anyway" action.
export function renderReport(report, { saved, useAnyway }) {
  const ok = !!report.matches;
  const parts = [];
  parts.push(h('p', { id: 'cal-headline', tabindex: '-1', class: ok ? 'cal-headline cal-ok' : 'cal-headline cal-bad', 'data-matches': String(ok),
    text: verdictText(report) }));
  const ld = report.largest_disagreement;
  if (!ok && ld) {
    parts.push(h('p', { id: 'cal-largest', text: t('cal.largest', {
      what: whatLabel(ld.what), date: shortDate(ld.as_of), shown: shownText(ld.what, ld.shown), computed: computedText(ld.what, ld.computed),
    }) }));
  }
  if (saved) parts.push(h('p.cal-saved', { id: 'cal-saved', text: t('cal.saved', { name: saved }) }));
  else if (!ok) {
    parts.push(h('p.hint', { id: 'cal-not-saved', text: t('cal.not_saved') }),
      useAnyway ? h('button', { type: 'button', id: 'cal-use-anyway', onclick: useAnyway, text: t('cal.use_anyway') }) : null);
  }
  for (const note of report.notes || []) parts.push(h('p.hint.cal-note', { text: noteText(note) }));
  for (const snap of report.snapshots || []) {
    parts.push(h('details.cal-snapshot', { open: !snap.matches, 'data-as-of': snap.as_of, 'data-matches': String(!!snap.matches) },
      h('summary', null, t('cal.reading_of', { date: shortDate(snap.as_of) }), ' ',
        h('span', { class: snap.matches ? 'badge badge-ok' : 'badge badge-bad', text: t(snap.matches ? 'cal.ok' : 'cal.bad') })),
      comparisonTable(snap)));
  }
  parts.push(h('h3', { text: t('cal.findings') }), findingsList(report));
  parts.push(parametersTable(report));
  return parts;
}
