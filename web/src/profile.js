// The category profile (SPEC §5): choose, edit, save to / load from a JSON file, remembered in
// localStorage. Numbers that are ShopScore's estimates are marked while they keep the built-in
// value. Every change calls onChange(); the page rescores without reading the files again.
import { h, setChildren } from './dom.js';
import { t, getLang } from './i18n.js';
import { METRICS, DIMENSIONS } from './render.js';

const STORE_KEY = 'shopscore.profiles';
const FAULT_LISTS = ['seller_fault', 'buyer_fault', 'late_shipment_cancel', 'seller_cancel', 'buyer_cancel', 'system_late_cancel'];
const PROTECTION_NUMBERS = ['max_shop_age_days', 'max_orders', 'max_affected', 'floor', 'imd_floor'];

// Where a number comes from (SPEC tags): 'rule' stated by TikTok Shop, 'example' the guide's
// example, 'estimate' ShopScore's model.
function provenance(path) {
  if (path[0] === 'benchmarks') return path[1] === 'nrr' ? 'example' : 'estimate';
  if (path[0] === 'delivery_sla_business_days') return 'rule';
  if (path[0] === 'protection') return path[1] === 'combine' ? 'estimate' : 'rule';
  return 'estimate'; // weights, metric weights, volume prior, fault reasons
}

function getPath(obj, path) {
  return path.reduce((o, k) => (o == null ? undefined : o[k]), obj);
}

function setPath(obj, path, value) {
  let o = obj;
  for (const k of path.slice(0, -1)) {
    if (o[k] == null || typeof o[k] !== 'object') o[k] = {};
    o = o[k];
  }
  o[path[path.length - 1]] = value;
}

function clone(x) {
  return JSON.parse(JSON.stringify(x));
}

// Fields a file leaves out keep the built-in value (as the core does).
function mergeOnto(base, over) {
  if (Array.isArray(over) || over == null || typeof over !== 'object') return over === undefined ? clone(base) : over;
  const out = clone(base ?? {});
  for (const [k, v] of Object.entries(over)) {
    out[k] = v && typeof v === 'object' && !Array.isArray(v) && base && typeof base[k] === 'object' ? mergeOnto(base[k], v) : v;
  }
  return out;
}

