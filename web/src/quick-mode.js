// Quick mode: the metrics typed in as Seller Center shows them (rates in percent, handling time
// in hours), checked at the field and turned into a dataset with metrics given directly
// (docs/rules.md §11 "Direct input"). What is typed is remembered in localStorage.
import { h, $, $$, setChildren } from './dom.js';
import { t } from './i18n.js';
import { METRICS } from './render.js';
import { parseNumber } from './profile.js';
import { fmtPercent, fmtNumber } from './format.js';
import { state } from './state.js';
import { readShopForm, shopFacts } from './shop-facts.js';

const STORE_KEY = 'shopscore.quick';
const GATE = 30; // docs/rules.md §13: an official score from 30 delivered orders in 90 days
// Without a count from the seller the shop is taken as scored. 31, not 30: the small-shop
// protection needs at most 30 orders, and it must not be applied on a guess.
const ASSUMED_ORDERS = GATE + 1;

// Given by main.js, so that this module need not import the scoring.
let rescore = () => {};

// Builds the form once at startup (with the remembered values); `onRescore` is called 120 ms
// after the last keystroke.
export function setupQuickForm(onRescore) {
  rescore = onRescore;
  buildQuickForm(false);
}

function stored() {
  try { return JSON.parse(localStorage.getItem(STORE_KEY) || 'null') || {}; } catch { return {}; }
}

function remember() {
  const values = {};
  for (const el of $$('#quick-form input[type="text"]')) if (el.value.trim()) values[el.id] = el.value;
  const data = { values, few: $('#quick-few').checked, active: state.source === 'quick' };
  try { localStorage.setItem(STORE_KEY, JSON.stringify(data)); } catch { /* ignore */ }
}

// Another source (the sample, files) took over: the next visit does not reopen quick mode.
export function quickInactive() {
  const s = stored();
  if (!s.active) return;
  s.active = false;
  try { localStorage.setItem(STORE_KEY, JSON.stringify(s)); } catch { /* ignore */ }
}

// Whether the last visit ended in quick mode with values typed (main.js then rescores them).
export function quickWasActive() {
  const s = stored();
  return !!(s.active && s.values && Object.keys(s.values).length);
}

// keepValues: rebuilt for a language change, with what was typed kept; else the stored values.
export function buildQuickForm(keepValues) {
  const root = $('#quick-form');
  let old = {};
  let few = false;
  if (keepValues) {
    for (const el of $$('input[type="text"]', root)) old[el.id] = el.value;
    few = !!($('#quick-few') && $('#quick-few').checked);
  } else {
    const s = stored();
    old = s.values || {};
    few = !!s.few;
  }
  const input = (id, label, unit) => {
    const el = h('input', { id, type: 'text', inputmode: 'decimal', autocomplete: 'off', 'aria-describedby': id + '-msg' });
    if (old[id]) el.value = old[id];
    el.addEventListener('input', quickChanged);
    return h('div.field', null, h('label', { for: id, text: label }),
      unit ? h('div.input-unit', null, el, h('span.unit', { 'aria-hidden': 'true', text: unit })) : el,
      h('span.field-msg', { id: id + '-msg' }));
  };
  const fewBox = h('input', { type: 'checkbox', id: 'quick-few', checked: few });
  fewBox.addEventListener('change', () => {
    $('#quick-count').hidden = !fewBox.checked;
    quickChanged();
  });
  const count = h('div', { id: 'quick-count', hidden: !few },
    input('quick-delivered_orders_90d', t('quick.delivered_orders_90d')),
    h('p.hint', { text: t('quick.delivered_hint') }));
  setChildren(root,
    h('div.form-grid', null, input('quick-shop_age_days', t('quick.shop_age_days'), t('quick.days'))),
    h('div.check', null, fewBox, h('label', { for: 'quick-few', text: t('quick.few_orders') })),
    count,
    h('p.hint', { id: 'quick-assumed', hidden: few, text: t('quick.assumed') }),
    h('div.quick-metrics', null, METRICS.map((m) => h('fieldset.quick-metric', { 'data-metric': m },
      h('legend', { text: t('metric.' + m) }),
      input(`quick-${m}-value`, t('quick.value'), m === 'aht' ? t('unit.hours') : '%'),
      h('details.quick-counts', { open: old[`quick-${m}-numerator`] || old[`quick-${m}-denominator`] ? true : null },
        h('summary', { text: t('quick.counts') }),
        input(`quick-${m}-numerator`, t('quick.numerator_' + m)),
        input(`quick-${m}-denominator`, t('quick.denominator_' + m)))))),
    h('p.quick-error', { id: 'quick-error' }),
    h('p.hint', { text: t('quick.saved_note') }),
    h('button', { type: 'button', id: 'quick-clear', onclick: clearQuick, text: t('quick.clear') }));
  if (keepValues) quickDataset(); // re-word the field messages in the new language
}

function clearQuick() {
  for (const el of $$('#quick-form input[type="text"]')) el.value = '';
  $('#quick-few').checked = false;
  $('#quick-count').hidden = true;
  quickChanged();
}

