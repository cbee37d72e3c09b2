// "Match my Seller Center" (docs/web.md, docs/calibration.md): a form laid out like Seller
// Center's Shop Performance Score page - the SPS, three dimension cards with their weight, and in
// each its two metrics with value, score and the two category lines - once per reading date.
// It starts from ShopScore's numbers (the shown result) so the seller only corrects what differs.
//
// One-way, like the other forms: typing puts the texts in the store (state.calib.snaps);
// calibrate-request.js reads them (pure); the fit runs in the worker (actions.calibrate, from
// scoring.js through main.js); the report goes in the store; this module draws from the store.
import { h, $, setChildren } from './dom.js';
import { t } from './i18n.js';
import { METRICS, DIMENSIONS, METRIC_DIMENSION } from './model.js';
import { state, set, subscribe } from './store.js';
import { fieldId, textsFromResult, textsForDay, readSnapshots, readDate, weekBefore } from './calibrate-request.js';
import { showFieldMessages } from './field-messages.js';
import { renderReport } from './calibrate-report.js';
import { errorText } from './errors.js';

// From main.js: calibrate(snapshotsJson) -> report, scoreWith(extra) -> result JSON text,
// adoptProfile(profile) -> the name it was saved under.
let actions = { calibrate: null, scoreWith: null, adoptProfile: null };

function setCalib(patch) {
  set({ calib: { ...state.calib, ...patch } });
}

const profileNow = () => (state.profile ? state.profile.profile() : {});

// A new set of readings: one, from the shown result.
function startFromResult() {
  const texts = textsFromResult(state.result, profileNow());
  setCalib({ snaps: [{ key: 1, texts }], nextKey: 2, edited: false, fields: {}, report: null, error: null, saved: null, savedJson: null, fill: {} });
}

export function setupCalibration(a) {
  actions = { ...actions, ...a };
  subscribe((patch) => {
    // A new result while the seller has typed nothing: the form follows ShopScore's numbers.
    if (('result' in patch || 'resultSource' in patch) && !state.calib.edited && !state.calib.busy) {
      queueMicrotask(() => {
        if (state.result && state.source !== 'none') startFromResult();
        else setCalib({ snaps: [] });
        renderCalibration();
      });
    }
    if ('calib' in patch) showCalibState();
  });
  // Folded away, the form is not built (a result on every keystroke elsewhere would rebuild it).
  $('#cal-details').addEventListener('toggle', () => renderCalibration());
  renderCalibration();
}

// One typed field: label, input (with its unit), and the message line under it (#ID-msg).
function field(key, name, label, unit, extra = {}) {
  const id = fieldId(key, name);
  const snap = state.calib.snaps.find((s) => s.key === key);
  const input = h('input', {
    id, type: 'text', inputmode: name === 'as_of' ? null : 'decimal', autocomplete: 'off', spellcheck: 'false',
    value: snap ? snap.texts[name] ?? '' : '', 'aria-describedby': id + '-msg', ...extra,
    oninput: () => typeText(key, name, input.value),
  });
  return h('div.field', null, h('label', { for: id, text: label }),
    h('div.input-unit', null, input, unit ? h('span.unit', { text: unit, 'aria-hidden': 'true' }) : null),
    h('span.field-msg', { id: id + '-msg' }));
}

function typeText(key, name, text) {
  const snaps = state.calib.snaps.map((s) => (s.key === key ? { ...s, texts: { ...s.texts, [name]: text } } : s));
  // Messages follow the typing once shown (a fixed value loses its mark at once).
  const { fields } = readSnapshots(snaps);
  const invalid = state.calib.invalid && Object.values(fields).some((f) => f.error);
  setCalib({ snaps, edited: true, fields, invalid });
}

function noDataBox(key, d, score) {
  const id = fieldId(key, `${d}-nodata`);
  const snap = state.calib.snaps.find((s) => s.key === key);
  const box = h('input', { id, type: 'checkbox', checked: snap && snap.texts[`${d}-nodata`] === 'true' });
  box.addEventListener('change', () => {
    score.disabled = box.checked;
    typeText(key, `${d}-nodata`, box.checked ? 'true' : '');
  });
  score.disabled = box.checked;
  return h('div.check', null, box, h('label', { for: id, text: t('cal.no_data') }));
}

