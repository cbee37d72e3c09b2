// The calculator page: starts the engine and wires the parts in one direction:
//   inputs (forms, files) -> store (store.js set) -> scoring (request.js builds, scoring.js
//   sends) -> result in the store -> render (result-area.js subscribes).
// A part that must trigger another gets it as a callback from here (ctx.scoreWith, rescore),
// so no module imports one that imports it back (tests/node/import-cycles.mjs checks).
import { $ } from './dom.js';
import { t, detectLang, loadLang, setLang, getLang, translateStatic } from './i18n.js';
import { loadScript } from './on-demand.js';
import { Engine } from './engine.js';
import { ProfileEditor } from './profile.js';
import { state, set, subscribe } from './store.js';
import { applyMeta } from './model.js';
import { setColumns } from './columns.js';
import { setupTabs } from './tabs.js';
import { setupFiles, ingestAll, renderFiles, declareNone, addFiles } from './files.js';
import { setupShopForm, buildShopForm, showShopMessages } from './shop-facts.js';
import { setupQuickForm, buildQuickForm, quickWasActive, quickInactive, showQuickMessages } from './quick-mode.js';
import { rescore, scoreWith, calibrateCurrent, configureScoreFirst } from './scoring.js';
import { setupCalibration, renderCalibration } from './calibrate-form.js';
import { renderResultArea, setupSticky, setResultActions } from './result-area.js';
import { setupOffline } from './pwa.js';
import { setupHistory, setHistoryVersion, historyOnStore, retranslateHistory } from './history/history-panel.js';
import { changeSinceLast } from './history/history-store.js';
import { setupShops, renderShops, setChangeProvider } from './shops/view.js';

// What a store change redraws.
const RESULT_KEYS = ['result', 'error', 'stale', 'source', 'fields', 'shownSeq', 'insightsPending'];
function onStore(patch) {
  if ('fields' in patch || 'source' in patch) showShopMessages();
  if ('fields' in patch || 'source' in patch || 'result' in patch) showQuickMessages();
  if ('source' in patch && patch.source !== 'quick') quickInactive();
  if (RESULT_KEYS.some((k) => k in patch)) scheduleRender();
  historyOnStore(patch); // a new result is stored while the history is on (docs/history.md)
}

// Several set() calls in one task draw once.
let renderQueued = false;
function scheduleRender() {
  if (renderQueued) return;
  renderQueued = true;
  queueMicrotask(() => {
    renderQueued = false;
    renderResultArea();
  });
}

// The seller's language is asked for as soon as this script runs (only that one is downloaded).
const firstLang = detectLang();
const firstTable = loadLang(firstLang);

async function boot() {
  try {
    await firstTable;
  } catch (e) {
    // No table to word it with: index.html's English text stays, with the reason.
    return bootFailed(e.message);
  }
  setLang(firstLang, false);
  translateStatic();
  const langSelect = $('#lang-select');
  langSelect.value = getLang();
  langSelect.addEventListener('change', () => switchLang(langSelect));
  // The Shops view has the whole width: the single shop's result and forms are hidden meanwhile.
  setupTabs((id) => document.body.classList.toggle('shops-mode', id === 'tab-shops'));
  setupFiles(rescore, showResultOnPhone);
  setupShops({ engine: () => state.engine, open: openShop });
  // The Shops view's "change since last reading": the history's readings of the shop's folder name
  // (null, shown as "—", while the history is off; docs/history.md).
  setChangeProvider(changeSinceLast);
  setupShopForm({ rescore, rereadFiles: ingestAll });
  setupQuickForm(rescore);
  setupSticky();
  setResultActions({ typeMetric, scoreWith, declareNone });
  subscribe(onStore);
  setupCalibration({ calibrate: calibrateCurrent, scoreWith, adoptProfile: (p) => state.profile.adopt(p) });
  $('#load-sample').addEventListener('click', loadSample);
  $('#cancel').addEventListener('click', cancelWork);
  renderResultArea();
  // The stored readings feed the long-run chart: a change redraws the result.
  setupHistory({ onReadings: scheduleRender });
  setupOffline();

  const source = self.SHOPSCORE_WORKER_SOURCE;
  if (typeof source !== 'string') return bootFailed('worker-src.js is missing');
  const knobs = readingKnobs(location.search);
  configureScoreFirst(knobs.scoreFirstBytes);
  const engine = new Engine(source, knobs);
  set({ engine });
  engine.start().then(({ version, defaultProfile, meta, columns }) => {
    applyMeta(meta); // before any score: the gate and tiers come from it (model.js)
    setColumns(columns);
    $('#core-version').textContent = version;
    setHistoryVersion(version);
    const profile = new ProfileEditor($('#profile-body'), defaultProfile, () => rescore());
    set({ profile });
    profile.render();
    const status = $('#boot-status');
    status.dataset.i18n = 'app.ready';
    status.textContent = t('app.ready');
    document.body.dataset.ready = 'true';
    // The worker's warm-up (worker/warm-up.js) is over, with the passes it did: the benchmark waits
    // for it, as a seller's page has been open a few seconds before a file is picked.
    engine.warmedUp.then(({ passes }) => { document.body.dataset.warmedUp = String(passes); });
    // The last visit ended in quick mode: show it again with the remembered values.
    if (state.source === 'none' && quickWasActive()) {
      $('#tab-quick').click();
      set({ source: 'quick' });
      rescore();
    }
  }).catch((e) => bootFailed(e.message));
}