let quickTimer = 0;
function quickChanged() {
  state.source = 'quick';
  $('#quick-assumed').hidden = $('#quick-few').checked;
  remember();
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

// A rate as a fraction. "95.6", "95.6 %" -> 0.956. For the on-time delivery rate (where a value
// of 1 % or less is not plausible) "0.956" is read as the fraction 95.6 % and said so; for the
// other rates, small values are common (0.5 % negative reviews), so the number is percent.
export function parseRate(text, metric) {
  const hasPct = /[%\uFF05]/.test(text);
  const n = parseNumber(text);
  if (n == null) return { error: 'quick.err_number' };
  if (!hasPct && metric === 'otdr' && n > 0 && n <= 1) return { value: n, note: 'quick.read_fraction' };
  if (n < 0 || n > 100) return { error: 'quick.err_percent' };
  return { value: n / 100 };
}

// Hours: "20", "20 h", "20 hours", "20 小时"; minutes ("90 min", "90 分钟") are converted.
export function parseHours(text) {
  const s = String(text).trim().toLowerCase();
  const m = /^([-+]?[\d.,]+)\s*(h|hr|hrs|hour|hours|小时|小時|min|mins|minute|minutes|分钟|分)?$/.exec(s);
  if (!m) return { error: 'quick.err_hours' };
  const n = parseNumber(m[1]);
  if (n == null || n < 0) return { error: 'quick.err_hours' };
  if (m[2] && /^(min|分)/.test(m[2])) return { value: n / 60, note: 'quick.read_minutes' };
  return { value: n };
}

function parseCount(text) {
  const n = parseNumber(text);
  if (n == null || n < 0 || !Number.isInteger(n)) return { error: 'quick.err_count' };
  return { value: n };
}

function fieldMessage(id, result, noteValue) {
  const el = $('#' + id);
  const msg = $('#' + id + '-msg');
  el.setAttribute('aria-invalid', result && result.error ? 'true' : 'false');
  if (!msg) return;
  msg.classList.toggle('error', !!(result && result.error));
  if (result && result.error) msg.textContent = t(result.error, result.params);
  else if (result && result.note) msg.textContent = t(result.note, { v: noteValue });
  else msg.textContent = '';
}

// The quick-mode dataset: metrics given directly (docs/rules.md §11 "Direct input"). A field that does
// not pass its check is marked with its message and left out.
export function quickDataset() {
  let invalid = false;
  const read = (id, parse) => {
    const v = $('#' + id).value.trim();
    if (v === '') { fieldMessage(id, null); return undefined; }
    const r = parse(v);
    if (r.error) invalid = true;
    return r;
  };
  const facts = readShopForm(false);
  const asOf = facts.as_of || today();
  const shop = { ...shopFacts(), as_of: asOf };
  const age = read('quick-shop_age_days', parseCount);
  fieldMessage('quick-shop_age_days', age);
  if (age && !age.error) shop.opened = minusDays(asOf, age.value);
  const few = $('#quick-few').checked;

  const metrics = {};
  let largestDelivered = 0;
  for (const m of METRICS) {
    const vid = `quick-${m}-value`;
    const value = read(vid, (s) => (m === 'aht' ? parseHours(s) : parseRate(s, m)));
    fieldMessage(vid, value, value && value.note ? (m === 'aht' ? `${fmtNumber(value.value, 2)} ${t('unit.hours')}` : fmtPercent(value.value, 2)) : '');
    const num = read(`quick-${m}-numerator`, m === 'aht' ? (s) => parseHours(s) : parseCount);
    const den = read(`quick-${m}-denominator`, parseCount);
    if (num && !num.error && den && !den.error && m !== 'aht' && num.value > den.value) {
      invalid = true;
      fieldMessage(`quick-${m}-numerator`, { error: 'quick.err_num_den', params: { den: t('quick.denominator_' + m) } });
    } else fieldMessage(`quick-${m}-numerator`, num);
    fieldMessage(`quick-${m}-denominator`, den);
    if (!value || value.error) continue;
    const entry = { value: value.value };
    if (num && !num.error && den && !den.error && !(m !== 'aht' && num.value > den.value)) {
      entry.numerator = num.value;
      entry.denominator = den.value;
    }
    if ((m === 'nrr' || m === 'nbfr') && entry.denominator) largestDelivered = Math.max(largestDelivered, entry.denominator);
    metrics[m] = entry;
  }

  let assumed = false;
  if (few) {
    const d = read('quick-delivered_orders_90d', (s) => {
      const r = parseCount(s);
      return r.error || r.value < GATE ? r : { error: 'quick.err_few' };
    });
    // The seller said "fewer than 30": the count is asked for until it is typed.
    fieldMessage('quick-delivered_orders_90d', d || { error: 'quick.err_few' });
    if (!d) invalid = true;
    if (d && !d.error) shop.delivered_orders_90d = d.value;
  } else {
    assumed = true;
    shop.delivered_orders_90d = Math.max(ASSUMED_ORDERS, largestDelivered);
  }
  return { dataset: { schema: 'shopscore.dataset/1', shop, metrics }, invalid, assumed };
}
