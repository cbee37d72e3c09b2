// The calculator page. All reading and scoring happens in the Web Worker (engine.js); this
// module keeps the page state, builds the inputs and renders the result.
import { h, $, $$, setChildren } from './dom.js';
import { t, detectLang, setLang, getLang, translateStatic } from './i18n.js';
import { fmtBytes, fmtInt } from './format.js';
import { Engine } from './engine.js';
import { renderResult, warningItem, METRICS } from './render.js';
import { ProfileEditor, parseNumber } from './profile.js';

const state = {
  engine: null,
  profile: null, // ProfileEditor
  source: 'none', // 'sample' | 'files' | 'quick'
  files: [], // {key, name, blob, size, status, summary, error, progress}
  session: false, // the worker holds an Ingest of the current files
  sessionOffset: '', // the time zone (utc_offset) that Ingest read the files with
  busy: false,
  result: null,
  error: null,
  seq: 0,
  nextKey: 1,
};

const SHOP_FIELDS = [
  { key: 'opened', type: 'date' },
  { key: 'as_of', type: 'date' },
  { key: 'utc_offset', type: 'text', placeholder: '+08:00' },
  { key: 'category', type: 'text' },
  { key: 'reputation_points', type: 'number' },
  { key: 'has_logo', type: 'select' },
  { key: 'products_for_sale', type: 'number' },
  { key: 'violations_30d', type: 'number' },
  { key: 'positive_rating_rate', type: 'percent' },
];

// ---------- bootstrap ----------

function boot() {
  setLang(detectLang(), false);
  translateStatic();
  const langSelect = $('#lang-select');
  langSelect.value = getLang();
  langSelect.addEventListener('change', () => {
    setLang(langSelect.value, true);
    retranslate();
  });
  setupTabs();
  setupFiles();
  buildShopForm();
  buildQuickForm();
  $('#load-sample').addEventListener('click', loadSample);
  $('#cancel').addEventListener('click', cancelWork);
  renderResultArea();

  const source = self.SHOPSCORE_WORKER_SOURCE;
  if (typeof source !== 'string') return bootFailed('worker-src.js is missing');
  state.engine = new Engine(source);
  state.engine.start().then(({ version, defaultProfile }) => {
    $('#core-version').textContent = version;
    state.profile = new ProfileEditor($('#profile-body'), defaultProfile, () => rescore());
    state.profile.render();
    const status = $('#boot-status');
    status.dataset.i18n = 'app.ready';
    status.textContent = t('app.ready');
    document.body.dataset.ready = 'true';
  }, (e) => bootFailed(e.message));
}

function bootFailed(message) {
  const status = $('#boot-status');
  delete status.dataset.i18n;
  status.classList.add('error');
  status.textContent = t('app.boot_failed', { message });
}

function retranslate() {
  translateStatic();
  const status = $('#boot-status');
  if (!status.dataset.i18n && document.body.dataset.ready) status.textContent = t('app.ready');
  buildShopForm(true);
  buildQuickForm(true);
  renderFiles();
  if (state.profile) state.profile.render();
  renderResultArea();
}

// ---------- tabs ----------

function setupTabs() {
  const tabs = $$('[role="tab"]');
  const select = (tab) => {
    for (const other of tabs) {
      const on = other === tab;
      other.setAttribute('aria-selected', on ? 'true' : 'false');
      other.tabIndex = on ? 0 : -1;
      $('#' + other.getAttribute('aria-controls')).hidden = !on;
    }
    tab.focus();
  };
  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => select(tab));
    tab.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
        e.preventDefault();
        select(tabs[(i + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length]);
      }
    });
  });
}

// ---------- sample ----------

function loadSample() {
  if (typeof self.SHOPSCORE_SAMPLE_JSON !== 'string') return;
  state.source = 'sample';
  rescore();
}

// ---------- files and pasted text ----------

