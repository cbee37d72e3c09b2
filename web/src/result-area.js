// The result panel: the current result (render.js), an error (worded from its code), or the
// empty message; the download and print buttons; a short spoken summary (the panel itself is
// not a live region: a screen reader would read the whole result on every keystroke); and the
// sticky score line shown while the result is out of view. It renders from the store only.
import { h, $, setChildren } from './dom.js';
import { t, tn } from './i18n.js';
import { renderResult } from './render.js';
import { errorNode, errorText } from './errors.js';
import { fmtDate } from './format.js';
import { downloadJson, downloadCsv } from './downloads.js';
import { state } from './store.js';
import { verdictText } from './calibrate-report.js';
import { readingsBefore } from './history/history-panel.js';

function sourceLabel() {
  if (state.resultSource === 'sample') return t('source.sample');
  if (state.resultSource === 'quick') return t('source.quick');
  const ok = state.files.filter((f) => f.status === 'ok').length;
  return tn('source.files', ok);
}

function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

// Callbacks from main.js: typeMetric(id, text) (a metric typed under the table) and
// scoreWith(extra) (the insight panels' extra scoring), passed down in the render context.
let actions = { typeMetric: null, scoreWith: null, declareNone: null };
export function setResultActions(a) {
  actions = { ...actions, ...a };
}

export function renderResultArea() {
  const body = $('#result-body');
  const parts = [];
  const showResult = state.result && state.source !== 'none';
  if (state.error) {
    parts.push(h('div.error-box', { id: 'result-error' },
      h('strong', { text: t('result.error') }), t('punct.space'), errorNode(state.error),
      showResult ? h('p.kept', { text: t('result.kept') }) : null));
  } else if (showResult && state.stale) {
    // A typed value cannot be read: the result below is the last valid one, not the inputs'.
    parts.push(h('div.error-box.stale', { id: 'result-stale', role: 'note' },
      h('strong', { text: t('result.stale') }), t('punct.space'), t('result.stale_detail')));
  }
  if (showResult) {
    const profile = state.profile && state.profile.profile();
    parts.push(h('div.result-actions.no-print', null,
      h('button', { type: 'button', id: 'download-json', onclick: () => downloadJson(state.result), text: t('result.download_json') }),
      h('button', { type: 'button', id: 'download-csv', onclick: () => downloadCsv(state.result, profile), text: t('result.download_csv') }),
      h('button', { type: 'button', id: 'print', onclick: () => window.print(), text: t('result.print') })));
    parts.push(h('p.print-only.meta', { text: t('result.printed', { date: fmtDate(today()) }) }));
    const ctx = {
      profile,
      profileName: state.profile ? state.profile.name(profile) : '',
      sourceLabel: sourceLabel(),
      source: state.resultSource,
      assumedOrders: state.resultSource === 'quick' && state.assumedOrders,
      typeMetric: state.resultSource === 'quick' ? null : actions.typeMetric,
      scoreWith: actions.scoreWith,
      insightsPending: state.insightsPending,
      declareNone: state.resultSource === 'files' ? actions.declareNone : null,
      typed: state.typedText,
      fields: state.fields,
      files: state.files,
      // The shop's stored readings older than a day (the trend's first): the long-run chart.
      historyBefore: readingsBefore,
    };
    // The profile in use is the one fitted to the seller's Seller Center readings (unchanged
    // since): the result says how well it reproduces them.
    const c = state.calib;
    if (c.report && c.savedJson && profile && JSON.stringify(profile) === c.savedJson) {
      parts.push(h('p', { id: 'result-calibrated', class: c.report.matches ? 'cal-ok' : 'cal-bad', text: verdictText(c.report) }));
    }
    parts.push(renderResult(state.result, ctx));
  } else if (!state.error) {
    // Nothing scored yet because a typed value cannot be read: say so here, not only at the field.
    const bad = state.source !== 'none' && Object.values(state.fields).some((f) => f.error);
    parts.push(h('p.empty', { id: bad ? 'result-fix-fields' : null, text: t(bad ? 'result.fix_fields' : 'result.empty') }));
  }
  setChildren(body, parts);
  // "Ready" has said its piece once a result is shown (a boot failure stays).
  const boot = $('#boot-status');
  if (boot && !boot.classList.contains('error')) boot.hidden = !!showResult;
  body.dataset.source = state.source;
  body.dataset.seq = String(state.shownSeq);
  body.dataset.stale = state.stale ? 'true' : 'false';
  announce();
  updateSticky();
}

// One short sentence for screen readers, only when it changes.
let lastAnnounced = '';
function announce() {
  const live = $('#result-live');
  if (!live) return;
  let text = '';
  if (state.error) text = t('announce.error', { message: errorText(state.error) });
  else if (state.stale) text = t('result.stale');
  else if (state.result && state.source !== 'none') {
    const r = state.result;
    text = t('announce.score', { sps: r.sps == null ? '—' : r.sps_display, status: r.status === 'scored' ? t('status.scored') : t('status.provisional') });
  }
  if (text === lastAnnounced) return;
  lastAnnounced = text;
  live.textContent = text;
}

// The sticky line at the bottom of the screen: the score while typing, when the headline is
// scrolled out of view (on a phone the result sits below the form).
let headlineVisible = true;
let observer = null;
export function setupSticky() {
  $('#sticky-jump').addEventListener('click', () => {
    $('#result').scrollIntoView({ block: 'start' });
    $('#result').focus({ preventScroll: true });
  });
  if (typeof IntersectionObserver !== 'function') return;
  observer = new IntersectionObserver((entries) => {
    for (const e of entries) headlineVisible = e.isIntersecting;
    updateSticky();
  });
}

function updateSticky() {
  const bar = $('#sticky-score');
  if (!bar) return;
  const sps = $('#sps');
  if (observer) {
    observer.disconnect();
    if (sps) observer.observe(sps);
  }
  const r = state.result;
  const show = !!(r && state.source !== 'none' && sps && !headlineVisible);
  bar.hidden = !show;
  if (!r) return;
  // The headline's own words: the point score, or the range while a metric is missing.
  $('#sticky-value').textContent = $('#sps-display') ? $('#sps-display').textContent : '—';
  // The last valid result while a typed value cannot be read is not the inputs' score: said here too.
  $('#sticky-status').textContent = state.stale ? t('result.stale') : r.status === 'scored' ? t('status.scored') : t('status.provisional');
}
