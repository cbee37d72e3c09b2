// The calculator page. All reading and scoring happens in the Web Worker (engine.js); this
// module starts the page and wires the parts together. Modules that must trigger another part
// (a file set read, a shop fact typed) get it as a callback from here, so no two import each
// other.
import { $ } from './dom.js';
import { t, detectLang, setLang, getLang, translateStatic } from './i18n.js';
import { Engine } from './engine.js';
import { ProfileEditor } from './profile.js';
import { state } from './state.js';
import { setupTabs } from './tabs.js';
import { setupFiles, ingestAll, renderFiles } from './files.js';
import { setupShopForm, buildShopForm } from './shop-facts.js';
import { setupQuickForm, buildQuickForm, quickWasActive } from './quick-mode.js';
import { rescore } from './scoring.js';
import { renderResultArea, setupSticky, setTypeMetricHandler } from './result-area.js';
import { parseRate, parseHours } from './quick-mode.js';
import { setupOffline } from './pwa.js';

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
  setupFiles(rescore);
  setupShopForm({ rescore, rereadFiles: ingestAll });
  setupQuickForm(rescore);
  setupSticky();
  setTypeMetricHandler(typeMetric);
  $('#load-sample').addEventListener('click', loadSample);
  $('#cancel').addEventListener('click', cancelWork);
  renderResultArea();
  setupOffline();

  const source = self.SHOPSCORE_WORKER_SOURCE;
  if (typeof source !== 'string') return bootFailed('worker-src.js is missing');
  state.engine = new Engine(source);
  state.engine.start().then(({ version, defaultProfile, features }) => {
    state.features = features || {};
    $('#core-version').textContent = version;
    state.profile = new ProfileEditor($('#profile-body'), defaultProfile, () => rescore());
    state.profile.render();
    const status = $('#boot-status');
    status.dataset.i18n = 'app.ready';
    status.textContent = t('app.ready');
    document.body.dataset.ready = 'true';
    // The last visit ended in quick mode: show it again with the remembered values.
    if (state.source === 'none' && quickWasActive()) {
      $('#tab-quick').click();
      state.source = 'quick';
      rescore();
    }
  }, (e) => bootFailed(e.message));
}

// A metric typed under the table (files, sample): checked like quick mode; a bad value is
// explained at the field and left out.
function typeMetric(id, text) {
  const s = String(text).trim();
  if (!s) {
    delete state.typedMetrics[id];
    delete state.typedTexts[id];
  } else {
    const r = id === 'aht' ? parseHours(s) : parseRate(s, id);
    state.typedTexts[id] = { text: s, error: r.error || null };
    if (r.error) delete state.typedMetrics[id];
    else state.typedMetrics[id] = { value: r.value };
  }
  rescore();
}

function bootFailed(message) {
  const status = $('#boot-status');
  delete status.dataset.i18n;
  status.classList.add('error');
  status.textContent = t('app.boot_failed', { message });
}

// A language change redraws everything built by script, keeping what was typed.
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

// The sample dataset (sample.js, ~220 KB) is loaded only when asked for, by a script element
// (from file:// a fetch() would be refused; CSP script-src 'self' allows it).
let samplePromise = null;
function sampleScript() {
  if (typeof self.SHOPSCORE_SAMPLE_JSON === 'string') return Promise.resolve();
  if (!samplePromise) {
    samplePromise = new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = 'sample.js';
      s.onload = () => resolve();
      s.onerror = () => { samplePromise = null; reject(new Error('sample.js could not be loaded')); };
      document.head.appendChild(s);
    });
  }
  return samplePromise;
}

async function loadSample() {
  const button = $('#load-sample');
  button.setAttribute('aria-busy', 'true');
  try {
    await sampleScript();
  } catch (e) {
    bootFailed(e.message);
    return;
  } finally {
    button.removeAttribute('aria-busy');
  }
  state.source = 'sample';
  await rescore();
  // On a phone the result is below the form: bring the score into view (and focus, so a
  // screen reader continues there).
  if (window.matchMedia('(max-width: 979px)').matches) {
    const result = $('#result');
    result.scrollIntoView({ block: 'start' });
    result.focus({ preventScroll: true });
  }
}

// Cancel terminates the worker and starts a new one (engine.js); the running ingest then
// rejects as cancelled and files.js marks its files.
function cancelWork() {
  if (!state.engine) return;
  state.engine.cancel().catch((e) => bootFailed(e.message));
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
else boot();