// Rates are edited in percent (as Seller Center shows them), aht in hours.
const tidy = (x) => parseFloat(x.toPrecision(12));
function toInput(metric, v) {
  if (v == null) return '';
  return String(metric && metric !== 'aht' ? tidy(v * 100) : v);
}
export function parseNumber(text) {
  const s = String(text).trim().replace(/\s|%/g, '').replace(/,/g, '.');
  if (s === '' || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return null;
  return Number(s);
}

export class ProfileEditor {
  constructor(root, builtinJson, onChange) {
    this.root = root;
    this.builtin = JSON.parse(builtinJson);
    this.onChange = onChange;
    this.user = [];
    this.current = -1; // -1: the built-in profile
    this.message = null;
    try {
      const saved = JSON.parse(localStorage.getItem(STORE_KEY) || 'null');
      if (saved && Array.isArray(saved.user)) {
        this.user = saved.user.map((p) => mergeOnto(this.builtin, p));
        this.current = Number.isInteger(saved.current) && saved.current < this.user.length ? saved.current : -1;
      }
    } catch { /* a damaged entry: start from the built-in profile */ }
  }

  profile() {
    return this.current < 0 ? this.builtin : this.user[this.current];
  }

  persist() {
    try { localStorage.setItem(STORE_KEY, JSON.stringify({ user: this.user, current: this.current })); } catch { /* ignore */ }
  }

  name(p) {
    const n = p.name || {};
    return (getLang() === 'zh' ? n.zh || n.en : n.en || n.zh) || p.id;
  }

  // The built-in profile is never edited in place: the first change makes an editable copy.
  editable() {
    if (this.current < 0) {
      const copy = clone(this.builtin);
      copy.id = 'custom';
      copy.name = { en: 'My profile', zh: '我的配置' };
      this.user.push(copy);
      this.current = this.user.length - 1;
      this.refreshSelect();
    }
    return this.user[this.current];
  }

  changed() {
    this.persist();
    this.onChange();
  }

  render() {
    const p = this.profile();
    this.select = h('select', { id: 'profile-select', onchange: () => {
      this.current = Number(this.select.value);
      this.persist();
      this.render();
      this.onChange();
    } });
    this.refreshSelect();
    this.fileInput = h('input', { type: 'file', accept: '.json,application/json', class: 'visually-hidden', id: 'profile-file', tabindex: '-1', 'aria-hidden': 'true', onchange: () => this.load() });
    this.msgEl = h('p.profile-msg', { role: 'status', id: 'profile-msg' });
    if (this.message) { this.msgEl.textContent = this.message.text; this.msgEl.classList.toggle('error', !!this.message.error); }

    const field = (path, metric, labelText, extra = {}) => {
      const id = 'pf-' + path.join('-');
      const value = getPath(p, path);
      const input = h('input', { id, type: 'text', inputmode: 'decimal', autocomplete: 'off', value: toInput(metric, value), ...extra });
      const badge = h('span.badge.badge-est', { 'aria-hidden': 'true' });
      const setBadge = () => {
        const kind = provenance(path);
        const same = getPath(this.profile(), path) === getPath(this.builtin, path);
        badge.hidden = !(same && kind !== 'rule');
        badge.textContent = kind === 'example' ? t('profile.example') : t('profile.estimate');
        input.setAttribute('aria-description', badge.hidden ? '' : badge.textContent);
      };
      setBadge();
      input.addEventListener('input', () => {
        const n = parseNumber(input.value);
        const ok = n != null && n >= 0;
        input.setAttribute('aria-invalid', ok ? 'false' : 'true');
        if (!ok) return;
        const v = metric && metric !== 'aht' ? n / 100 : n;
        setPath(this.editable(), path, v);
        setBadge();
        this.changed();
      });
      return h('div.field', null, h('label', { for: id, text: labelText }), h('div.input-unit', null, input,
        metric ? h('span.unit', { text: metric === 'aht' ? 'h' : '%' }) : null), badge);
    };

    const weights = h('fieldset', null, h('legend', { text: t('profile.weights') }),
      h('div.form-grid', null, DIMENSIONS.map((d) => field(['weights', d], null, t('dim.' + d)))));
    const metricWeights = h('fieldset', null, h('legend', { text: t('profile.metric_weights') }),
      h('div.form-grid', null, METRICS.map((m) => field(['metric_weights', m], null, t('metric.' + m)))));
    const bench = h('fieldset', null, h('legend', { text: t('profile.benchmarks') }),
      h('p.hint', { text: t('profile.benchmarks_hint') }),
      h('div.bench-grid', null, METRICS.map((m) => h('div.bench-row', null,
        h('span.bench-name', { text: t('metric.' + m) }),
        field(['benchmarks', m, 'good'], m, t('profile.good')),
        field(['benchmarks', m, 'poor'], m, t('profile.poor'))))));
    const model = h('fieldset', null, h('legend', { text: t('profile.model') }),
      h('div.form-grid', null,
        field(['volume_prior'], null, t('profile.volume_prior')),
        field(['delivery_sla_business_days'], null, t('profile.sla_days'))));
    const combine = h('select', { id: 'pf-protection-combine', onchange: () => {
      setPath(this.editable(), ['protection', 'combine'], combine.value);
      this.changed();
    } }, ['all', 'any'].map((v) => h('option', { value: v, text: t('profile.combine_' + v) })));
    combine.value = getPath(p, ['protection', 'combine']) || 'all';
    const protection = h('fieldset', null, h('legend', { text: t('profile.protection') }),
      h('div.form-grid', null,
        PROTECTION_NUMBERS.map((k) => field(['protection', k], null, t('profile.p_' + k))),
        h('div.field', null, h('label', { for: 'pf-protection-combine', text: t('profile.p_combine') }), combine,
          h('span.badge.badge-est', { text: t('profile.estimate'), hidden: (getPath(p, ['protection', 'combine']) || 'all') !== (getPath(this.builtin, ['protection', 'combine']) || 'all') }))));

    let faults = null;
    if (p.fault_reasons && typeof p.fault_reasons === 'object') {
      faults = h('details.faults', null, h('summary', { text: t('profile.fault_reasons') }),
        h('p.hint', { text: t('profile.fault_hint') }),
        FAULT_LISTS.filter((k) => Array.isArray(p.fault_reasons[k])).map((k) => {
          const id = 'pf-fault-' + k;
          const area = h('textarea', { id, rows: '4', spellcheck: 'false', value: p.fault_reasons[k].join('\n') });
          area.addEventListener('input', () => {
            setPath(this.editable(), ['fault_reasons', k], area.value.split('\n').map((s) => s.trim()).filter(Boolean));
            this.changed();
          });
          return h('div.field', null, h('label', { for: id, text: t('profile.fault_' + k) }), area);
        }));
    }

    setChildren(this.root,
      h('div.profile-choose', null,
        h('label', { for: 'profile-select', text: t('profile.in_use') }), this.select,
        h('div.row', null,
          h('button', { type: 'button', id: 'profile-save', onclick: () => this.save(), text: t('profile.save') }),
          h('button', { type: 'button', id: 'profile-load', onclick: () => this.fileInput.click(), text: t('profile.load') }),
          h('button', { type: 'button', id: 'profile-reset', onclick: () => this.reset(), text: t('profile.reset') }),
          this.fileInput),
        this.msgEl),
      h('p.hint.legend', null, h('span.badge.badge-est', { text: t('profile.estimate') }), ' ', t('profile.estimate_legend')),
      bench, weights, metricWeights, model, protection, faults);
  }

  refreshSelect() {
    if (!this.select) return;
    const options = [h('option', { value: '-1', text: t('profile.builtin', { name: this.name(this.builtin) }) })];
    this.user.forEach((p, i) => options.push(h('option', { value: String(i), text: this.name(p) + ` (${p.id})` })));
    setChildren(this.select, options);
    this.select.value = String(this.current);
  }

  setMessage(text, error) {
    this.message = { text, error };
    if (this.msgEl) {
      this.msgEl.textContent = text;
      this.msgEl.classList.toggle('error', !!error);
    }
  }

  reset() {
    this.current = -1;
    this.persist();
    this.message = null;
    this.render();
    this.onChange();
  }

  save() {
    const p = this.profile();
    const blob = new Blob([JSON.stringify(p, null, 2) + '\n'], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = h('a', { href: url, download: `${p.id || 'profile'}.profile.json` });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    this.setMessage(t('profile.saved', { file: a.download }), false);
  }

  async load() {
    const file = this.fileInput.files && this.fileInput.files[0];
    this.fileInput.value = '';
    if (!file) return;
    try {
      if (file.size > 4 * 1024 * 1024) throw new Error(t('profile.too_big'));
      const data = JSON.parse(await file.text());
      const list = Array.isArray(data) ? data : [data];
      if (!list.length || list.some((x) => !x || typeof x !== 'object' || Array.isArray(x))) throw new Error(t('profile.not_profile'));
      const first = this.user.length;
      for (const x of list) {
        const p = mergeOnto(this.builtin, x);
        if (typeof p.id !== 'string' || !p.id) p.id = 'custom';
        this.user.push(p);
      }
      this.current = first;
      this.persist();
      this.message = { text: t('profile.loaded', { file: file.name, n: list.length }), error: false };
      this.render();
      this.onChange();
    } catch (e) {
      this.setMessage(t('profile.load_error', { file: file.name, message: e.message }), true);
    }
  }
}