function metricCard(key, m) {
  const unit = m === 'aht' ? t('unit.hours') : '%';
  return h('fieldset.cal-metric', { 'data-metric': m }, h('legend', { text: t('metric.' + m) }),
    h('div.cal-grid', null,
      field(key, `${m}-value`, t('cal.value'), unit),
      field(key, `${m}-score`, t('cal.score'), null),
      field(key, `${m}-line_4`, t('cal.line_4'), unit),
      field(key, `${m}-line_1`, t('cal.line_1'), unit)));
}

function dimensionCard(key, d) {
  const score = field(key, `${d}-score`, t('cal.score'), null);
  return h('fieldset.cal-dim', { 'data-dim': d }, h('legend', { text: t('dim.' + d) }),
    h('div.cal-grid', null, score, field(key, `${d}-weight`, t('cal.weight'), '%')),
    noDataBox(key, d, score.querySelector('input')),
    METRICS.filter((m) => METRIC_DIMENSION[m] === d).map((m) => metricCard(key, m)));
}

function readingCard(snap, i, count) {
  const key = snap.key;
  const title = t('cal.reading', { n: i + 1 });
  const fill = (state.calib.fill || {})[key];
  return h('fieldset.cal-reading', { 'data-key': String(key) }, h('legend', { text: title }),
    h('div.cal-head', null,
      field(key, 'as_of', t('cal.as_of'), null, { placeholder: '2026-11-01' }),
      field(key, 'sps', t('result.sps'), null),
      h('div.row.cal-buttons', null,
        h('button', { type: 'button', class: 'cal-fill', 'aria-busy': fill === 'busy' ? 'true' : null, onclick: () => fillReading(key), text: t('cal.fill') }),
        count > 1 ? h('button', { type: 'button', class: 'cal-remove', onclick: () => removeReading(key), text: t('cal.remove'), 'aria-label': `${t('cal.remove')} (${title})` }) : null),
      h('p.field-msg', { id: `cal-${key}-fill-msg`, role: 'status', text: fill === 'busy' ? t('cal.filling') : fill && fill.message ? t('cal.fill_failed', { message: fill.message }) : '' })),
    h('div.cal-dims', null, DIMENSIONS.map((d) => dimensionCard(key, d))));
}

// The report drawn last (with the saved name and busy state it was drawn with): typing in the
// form does not redraw it (an opened table stays open).
let shownReport = null;

// The whole form (a structural change: readings added or removed, refilled, a language change).
export function renderCalibration() {
  const root = $('#cal-body');
  if (!root || !$('#cal-details').open) return;
  const c = state.calib;
  if (!c.snaps.length) {
    setChildren(root, h('p.hint', { id: 'cal-need-result', text: t('cal.need_result') }));
    return;
  }
  const form = h('form', { id: 'cal-form', novalidate: true, onsubmit: (e) => { e.preventDefault(); submit(); } },
    h('p.hint', { text: t('cal.intro') }),
    c.snaps.map((s, i) => readingCard(s, i, c.snaps.length)),
    h('div.row.cal-actions', null,
      h('button', { type: 'button', id: 'cal-add', onclick: addReading, text: t('cal.add') }),
      h('button', { type: 'button', id: 'cal-reset', onclick: () => { startFromResult(); renderCalibration(); }, text: t('cal.reset') }),
      h('button.primary', { type: 'submit', id: 'cal-submit', text: t('cal.submit') })),
    h('p.status', { id: 'cal-status', role: 'status' }),
    h('div', { id: 'cal-report' }));
  // A rebuild keeps the keyboard where it was (a reading filled in, a language change).
  const focused = document.activeElement && root.contains(document.activeElement) ? document.activeElement.id : '';
  setChildren(root, form);
  shownReport = null;
  showCalibState();
  const again = focused && document.getElementById(focused);
  if (again) again.focus();
}


// What the store says beyond the typed texts: field messages, busy, the report or error.
function showCalibState() {
  const root = $('#cal-form');
  if (!root) return;
  const c = state.calib;
  showFieldMessages(root, c.fields);
  const submitButton = $('#cal-submit');
  submitButton.disabled = !!c.busy;
  submitButton.setAttribute('aria-busy', c.busy ? 'true' : 'false');
  const status = $('#cal-status');
  let text = '';
  if (c.busy) text = t('cal.busy');
  else if (c.invalid) text = t('cal.fix_fields');
  else if (c.error) text = c.error.key ? t(c.error.key) : errorText(c.error);
  else if (c.report) text = '';
  status.textContent = text;
  status.classList.toggle('error', !!(c.invalid || c.error));
  const drawn = c.report && !c.busy ? [c.report, c.saved] : null;
  if (shownReport && drawn && shownReport[0] === drawn[0] && shownReport[1] === drawn[1]) return;
  if (!shownReport && !drawn) return;
  shownReport = drawn;
  const report = $('#cal-report');
  if (drawn) setChildren(report, renderReport(c.report, { saved: c.saved, useAnyway: c.saved ? null : useAnyway }));
  else setChildren(report);
}

