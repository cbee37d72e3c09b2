// Quick mode: the metrics typed in as Seller Center shows them (rates in percent, AHT in hours),
// turned into a dataset with metrics given directly (SPEC §2 "Direct input").
import { h, $, $$, setChildren } from './dom.js';
import { t } from './i18n.js';
import { METRICS } from './render.js';
import { parseNumber } from './profile.js';
import { state } from './state.js';
import { readShopForm, shopFacts } from './shop-facts.js';

// Given by main.js, so that this module need not import the scoring.
let rescore = () => {};

// Builds the form once at startup; `onRescore` is called 120 ms after the last keystroke.
export function setupQuickForm(onRescore) {
  rescore = onRescore;
  buildQuickForm(false);
}

// keepValues: rebuilt for a language change, with what was typed kept.
export function buildQuickForm(keepValues) {
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
export function quickDataset() {
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
