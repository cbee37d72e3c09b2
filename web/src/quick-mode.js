// Quick mode: the metrics typed in as Seller Center shows them (rates in percent, handling time
// in hours). Typing puts the texts in the store (state.quickText); request.js checks them and
// builds the dataset with metrics given directly (docs/scoring.md "Metrics typed by the
// seller"). What is typed is remembered in localStorage.
import { h, $, $$, setChildren } from './dom.js';
import { t } from './i18n.js';
import { METRICS } from './model.js';
import { state, set } from './store.js';
import { showFieldMessages } from './field-messages.js';

const STORE_KEY = 'shopscore.quick';

// Given by main.js, so that this module need not import the scoring.
let rescore = () => {};

// Builds the form once at startup (with the remembered values); `onRescore` is called 120 ms
// after the last keystroke.
export function setupQuickForm(onRescore) {
  rescore = onRescore;
  const s = stored();
  set({ quickText: s.values || {} });
  buildQuickForm();
}

function stored() {
  try { return JSON.parse(localStorage.getItem(STORE_KEY) || 'null') || {}; } catch { return {}; }
}

function remember(active) {
  const data = { values: state.quickText, active };
  try { localStorage.setItem(STORE_KEY, JSON.stringify(data)); } catch { /* ignore */ }
}

// Another source (the sample, files) took over: the next visit does not reopen quick mode.
export function quickInactive() {
  if (stored().active) remember(false);
}

// Whether the last visit ended in quick mode with values typed (main.js then rescores them).
export function quickWasActive() {
  const s = stored();
  return !!(s.active && s.values && Object.keys(s.values).length);
}

// Built from the store's texts, so a rebuild (a language change) keeps what was typed.
export function buildQuickForm() {
  const root = $('#quick-form');
  const old = state.quickText;
  const input = (id, label, unit, hint) => {
    const el = h('input', { id, type: 'text', inputmode: 'decimal', autocomplete: 'off', 'aria-describedby': (hint ? id + '-hint ' : '') + id + '-msg' });
    if (old[id]) el.value = old[id];
    el.addEventListener('input', quickChanged);
    return h('div.field', null, h('label', { for: id, text: label }),
      unit ? h('div.input-unit', null, el, h('span.unit', { 'aria-hidden': 'true', text: unit })) : el,
      hint ? h('span.hint', { id: id + '-hint', text: hint }) : null,
      h('span.field-msg', { id: id + '-msg' }));
  };
  setChildren(root,
    h('div.form-grid', null,
      input('quick-shop_age_days', t('quick.shop_age_days'), t('quick.days')),
      // Always asked for: 420 orders is as valid an answer as 12 (issue 22).
      input('quick-delivered_orders_90d', t('quick.delivered_orders_90d'), null, t('quick.delivered_hint'))),
    h('div.quick-metrics', null, METRICS.map((m) => h('fieldset.quick-metric', { 'data-metric': m },
      h('legend', { text: t('metric.' + m) }),
      input(`quick-${m}-value`, t('quick.value'), m === 'aht' ? t('unit.hours') : '%'),
      h('details.quick-counts', { open: old[`quick-${m}-numerator`] || old[`quick-${m}-denominator`] ? true : null },
        h('summary', { text: t('quick.counts') }),
        input(`quick-${m}-numerator`, t('quick.numerator_' + m)),
        input(`quick-${m}-denominator`, t('quick.denominator_' + m)))))),
    h('p.quick-error', { id: 'quick-error', role: 'status' }),
    h('p.hint', { text: t('quick.saved_note') }),
    h('button', { type: 'button', id: 'quick-clear', onclick: clearQuick, text: t('quick.clear') }));
  showQuickMessages();
}

// Field messages and the line under the form, from the store. The line speaks of "the result
// shown" only when one is (a first typed value that cannot be read leaves none).
export function showQuickMessages() {
  const root = $('#quick-form');
  showFieldMessages(root, state.fields);
  const bad = Object.entries(state.fields).some(([id, f]) => id.startsWith('quick-') && f.error);
  const line = $('#quick-error');
  if (line) line.textContent = bad && state.source === 'quick' ? t(state.result ? 'quick.invalid' : 'quick.invalid_none') : '';
}

function clearQuick() {
  for (const el of $$('#quick-form input[type="text"]')) el.value = '';
  quickChanged();
}

let quickTimer = 0;
function quickChanged() {
  const texts = {};
  for (const el of $$('#quick-form input[type="text"]')) if (el.value.trim()) texts[el.id] = el.value;
  set({ source: 'quick', quickText: texts });
  remember(true);
  clearTimeout(quickTimer);
  quickTimer = setTimeout(() => rescore(), 120);
}
