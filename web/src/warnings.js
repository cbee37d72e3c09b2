// A core warning worded in the page's language (the result's warnings and each file's own).
import { h } from './dom.js';
import { t, tf } from './i18n.js';
import { en } from './errors.js';
import { columnName } from './columns.js';
import { fmtInt } from './format.js';

// A core warning, worded from its code and params (the core's English message, marked
// lang="en", when the code is new to the page). Examples are separate items: "a · b".
// showFile: name the file a warning comes from (not needed in that file's own row).
export function warningItem(w, showFile = true) {
  const params = { count: fmtInt(w.count), ...(w.params || {}) };
  if (params.metric) params.metric = tf('metric.' + params.metric, params.metric);
  if (params.input) params.input = tf('kind.' + params.input, params.input);
  if (params.order) params.order = tf('order.' + params.order, params.order);
  if (params.column) params.column = columnName(params.column);
  // A text naming {file} for a warning that came without one (never the raw placeholder).
  if (params.file == null) params.file = t('warn.this_file');
  const code = w.code === 'ambiguous_dates' && params.order ? 'ambiguous_dates_order' : w.code;
  const knownCode = tf('warn.' + code, null) != null;
  const fileNote = showFile && w.params && w.params.file && !(/\{file\}/.test(tf('warn.' + w.code, ''))) ? t('warn.in_file', { file: w.params.file }) : '';
  const examples = w.examples && w.examples.length ? w.examples : [];
  return h('li', { 'data-warning': w.code },
    fileNote,
    knownCode ? h('span', { text: t('warn.' + code, params) }) : en(w.message),
    examples.length ? h('span.examples', null, t('warn.examples'), ' ',
      examples.map((e, i) => [i ? ' · ' : '', h('q', { text: e })])) : null);
}
