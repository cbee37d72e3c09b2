// The result panel: the current result (render.js), an error, or the empty message.
import { h, $, setChildren } from './dom.js';
import { t } from './i18n.js';
import { renderResult } from './render.js';
import { state } from './state.js';

function sourceLabel() {
  if (state.source === 'sample') return t('source.sample');
  if (state.source === 'quick') return t('source.quick');
  const ok = state.files.filter((f) => f.status === 'ok').length;
  return t('source.files', { n: ok });
}

export function renderResultArea() {
  const body = $('#result-body');
  const parts = [];
  if (state.error) {
    parts.push(h('div.error-box', { role: 'alert', id: 'result-error' },
      h('strong', { text: t('result.error') }), ' ', h('span', { text: state.error.message })));
  }
  if (state.result && state.source !== 'none') {
    parts.push(renderResult(state.result, { profile: state.profile && state.profile.profile(), sourceLabel: sourceLabel() }));
  } else if (!state.error) {
    parts.push(h('p.empty', { text: t('result.empty') }));
  }
  setChildren(body, parts);
  body.dataset.source = state.source;
  body.dataset.seq = String(state.seq);
}
