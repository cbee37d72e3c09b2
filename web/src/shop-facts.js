// The shop-facts form (opened, evaluation date, time zone, category, ...) and the values read
// from it. The facts reach the core in three ways: the time zone while files are read, the other
// facts as the `shop` score option, and quick mode builds them into its own dataset.
import { h, $, setChildren } from './dom.js';
import { t } from './i18n.js';
import { parseNumber } from './profile.js';
import { state } from './state.js';

const SHOP_FIELDS = [
  { key: 'opened', type: 'date' },
  { key: 'as_of', type: 'date' },
  { key: 'utc_offset', type: 'text', placeholder: '-08:00', hint: 'shop.utc_hint' },
  { key: 'category', type: 'text' },
  { key: 'reputation_points', type: 'number' },
  { key: 'has_logo', type: 'select' },
  { key: 'products_for_sale', type: 'number' },
  { key: 'violations_30d', type: 'number' },
  { key: 'positive_rating_rate', type: 'percent' },
];

// Given by main.js, so that this module need not import the file list or the scoring.
let onChange = { rescore() {}, rereadFiles() {} };

// Builds the form once at startup; `rescore` and `rereadFiles` are what a change triggers.
export function setupShopForm({ rescore, rereadFiles }) {
  onChange = { rescore, rereadFiles };
  buildShopForm(false);
}

// keepValues: rebuilt for a language change, with what was typed kept.
export function buildShopForm(keepValues) {
  const root = $('#shop-form');
  const old = keepValues ? readShopForm(true) : {};
  setChildren(root, SHOP_FIELDS.map((f) => {
    const id = 'shop-' + f.key;
    let input;
    if (f.type === 'select') {
      input = h('select', { id }, ['', 'true', 'false'].map((v) => h('option', { value: v, text: t('shop.logo_' + (v || 'unknown')) })));
    } else {
      input = h('input', { id, type: f.type === 'date' ? 'date' : 'text', inputmode: f.type === 'number' || f.type === 'percent' ? 'decimal' : null, placeholder: f.placeholder || null, autocomplete: 'off', 'aria-describedby': [f.hint ? id + '-hint' : '', id + '-msg'].join(' ').trim() });
    }
    if (old[f.key] != null) input.value = old[f.key];
    // The time zone applies when files are read: on 'change' only, not per keystroke. The other
    // facts only rescore, shortly after the last keystroke.
    if (f.key === 'utc_offset') input.addEventListener('change', shopChanged);
    else input.addEventListener('input', shopTyped);
    return h('div.field', null, h('label', { for: id, text: t('shop.' + f.key) }),
      f.type === 'percent' ? h('div.input-unit', null, input, h('span.unit', { 'aria-hidden': 'true', text: '%' })) : input,
      f.hint ? h('span.hint', { id: id + '-hint', text: t(f.hint) }) : null,
      h('span.field-msg.error', { id: id + '-msg' }));
  }));
}

// raw: the typed strings as they are (to keep them over a rebuild); else parsed values, with
// invalid numbers marked aria-invalid and left out.
export function readShopForm(raw) {
  const out = {};
  for (const f of SHOP_FIELDS) {
    const el = $('#shop-' + f.key);
    if (!el) continue;
    const v = el.value.trim();
    if (raw) { if (v !== '') out[f.key] = v; continue; }
    if (v === '') continue;
    // A typo is marked at the field, in the page's language, and left out (it never reaches the
    // core, so it cannot wipe the result or fail the files).
    if (f.type === 'number' || f.type === 'percent') {
      const n = parseNumber(v);
      const bad = n == null || n < 0 || (f.type === 'percent' && n > 100);
      fieldError(el, bad ? (f.type === 'percent' ? 'quick.err_percent' : 'shop.err_number') : '');
      if (!bad) out[f.key] = f.type === 'percent' ? n / 100 : n;
    } else if (f.key === 'utc_offset') {
      const ok = /^[+-](0\d|1[0-4]):[0-5]\d$/.test(v);
      fieldError(el, ok ? '' : 'shop.err_offset');
      if (ok) out[f.key] = v;
    } else if (f.type === 'select') out[f.key] = v === 'true';
    else out[f.key] = v;
  }
  return out;
}

function fieldError(el, key) {
  el.setAttribute('aria-invalid', key ? 'true' : 'false');
  const msg = document.getElementById(el.id + '-msg');
  if (msg) msg.textContent = key ? t(key) : '';
}

// Shop facts as the `shop` object (as_of goes in the options instead).
export function shopFacts() {
  const facts = readShopForm(false);
  delete facts.as_of;
  return facts;
}

// The time zone typed in the form ('' = none). It applies while files are read, so it is the
// one fact that needs a re-read; the core ignores utc_offset in a score-time shop override.
export function shopOffset() {
  return readShopForm(false).utc_offset || '';
}

// The shop facts laid over the data's at score time (the `shop` score option).
export function shopOverride() {
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
  if (state.source === 'files' && state.files.length && shopOffset() !== state.sessionOffset) onChange.rereadFiles();
  else onChange.rescore();
}