// A metric typed under the table (files, sample): into the store; request.js checks it, and a value that cannot be read is explained at the
// field and stops the scoring (the last result stays, marked stale).
function typeMetric(id, text) {
  const s = String(text).trim();
  const typed = { ...state.typedText };
  if (!s) delete typed[id];
  else typed[id] = s;
  set({ typedText: typed });
  rescore();
}

function bootFailed(message) {
  const status = $('#boot-status');
  delete status.dataset.i18n;
  status.classList.add('error');
  const text = t('app.boot_failed', { message });
  status.textContent = text === 'app.boot_failed' ? `The calculator could not start: ${message}` : text;
}

// The other language's texts are loaded when first chosen (lang-xx.js); the page switches once
// they are there. If they cannot be loaded (offline before the service worker saved them), the
// page stays in its language and says so beside the menu.
async function switchLang(select) {
  const wanted = select.value;
  const msg = $('#lang-msg');
  msg.textContent = '';
  select.setAttribute('aria-busy', 'true');
  try {
    await loadLang(wanted);
  } catch {
    select.value = getLang();
    msg.textContent = t('lang.load_failed');
    return;
  } finally {
    select.removeAttribute('aria-busy');
  }
  if (select.value !== wanted) return; // chosen again while loading: that change switches
  setLang(wanted, true);
  retranslate();
}

// A language change redraws everything built by script, keeping what was typed.
function retranslate() {
  translateStatic();
  const status = $('#boot-status');
  if (!status.dataset.i18n && document.body.dataset.ready) status.textContent = t('app.ready');
  buildShopForm();
  buildQuickForm();
  renderFiles();
  if (state.profile) state.profile.render();
  renderResultArea();
  renderCalibration();
  retranslateHistory();
  renderShops();
}

// A shop clicked in the Shops view: its files replace the Files tab's, and are read and scored
// as if the seller had dropped them there.
function openShop(files) {
  set({ files: [], session: false, result: null, error: null, stale: false });
  $('#tab-files').click();
  addFiles(files);
  const result = $('#result');
  result.scrollIntoView({ block: 'start' });
  result.focus({ preventScroll: true });
}

// The sample dataset (sample.js, ~220 KB) is loaded only when asked for (on-demand.js).
function sampleScript() {
  return loadScript('sample.js', () => typeof self.SHOPSCORE_SAMPLE_JSON === 'string');
}

async function loadSample() {
  const button = $('#load-sample');
  button.setAttribute('aria-busy', 'true');
  const msg = $('#sample-msg');
  msg.textContent = '';
  try {
    await sampleScript();
  } catch (e) {
    // Offline without the sample cached: said at the button, where the seller is looking.
    msg.textContent = t('input.sample_offline');
    return;
  } finally {
    button.removeAttribute('aria-busy');
  }
  set({ source: 'sample' });
  await rescore();
  showResultOnPhone();
}

// On a phone the result is below the form: once the sample or newly added files are scored,
// bring the score into view (and focus, so a screen reader continues there).
function showResultOnPhone() {
  if (!state.result || !window.matchMedia('(max-width: 979px)').matches) return;
  const result = $('#result');
  result.scrollIntoView({ block: 'start' });
  result.focus({ preventScroll: true });
}

// Cancel terminates the worker and starts a new one (engine.js); the running ingest then
// rejects as cancelled and files.js marks its files.
// The worker's sessions go with it: the sample and quick mode are read again when next scored.
function cancelWork() {
  if (!state.engine) return;
  set({ ingested: {} });
  state.engine.cancel().catch((e) => bootFailed(e.message));
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
else boot();

// Test and benchmark knobs of reading large exports, from the page's address (docs/web.md "Every
// core"): ?slice-min-file=BYTES&slice-min=BYTES&slice-workers=N (several workers),
// ?reader-min=BYTES (the reader thread), ?score-first=BYTES (the score before the insights).
function readingKnobs(search) {
  const q = new URLSearchParams(search);
  const knobs = {};
  for (const [param, key] of [['slice-min-file', 'minFileBytes'], ['slice-min', 'minSliceBytes'], ['slice-workers', 'workers'],
    ['reader-min', 'readerMinBytes'], ['score-first', 'scoreFirstBytes'], ['warm-up', 'warmUpPasses']]) {
    const v = Number(q.get(param));
    if (q.has(param) && Number.isFinite(v) && v >= 0) knobs[key] = v;
  }
  return knobs;
}
