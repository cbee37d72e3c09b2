// The history panel (docs/history.md): the opt-in, the shop's name, the change since the last
// reading, the stored readings with export / import / delete. It records each new result while
// history is on (main.js calls historyOnStore). Texts: the hist. keys (i18n/history-*.js); what
// the seller typed or imported is put in the page as text only.
import { h, $, setChildren } from '../dom.js';
import { t } from '../i18n.js';
import { fmtDate, fmtNumber } from '../format.js';
import { saveText } from '../downloads.js';
import { state } from '../store.js';
import * as store from './history-store.js';
import { previousOf, changeBetween, readingOf, recordable } from './reading.js';

const ui = {
  readings: [], // the current shop's, oldest first
  shops: [], // every stored shop's name (the name field's suggestions)
  change: null, // the shown result's change since the shop's last reading, or 'first'
  changeFor: null, // the result that change belongs to
  confirm: null, // {kind: 'all' | 'off' | 'one', as_of}
  message: null, // {kind: 'ok' | 'error', text}
  version: '',
  onReadings: () => {}, // main.js: redraw the result (the long-run chart uses the readings)
};

// main.js: the core's version (stored with each reading) and what to redraw when readings change.
export function setupHistory({ onReadings }) {
  ui.onReadings = onReadings;
  renderHistory();
  if (store.isEnabled()) reload();
}

export function setHistoryVersion(version) {
  ui.version = version;
}

// Readings of the shown shop older than `firstDay` (the trend's first day), for the long-run
// chart: [{as_of, sps, status}].
export function readingsBefore(firstDay) {
  if (!store.isEnabled()) return [];
  return ui.readings.filter((r) => !firstDay || r.as_of < firstDay).map((r) => ({ as_of: r.as_of, sps: r.sps, status: r.status }));
}

// A result shown fresh (not stale, not an error): record it and show its change.
function freshResult() {
  const r = state.result;
  return r && state.source !== 'none' && !state.stale && !state.insightsPending && !state.error && state.resultSource === state.source && recordable(r) ? r : null;
}

let lastRecorded = null;
export function historyOnStore(patch) {
  if (!('result' in patch || 'stale' in patch || 'error' in patch || 'source' in patch || 'insightsPending' in patch)) return;
  const r = freshResult();
  if (!r) {
    if (ui.changeFor) { ui.change = null; ui.changeFor = null; renderHistory(); }
    return;
  }
  if (r === lastRecorded) return;
  lastRecorded = r;
  queueRecord(r);
}

// One reading at a time: a result's change must see the reading stored just before it.
let chain = Promise.resolve();
function queueRecord(result) {
  chain = chain.then(() => recordCurrent(result));
  return chain;
}

function extra() {
  const profile = state.profile && state.profile.profile();
  return { profile: state.profile && profile ? state.profile.name(profile) : '', version: ui.version, source: state.resultSource };
}

// The change is worked out before this result is stored (its own day replaces, never compares).
async function recordCurrent(result) {
  if (!store.isEnabled()) return;
  const shop = store.shopName();
  try {
    const before = await store.list(shop);
    const prev = previousOf(before, result.as_of);
    ui.change = prev ? changeBetween(prev, readingOf(shop, result)) : 'first';
    ui.changeFor = result;
    await store.record(shop, result, extra());
  } catch (e) {
    ui.message = { kind: 'error', text: () => t('hist.err.storage', { message: e && e.message ? e.message : String(e) }) };
  }
  await reload();
}

async function reload() {
  try {
    ui.readings = await store.list(store.shopName());
    ui.shops = [...new Set((await store.listAll()).map((r) => r.shop))];
  } catch (e) {
    ui.readings = [];
    ui.message = { kind: 'error', text: () => t('hist.err.storage', { message: e && e.message ? e.message : String(e) }) };
  }
  renderHistory();
  ui.onReadings();
}

// ---- actions ---------------------------------------------------------------------------------
function turnOn() {
  store.setEnabled(true);
  ui.message = null;
  lastRecorded = null;
  const r = freshResult();
  if (r) { lastRecorded = r; queueRecord(r); } else reload();
}

async function turnOff(deleteToo) {
  ui.confirm = null;
  if (deleteToo) await store.deleteAll();
  store.setEnabled(false);
  ui.readings = [];
  ui.shops = [];
  ui.change = null;
  ui.changeFor = null;
  ui.message = { kind: 'ok', text: () => t(deleteToo ? 'hist.off_deleted' : 'hist.off_kept') };
  lastRecorded = null;
  renderHistory();
  ui.onReadings();
}

function rename(value) {
  const before = store.shopName();
  store.setShopName(value);
  if (store.shopName() === before) return;
  ui.message = null;
  // The shown result is this shop's reading: stored under the new name, compared with its history.
  lastRecorded = null;
  const r = freshResult();
  if (r) { lastRecorded = r; queueRecord(r); } else reload();
}

async function exportFile() {
  const text = await store.exportText();
  saveText('shopscore-history.json', 'application/json', text);
}

