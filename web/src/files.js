// Files and pasted text: adding and removing files, reading the file set into the worker's
// Ingest with progress, and the file list with each file's kind, rows, encoding and preview.
import { h, $, $$, setChildren } from './dom.js';
import { t, tf, tn } from './i18n.js';
import { errorNode, errorText } from './errors.js';
import { fmtBytes, fmtInt } from './format.js';
import { warningItem } from './warnings.js';
import { state, set } from './store.js';
import { shopOffset } from './shop-facts.js';
import { CancelledError } from './protocol.js';
import { emptyExport } from './columns.js';

// Given by main.js, so that this module need not import the scoring.
let rescore = () => {};

// Wires the file input, the drop zone and the paste box; `onRescore` scores the files once read.
// onShown: after files the seller added are read and scored (main.js brings the result into
// view on a phone).
let shown = () => {};
export function setupFiles(onRescore, onShown) {
  rescore = onRescore;
  if (onShown) shown = onShown;
  const input = $('#file-input');
  input.addEventListener('change', () => {
    addFiles([...input.files]);
    input.value = '';
  });
  const zone = $('#dropzone');
  zone.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    if (e.dataTransfer && e.dataTransfer.files) addFiles([...e.dataTransfer.files]);
  });
  // Dropping a file anywhere else must not navigate away from the page.
  window.addEventListener('dragover', (e) => e.preventDefault());
  window.addEventListener('drop', (e) => e.preventDefault());
  $('#paste-add').addEventListener('click', () => {
    const text = $('#paste-text').value;
    if (!text.trim()) return;
    const name = $('#paste-name').value.trim() || 'pasted.csv';
    addFiles([new File([text], name, { type: 'text/plain' })]);
  });
}

// A shop facts file (the CLI's shop.json: opened, time zone, category, ...) is recognised by
// its name wherever files are given, as `shopscore batch` does in a shop's folder; its facts
// are the Ingest's shop (docs/web.md "Shop facts").
const isShopFile = (name) => /(^|[\\/])shop\.json$/i.test(name);

// "I had no reviews / chats in this period": that export, empty (its header row only), joins the
// files like any other and is read with them.
export function declareNone(kind) {
  addFiles([new File([emptyExport(kind)], `no-${kind}.csv`, { type: 'text/csv' })]);
}

export function addFiles(list) {
  if (!list.length) return;
  const files = state.files.slice();
  for (const file of list) {
    files.push({ key: state.nextKey, name: file.name, blob: file, size: file.size, status: 'queued', shop: isShopFile(file.name) });
    set({ nextKey: state.nextKey + 1 });
  }
  set({ files, source: 'files' });
  ingestAll().then((scored) => { if (scored) shown(); });
}

function removeFile(key) {
  set({ files: state.files.filter((f) => f.key !== key) });
  if (state.files.some((f) => f.status !== 'cancelled' && f.status !== 'error')) {
    ingestAll();
  } else {
    set({ session: false, source: state.source === 'files' ? 'none' : state.source, result: null, error: null, stale: false });
    renderFiles();
  }
}

// The shop facts of a shop.json given with the exports, with the typed time zone laid over
// them; '' when there are none. A file that is not a JSON object is marked at its row.
async function shopJson(offset) {
  let shop = {};
  for (const f of state.files.filter((x) => x.shop && x.status !== 'cancelled')) {
    try {
      const data = JSON.parse(await f.blob.text());
      if (!data || typeof data !== 'object' || Array.isArray(data)) throw new Error('not an object');
      shop = { ...shop, ...data };
      f.status = 'ok';
      f.summary = { kind: 'shop', rows: Object.keys(data).length, encoding: 'utf-8', warnings: [], preview: [] };
      f.error = null;
    } catch (e) {
      f.status = 'error';
      f.error = { code: 'json_syntax', file: f.name, message: `${f.name}: expected the shop facts as a JSON object, got ${e.message}` };
    }
  }
  if (offset) shop.utc_offset = offset;
  return Object.keys(shop).length ? JSON.stringify(shop) : '';
}

