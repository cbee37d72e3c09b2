// The shop-facts form (opened, evaluation date, time zone, category, ...). Typing puts the
// texts in the store (state.shopText); request.js reads them. The facts reach the core in three
// ways: the time zone while files are read, the other facts as the `shop` score option, and
// quick mode builds them into its own dataset. Field messages come back through the store.
import { h, $, setChildren } from './dom.js';
import { t } from './i18n.js';
import { state, set } from './store.js';
import { SHOP_FIELDS, readShopFacts } from './request.js';
import { showFieldMessages } from './field-messages.js';

// Given by main.js, so that this module need not import the file list or the scoring.
let onChange = { rescore() {}, rereadFiles() {} };

// Builds the form once at startup; `rescore` and `rereadFiles` are what a change triggers.
export function setupShopForm({ rescore, rereadFiles }) {
  onChange = { rescore, rereadFiles };
  buildShopForm();
}

// Built from the store's texts, so a rebuild (a language change) keeps what was typed.
export function buildShopForm() {
  const root = $('#shop-form');
  setChildren(root, SHOP_FIELDS.map((f) => {
    const id = 'shop-' + f.key;
    let input;
    if (f.type === 'select') {
      input = h('select', { id }, ['', 'true', 'false'].map((v) => h('option', { value: v, text: t('shop.logo_' + (v || 'unknown')) })));
    } else {
      input = h('input', { id, type: f.type === 'date' ? 'date' : 'text', inputmode: f.type === 'count' ? 'numeric' : f.type === 'percent' ? 'decimal' : null, placeholder: f.placeholder || null, autocomplete: 'off', 'aria-describedby': [f.hint ? id + '-hint' : '', id + '-msg'].join(' ').trim() });
    }
    if (state.shopText[f.key] != null) input.value = state.shopText[f.key];
    // The time zone applies when files are read: on 'change' only, not per keystroke. The other
    // facts only rescore, shortly after the last keystroke.
    if (f.key === 'utc_offset') input.addEventListener('change', () => { store(); shopChanged(); });
    else input.addEventListener('input', () => { store(); shopTyped(); });
    return h('div.field', null, h('label', { for: id, text: t('shop.' + f.key) }),
      f.type === 'percent' ? h('div.input-unit', null, input, h('span.unit', { 'aria-hidden': 'true', text: '%' })) : input,
      f.hint ? h('span.hint', { id: id + '-hint', text: t(f.hint) }) : null,
      h('span.field-msg', { id: id + '-msg' }));
  }));
  showShopMessages();
}

// The form's texts into the store (the one read of the form).
function store() {
  const texts = {};
  for (const f of SHOP_FIELDS) {
    const el = $('#shop-' + f.key);
    if (el && el.value.trim() !== '') texts[f.key] = el.value.trim();
  }
  set({ shopText: texts });
}

export function showShopMessages() {
  showFieldMessages($('#shop-form'), state.fields);
}

// The time zone typed in the form ('' = none or not readable). It applies while files are
// read, so it is the one fact that needs a re-read.
export function shopOffset() {
  return readShopFacts(state.shopText).facts.utc_offset || '';
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