async function importFile(file) {
  ui.message = null;
  try {
    const n = await store.importText(await file.text());
    ui.message = { kind: 'ok', text: () => t('hist.imported', { n }) };
  } catch (e) {
    ui.message = { kind: 'error', text: () => (e && e.code ? importError(e) : t('hist.err.storage', { message: String(e && e.message) })) };
  }
  // The change may now have an earlier reading to compare with.
  lastRecorded = null;
  const r = freshResult();
  if (r) { lastRecorded = r; await queueRecord(r); } else await reload();
}

function importError(e) {
  const what = t('hist.err.' + e.code, e.params);
  return t('hist.err.import', { what });
}

async function deleteConfirmed() {
  const c = ui.confirm;
  ui.confirm = null;
  if (!c) return;
  if (c.kind === 'all') {
    await store.deleteAll();
    ui.message = { kind: 'ok', text: () => t('hist.deleted_all') };
  } else {
    await store.deleteReading(store.shopName(), c.as_of);
    ui.message = { kind: 'ok', text: () => t('hist.deleted_one', { date: fmtDate(c.as_of) }) };
  }
  // The shown change compared with what was deleted: worked out again from what is left.
  const r = freshResult();
  if (r && ui.changeFor === r) {
    const prev = previousOf(await store.list(store.shopName()), r.as_of);
    ui.change = prev ? changeBetween(prev, readingOf(store.shopName(), r)) : 'first';
  }
  await reload();
  const focus = $('#history-toggle');
  if (focus) focus.focus();
}

function ask(confirm) {
  ui.confirm = confirm;
  renderHistory();
  const yes = $('#history-confirm-yes');
  if (yes) yes.focus();
}

// ---- drawing -----------------------------------------------------------------------------------
// The shop as shown: the default key "My shop" in the page's language (the key stays the same
// in both, so switching language keeps the history).
function shopLabel() {
  const s = store.shopName();
  return s === store.DEFAULT_SHOP ? t('hist.shop_default') : s;
}

// A change as shown, to 0.01: one that rounds to zero has no sign (not "−0.00").
const sign = (x) => (Math.abs(x) < 0.005 ? '' : x > 0 ? '+' : '−') + fmtNumber(Math.abs(x), 2, 2);

function spsText(r) {
  if (r.sps != null) return fmtNumber(r.sps, 2, 2);
  const g = r.sps_range || {};
  return g.low != null && g.high != null ? t('hist.range', { low: fmtNumber(g.low, 2, 2), high: fmtNumber(g.high, 2, 2) }) : '—';
}

function statusText(r) {
  return t(r.status === 'scored' ? 'status.scored' : 'status.provisional');
}

function renderChange() {
  const c = ui.change;
  if (!c) return null;
  if (c === 'first') return h('p.hist-change', { id: 'history-change', 'data-first': 'true', text: t('hist.first', { shop: shopLabel() }) });
  const title = h('h3', { text: t('hist.change_title', { date: fmtDate(c.previous_as_of) }) });
  if (c.range) {
    return h('div.hist-change', { id: 'history-change', 'data-range': 'true' }, title,
      h('p', { text: t('hist.change_range') }));
  }
  const cur = ui.changeFor;
  return h('div.hist-change', { id: 'history-change', 'data-change': String(c.change) }, title,
    h('p.hist-total', { text: t('hist.change_total', { a: fmtNumber(c.previous_sps, 2, 2), b: fmtNumber(cur.sps, 2, 2), change: sign(c.change) }) }),
    c.metrics ? h('table.hist-parts', null,
      h('caption', { text: t('hist.parts_caption') }),
      h('thead', null, h('tr', null, h('th', { scope: 'col', text: t('hist.col_metric') }), h('th', { scope: 'col', text: t('hist.col_contribution') }))),
      h('tbody', null, c.metrics.map((m) => h('tr', { 'data-metric': m.metric, 'data-contribution': String(m.contribution) },
        h('th', { scope: 'row', text: t('metric.' + m.metric) }),
        h('td.num', { class: m.contribution > 0.005 ? 'up' : m.contribution < -0.005 ? 'down' : null, text: sign(m.contribution) }))))) : h('p.hint', { text: t('hist.no_parts') }),
    c.metrics ? h('p.hint', { text: t('hist.parts_note') }) : null);
}

function renderConfirm() {
  const c = ui.confirm;
  if (!c) return null;
  if (c.kind === 'off') {
    return h('div.hist-confirm', { id: 'history-confirm', role: 'alertdialog', 'aria-labelledby': 'history-confirm-text' },
      h('p', { id: 'history-confirm-text', text: t('hist.confirm_off') }),
      h('div.row', null,
        h('button', { type: 'button', id: 'history-confirm-yes', class: 'danger', onclick: () => turnOff(true), text: t('hist.off_delete') }),
        h('button', { type: 'button', id: 'history-confirm-keep', onclick: () => turnOff(false), text: t('hist.off_keep') }),
        h('button', { type: 'button', id: 'history-confirm-no', onclick: () => { ui.confirm = null; renderHistory(); }, text: t('hist.cancel') })));
  }
  const text = c.kind === 'all' ? t('hist.confirm_all') : t('hist.confirm_one', { date: fmtDate(c.as_of), shop: shopLabel() });
  return h('div.hist-confirm', { id: 'history-confirm', role: 'alertdialog', 'aria-labelledby': 'history-confirm-text' },
    h('p', { id: 'history-confirm-text', text }),
    h('div.row', null,
      h('button', { type: 'button', id: 'history-confirm-yes', class: 'danger', onclick: deleteConfirmed, text: t('hist.delete_yes') }),
      h('button', { type: 'button', id: 'history-confirm-no', onclick: () => { ui.confirm = null; renderHistory(); }, text: t('hist.cancel') })));
}