function setupFiles() {
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

function addFiles(list) {
  if (!list.length) return;
  for (const file of list) {
    state.files.push({ key: state.nextKey++, name: file.name, blob: file, size: file.size, status: 'queued' });
  }
  state.source = 'files';
  ingestAll();
}

function removeFile(key) {
  state.files = state.files.filter((f) => f.key !== key);
  if (state.files.some((f) => f.status !== 'cancelled' && f.status !== 'error')) {
    ingestAll();
  } else {
    state.session = false;
    if (state.source === 'files') state.source = 'none';
    state.result = null;
    state.error = null;
    renderFiles();
    renderResultArea();
  }
}

// (Re)reads every usable file into a fresh Ingest in the worker. Needed when the file set or
// the shop's time zone changes (timestamps are converted while reading); other shop facts and
// profile changes only rescore.
async function ingestAll() {
  if (!state.engine || !state.profile) return;
  const files = state.files.filter((f) => f.status !== 'error' && f.status !== 'cancelled');
  for (const f of files) { f.status = 'queued'; f.progress = 0; }
  state.busy = true;
  state.session = false;
  bumpCounter('ingests');
  const offset = shopOffset();
  const total = files.reduce((s, f) => s + f.size, 0);
  showProgress(0, total);
  renderFiles();
  const byKey = new Map(files.map((f) => [f.key, f]));
  try {
    await state.engine.request({ type: 'ingest', shop: offset ? JSON.stringify({ utc_offset: offset }) : '', files: files.map((f) => ({ key: f.key, name: f.name, blob: f.blob })) }, (msg) => {
      const f = byKey.get(msg.key);
      if (!f) return;
      if (msg.type === 'progress') {
        bumpCounter('progressEvents');
        f.status = 'reading';
        showProgress(msg.loaded, msg.total);
        updateFileRow(f);
      } else if (msg.type === 'file') {
        f.status = 'ok';
        f.summary = msg.summary;
        f.error = null;
        renderFiles();
      } else if (msg.type === 'file-error') {
        f.status = 'error';
        f.error = msg.error.message;
        renderFiles();
      }
    });
    state.session = files.some((f) => f.status === 'ok');
    state.sessionOffset = offset;
    for (const f of files) if (f.status !== 'ok' && f.status !== 'error') f.status = 'queued';
  } catch (e) {
    if (e && e.cancelled) {
      for (const f of files) if (f.status !== 'error') f.status = 'cancelled';
    } else {
      for (const f of files) if (f.status !== 'ok' && f.status !== 'error') { f.status = 'error'; f.error = e.message; }
    }
    state.session = false;
  }
  state.busy = false;
  hideProgress();
  renderFiles();
  if (state.source === 'files') {
    if (state.session) rescore();
    else { state.result = null; state.error = null; renderResultArea(); }
  }
}

// Counters on <body> (data-ingests, data-progress-events) that show the tests whether files
// were read again.
function bumpCounter(name) {
  document.body.dataset[name] = String(Number(document.body.dataset[name] || 0) + 1);
}

function cancelWork() {
  if (!state.engine) return;
  state.engine.cancel().catch((e) => bootFailed(e.message));
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

const KIND_KEYS = { orders: 'kind.orders', returns: 'kind.returns', reviews: 'kind.reviews', chats: 'kind.chats', exclusions: 'kind.exclusions', dataset: 'kind.dataset', dataset_json: 'kind.dataset', auto: 'kind.auto' };

function fileRow(f) {
  const s = f.summary;
  const details = [];
  if (f.status === 'ok' && s) {
    details.push(h('span.file-kind', { 'data-kind': s.kind, text: KIND_KEYS[s.kind] ? t(KIND_KEYS[s.kind]) : s.kind }));
    details.push(h('span.file-rows', { text: t('files.rows', { n: fmtInt(s.rows) }) }));
    details.push(h('span.file-enc', { 'data-encoding': s.encoding, text: t('files.encoding', { enc: s.encoding }) }));
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
    f.status === 'error' ? h('p.file-error', { role: 'alert', text: f.error }) : null,
    f.status === 'ok' && s && s.invalid_bytes ? h('p.hint', { text: t('files.invalid_bytes') }) : null,
    f.status === 'ok' && s && s.warnings && s.warnings.length
      ? h('ul.file-warnings', null, s.warnings.map(warningItem)) : null,
    f.status === 'ok' && s && s.preview && s.preview.length > 1 ? previewTable(s.preview) : null);
  return row;
}

function previewTable(rows) {
  const [head, ...body] = rows;
  return h('details.preview', null, h('summary', { text: t('files.preview') }),
    h('div.table-wrap', null, h('table', null,
      h('thead', null, h('tr', null, head.map((c) => h('th', { scope: 'col', text: c })))),
      h('tbody', null, body.map((r) => h('tr', null, head.map((_, i) => h('td', { text: r[i] ?? '' }))))))));
}

function updateFileRow(f) {
  const el = $$('#file-list > li').find((li) => li.dataset.key === String(f.key));
  if (!el || el.dataset.status === f.status) return;
  renderFiles();
}

function renderFiles() {
  const list = $('#file-list');
  setChildren(list, state.files.map((f) => {
    const row = fileRow(f);
    row.dataset.key = String(f.key);
    return row;
  }));
}

// ---------- shop facts ----------

function buildShopForm(keepValues) {
  const root = $('#shop-form');
  const old = keepValues ? readShopForm(true) : {};
  setChildren(root, SHOP_FIELDS.map((f) => {
    const id = 'shop-' + f.key;
    let input;
    if (f.type === 'select') {
      input = h('select', { id }, ['', 'true', 'false'].map((v) => h('option', { value: v, text: t('shop.logo_' + (v || 'unknown')) })));
    } else {
      input = h('input', { id, type: f.type === 'date' ? 'date' : 'text', inputmode: f.type === 'number' || f.type === 'percent' ? 'decimal' : null, placeholder: f.placeholder || null, autocomplete: 'off' });
    }
    if (old[f.key] != null) input.value = old[f.key];
    // The time zone applies when files are read: on 'change' only, not per keystroke. The other
    // facts only rescore, shortly after the last keystroke.
    if (f.key === 'utc_offset') input.addEventListener('change', shopChanged);
    else input.addEventListener('input', shopTyped);
    return h('div.field', null, h('label', { for: id, text: t('shop.' + f.key) }),
      f.type === 'percent' ? h('div.input-unit', null, input, h('span.unit', { text: '%' })) : input);
  }));
}

function readShopForm(raw) {
  const out = {};
  for (const f of SHOP_FIELDS) {
    const el = $('#shop-' + f.key);
    if (!el) continue;
    const v = el.value.trim();
    if (raw) { if (v !== '') out[f.key] = v; continue; }
    if (v === '') continue;
    if (f.type === 'number' || f.type === 'percent') {
      const n = parseNumber(v);
      el.setAttribute('aria-invalid', n == null ? 'true' : 'false');
      if (n != null) out[f.key] = f.type === 'percent' ? n / 100 : n;
    } else if (f.type === 'select') out[f.key] = v === 'true';
    else out[f.key] = v;
  }
  return out;
}

// Shop facts as the `shop` object (as_of goes in the options instead).
function shopFacts() {
  const facts = readShopForm(false);
  delete facts.as_of;
  return facts;
}

// The time zone typed in the form ('' = none). It applies while files are read, so it is the
// one fact that needs a re-read; the core ignores utc_offset in a score-time shop override.
function shopOffset() {
  return readShopForm(false).utc_offset || '';
}

// The shop facts laid over the data's at score time (the `shop` score option).
function shopOverride() {
  const facts = shopFacts();
  delete facts.utc_offset;
  return facts;
}

let shopTimer = 0;
function shopTyped() {
  clearTimeout(shopTimer);
  shopTimer = setTimeout(shopChanged, 120);
}

function shopChanged() {
  clearTimeout(shopTimer);
  if (state.source === 'files' && state.files.length && shopOffset() !== state.sessionOffset) ingestAll();
  else rescore();
}

// ---------- quick mode ----------

const QUICK_SHOP = ['shop_age_days', 'delivered_orders_90d'];

function buildQuickForm(keepValues) {
  const root = $('#quick-form');
  const old = {};
  if (keepValues) for (const el of $$('input', root)) old[el.id] = el.value;
  const input = (id, label, unit, hint) => {
    const el = h('input', { id, type: 'text', inputmode: 'decimal', autocomplete: 'off', 'aria-describedby': hint ? id + '-hint' : null });
    if (old[id]) el.value = old[id];
    el.addEventListener('input', quickChanged);
    return h('div.field', null, h('label', { for: id, text: label }),
      unit ? h('div.input-unit', null, el, h('span.unit', { text: unit })) : el,
      hint ? h('span.hint', { id: id + '-hint', text: hint }) : null);
  };
  setChildren(root,
    h('div.form-grid', null,
      input('quick-shop_age_days', t('quick.shop_age_days'), t('quick.days')),
      input('quick-delivered_orders_90d', t('quick.delivered_orders_90d'), null, t('quick.delivered_hint'))),
    h('div.quick-metrics', null, METRICS.map((m) => h('fieldset.quick-metric', null,
      h('legend', { text: t('metric.' + m) }),
      input(`quick-${m}-value`, t('quick.value'), m === 'aht' ? 'h' : '%'),
      input(`quick-${m}-numerator`, t('quick.numerator_' + m)),
      input(`quick-${m}-denominator`, t('quick.denominator_' + m))))),
    h('p.quick-error', { id: 'quick-error', role: 'alert' }));
}

let quickTimer = 0;
function quickChanged() {
  state.source = 'quick';
  clearTimeout(quickTimer);
  quickTimer = setTimeout(() => rescore(), 120);
}

function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function minusDays(iso, days) {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d) - days * 86400000).toISOString().slice(0, 10);
}