// (Re)reads every usable file into a fresh Ingest in the worker. Needed when the file set or
// the shop's time zone changes (timestamps are converted while reading); other shop facts and
// profile changes only rescore. Resolves true when the files were read and scored.
export async function ingestAll() {
  if (!state.engine || !state.profile) return;
  const offset = shopOffset();
  const shop = await shopJson(offset);
  const files = state.files.filter((f) => f.status !== 'error' && f.status !== 'cancelled' && !f.shop);
  for (const f of files) { f.status = 'queued'; f.progress = 0; }
  set({ busy: true, session: false });
  bumpCounter('ingests');
  const total = files.reduce((s, f) => s + f.size, 0);
  showProgress(0, total);
  renderFiles();
  const byKey = new Map(files.map((f) => [f.key, f]));
  try {
    // Each file carries the seller's answer to "which date order?" (f.dateOrder), set by the
    // question under a file whose dates read both ways; the worker gives it to Ingest.setDateOrder.
    await state.engine.ingest('files', shop, files.map((f) => ({ key: f.key, name: f.name, blob: f.blob, dateOrder: f.dateOrder || '' })), (msg) => {
      const f = byKey.get(msg.key);
      if (!f) return;
      if (msg.type === 'progress') {
        bumpCounter('progressEvents');
        f.status = 'reading';
        showProgress(msg.loaded, msg.total);
        updateFileRow(f);
      } else if (msg.type === 'file') {
        // How many workers read it, how many of the extra ones were ready ahead, and whether they
        // fell back to one pass (for the tests).
        const slices = msg.timing && msg.timing.slices;
        if (slices) Object.assign(document.body.dataset, { sliceWorkers: String(slices.workers), sliceAhead: String(slices.ahead ?? 0), sliceFellBack: String(!!slices.fellBack) });
        if (msg.timing) document.body.dataset.readerThread = String(!!msg.timing.readerThread);
        f.status = 'ok';
        f.summary = msg.summary;
        f.error = null;
        renderFiles();
      } else if (msg.type === 'file-error') {
        f.status = 'error';
        f.error = msg.error;
        renderFiles();
        // Announced once, here: the list is redrawn several times and is not a live region.
        $('#files-live').textContent = `${t('files.error_title', { file: f.name })}${t('punct.stop')}${errorText(f.error)}`;
      }
    });
    set({ session: files.some((f) => f.status === 'ok'), sessionOffset: offset });
    for (const f of files) if (f.status !== 'ok' && f.status !== 'error') f.status = 'queued';
  } catch (e) {
    if (e instanceof CancelledError) {
      for (const f of files) if (f.status !== 'error') f.status = 'cancelled';
    } else {
      for (const f of files) if (f.status !== 'ok' && f.status !== 'error') { f.status = 'error'; f.error = e; }
    }
    set({ session: false });
  }
  set({ busy: false });
  hideProgress();
  renderFiles();
  if (state.source !== 'files') return false;
  if (!state.session) { set({ result: null, error: null, stale: false }); return false; }
  await rescore();
  return true;
}

// Counters on <body> (data-ingests, data-progress-events) that show the tests whether files
// were read again.
function bumpCounter(name) {
  document.body.dataset[name] = String(Number(document.body.dataset[name] || 0) + 1);
}

function showProgress(loaded, total) {
  const box = $('#progress');
  box.hidden = false;
  const bar = $('#progress-bar');
  bar.max = Math.max(1, total);
  bar.value = Math.min(loaded, total);
  $('#progress-label').textContent = t('progress.bytes', { loaded: fmtBytes(loaded), total: fmtBytes(total) });
}

function hideProgress() {
  $('#progress').hidden = true;
}