function addReading() {
  const c = state.calib;
  const last = c.snaps[c.snaps.length - 1];
  const texts = { as_of: weekBefore(c.snaps, state.result && state.result.as_of) };
  // Seller Center changes its lines and weights rarely: the new reading starts with the last one's.
  for (const [k, v] of Object.entries(last ? last.texts : {})) if (/-(weight|line_4|line_1)$/.test(k)) texts[k] = v;
  const key = c.nextKey;
  setCalib({ snaps: [...c.snaps, { key, texts }], nextKey: key + 1, edited: true, report: null });
  renderCalibration();
  $('#' + fieldId(key, 'as_of')).focus();
  fillReading(key);
}

function removeReading(key) {
  const snaps = state.calib.snaps.filter((s) => s.key !== key);
  setCalib({ snaps, edited: true, fields: readSnapshots(snaps).fields, report: null });
  renderCalibration();
  $('#cal-add').focus();
}

// ShopScore's numbers on the reading's date (the current source scored in the worker with that
// evaluation date), with the reading's own lines and weights kept.
async function fillReading(key) {
  const snap = state.calib.snaps.find((s) => s.key === key);
  if (!snap || !actions.scoreWith) return;
  const asOf = readDate(String(snap.texts.as_of || ''));
  if (!asOf) {
    setCalib({ fields: { ...state.calib.fields, [fieldId(key, 'as_of')]: { error: 'cal.err_date' } } });
    $('#' + fieldId(key, 'as_of')).focus();
    return;
  }
  setCalib({ fill: { ...state.calib.fill, [key]: 'busy' } });
  renderCalibration();
  try {
    const result = JSON.parse(await actions.scoreWith({ as_of: asOf, insights: false }));
    const now = state.calib.snaps.find((s) => s.key === key);
    if (!now) return;
    const texts = { ...textsForDay(result, profileNow(), now.texts), as_of: asOf };
    const snaps = state.calib.snaps.map((s) => (s.key === key ? { ...s, texts } : s));
    setCalib({ snaps, fill: { ...state.calib.fill, [key]: null }, fields: readSnapshots(snaps).fields });
  } catch (e) {
    setCalib({ fill: { ...state.calib.fill, [key]: { message: errorText(e) } } });
  }
  renderCalibration();
}

// Reads the form (calibrate-request.js); a value that cannot be read stops here, said at its
// field. Otherwise the fit runs in the worker; a fit that reproduces every reading is saved as a
// profile and applied, one that cannot is shown with where it differs and not applied.
async function submit() {
  // The fit reads the data of the result on screen: none (files removed, a read failed), nothing to fit.
  if (!state.result || state.source === 'none') {
    setCalib({ error: { key: 'cal.need_result' }, report: null });
    return;
  }
  const { snapshots, fields, invalid } = readSnapshots(state.calib.snaps);
  // Submitted: the form is the seller's now (a new result no longer refills it).
  setCalib({ fields, invalid, edited: true, error: null, report: null, saved: null });
  if (invalid) {
    const first = $('#cal-form [aria-invalid="true"]');
    if (first) first.focus();
    return;
  }
  setCalib({ busy: true });
  try {
    const report = await actions.calibrate(JSON.stringify(snapshots));
    const saved = report.matches ? actions.adoptProfile(report.profile) : null;
    setCalib({ busy: false, report, saved, savedJson: saved ? JSON.stringify(profileNow()) : null });
  } catch (e) {
    setCalib({ busy: false, error: e });
  }
  const headline = $('#cal-headline');
  if (headline) headline.focus();
}

function useAnyway() {
  const report = state.calib.report;
  if (!report) return;
  setCalib({ saved: actions.adoptProfile(report.profile), savedJson: JSON.stringify(profileNow()) });
  const headline = $('#cal-headline');
  if (headline) headline.focus();
}