// The quick-mode dataset: metrics given directly (SPEC §2 "Direct input").
function quickDataset() {
  const num = (id) => {
    const el = $('#' + id);
    const v = el.value.trim();
    if (v === '') { el.setAttribute('aria-invalid', 'false'); return undefined; }
    const n = parseNumber(v);
    el.setAttribute('aria-invalid', n == null || n < 0 ? 'true' : 'false');
    return n == null || n < 0 ? null : n;
  };
  const facts = readShopForm(false);
  const asOf = facts.as_of || today();
  const shop = { ...shopFacts(), as_of: asOf };
  const age = num('quick-shop_age_days');
  if (age != null) shop.opened = minusDays(asOf, Math.round(age));
  const delivered = num('quick-delivered_orders_90d');
  if (delivered != null) shop.delivered_orders_90d = Math.round(delivered);
  const metrics = {};
  let invalid = age === null || delivered === null;
  for (const m of METRICS) {
    const value = num(`quick-${m}-value`);
    const numerator = num(`quick-${m}-numerator`);
    const denominator = num(`quick-${m}-denominator`);
    if (value === null || numerator === null || denominator === null) invalid = true;
    if (value == null) continue;
    const entry = { value: m === 'aht' ? value : value / 100 };
    if (numerator != null) entry.numerator = numerator;
    if (denominator != null) entry.denominator = denominator;
    metrics[m] = entry;
  }
  return { dataset: { schema: 'shopscore.dataset/1', shop, metrics }, invalid };
}

