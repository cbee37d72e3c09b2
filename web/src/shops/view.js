// The Shops view (docs/web.md "Shops view"): many shops read one after another in the worker,
// one row each, sortable and filterable, with the CSV `shopscore batch --out-csv` writes.
// Per shop the page keeps only its batch row (the core's cells and CSV line), the forecast's
// threshold dates and the File handles to read it again when the seller opens it.
import { h, $, setChildren } from '../dom.js';
import { t } from '../i18n.js';
import { errorText } from '../errors.js';
import { fmtBytes, fmtDate, fmtMetricValue, fmtNumber, fmtInt } from '../format.js';
import { errorFromData, CancelledError } from '../protocol.js';
import { METRICS } from '../model.js';
import { shopsFromPicker, shopsFromZips, shopsFromDrop } from './collect.js';
import { shopFiles } from './open.js';
import { FILTER_DAYS, matchesFilters, spsLow } from './filters.js';

const DIMENSIONS = ['product', 'fulfillment', 'service'];

const view = {
  engine: () => null, // given by main.js
  open: () => {}, // main.js: shows one shop's files in the single-shop view
  shops: [], // the sources, in batch order
  rows: [], // index -> {csv, row, forecast, error, change}
  header: null, // the batch CSV's BOM and header row (bytes), once every shop is done
  state: 'idle', // 'idle' | 'running' | 'done' | 'cancelled' | 'failed'
  progress: { shop: 0, loaded: 0, total: 0 },
  sort: { key: null, dir: 1 },
  filters: { below: false, cross: false },
  failure: null,
};

// "Change since the last reading": filled by a provider the page's history gives (when it is on);
// async (shopName, reading) => {previous_as_of, previous_sps, change} | null, where reading is
// {as_of, sps, sps_range: {low, high}, status, row} (row: the shop's batch cells).
let changeProvider = async () => null;
export function setChangeProvider(fn) {
  changeProvider = typeof fn === 'function' ? fn : async () => null;
  for (let i = 0; i < view.rows.length; i++) if (view.rows[i]) fillChange(i);
}

export function setupShops({ engine, open }) {
  view.engine = engine;
  view.open = open;
  const folder = $('#shops-folder');
  folder.addEventListener('change', () => { start(shopsFromPicker(folder.files)); folder.value = ''; });
  const zips = $('#shops-zips');
  zips.addEventListener('change', () => { start(shopsFromZips(zips.files)); zips.value = ''; });
  const zone = $('#shops-drop');
  zone.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', async (e) => {
    e.preventDefault();
    e.stopPropagation();
    zone.classList.remove('over');
    if (e.dataTransfer) start(await shopsFromDrop(e.dataTransfer));
  });
  $('#shops-cancel').addEventListener('click', cancel);
  renderShops();
}

async function start(shops) {
  const engine = view.engine();
  if (!engine || view.state === 'running') return;
  Object.assign(view, { shops, rows: new Array(shops.length).fill(null), header: null, failure: null, state: shops.length ? 'running' : 'idle' });
  view.progress = { shop: 0, loaded: 0, total: 0 };
  renderShops();
  if (!shops.length) { view.failure = 'none'; renderShops(); return; }
  let pending = 0;
  const redraw = () => { if (!pending) pending = requestAnimationFrame(() => { pending = 0; renderShops(); }); };
  try {
    view.header = await engine.shops(shops, (msg) => {
      if (msg.type === 'progress') view.progress = { shop: msg.shop, loaded: msg.loaded, total: msg.total };
      else if (msg.type === 'shop-row') {
        view.rows[msg.index] = { csv: msg.csv, row: msg.row, forecast: msg.forecast, error: msg.error ? errorFromData(msg.error) : null, change: null };
        fillChange(msg.index);
      }
      redraw();
    });
    view.state = 'done';
  } catch (e) {
    view.state = e instanceof CancelledError ? 'cancelled' : 'failed';
    if (!(e instanceof CancelledError)) view.failure = e.message;
  }
  renderShops();
}

// Cancel stops the worker (engine.js starts a fresh one); the rows read so far stay.
function cancel() {
  const engine = view.engine();
  if (engine && view.state === 'running') engine.cancel().catch(() => {});
}

async function fillChange(i) {
  const r = view.rows[i];
  if (!r || r.error) return;
  const shop = view.shops[i].name;
  const reading = { as_of: r.row.as_of, sps: r.row.sps, sps_range: { low: r.row.sps_low, high: r.row.sps_high }, status: r.row.status, row: r.row };
  try {
    r.change = await changeProvider(shop, reading);
  } catch {
    r.change = null;
  }
  if (view.rows[i] === r) renderShops();
}

