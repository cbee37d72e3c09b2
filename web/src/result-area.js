// The result panel: the current result (render.js), an error (worded from its code), or the
// empty message; the download and print buttons; a short spoken summary (the panel itself is
// not a live region: a screen reader would read the whole result on every keystroke); and the
// sticky score line shown while the result is out of view.
import { h, $, setChildren } from './dom.js';
import { t, tn } from './i18n.js';
import { renderResult } from './render.js';
import { errorNode, errorText } from './errors.js';
import { fmtDate } from './format.js';
import { downloadJson, downloadCsv } from './downloads.js';
import { state } from './state.js';

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

// Set by main.js: what typing a metric's value does (check it, rescore).
let typeMetricHandler = null;
export function setTypeMetricHandler(fn) {
  typeMetricHandler = fn;
}

export function renderResultArea() {
  const body = $('#result-body');
  const parts = [];
  const showResult = state.result && state.source !== 'none';
  if (state.error) {
    parts.push(h('div.error-box', { id: 'result-error' },
      h('strong', { text: t('result.error') }), t('punct.space'), errorNode(state.error),
      showResult ? h('p.kept', { text: t('result.kept') }) : null));
  }
  if (showResult) {
    const profile = state.profile && state.profile.profile();
    parts.push(h('div.result-actions.no-print', null,
      h('button', { type: 'button', id: 'download-json', onclick: () => downloadJson(state.result), text: t('result.download_json') }),
      h('button', { type: 'button', id: 'download-csv', onclick: () => downloadCsv(state.result, profile), text: t('result.download_csv') }),
      h('button', { type: 'button', id: 'print', onclick: () => window.print(), text: t('result.print') })));
    parts.push(h('p.print-only.meta', { text: t('result.printed', { date: fmtDate(today()) }) }));
    parts.push(renderResult(state.result, {
      profile,
      profileName: state.profile ? state.profile.name(profile) : '',
      sourceLabel: sourceLabel(),
      assumedOrders: state.resultSource === 'quick' && state.assumedOrders,
      typeMetric: state.resultSource === 'quick' ? null : typeMetricHandler,
      typed: state.typedTexts,
    }));
  } else if (!state.error) {
    parts.push(h('p.empty', { text: t('result.empty') }));
  }
  setChildren(body, parts);
  body.dataset.source = state.source;
  body.dataset.seq = String(state.seq);
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
  $('#sticky-value').textContent = r.sps == null ? '—' : r.sps_display;
  $('#sticky-status').textContent = r.status === 'scored' ? t('status.scored') : t('status.provisional');
}
