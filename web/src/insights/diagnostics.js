// Diagnostics tabs: one table per core diagnostics table, sortable by any column, with a CSV
// download whose text is the core's (the same as `shopscore score ... --csv TABLE`), saved with
// a UTF-8 BOM so Excel reads Chinese correctly.
import { h, setChildren } from '../dom.js';
import { fmtNumber, fmtPercent } from '../format.js';
import { it, has, getLang } from '../i18n.js';
import { saveText } from '../downloads.js';

let current = null; // the open tab's table id, kept across re-renders

// The core's ids and placeholders in text cells, worded in the page's language (the CSV keeps
// the core's text).
const WORDED = { type: 'type.', kind: 'kind.' };
const PLACEHOLDER = { '(unknown)': 'value.unknown', '(none)': 'value.none' };
// Rate columns are fractions in the core (and the CSV): percentages on the page.
const RATES = new Set(['rate', 'late_rate']);
// Rows of each table in the printed report (the screen shows one tab at a time).
const PRINT_ROWS = 5;

function cellText(v, column) {
  if (v == null) return '';
  // A late order is late: delivered after its deadline on the same calendar day is "under 1
  // day", never "0 days late".
  if (column === 'days_late' && typeof v === 'number' && v < 1) return it('value.under_one_day');
  if (typeof v === 'number') return RATES.has(column) ? fmtPercent(v, 2) : fmtNumber(v, 6);
  if (PLACEHOLDER[v]) return it(PLACEHOLDER[v]);
  if (WORDED[column] && has('ins.' + WORDED[column] + v)) return it(WORDED[column] + v);
  // "reason (n); reason (n)": a reason left empty is "(none)".
  if (column === 'top_reasons') return v.split('; ').map((p) => p.replace(/^\(none\)(?= \(\d+\)$)/, () => it('value.none'))).join('; ');
  return v;
}

function tableView(t) {
  let rows = t.rows.slice();
  let sortBy = -1, descending = false;
  const body = h('tbody');
  const draw = () => setChildren(body, rows.map((r) => h('tr', null, r.map((v, i) => h(typeof v === 'number' ? 'td.num' : 'td', { text: cellText(v, t.columns[i]) })))));
  const head = t.columns.map((c, i) => {
    const th = h('th', { scope: 'col', 'aria-sort': 'none' }, h('button.sort', { type: 'button', text: it('col.' + c), 'data-column': c }));
    th.firstChild.addEventListener('click', () => {
      descending = sortBy === i ? !descending : true;
      sortBy = i;
      rows.sort((a, b) => {
        const x = a[i], y = b[i];
        const cmp = x == null ? 1 : y == null ? -1 : typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
        return descending ? -cmp : cmp;
      });
      for (const other of th.parentElement.children) other.setAttribute('aria-sort', 'none');
      th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
      draw();
    });
    return th;
  });
  draw();
  return h('div.diag-scroll', { tabindex: '0', role: 'region', 'aria-label': it('diag.' + t.id) }, h('table.diag-table', { 'data-table': t.id }, h('thead', null, h('tr', null, head)), body));
}

// The CSV is the core's (ctx.scoreWith, given by main.js: the panels never import the scoring).
async function download(id, button, ctx) {
  button.disabled = true;
  try {
    // The core words the table in the page's language (csv_lang), as `--csv TABLE --lang zh`.
    const text = await ctx.scoreWith({ csv: id, csv_lang: getLang() });
    saveText(`shopscore-${id}.csv`, 'text/csv;charset=utf-8', '\uFEFF' + text);
  } finally {
    button.disabled = false;
  }
}

export function renderDiagnostics(insights, ctx) {
  const tables = insights.diagnostics || [];
  if (!tables.length) return null;
  if (!tables.some((t) => t.id === current)) current = tables[0].id;
  const panel = h('div.diag-panel', { role: 'tabpanel' });
  const show = (t) => {
    current = t.id;
    for (const b of tabs) {
      const on = b.dataset.table === t.id;
      b.setAttribute('aria-selected', String(on));
      b.tabIndex = on ? 0 : -1; // one tab stop; the arrows move between tabs (as the input tabs)
    }
    const button = h('button.diag-csv', { type: 'button', text: it('diag.csv'), 'data-table': t.id });
    button.addEventListener('click', () => download(t.id, button, ctx));
    setChildren(panel,
      h('div.diag-tools', null, button,
        t.total_rows > t.rows.length ? h('span.hint', { text: it('diag.more', { shown: t.rows.length, total: t.total_rows }) }) : null),
      t.rows.length ? tableView(t) : h('p.hint', { text: it('diag.empty') }));
  };
  const tabs = tables.map((t) => {
    const b = h('button.diag-tab', { type: 'button', role: 'tab', 'data-table': t.id, text: it('diag.tab', { name: it('diag.' + t.id), n: t.total_rows }) });
    b.addEventListener('click', () => show(t));
    b.addEventListener('keydown', (e) => {
      if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft' && e.key !== 'Home' && e.key !== 'End') return;
      e.preventDefault();
      const i = tables.indexOf(t);
      const j = e.key === 'Home' ? 0 : e.key === 'End' ? tables.length - 1 : (i + (e.key === 'ArrowRight' ? 1 : tables.length - 1)) % tables.length;
      show(tables[j]);
      tabs[j].focus();
    });
    return b;
  });
  show(tables.find((t) => t.id === current));
  return h('div.diagnostics', { id: 'diagnostics' }, h('h3', { text: it('diag.title') }), h('div.diag-tabs', { role: 'tablist' }, tabs), panel,
    printTables(tables));
}

// Paper cannot switch tabs: the printed report has every table's first rows instead.
function printTables(tables) {
  const shown = tables.filter((t) => t.rows.length);
  if (!shown.length) return null;
  return h('div.diag-print.print-only', null, shown.map((t) => h('div.diag-print-table', { 'data-table': t.id },
    h('h4', { text: it('diag.print_title', { name: it('diag.' + t.id), shown: Math.min(PRINT_ROWS, t.rows.length), total: t.total_rows }) }),
    h('table.diag-table', null,
      h('thead', null, h('tr', null, t.columns.map((c) => h('th', { scope: 'col', text: it('col.' + c) })))),
      h('tbody', null, t.rows.slice(0, PRINT_ROWS).map((r) => h('tr', null, r.map((v, i) => h(typeof v === 'number' ? 'td.num' : 'td', { text: cellText(v, t.columns[i]) })))))))));
}