const KIND_KEYS = { dataset_json: 'kind.dataset', shop: 'kind.shop' };
const kindName = (kind) => tf(KIND_KEYS[kind] || 'kind.' + kind, kind);

function fileRow(f) {
  const s = f.summary;
  const details = [];
  if (f.status === 'ok' && s) {
    details.push(h('span.file-kind', { 'data-kind': s.kind, text: kindName(s.kind) }));
    if (s.kind !== 'shop') {
      details.push(h('span.file-rows', { text: tn('files.rows', s.rows, { n: fmtInt(s.rows) }) }));
      details.push(h('span.file-enc', { 'data-encoding': s.encoding, text: t('files.encoding', { enc: s.encoding }) }));
    }
  } else if (f.status === 'reading' || f.status === 'queued') {
    details.push(h('span', { text: f.status === 'reading' ? t('files.reading') : t('files.queued') }));
  } else if (f.status === 'cancelled') {
    details.push(h('span.file-cancelled', { text: t('files.cancelled') }));
  }
  const row = h('li.file.file-status-' + f.status, { 'data-file': f.name, 'data-status': f.status },
    h('div.file-head', null,
      h('span.file-name', { text: f.name }),
      h('span.file-size', { text: fmtBytes(f.size) }),
      h('button.link', { type: 'button', 'aria-label': t('files.remove_named', { name: f.name }), onclick: () => removeFile(f.key), text: t('files.remove') })),
    h('div.file-meta', null, details),
    // Announced through #files-live when it happens, not by this redrawn element.
    f.status === 'error' ? h('div.file-error', { 'data-code': f.error && f.error.code ? f.error.code : null }, errorNode(f.error || {})) : null,
    f.status === 'ok' && s && s.warnings && s.warnings.length
      ? h('ul.file-warnings', null, s.warnings.map((w) => warningItem(w, false))) : null,
    f.status === 'ok' && s && s.preview && s.preview.length > 1 ? previewTable(s.preview) : null,
    dateOrderQuestion(f));
  return row;
}

// "How are the dates in this file written?" under a file whose slash dates all read both ways
// (an ambiguous_dates warning); the answer goes to Ingest.setDateOrder and reads the files again.
function dateOrderQuestion(f) {
  const s = f.summary;
  const warning = s && (s.warnings || []).find((w) => w.code === 'ambiguous_dates');
  if (f.status !== 'ok' || (!warning && !f.dateOrder)) return null;
  const current = f.dateOrder || (warning && warning.params && warning.params.order) || '';
  const name = 'date-order-' + f.key;
  return h('fieldset.date-order', { 'data-file': f.name },
    h('legend', { text: t('files.date_order_q', { file: f.name }) }),
    ['mdy', 'dmy'].map((order) => h('div.check', null,
      h('input', { type: 'radio', name, id: `${name}-${order}`, value: order, checked: current === order, onchange: () => {
        f.dateOrder = order;
        ingestAll();
      } }),
      h('label', { for: `${name}-${order}`, text: t('files.date_order_' + order) }))));
}

function previewTable(rows) {
  const [head, ...body] = rows;
  return h('details.preview', null, h('summary', { text: t('files.preview') }),
    h('div.table-wrap', null, h('table', null,
      h('thead', null, h('tr', null, head.map((c) => h('th', { scope: 'col', text: c })))),
      h('tbody', null, body.map((r) => h('tr', null, head.map((_, i) => h('td', { text: r[i] ?? '' }))))))));
}

// A progress message redraws the list only when a file's status changed, not per chunk.
function updateFileRow(f) {
  const el = $$('#file-list > li').find((li) => li.dataset.key === String(f.key));
  if (!el || el.dataset.status === f.status) return;
  renderFiles();
}

export function renderFiles() {
  const list = $('#file-list');
  setChildren(list, state.files.map((f) => {
    const row = fileRow(f);
    row.dataset.key = String(f.key);
    return row;
  }));
}