// The CSV `shopscore batch DIR --out-csv F` writes (BOM, header, one line per shop in folder
// order, LF): every byte from the core (batch_row.h); the header comes as bytes (its BOM).
function downloadCsv() {
  const url = URL.createObjectURL(new Blob([view.header, ...view.rows.map((r) => r.csv)], { type: 'text/csv;charset=utf-8' }));
  const a = h('a', { href: url, download: 'shopscore-batch.csv' });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// ---- columns ----

const num = (v) => (v == null ? null : v);
const COLUMNS = [
  { key: 'shop', label: () => t('shops.col.shop'), value: (r, i) => view.shops[i].name, text: true },
  { key: 'sps', label: () => t('shops.col.sps'), value: (r) => (r.error ? null : spsLow(r.row)) },
  { key: 'status', label: () => t('shops.col.status'), value: (r) => (r.error ? null : r.row.status === 'scored' ? 1 : 0) },
  ...DIMENSIONS.map((d) => ({ key: d, label: () => t('dim.' + d), value: (r) => (r.error ? null : num(r.row[d])) })),
  ...METRICS.map((m) => ({ key: m, label: () => t('metric.' + m), value: (r) => (r.error ? null : num(r.row[m])) })),
  { key: 'tier', label: () => t('shops.col.tier'), value: (r) => (r.error ? null : num(r.row.benefit_tier)) },
  { key: 'key', label: () => t('shops.col.key'), value: (r) => (r.error || !r.row.key_opportunity ? null : t('metric.' + r.row.key_opportunity)), text: true },
  { key: 'forecast', label: () => t('shops.col.forecast'), value: (r) => (r.error || !r.forecast || !r.forecast.length ? null : r.forecast[0].date), text: true },
  { key: 'change', label: () => t('shops.col.change'), value: (r) => (r.change && r.change.change != null ? r.change.change : null) },
];

function cell(col, r, i) {
  const row = r.row;
  switch (col.key) {
    case 'shop': return h('th.shop-name', { scope: 'row' },
      h('button.link', { type: 'button', 'data-open': String(i), text: view.shops[i].name, title: t('shops.open'), onclick: () => openShop(i) }));
    case 'sps': return h('td.shop-sps', { 'data-sps': String(row.sps ?? '') }, spsText(row));
    case 'status': return h('td', null, h('span.badge.' + (row.status === 'scored' ? 'badge-ok' : 'badge-warn'),
      { text: row.status === 'scored' ? t('status.scored') : t('status.provisional') }));
    case 'tier': return h('td', { text: row.benefit_tier == null ? '—' : t('benefit.tier', { v: fmtNumber(row.benefit_tier, 1, 1) }) });
    case 'key': return h('td', { text: row.key_opportunity ? t('metric.' + row.key_opportunity) : '—' });
    case 'forecast': return h('td.forecast', null, forecastText(r));
    case 'change': return h('td', { 'data-change': '' }, changeText(r.change));
    default:
      if (DIMENSIONS.includes(col.key)) return h('td.num', { text: row[col.key] == null ? '—' : fmtNumber(row[col.key], 2, 2) });
      return h('td.num', { text: fmtMetricValue(col.key, row[col.key]) });
  }
}

// "3.6", or "2.1–3.6" when an input is missing (the core's sps is null then: the range).
function spsText(row) {
  if (row.sps != null) return h('strong', { text: fmtNumber(row.sps, 1, 1) });
  if (row.sps_low == null || row.sps_high == null) return '—';
  return h('span.sps-range', { title: t('shops.range_title'), text: `${fmtNumber(row.sps_low, 1, 1)}–${fmtNumber(row.sps_high, 1, 1)}` });
}

// The forecast's first threshold date in each scenario (as the last 30 days, then no new
// defects), e.g. "As the last 30 days: ↓ below 3.5 on Dec 26, 2026".
function forecastText(r) {
  if (!r.forecast) return '—';
  if (!r.forecast.length) return t('shops.forecast_none');
  return ['steady', 'clean'].map((scenario) => r.forecast.find((e) => e.scenario === scenario)).filter(Boolean).map((e) =>
    h('span.event.' + e.direction, {
      text: t(e.direction === 'lost' ? 'shops.forecast_lost' : 'shops.forecast_reached',
        { threshold: fmtNumber(e.threshold, 1, 1), date: fmtDate(e.date), scenario: t('shops.scenario.' + e.scenario) }),
    }));
}

function changeText(c) {
  if (!c || c.change == null) return '—';
  const sign = c.change > 0 ? '+' : c.change < 0 ? '−' : '±';
  return t('shops.change_text', { change: sign + fmtNumber(Math.abs(c.change), 2, 2), date: fmtDate(c.previous_as_of) });
}

// ---- filters (filters.js) and sort ----

const matches = (r) => matchesFilters(r, view.filters);

function sortedIndexes() {
  const idx = view.rows.map((r, i) => i).filter((i) => view.rows[i]);
  const { key, dir } = view.sort;
  if (!key) return idx;
  const col = COLUMNS.find((c) => c.key === key);
  return idx.sort((a, b) => {
    const x = col.value(view.rows[a], a);
    const y = col.value(view.rows[b], b);
    if (x == null || y == null) return (x == null) - (y == null) || a - b; // blanks last, either way
    const c = col.text ? String(x).localeCompare(String(y)) : x - y;
    return c * dir || a - b;
  });
}

function sortBy(key) {
  view.sort = view.sort.key === key ? { key, dir: -view.sort.dir } : { key, dir: 1 };
  renderShops();
  const btn = document.querySelector(`#shops-table th[data-key="${key}"] button`);
  if (btn) btn.focus();
}

// ---- opening one shop ----

async function openShop(i) {
  const files = await shopFiles(view.shops[i]);
  view.open(files);
}

// ---- drawing ----

export function renderShops() {
  const root = $('#shops-view');
  if (!root) return;
  renderProgress();
  const done = view.rows.filter(Boolean);
  if (!view.shops.length) {
    setChildren(root, view.failure === 'none' ? h('p.field-msg.error', { role: 'status', text: t('shops.none_found') }) : null);
    return;
  }
  const failed = done.filter((r) => r.error).length;
  const shown = sortedIndexes().filter((i) => matches(view.rows[i]));
  const summary = t('shops.summary', { done: fmtInt(done.length), total: fmtInt(view.shops.length), failed: fmtInt(failed), shown: fmtInt(shown.length) });
  const status = view.state === 'cancelled' ? t('shops.cancelled') : view.state === 'failed' ? t('shops.failed', { message: view.failure }) : '';
  setChildren(root,
    h('div.shops-bar', null,
      h('p.shops-summary', { id: 'shops-summary', role: 'status', text: summary }),
      status ? h('p.field-msg.error', { text: status }) : null,
      h('div.shops-filters', { role: 'group', 'aria-label': t('shops.filters') },
        filterBox('below', t('shops.filter_below')),
        filterBox('cross', t('shops.filter_cross', { days: FILTER_DAYS }))),
      h('button', { type: 'button', id: 'shops-download', disabled: view.state !== 'done', text: t('shops.download'), onclick: downloadCsv })),
    h('div.table-scroll.shops-scroll', { tabindex: '0', role: 'region', 'aria-label': t('shops.table_label') },
      h('table.shops-table', { id: 'shops-table' },
        h('caption.visually-hidden', { text: t('shops.table_label') }),
        h('thead', null, h('tr', null, COLUMNS.map(headerCell))),
        h('tbody', null, shown.map((i) => rowNode(view.rows[i], i))))),
    h('p.hint', { text: t('shops.note') }));
}

function filterBox(key, label) {
  const id = `shops-filter-${key}`;
  return h('label.check', { for: id },
    h('input', { type: 'checkbox', id, checked: view.filters[key], onchange: (e) => { view.filters[key] = e.target.checked; renderShops(); $('#' + id).focus(); } }),
    ' ', label);
}

function headerCell(col) {
  const sorted = view.sort.key === col.key;
  const aria = sorted ? (view.sort.dir > 0 ? 'ascending' : 'descending') : null;
  return h('th.col-' + col.key, { scope: 'col', 'data-key': col.key, 'aria-sort': aria },
    h('button.sort', { type: 'button', onclick: () => sortBy(col.key) }, col.label(), h('span.sort-mark', { 'aria-hidden': 'true', text: sorted ? (view.sort.dir > 0 ? ' ▲' : ' ▼') : '' })));
}

function rowNode(r, i) {
  const attrs = { 'data-shop': view.shops[i].name, class: r.error ? 'bad' : null };
  if (r.error) {
    return h('tr', attrs, cell(COLUMNS[0], r, i),
      h('td.shop-error', { colspan: String(COLUMNS.length - 1) }, h('span.error-text', { text: errorText(r.error) })));
  }
  return h('tr', { ...attrs, onclick: (e) => { if (!e.target.closest('button')) openShop(i); } }, COLUMNS.map((c) => cell(c, r, i)));
}

function renderProgress() {
  const box = $('#shops-progress');
  box.hidden = view.state !== 'running';
  if (box.hidden) return;
  const p = view.progress;
  $('#shops-progress-label').textContent = t('shops.progress', { i: fmtInt(Math.min(p.shop + 1, view.shops.length)), n: fmtInt(view.shops.length), loaded: fmtBytes(p.loaded), total: fmtBytes(p.total) });
  const bar = $('#shops-progress-bar');
  bar.max = Math.max(1, p.total);
  bar.value = p.loaded;
}
