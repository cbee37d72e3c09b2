// The category profile (docs/rules.md §21): choose, edit, save to / load from a JSON file, remembered in
// localStorage. Numbers that are ShopScore's estimates are marked while they keep the built-in
// value. Every change calls onChange(); the page rescores without reading the files again.
import { h, setChildren } from './dom.js';
import { t, tn, getLang, zhPunct } from './i18n.js';
import { METRICS, DIMENSIONS } from './model.js';
import { parseNumber } from './parse.js';
import { saveText } from './downloads.js';
import { checkProfile } from './profile-check.js';
import { fmtPercent, fmtMetricValue } from './format.js';

const STORE_KEY = 'shopscore.profiles';
const FAULT_LISTS = ['seller_fault', 'buyer_fault', 'carrier_fault', 'late_shipment_cancel', 'seller_cancel', 'buyer_cancel', 'system_late_cancel'];
const PROTECTION_NUMBERS = ['max_shop_age_days', 'max_orders', 'max_affected', 'floor', 'imd_floor'];

// Where a number comes from (the tags of docs/rules.md): 'rule' stated by TikTok Shop, 'example' the guide's
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

// Rates and dimension weights are edited in percent (as Seller Center shows them), aht in hours.
const tidy = (x) => parseFloat(x.toPrecision(12));
function toInput(unit, v) {
  if (v == null) return '';
  return String(unit === '%' ? tidy(v * 100) : v);
}
const fmtBench = (m, v) => fmtMetricValue(m, v);

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
        // Loaded defensively: a saved profile with a value the core would refuse is left out
        // (the page must never start broken), and the choice falls back to the built-in one.
        let current = Number.isInteger(saved.current) ? saved.current : -1;
        saved.user.forEach((raw, i) => {
          const p = mergeOnto(this.builtin, raw);
          const problems = checkProfile(p, fmtBench);
          if (problems.length || typeof p.id !== 'string') {
            this.message = { key: 'profile.dropped', params: { message: problemText(problems[0]) }, error: true };
            if (i === current) current = -1;
            else if (i < current) current -= 1;
            return;
          }
          this.user.push(p);
        });
        this.current = current >= 0 && current < this.user.length ? current : -1;
        if (this.message) this.persist();
      }
    } catch { /* a damaged entry: start from the built-in profile */ }
    this.errors = new Map(); // field id -> problem shown at the field (not applied)
  }

  profile() {
    return this.current < 0 ? this.builtin : this.user[this.current];
  }

  persist() {
    try { localStorage.setItem(STORE_KEY, JSON.stringify({ user: this.user, current: this.current })); } catch { /* ignore */ }
  }

  // A profile's name in the page's language; never its internal id.
  name(p) {
    const n = p.name || {};
    return zhPunct((getLang() === 'zh' ? n.zh || n.en : n.en || n.zh) || t('profile.custom_name'));
  }

  displayName() {
    const p = this.profile();
    return this.current < 0 ? t('profile.builtin', { name: this.name(p) }) : this.name(p);
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
    if (this.message) { this.msgEl.textContent = this.messageText(); this.msgEl.classList.toggle('error', !!this.message.error); }

    // A field whose value would make the profile invalid shows why, in the page's language, and
    // the value is not applied (the result keeps the last valid profile) nor saved.
    const field = (path, unit, labelText, extra = {}) => {
      const id = 'pf-' + path.join('-');
      const value = getPath(p, path);
      const errId = id + '-err';
      const input = h('input', { id, type: 'text', inputmode: 'decimal', autocomplete: 'off', value: toInput(unit, value), 'aria-describedby': errId, ...extra });
      const errEl = h('span.field-error', { id: errId });
      const badge = h('span.badge.badge-est', { 'aria-hidden': 'true' });
      const setBadge = () => {
        const kind = provenance(path);
        const same = getPath(this.profile(), path) === getPath(this.builtin, path);
        badge.hidden = !(same && kind !== 'rule');
        badge.textContent = kind === 'example' ? t('profile.example') : t('profile.estimate');
        input.setAttribute('aria-description', badge.hidden ? '' : badge.textContent);
      };
      setBadge();
      const showError = (problem) => {
        input.setAttribute('aria-invalid', problem ? 'true' : 'false');
        errEl.textContent = problem ? `${problemText(problem)}${t('punct.space')}${t('profile.not_applied')}` : '';
        if (problem) this.errors.set(id, problem); else this.errors.delete(id);
      };
      const pending = this.errors.get(id);
      if (pending) showError(pending);
      input.addEventListener('input', () => {
        const n = parseNumber(input.value);
        // Empty, "abc", a negative number: said at the field (the problem names its own path).
        if (n == null || n < 0) { showError({ path, key: 'profile.err_number' }); return; }
        const v = unit === '%' ? n / 100 : n;
        const candidate = clone(this.profile());
        setPath(candidate, path, v);
        const problems = checkProfile(candidate, fmtBench);
        const mine = problems.find((x) => x.path.join('-') === path.join('-'))
          || (path[0] === 'benchmarks' ? problems.find((x) => x.path[0] === 'benchmarks' && x.path[1] === path[1]) : null)
          || (path[0] === 'weights' ? problems.find((x) => x.path[0] === 'weights') : null);
        if (mine) { showError(mine); return; }
        showError(null);
        // A fixed group (a metric's good/poor pair, the dimension weights) clears the other
        // fields' messages too, and an old error line above the editor goes.
        const group = 'pf-' + (path[0] === 'benchmarks' ? path.slice(0, 2) : path.slice(0, 1)).join('-') + '-';
        if (this.message && this.message.error) { this.message = null; this.msgEl.textContent = ''; this.msgEl.classList.remove('error'); }
        for (const other of this.root.querySelectorAll('input[aria-invalid="true"]')) {
          if (other !== input && other.id.startsWith(group)) {
            other.setAttribute('aria-invalid', 'false');
            const e = document.getElementById(other.id + '-err');
            if (e) e.textContent = '';
            this.errors.delete(other.id);
          }
        }
        setPath(this.editable(), path, v);
        setBadge();
        if (path[0] === 'weights') this.showWeightSum();
        this.changed();
      });
      return h('div.field', null, h('label', { for: id, text: labelText }), h('div.input-unit', null, input,
        unit ? h('span.unit', { text: unit }) : null), badge, errEl);
    };

    this.weightSum = h('p.weights-sum', { id: 'weights-sum', role: 'status' });
    const weights = h('fieldset', null, h('legend', { text: t('profile.weights') }),
      h('div.form-grid', null, DIMENSIONS.map((d) => field(['weights', d], '%', t('dim.' + d)))), this.weightSum);
    this.showWeightSum();
    const metricWeights = h('fieldset', null, h('legend', { text: t('profile.metric_weights') }),
      h('div.form-grid', null, METRICS.map((m) => field(['metric_weights', m], null, t('metric.' + m)))));
    const bench = h('fieldset', null, h('legend', { text: t('profile.benchmarks') }),
      h('p.hint', { text: t('profile.benchmarks_hint') }),
      h('div.bench-grid', null, METRICS.map((m) => h('div.bench-row', null,
        h('span.bench-name', { text: t('metric.' + m) }),
        field(['benchmarks', m, 'good'], m === 'aht' ? t('unit.hours') : '%', t('profile.good')),
        field(['benchmarks', m, 'poor'], m === 'aht' ? t('unit.hours') : '%', t('profile.poor'))))));
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
    this.user.forEach((p, i) => options.push(h('option', { value: String(i), text: this.name(p) })));
    setChildren(this.select, options);
    this.select.value = String(this.current);
  }

  // Messages are kept as keys, so a language change rewords them.
  messageText() {
    const m = this.message;
    if (!m) return '';
    return m.plural != null ? tn(m.key, m.plural, m.params) : t(m.key, m.params);
  }

  setMessage(key, params, error, plural) {
    this.message = { key, params, error, plural };
    if (this.msgEl) {
      this.msgEl.textContent = this.messageText();
      this.msgEl.classList.toggle('error', !!error);
    }
  }

  // A profile made elsewhere on the page (a fit to Seller Center readings, calibrate-form.js):
  // kept like a loaded one (checked, saved in localStorage) and chosen. A profile of the same
  // name is replaced, so fitting again does not pile up copies. Answers the name it shows.
  adopt(raw) {
    const p = mergeOnto(this.builtin, raw);
    if (typeof p.id !== 'string' || !p.id) p.id = 'custom';
    const problems = checkProfile(p, fmtBench);
    if (problems.length) throw new Error(problemText(problems[0], p));
    const same = this.user.findIndex((u) => JSON.stringify(u.name) === JSON.stringify(p.name));
    if (same >= 0) this.user[same] = p;
    else this.user.push(p);
    this.current = same >= 0 ? same : this.user.length - 1;
    this.errors.clear();
    this.message = null;
    this.render();
    this.changed();
    return this.name(p);
  }

  // Dimension weights are shares: the core uses them in proportion, so a sum other than 100 %
  // is allowed but said.
  showWeightSum() {
    if (!this.weightSum) return;
    const w = this.profile().weights || {};
    const sum = DIMENSIONS.reduce((s, d) => s + (Number(w[d]) || 0), 0);
    this.weightSum.textContent = Math.abs(sum - 1) > 1e-9 ? t('profile.weights_sum', { sum: fmtPercent(sum, 1) }) : '';
  }

  reset() {
    this.errors.clear();
    this.current = -1;
    this.persist();
    this.message = null;
    this.render();
    this.onChange();
  }

  save() {
    const p = this.profile();
    const name = `${p.id || 'profile'}.profile.json`;
    saveText(name, 'application/json', JSON.stringify(p, null, 2) + '\n');
    this.setMessage('profile.saved', { file: name }, false);
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
      const checked = list.map((x) => {
        const p = mergeOnto(this.builtin, x);
        if (typeof p.id !== 'string' || !p.id) p.id = 'custom';
        return { p, problems: checkProfile(p, fmtBench) };
      });
      const bad = checked.find((c) => c.problems.length);
      if (bad) throw new Error(t('profile.invalid_in_file', { message: problemText(bad.problems[0], bad.p) }));
      const first = this.user.length;
      for (const { p } of checked) this.user.push(p);
      this.current = first;
      this.persist();
      this.message = { key: 'profile.loaded', params: { file: file.name }, plural: list.length, error: false };
      this.errors.clear();
      this.render();
      this.onChange();
    } catch (e) {
      this.setMessage('profile.load_error', { file: file.name, message: e.message }, true);
    }
  }
}

// "Negative review rate, 4 points: For this metric lower is better: ..." for a file or a saved profile.
function problemText(problem, p) {
  if (!problem) return '';
  const [group, metric, which] = problem.path;
  let where = '';
  if (group === 'benchmarks') where = `${t('metric.' + metric)} ${t(which === 'poor' ? 'profile.poor' : 'profile.good')}`;
  else if (group === 'weights') where = t('profile.weights');
  else if (group === 'metric_weights') where = t('profile.metric_weights');
  else if (group === 'protection') where = t('profile.protection');
  else if (group === 'volume_prior') where = t('profile.volume_prior');
  else if (group === 'delivery_sla_business_days') where = t('profile.sla_days');
  const name = p && p.name ? (getLang() === 'zh' ? p.name.zh || p.name.en : p.name.en || p.name.zh) : '';
  const sep = t('punct.colon');
  return [name, where].filter(Boolean).join(' · ') + (where || name ? sep : '') + t(problem.key, problem.params);
}