// ---------- scoring ----------

// Every call asks for insights (SPEC §9 priority labels). For the sample and files, the shop
// facts typed in go as the `shop` override; quick mode builds them into its dataset.
function scoreOptions() {
  const options = { profile: state.profile.profile(), insights: true };
  const asOf = readShopForm(false).as_of;
  if (state.source !== 'quick') {
    if (asOf) options.as_of = asOf;
    const shop = shopOverride();
    if (Object.keys(shop).length) options.shop = shop;
  }
  return options;
}

// The sample's exact bytes; a typed time zone is put in its shop object, since the dataset's
// timestamps are converted with it when the JSON is read (the other facts go in the options).
function sampleDataset() {
  const offset = shopOffset();
  if (!offset) return self.SHOPSCORE_SAMPLE_JSON;
  const data = JSON.parse(self.SHOPSCORE_SAMPLE_JSON);
  data.shop = { ...data.shop, utc_offset: offset };
  return JSON.stringify(data);
}

async function rescore() {
  if (!state.engine || !state.profile) return;
  const seq = ++state.seq;
  let msg;
  if (state.source === 'sample') msg = { type: 'score', source: 'json', dataset: sampleDataset() };
  else if (state.source === 'quick') {
    const { dataset, invalid } = quickDataset();
    $('#quick-error').textContent = invalid ? t('quick.invalid') : '';
    msg = { type: 'score', source: 'json', dataset: JSON.stringify(dataset) };
  } else if (state.source === 'files') {
    if (!state.session || state.busy) return;
    msg = { type: 'score', source: 'session' };
  } else return;
  msg.options = scoreOptions();
  try {
    const reply = await state.engine.request(msg);
    if (seq !== state.seq) return;
    state.result = JSON.parse(reply.result);
    state.error = null;
  } catch (e) {
    if (seq !== state.seq || (e && e.cancelled)) return;
    state.error = e;
    state.result = null;
  }
  renderResultArea();
}

function sourceLabel() {
  if (state.source === 'sample') return t('source.sample');
  if (state.source === 'quick') return t('source.quick');
  const ok = state.files.filter((f) => f.status === 'ok').length;
  return t('source.files', { n: ok });
}

function renderResultArea() {
  const body = $('#result-body');
  const parts = [];
  if (state.error) {
    parts.push(h('div.error-box', { role: 'alert', id: 'result-error' },
      h('strong', { text: t('result.error') }), ' ', h('span', { text: state.error.message })));
  }
  if (state.result && state.source !== 'none') {
    parts.push(renderResult(state.result, { profile: state.profile && state.profile.profile(), sourceLabel: sourceLabel() }));
  } else if (!state.error) {
    parts.push(h('p.empty', { text: t('result.empty') }));
  }
  setChildren(body, parts);
  body.dataset.source = state.source;
  body.dataset.seq = String(state.seq);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
else boot();