function renderTable() {
  if (!ui.readings.length) return h('p.hint', { id: 'history-empty', text: t('hist.empty', { shop: shopLabel() }) });
  // Newest first: the seller looks for the last few weeks.
  const rows = ui.readings.slice().reverse();
  return h('div.hist-scroll', { tabindex: '0', role: 'region', 'aria-label': t('hist.table_caption', { shop: shopLabel() }) },
    h('table.hist-table', { id: 'history-table' },
      h('caption', { text: t('hist.table_caption', { shop: shopLabel() }) }),
      // The delete column's heading is for screen readers: its buttons say what they do.
      h('thead', null, h('tr', null, ['hist.col_date', 'hist.col_sps', 'hist.col_status'].map((k) => h('th', { scope: 'col', text: t(k) })),
        h('th', { scope: 'col' }, h('span.visually-hidden', { text: t('hist.col_delete') })))),
      h('tbody', null, rows.map((r) => h('tr', { 'data-as-of': r.as_of, 'data-sps': r.sps == null ? '' : String(r.sps) },
        h('th', { scope: 'row', text: fmtDate(r.as_of) }),
        h('td.num', { text: spsText(r) }),
        h('td', { text: statusText(r) }),
        h('td', null, h('button.link', { type: 'button', class: 'hist-delete', 'aria-label': t('hist.delete_one_label', { date: fmtDate(r.as_of) }), onclick: () => ask({ kind: 'one', as_of: r.as_of }), text: t('hist.delete_one') })))))));
}

export function renderHistory() {
  const body = $('#history-body');
  if (!body) return;
  const on = store.isEnabled();
  const toggle = h('input', { type: 'checkbox', id: 'history-toggle', checked: on, 'aria-describedby': 'history-privacy' });
  toggle.addEventListener('change', () => {
    if (toggle.checked) turnOn();
    else if (ui.readings.length || ui.shops.length) { toggle.checked = true; ask({ kind: 'off' }); }
    else turnOff(false);
  });
  const parts = [
    h('div.hist-opt', null, toggle, h('label', { for: 'history-toggle', text: t('hist.toggle') })),
    h('p.hint', { id: 'history-privacy', text: t('hist.privacy') }),
  ];
  if (on) {
    const named = store.shopName() !== store.DEFAULT_SHOP;
    const name = h('input', { type: 'text', id: 'history-shop', value: named ? store.shopName() : '', placeholder: t('hist.shop_default'), maxlength: '200', autocomplete: 'off', list: 'history-shops', 'aria-describedby': 'history-shop-hint' });
    name.addEventListener('change', () => rename(name.value));
    const fileInput = h('input', { type: 'file', id: 'history-import', accept: '.json,application/json', class: 'visually-hidden' });
    fileInput.addEventListener('change', () => { if (fileInput.files[0]) importFile(fileInput.files[0]); fileInput.value = ''; });
    parts.push(
      h('div.field.hist-shop', null, h('label', { for: 'history-shop', text: t('hist.shop') }), name,
        h('datalist', { id: 'history-shops' }, ui.shops.map((s) => h('option', { value: s }))),
        h('span.hint', { id: 'history-shop-hint', text: t('hist.shop_hint') })),
      renderChange(),
      renderTable(),
      h('div.hist-actions.no-print', null,
        h('button', { type: 'button', id: 'history-export', disabled: !ui.shops.length, onclick: exportFile, text: t('hist.export') }),
        // The file input is hidden behind its label (a button to look at); focused, the label shows it.
        fileInput, h('label.button', { for: 'history-import', id: 'history-import-label', text: t('hist.import') }),
        h('button', { type: 'button', id: 'history-delete-all', class: 'danger', disabled: !ui.shops.length, onclick: () => ask({ kind: 'all' }), text: t('hist.delete_all') })));
  }
  parts.push(renderConfirm());
  if (ui.message) parts.push(h('p', { id: 'history-message', class: ui.message.kind === 'error' ? 'field-msg error' : 'hint', role: ui.message.kind === 'error' ? 'alert' : 'status', text: ui.message.text() }));
  setChildren(body, parts);
  body.dataset.enabled = on ? 'true' : 'false';
  body.dataset.readings = String(ui.readings.length);
}

// The language changed: the same state in the other language.
export function retranslateHistory() {
  renderHistory();
}
