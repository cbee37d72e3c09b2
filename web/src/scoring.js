// Scoring the current source (sample, files or quick mode) in the worker and showing the result.
import { $ } from './dom.js';
import { t } from './i18n.js';
import { state } from './state.js';
import { readShopForm, shopOffset, shopOverride } from './shop-facts.js';
import { quickDataset, quickInactive } from './quick-mode.js';
import { renderResultArea } from './result-area.js';

// Every call asks for insights (docs/rules.md §26 priority labels). For the sample and files, the shop
// facts typed in go as the `shop` override; quick mode builds them into its dataset.
function scoreOptions() {
  const options = { profile: state.profile.profile(), insights: true };
  // A metric's value typed by the seller for files and the sample (a metric without data), as
  // the score option {"metrics": {"aht": {"value": 31.2}}} (docs/exports.md).
  if (state.source !== 'quick' && Object.keys(state.typedMetrics).length) options.metrics = state.typedMetrics;
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

// The worker message that scores the current source (null when there is nothing to score).
function scoreMessage() {
  let msg;
  if (state.source === 'sample') {
    if (typeof self.SHOPSCORE_SAMPLE_JSON !== 'string') return;
    msg = { type: 'score', source: 'json', dataset: sampleDataset() };
  } else if (state.source === 'quick') {
    const { dataset, invalid, assumed } = quickDataset();
    $('#quick-error').textContent = invalid ? t('quick.invalid') : '';
    state.assumedOrders = assumed;
    msg = { type: 'score', source: 'json', dataset: JSON.stringify(dataset) };
  } else if (state.source === 'files') {
    if (!state.session || state.busy) return;
    msg = { type: 'score', source: 'session' };
  } else return null;
  msg.options = scoreOptions();
  return msg;
}

// The current source scored with extra options (insight scenarios, a diagnostics table as
// CSV); answers the core's text without touching the shown result.
export async function scoreWithOptions(extra) {
  const msg = scoreMessage();
  if (!msg || !state.engine) throw new Error('nothing to score');
  msg.options = { ...msg.options, ...extra };
  return (await state.engine.request(msg)).result;
}

// Scores the current source. Only the newest call's answer is shown (state.seq), so a slow
// reply cannot overwrite a later one.
export async function rescore() {
  if (!state.engine || !state.profile) return;
  if (state.source !== 'quick') quickInactive();
  const seq = ++state.seq;
  const msg = scoreMessage();
  if (!msg) return;
  const source = state.source;
  try {
    const reply = await state.engine.request(msg);
    if (seq !== state.seq) return;
    state.result = JSON.parse(reply.result);
    state.resultSource = source;
    state.error = null;
  } catch (e) {
    if (seq !== state.seq || (e && e.cancelled)) return;
    state.error = e;
    // A bad option (profile, shop fact) or a quick-mode value must not wipe a good result: the
    // last valid one stays, marked as such. Other errors (the data itself) clear it.
    const keep = e && (e.file === 'options' || source === 'quick') && state.resultSource === source;
    if (!keep) state.result = null;
  }
  renderResultArea();
}
